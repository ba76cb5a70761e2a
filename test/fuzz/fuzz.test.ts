/**
 * A bounded, seeded fuzz run in every `npm test`: mutated plans through `kam lsp --stdio` with every
 * request after each mutant, bursts included (see lsp-fuzz.ts for what counts as a finding). The long
 * run is `npm run fuzz -- --count 10000`. Defects it found are replayed from ./regressions.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspFuzzer, type Finding } from './lsp-fuzz.js';

const summary = (findings: Finding[]) => findings.map((f) => `${f.kind} ${f.method}: ${f.detail.split('\n')[0]} (${f.mutant.seed}: ${f.mutant.applied.join(', ')})`);

describe('fuzzing the language server', () => {
    it('answers every request on 60 seeded mutants, with no crash, internal error or malformed answer', async () => {
        const report = await new LspFuzzer({ count: 60, seed: 20261130, burstEvery: 6 }).run();
        expect(report.requests).toBeGreaterThan(60 * 20);
        expect(summary(report.findings)).toEqual([]);
    }, 240_000);

    it('has no finding left on the defects it found before', async () => {
        const dir = path.join(__dirname, 'regressions');
        const plans = fs.readdirSync(dir).filter((f) => f.endsWith('.kam')).sort();
        expect(plans.length).toBeGreaterThan(0);
        const report = await new LspFuzzer({ count: 0, seed: 1 }).replay(plans.map((p) => ({ seed: `regressions/${p}`, text: fs.readFileSync(path.join(dir, p), 'utf8'), applied: [] })));
        expect(summary(report.findings)).toEqual([]);
    }, 240_000);
});
