/**
 * An edit costs the same whatever the portfolio's size: the time from a keystroke to the edited
 * plan's diagnostics and inlay hints, at 2,000 plans against 200, in one run (edits to the two
 * portfolios interleaved, so a machine slowing down or speeding up affects both alike). Only the
 * ratio is asserted, never a time: `npm run bench` measures the times against their budget.
 */
import { describe, expect, it } from 'vitest';
import { buildPortfolio, editOnce, median, settle } from '../../bench/in-process.js';

describe('edit cost and portfolio size', () => {
    it('is the same at 2,000 plans as at 200 (within 1.5×)', async () => {
        const small = await buildPortfolio(200);
        const large = await buildPortfolio(2000);
        const times = { small: [] as number[], large: [] as number[] };
        // A few edits first, so both are measured with warm code.
        for (let i = 0; i < 5; i++) {
            await editOnce(small, small.plans[i], i);
            await settle(small);
            await editOnce(large, large.plans[i], i);
            await settle(large);
        }
        for (let i = 0; i < 60; i++) {
            times.small.push(await editOnce(small, small.plans[(i * 37) % small.plans.length], i));
            await settle(small);
            times.large.push(await editOnce(large, large.plans[(i * 37) % large.plans.length], i));
            await settle(large);
        }
        const ratio = median(times.large) / median(times.small);
        expect(ratio, `median edit: ${median(times.large).toFixed(1)} ms at 2,000 plans, ${median(times.small).toFixed(1)} ms at 200`).toBeLessThanOrEqual(1.5);
    }, 180_000);
});
