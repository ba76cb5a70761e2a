/**
 * While a portfolio is read and checked, V8's old generation grows in steps of 20 × what survived
 * (cli/src/heap-growth.ts): for portfolios of the size that pays off for, and for a server that does
 * not know yet; above that, and after every build, V8's own heuristics. The young generation is held
 * at 16 MiB a semi-space: V8 would grow it to 64 MiB on a machine with this much memory, pages
 * touched and kept for nothing.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { heapGrowingPercentFor, LARGEST_PORTFOLIO_FOR_LARGER_STEPS, YOUNG_SEMI_SPACE_MIB } from '../../cli/src/heap-growth.js';
import { writeRealisticPortfolio } from '../../bench/realistic-portfolio.js';

const ROOT = path.resolve(__dirname, '../..');
const KAM = path.join(ROOT, 'bin/kam.cjs');
const MiB = 1024 * 1024;

describe('the heap\'s growth during a portfolio\'s build', () => {
    it('is in larger steps for a portfolio of thousands of plans, and for one whose size is not known yet', () => {
        expect(heapGrowingPercentFor(2_000)).toBe(1_900);
        expect(heapGrowingPercentFor(LARGEST_PORTFOLIO_FOR_LARGER_STEPS)).toBe(1_900);
        expect(heapGrowingPercentFor(undefined)).toBe(1_900);
    });

    it('is V8\'s own for a portfolio of tens of thousands of plans', () => {
        expect(heapGrowingPercentFor(LARGEST_PORTFOLIO_FOR_LARGER_STEPS + 1)).toBe(0);
        expect(heapGrowingPercentFor(20_000)).toBe(0);
    });
});

describe('the young generation while kam checks a portfolio', () => {
    it('grows to 16 MiB a semi-space and no further, where V8 alone grows it further', () => {
        const base = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-young-'));
        const portfolio = path.join(base, 'portfolio');
        writeRealisticPortfolio(portfolio, 300);
        // Preloaded into kam: the new space's size (both semi-spaces) when the process ends.
        const report = path.join(base, 'new-space.json');
        const probe = path.join(base, 'probe.cjs');
        fs.writeFileSync(probe, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(report)}, JSON.stringify(require('v8').getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size)));\n`);
        const newSpaceAfter = (args: string[]): number => {
            const run = spawnSync(process.execPath, ['-r', probe, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', KAM_CODE_CACHE: 'off' } });
            expect(run.status, run.stderr).toBeLessThanOrEqual(1);
            return Number(fs.readFileSync(report, 'utf8'));
        };
        // Both allowed 64 MiB a semi-space (V8's own limit on a machine with 16 GiB or more), whatever this machine's memory.
        const room = '--max-semi-space-size=64';
        // The same plans read four times and kept as many small objects by a plain script: V8 grows its young generation past the cap.
        const script = path.join(base, 'keep-plans.cjs');
        fs.writeFileSync(script, `const fs = require('fs'); const path = require('path'); const kept = [];
for (let i = 0; i < 4; i++) for (const file of fs.readdirSync(process.argv[2], { recursive: true })) if (String(file).endsWith('.kam')) kept.push(fs.readFileSync(path.join(process.argv[2], file), 'utf8').split(/\\b/).map((w) => ({ w, i })));\n`);
        expect(newSpaceAfter([room, script, portfolio])).toBeGreaterThan(2 * YOUNG_SEMI_SPACE_MIB * MiB);
        expect(newSpaceAfter([room, KAM, 'validate', portfolio])).toBe(2 * YOUNG_SEMI_SPACE_MIB * MiB);
        fs.rmSync(base, { recursive: true, force: true });
    }, 60_000);
});
