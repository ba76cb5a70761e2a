/** The scoring model and the scores: numbers that are wrong make every strategic value wrong. */
import type { ValidationAcceptor } from 'langium';
import type { FactorScore, ScoreCard, ScoringModel } from '../generated/ast.js';
import { isScoringModel } from '../generated/ast.js';
import { totalWeight } from '../domain/strategic-value.js';
import { isSaneNumber } from '../domain/quantities.js';
import { toScoringModel } from '../analysis/extract-plan.js';
import {
    CODE_INVALID_SCALE, CODE_NO_FUTURE_FACTOR, CODE_NO_QUALITATIVE_FACTOR, CODE_SCORE_OFF_SCALE, CODE_TOO_FEW_FACTORS, CODE_TOO_MANY_FACTORS,
    CODE_UNSCORED_FACTOR, CODE_WEIGHTS_NOT_100,
} from './diagnostic-codes.js';

/** About six factors is the advice; fewer than four cannot separate accounts, more than twelve cannot be scored consistently. */
export const MIN_FACTORS = 4;
export const MAX_FACTORS = 12;
import { nameOf, type CheckFactory, type KamValidator } from './kam-validator.js';

export const scoringChecks: CheckFactory = (validator) => ({
    ScoringModel: [
        (model, accept) => checkWeightsSumTo100(validator, model, accept),
        (model, accept) => checkScale(validator, model, accept),
        (model, accept) => checkFactorCount(validator, model, accept),
        (model, accept) => checkFactorMix(validator, model, accept),
    ],
    FactorScore: (score, accept) => checkScoreOnScale(validator, score, accept),
    ScoreCard: (card, accept) => checkEveryFactorScored(validator, card, accept),
});

function checkScale(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    // A scale end that is not a usable number is reported by entries.ts (number-out-of-range).
    if (!isSaneNumber(model.scaleMin) || !isSaneNumber(model.scaleMax)) return;
    if (!(model.scaleMax > model.scaleMin)) {
        validator.report(accept, CODE_INVALID_SCALE,
            `The scale of ${nameOf(model)} runs from ${model.scaleMin} to ${model.scaleMax}: it must run from the lowest score to a higher one, so no strategic value can be computed.`,
            { node: model, property: 'scaleMax' });
    }
}

function checkFactorCount(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    const n = model.factors.length;
    if (n < MIN_FACTORS) {
        validator.report(accept, CODE_TOO_FEW_FACTORS, `Scoring model ${nameOf(model)} has ${n} factor${n === 1 ? '' : 's'}: fewer than ${MIN_FACTORS} cannot tell accounts apart (about six is the advice).`, { node: model, property: 'name' });
    } else if (n > MAX_FACTORS) {
        validator.report(accept, CODE_TOO_MANY_FACTORS, `Scoring model ${nameOf(model)} has ${n} factors: more than ${MAX_FACTORS} are hard to score consistently (about six is the advice).`, { node: model, property: 'name' });
    }
}

function checkFactorMix(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    if (model.factors.length === 0) return;
    if (!model.factors.some((f) => f.horizon === 'future')) {
        validator.report(accept, CODE_NO_FUTURE_FACTOR, `No factor of scoring model ${nameOf(model)} is tagged \`future\`: the model rewards past revenue and cannot see an account's potential.`, { node: model, property: 'name' });
    }
    if (!model.factors.some((f) => f.measure === 'qualitative')) {
        validator.report(accept, CODE_NO_QUALITATIVE_FACTOR, `No factor of scoring model ${nameOf(model)} is tagged \`qualitative\`: strategic fit and relationship value are left out of attractiveness.`, { node: model, property: 'name' });
    }
}

function checkEveryFactorScored(validator: KamValidator, card: ScoreCard, accept: ValidationAcceptor): void {
    const model = card.scores.map((s) => s.factor.ref?.$container).find(isScoringModel);
    if (!model) return;
    const scored = new Set(card.scores.map((s) => s.factor.ref?.name));
    for (const factor of model.factors.filter((f) => !scored.has(f.name))) {
        validator.report(accept, CODE_UNSCORED_FACTOR,
            `Factor ${nameOf(factor)} (${factor.weight ?? 'no weight'}) of ${nameOf(model)} is not scored: it counts at the bottom of the scale until it is.`,
            { node: card, keyword: 'scores', data: { factor: factor.name } });
    }
}

function checkWeightsSumTo100(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    if (model.factors.length === 0) return;
    const total = totalWeight(toScoringModel(model));
    if (Math.abs(total - 100) > 1e-6) {
        validator.report(accept, CODE_WEIGHTS_NOT_100,
            `The weights of scoring model ${nameOf(model)} add up to ${Number(total.toFixed(2))}%, not 100%: strategic values will not be comparable.`,
            { node: model, property: 'name', data: { total } });
    }
}

function checkScoreOnScale(validator: KamValidator, score: FactorScore, accept: ValidationAcceptor): void {
    const model = score.factor.ref?.$container;
    const [min, max] = isScoringModel(model) ? [model.scaleMin ?? 1, model.scaleMax ?? 10] : [1, 10];
    // A scale that is not one (an end too large to be a number, or not rising) is reported on the model itself.
    if (!isSaneNumber(min) || !isSaneNumber(max) || !(max > min)) return;
    // A score cut before its number (`strategicFit` at the end of a half-typed plan) is the parser's to report.
    if (score.value === undefined) return;
    if (!Number.isFinite(score.value) || score.value < min || score.value > max) {
        validator.report(accept, CODE_SCORE_OFF_SCALE,
            `Score ${Number.isFinite(score.value) ? score.value : 'too large'} for ${score.factor.$refText} is off the scale ${min}-${max}: it does not count, and the factor counts at the bottom of the scale until it is corrected.`,
            { node: score, property: 'value', data: { min, max } });
    }
}
