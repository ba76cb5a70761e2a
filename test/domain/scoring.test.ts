/** The numbers a KAM practitioner checks by hand: every expected value below is worked out in the comment beside it. */
import { describe, expect, it } from 'vitest';
import { onTenPointScale, strategicValue, totalWeight } from '../../language/src/domain/strategic-value.js';
import { relationshipStrength, stakeholderIndex } from '../../language/src/domain/relationship.js';
import { quadrantOf, revenueConcentration } from '../../language/src/domain/portfolio.js';
import { DEFAULT_THRESHOLDS } from '../../language/src/domain/thresholds.js';
import { daysBetween, formatAmount, formatMoney, parseAmount, parseMeasure, parsePercent, isValidIsoDate } from '../../language/src/domain/quantities.js';
import type { ScoringModel, Stakeholder } from '../../language/src/domain/model.js';

const model: ScoringModel = {
    name: 'Standard', title: 'Standard', scaleMin: 1, scaleMax: 10,
    factors: [
        { name: 'currentRevenue', title: 'Current revenue', weight: 20, measure: 'quantitative', horizon: 'past' },
        { name: 'potentialRevenue', title: 'Potential revenue', weight: 25, measure: 'quantitative', horizon: 'future' },
        { name: 'profitMargin', title: 'Profitability', weight: 15, measure: 'quantitative', horizon: 'past' },
        { name: 'strategicFit', title: 'Strategic fit', weight: 20, measure: 'qualitative', horizon: 'future' },
        { name: 'referralValue', title: 'Referral value', weight: 10, measure: 'qualitative', horizon: 'future' },
        { name: 'ease', title: 'Ease of doing business', weight: 10, measure: 'qualitative', horizon: 'past' },
    ],
};

const scores = (values: number[]) => ({ scores: model.factors.map((f, i) => ({ factor: f.name, score: values[i] })).filter((s) => s.score !== undefined) });

function person(name: string, influence: Stakeholder['influence'], trustedAdvisor?: number, strategicPartner?: number): Stakeholder {
    return { name, fullName: name, roles: [], influence, trustedAdvisor, strategicPartner, expectations: [], notes: [], decisionCriteria: [] };
}

describe('strategic value = Σ(weight × score) / Σ weight', () => {
    it('weighs every factor score by its weight', () => {
        // 20×8 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4 = 160 + 225 + 90 + 140 + 50 + 40 = 705; 705 / 100 = 7.05,
        // shown and compared as 7.1 (one decimal, halves up)
        const result = strategicValue(scores([8, 9, 6, 7, 5, 4]), model);
        expect(result.value).toBe(7.1);
        expect(result.contributions.map((c) => c.contribution)).toEqual([1.6, 2.25, 0.9, 1.4, 0.5, 0.4].map((n) => expect.closeTo(n, 10)));
        expect(result.unscored).toEqual([]);
        expect(totalWeight(model)).toBe(100);
    });

    it('counts an unscored factor at the bottom of the scale, so leaving it out never flatters', () => {
        // only the first two scored: (20×8 + 25×9 + (15 + 20 + 10 + 10)×1) / 100 = (160 + 225 + 55) / 100 = 4.4
        const result = strategicValue(scores([8, 9]), model);
        expect(result.value).toBeCloseTo(4.4, 10);
        expect(result.unscored.map((f) => f.name)).toEqual(['profitMargin', 'strategicFit', 'referralValue', 'ease']);
        expect(result.unscoredContribution).toBeCloseTo(0.55, 10);
        expect(result.scoredWeight).toBe(45);
    });

    it('maps another scale onto 1-10, minimum included', () => {
        // 1-5: 4 → 1 + 3 × 9/4 = 7.75 and 5 → 10; (60 × 7.75 + 40 × 10) / 100 = 8.65 → 8.7
        const five: ScoringModel = { name: 'Five', title: 'Five', scaleMin: 1, scaleMax: 5, factors: [
            { name: 'size', title: 'Size', weight: 60 }, { name: 'future', title: 'Future', weight: 40 }] };
        expect(strategicValue({ scores: [{ factor: 'size', score: 4 }, { factor: 'future', score: 5 }] }, five).value).toBe(8.7);
        // The middle of a 1-5 scale is the middle of 1-10: 3 → 5.5
        expect(onTenPointScale(3, five)).toBe(5.5);
        expect(onTenPointScale(7, model)).toBe(7);
        expect(onTenPointScale(3, { scaleMin: 5, scaleMax: 5 })).toBeUndefined();
    });

    it('ignores half-typed scores and weights instead of producing NaN', () => {
        const result = strategicValue({ scores: [{ factor: 'currentRevenue', score: Number.NaN }, { factor: 'potentialRevenue', score: 9 }] }, model);
        expect(result.unscored.map((f) => f.name)).toContain('currentRevenue');
        expect(Number.isFinite(result.value)).toBe(true);
        expect(quadrantOf(Number.NaN, 6, DEFAULT_THRESHOLDS)).toBeUndefined();
    });

    it('does not count a score off the scale: the factor counts at the bottom until corrected', () => {
        // currentRevenue 100 on 1-10 is off the scale: (20×1 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4) / 100 = 565 / 100 = 5.65 → 5.7
        const result = strategicValue(scores([100, 9, 6, 7, 5, 4]), model);
        expect(result.offScale).toEqual([{ factor: 'currentRevenue', score: 100 }]);
        expect(result.unscored.map((f) => f.name)).toEqual(['currentRevenue']);
        expect(result.value).toBe(5.7);
        expect(strategicValue(scores([0, 9, 6, 7, 5, 4]), model).value).toBe(5.7);
        expect(strategicValue(scores([Number.POSITIVE_INFINITY, 9, 6, 7, 5, 4]), model).value).toBe(5.7);
    });

    it('has no value without a model or without scores', () => {
        expect(strategicValue(scores([8]), undefined).value).toBeUndefined();
        expect(strategicValue({ scores: [] }, model).value).toBeUndefined();
    });
});

