/**
 * At exactly the threshold: a strategic value that is 6.0 by hand must be 6.0 when summed, shown as
 * 6.0 and classed attractive. Checked over the whole score grid of the examples' scoring model
 * (six factors scored 1-10: a million plans), against exact integer arithmetic.
 */
import { describe, expect, it } from 'vitest';
import { strategicValue } from '../../language/src/domain/strategic-value.js';
import { quadrantOf } from '../../language/src/domain/portfolio.js';
import { formatScore } from '../../language/src/domain/quantities.js';
import type { ScoringModel } from '../../language/src/domain/model.js';

// examples/portfolio/scoring-model.kam
const WEIGHTS = [20, 25, 15, 10, 20, 10];
const model: ScoringModel = {
    name: 'attractiveness', title: 'Customer attractiveness 2027', scaleMin: 1, scaleMax: 10,
    factors: WEIGHTS.map((weight, i) => ({ name: `f${i}`, title: `Factor ${i}`, weight })),
};
const thresholds = { keyThreshold: 6, strengthThreshold: 5 };

describe('the key threshold, exactly', () => {
    it('classes every point of the score grid by the value it shows', () => {
        const scores = WEIGHTS.map((_, i) => ({ factor: `f${i}`, score: 1 }));
        let exactlySix = 0;
        const wrong: string[] = [];
        const grid = [1, 1, 1, 1, 1, 1];
        for (let n = 0; n < 10 ** 6; n++) {
            let rest = n;
            for (let i = 0; i < 6; i++) {
                grid[i] = (rest % 10) + 1;
                rest = Math.floor(rest / 10);
                scores[i].score = grid[i];
            }
            // Σ weight × score is an integer; the value in tenths, halves up, is ⌊(Σ + 5) / 10⌋.
            const sum = grid.reduce((acc, score, i) => acc + WEIGHTS[i] * score, 0);
            const tenths = Math.floor((sum + 5) / 10);
            if (sum === 600) exactlySix++;
            const { value } = strategicValue({ scores }, model);
            const attractive = quadrantOf(value, 10, thresholds) === 'Strategic';
            if (value !== tenths / 10 || formatScore(value) !== (tenths / 10).toFixed(1) || attractive !== tenths >= 60) {
                if (wrong.length < 5) wrong.push(`${grid.join(',')}: ${value} shown ${formatScore(value)}, attractive ${attractive}`);
            }
        }
        expect(exactlySix).toBeGreaterThan(0);
        expect(wrong).toEqual([]);
    });

    it('puts a value of 6.0 on the attractive side and 5.9 below', () => {
        // 20×6 + 25×6 + 15×6 + 10×6 + 20×6 + 10×6 = 600 → 6.0
        const six = strategicValue({ scores: WEIGHTS.map((_, i) => ({ factor: `f${i}`, score: 6 })) }, model).value;
        expect(six).toBe(6);
        expect(quadrantOf(six, 5, thresholds)).toBe('Strategic');
        // one point less on a 10% factor: 590 → 5.9
        const below = strategicValue({ scores: WEIGHTS.map((_, i) => ({ factor: `f${i}`, score: i === 3 ? 5 : 6 })) }, model).value;
        expect(below).toBe(5.9);
        expect(quadrantOf(below, 5, thresholds)).toBe('Status');
    });
});
