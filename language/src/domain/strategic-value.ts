/**
 * Strategic value (customer attractiveness) = Σ(weight × score) / Σ weight,
 * expressed on 0-10 whatever the model's scale (McDonald & Rogers' weighted-factor method).
 */
import type { AccountPlan, Factor, ScoringModel } from './model.js';

export interface FactorContribution {
    factor: Factor;
    score: number;
    /** The factor's share of the strategic value: weight × score / Σ weight, on 0-10. */
    contribution: number;
}

export interface StrategicValue {
    /** 0-10, undefined when no factor of the model is scored. */
    value: number | undefined;
    contributions: FactorContribution[];
    /** Factors of the model the plan has not scored: left out of the value and flagged by the reviewer. */
    unscored: Factor[];
    /** Sum of the weights of the scored factors, in %. */
    scoredWeight: number;
}

export function strategicValue(plan: Pick<AccountPlan, 'scores'>, model: ScoringModel | undefined): StrategicValue {
    if (!model) return { value: undefined, contributions: [], unscored: [], scoredWeight: 0 };
    const scoreByFactor = new Map(plan.scores.map((s) => [s.factor, s.score]));
    const scored = model.factors.filter((f) => scoreByFactor.has(f.name));
    const unscored = model.factors.filter((f) => !scoreByFactor.has(f.name));
    const scoredWeight = scored.reduce((sum, f) => sum + f.weight, 0);
    if (scored.length === 0 || scoredWeight <= 0) {
        return { value: undefined, contributions: [], unscored, scoredWeight };
    }
    // Normalising by the scale's maximum puts a 1-5 model and a 1-10 model on the same 0-10 footing.
    const toTen = 10 / model.scaleMax;
    const contributions = scored.map((factor) => {
        const score = scoreByFactor.get(factor.name)!;
        return { factor, score, contribution: (factor.weight * score * toTen) / scoredWeight };
    });
    const value = contributions.reduce((sum, c) => sum + c.contribution, 0);
    return { value, contributions, unscored, scoredWeight };
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
