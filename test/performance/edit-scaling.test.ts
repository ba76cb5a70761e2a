/**
 * An edit costs the same whatever the portfolio's size: the time from a keystroke to the edited
 * plan's diagnostics and inlay hints, at 2,000 plans against 200, in one run (edits to the two
 * portfolios interleaved, so a machine slowing down or speeding up affects both alike). Only the
 * ratio is asserted, never a time: `npm run bench` measures the times against their budget.
 */
import { describe, expect, it } from 'vitest';
import { buildPortfolio, interleavedEditMedians } from '../../bench/in-process.js';

describe('edit cost and portfolio size', () => {
    it('is the same at 2,000 plans as at 200 (within 1.5×)', async () => {
        const small = await buildPortfolio(200);
        const large = await buildPortfolio(2000);
        const medians = await interleavedEditMedians(small, large, 60);
        const ratio = medians.large / medians.small;
        expect(ratio, `median edit: ${medians.large.toFixed(1)} ms at 2,000 plans, ${medians.small.toFixed(1)} ms at 200`).toBeLessThanOrEqual(1.5);
    }, 180_000);
});