describe('relationship strength', () => {
    it('is the mean of the two ratings per stakeholder', () => {
        expect(stakeholderIndex({ trustedAdvisor: 8, strategicPartner: 6 })).toBe(7);
        expect(stakeholderIndex({ trustedAdvisor: 8 })).toBe(8);
        expect(stakeholderIndex({})).toBeUndefined();
    });

    it('weights stakeholders by influence and blends in the relationship stage', () => {
        // high (3) × 7 + medium (2) × 5 + low (1) × 8 = 21 + 10 + 8 = 39; / 6 = 6.5
        // 0.7 × 6.5 + 0.3 × 6 (cooperative) = 4.55 + 1.8 = 6.35 → 6.4
        const result = relationshipStrength({
            relationshipStage: 'cooperative',
            stakeholders: [person('a', 'high', 8, 6), person('b', 'medium', 5, 5), person('c', 'low', 9, 7)],
        });
        expect(result.ratingIndex).toBeCloseTo(6.5, 10);
        expect(result.stageScore).toBe(6);
        expect(result.value).toBe(6.4);
        expect(result.unrated).toEqual([]);
    });

    it('counts an unrated stakeholder at the bottom of the scale, so leaving the sceptic unrated never flatters', () => {
        // as above plus an unrated high-influence VP at 1: (21 + 10 + 8 + 3 × 1) / (3 + 2 + 1 + 3) = 42 / 9 = 4.667
        // 0.7 × 4.667 + 0.3 × 6 = 3.267 + 1.8 = 5.067 → 5.1: still strong (≥ 5), but down from 6.4
        const result = relationshipStrength({
            relationshipStage: 'cooperative',
            stakeholders: [person('a', 'high', 8, 6), person('b', 'medium', 5, 5), person('c', 'low', 9, 7), person('vp', 'high')],
        });
        expect(result.ratingIndex).toBeCloseTo(42 / 9, 10);
        expect(result.value).toBe(5.1);
        expect(result.unrated.map((u) => u.stakeholder.name)).toEqual(['vp']);
        // A second unrated VP: (42 + 3) / 12 = 3.75; 0.7 × 3.75 + 1.8 = 4.425 → 4.4, below the strength threshold of 5
        const two = relationshipStrength({
            relationshipStage: 'cooperative',
            stakeholders: [person('a', 'high', 8, 6), person('b', 'medium', 5, 5), person('c', 'low', 9, 7), person('vp', 'high'), person('cfo', 'high')],
        });
        expect(two.value).toBe(4.4);
    });

    it('leaves out ratings off the 1-10 scale instead of letting them bend the strength', () => {
        // trusted advisor 15 is not used: the index is the partner rating alone, 6; a 0 likewise
        expect(stakeholderIndex({ trustedAdvisor: 15, strategicPartner: 6 })).toBe(6);
        expect(stakeholderIndex({ trustedAdvisor: 0, strategicPartner: 6 })).toBe(6);
        expect(stakeholderIndex({ trustedAdvisor: 15 })).toBeUndefined();
        // A stakeholder rated only off the scale counts as unrated, at 1 (no stage: the ratings alone)
        expect(relationshipStrength({ stakeholders: [person('a', 'high', 15, 15)] }).value).toBe(1);
    });

    it('is the stage alone when nobody is mapped, the ratings alone without a stage', () => {
        expect(relationshipStrength({ relationshipStage: 'integrated', stakeholders: [] }).value).toBe(10);
        // an unrated person under an integrated stage: 0.7 × 1 + 0.3 × 10 = 3.7
        expect(relationshipStrength({ relationshipStage: 'integrated', stakeholders: [person('a', 'high')] }).value).toBe(3.7);
        expect(relationshipStrength({ stakeholders: [person('a', undefined, 4, 6)] }).value).toBe(5);
        expect(relationshipStrength({ stakeholders: [] }).value).toBeUndefined();
    });
});

