/** The scoring model and the scores: numbers that are wrong make every strategic value wrong. */
import type { ValidationAcceptor } from 'langium';
import type { FactorScore, ScoringModel } from '../generated/ast.js';
import { isScoringModel } from '../generated/ast.js';
import { parsePercent } from '../domain/quantities.js';
import { CODE_SCORE_OFF_SCALE, CODE_WEIGHTS_NOT_100 } from './diagnostic-codes.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';

export const scoringChecks: CheckFactory = (validator) => ({
    ScoringModel: (model, accept) => checkWeightsSumTo100(validator, model, accept),
    FactorScore: (score, accept) => checkScoreOnScale(validator, score, accept),
});

function checkWeightsSumTo100(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    if (model.factors.length === 0) return;
    const total = model.factors.reduce((sum, f) => sum + parsePercent(f.weight), 0);
    if (Math.abs(total - 100) > 1e-6) {
        validator.report(accept, CODE_WEIGHTS_NOT_100,
            `The weights of scoring model ${model.name} add up to ${Number(total.toFixed(2))}%, not 100%: strategic values will not be comparable.`,
            { node: model, property: 'name', data: { total } });
    }
}

function checkScoreOnScale(validator: KamValidator, score: FactorScore, accept: ValidationAcceptor): void {
    const model = score.factor.ref?.$container;
    const [min, max] = isScoringModel(model) ? [model.scaleMin ?? 1, model.scaleMax ?? 10] : [1, 10];
    if (score.value < min || score.value > max) {
        validator.report(accept, CODE_SCORE_OFF_SCALE,
            `Score ${score.value} for ${score.factor.$refText} is off the scale ${min}-${max}.`,
            { node: score, property: 'value', data: { min, max } });
    }
}
