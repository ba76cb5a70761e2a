/**
 * Strategic value (customer attractiveness) = Σ(weight × score) / Σ weight on the 1-10 scale the
 * weighted-factor method uses (McDonald & Rogers). A model on another scale is mapped linearly onto
 * 1-10 (a 1-5 model's 3 counts as 5.5), so models are comparable; a 1-10 model is unchanged.
 * A factor the plan has not scored counts at the bottom of the scale until it is scored: leaving
 * weak factors out must never make an account look more attractive. The reviewer flags it. A score
 * off the model's scale (`currentRevenue 100` on 1-10) is an error and counts as not scored.
 * The value is rounded to one decimal, so what a reader sees is what is compared with thresholds.
 */
import type { AccountPlan, Factor, FactorScore, ScoringModel } from './model.js';
import { roundScore } from './quantities.js';

export interface FactorContribution {
    factor: Factor;
    score: number;
    /** The factor's share of the strategic value: weight × score (on 1-10) / Σ weight. */
    contribution: number;
}

export interface StrategicValue {
    /** 1-10, rounded to one decimal; undefined when no factor of the model is scored, or the model's scale is unusable. */
    value: number | undefined;
    /** The scored factors' contributions. */
    contributions: FactorContribution[];
    /** Factors of the model the plan has not scored: counted at the scale's minimum, flagged by the reviewer. */
    unscored: Factor[];
    /** What the unscored factors add together (each at the scale's minimum). */
    unscoredContribution: number;
    /** Sum of the weights of the scored factors, in %. */
    scoredWeight: number;
    /** Scores the plan gives that are off the model's scale: not used. */
    offScale: FactorScore[];
}

/** Maps a score on the model's scale onto 1-10; undefined when the scale is unusable (max ≤ min). */
export function onTenPointScale(score: number, model: Pick<ScoringModel, 'scaleMin' | 'scaleMax'>): number | undefined {
    const { scaleMin: min, scaleMax: max } = model;
    if (!Number.isFinite(min) || !Number.isFinite(max) || max <= min) return undefined;
    return 1 + ((score - min) * 9) / (max - min);
}

export function strategicValue(plan: Pick<AccountPlan, 'scores'>, model: ScoringModel | undefined): StrategicValue {
    const none = (unscored: Factor[] = [], offScale: FactorScore[] = []): StrategicValue => ({ value: undefined, contributions: [], unscored, unscoredContribution: 0, scoredWeight: 0, offScale });
    if (!model || onTenPointScale(model.scaleMin, model) === undefined) return none();
    // A half-typed weight or score (`weight` with no number yet) takes no part.
    const factors = model.factors.filter((f) => Number.isFinite(f.weight) && f.weight > 0);
    const onScale = (s: FactorScore) => Number.isFinite(s.score) && s.score >= model.scaleMin && s.score <= model.scaleMax;
    const offScale = plan.scores.filter((s) => !onScale(s));
    // The first score given for a factor counts (the reviewer flags a second one).
    const scoreByFactor = new Map<string, number>();
    for (const s of plan.scores) if (onScale(s) && !scoreByFactor.has(s.factor)) scoreByFactor.set(s.factor, s.score);
    const scored = factors.filter((f) => scoreByFactor.has(f.name));
    const unscored = factors.filter((f) => !scoreByFactor.has(f.name));
    const totalWeight = factors.reduce((sum, f) => sum + f.weight, 0);
    if (scored.length === 0 || totalWeight <= 0) return none(unscored, offScale);
    const contributions = scored.map((factor) => {
        const score = scoreByFactor.get(factor.name)!;
        return { factor, score, contribution: (factor.weight * onTenPointScale(score, model)!) / totalWeight };
    });
    const unscoredContribution = unscored.reduce((sum, f) => sum + f.weight, 0) / totalWeight; // each at 1 on 1-10
    const value = roundScore(contributions.reduce((sum, c) => sum + c.contribution, 0) + unscoredContribution);
    return { value, contributions, unscored, unscoredContribution, scoredWeight: totalWeight - unscored.reduce((sum, f) => sum + f.weight, 0), offScale };
}

/** Sum of all weights in the model, in %. */
export function totalWeight(model: ScoringModel): number {
    return model.factors.reduce((sum, f) => sum + f.weight, 0);
}

/**
 * Scales weights proportionally so they add up to exactly 100%, with one decimal; the rounding
 * remainder goes to the largest weight so no factor changes rank.
 */
export function normaliseWeights(weights: number[]): number[] {
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return weights.map(() => Math.round((1000 / weights.length)) / 10);
    const scaled = weights.map((w) => Math.round((w * 1000) / total) / 10);
    const remainder = Math.round((100 - scaled.reduce((a, b) => a + b, 0)) * 10) / 10;
    const largest = scaled.indexOf(Math.max(...scaled));
    scaled[largest] = Math.round((scaled[largest] + remainder) * 10) / 10;
    return scaled;
}