describe('portfolio quadrant', () => {
    const t = DEFAULT_THRESHOLDS; // attractive from 6, strong from 5
    it('places accounts by attractiveness and strength', () => {
        expect(quadrantOf(7.05, 6.35, t)).toBe('Strategic');
        expect(quadrantOf(7.05, 4.9, t)).toBe('Star');
        expect(quadrantOf(5.9, 5, t)).toBe('Status');
        expect(quadrantOf(3, 2, t)).toBe('Streamline');
        expect(quadrantOf(6, 5, t)).toBe('Strategic');
        expect(quadrantOf(undefined, 5, t)).toBeUndefined();
    });
});

describe('revenue concentration (Pareto)', () => {
    it('measures how much the top fifth of accounts bring', () => {
        // 50 + 20 + 10 + 8 + 6 + 4 + 2 = 100; a fifth of 7 accounts rounds up to 2: 50 + 20 = 70%
        const result = revenueConcentration([50, 20, 10, 8, 6, 4, 2].map((revenue, i) => ({ name: `A${i}`, revenue })));
        expect(result.total).toBe(100);
        expect(result.topFifthCount).toBe(2);
        expect(result.topFifthShare).toBeCloseTo(70, 10);
        expect(result.accountsFor80Percent).toBe(3); // 50, 70, 80
        expect(result.largestShare).toBeCloseTo(50, 10);
        expect(result.rows.at(-1)?.cumulativeShare).toBeCloseTo(100, 10);
    });

    it('copes with an empty portfolio', () => {
        const result = revenueConcentration([]);
        expect(result.rows).toEqual([]);
        expect(result.topFifthShare).toBe(0);
    });
});

describe('quantities as account managers write them', () => {
    it('reads money, percentages and dates', () => {
        expect(parseAmount('1.2M')).toBe(1_200_000);
        expect(parseAmount('750k')).toBe(750_000);
        expect(parseAmount('2B')).toBe(2_000_000_000);
        expect(parseAmount(300)).toBe(300);
        expect(parsePercent('25%')).toBe(25);
        expect(parseMeasure('96.5%')).toBe(96.5);
        expect(parseMeasure('1.5M')).toBe(1_500_000);
        expect(isValidIsoDate('2027-03-31')).toBe(true);
        expect(isValidIsoDate('2027-02-30')).toBe(false);
        expect(daysBetween('2026-11-24', '2026-12-24')).toBe(30);
        expect(daysBetween('2026-12-24', '2026-11-24')).toBe(-30);
        expect(daysBetween('2027-12-31', '2028-03-01')).toBe(61); // 2028 is a leap year
        expect(isValidIsoDate('2028-02-29')).toBe(true);
        expect(isValidIsoDate('2027-13-01')).toBe(false);
        expect(isValidIsoDate('2027-1-01')).toBe(false);
        expect(daysBetween('2027-02-30', '2027-03-01')).toBeNaN();
    });

    it('writes money back the same way', () => {
        expect(formatAmount(4_200_000)).toBe('4.2M');
        expect(formatAmount(12_500_000)).toBe('12.5M');
        expect(formatAmount(750_000)).toBe('750k');
        expect(formatMoney({ amount: 1_250_000, currency: 'EUR' })).toBe('1.25M EUR');
    });
});
