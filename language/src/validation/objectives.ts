/** Objectives agreed with the customer: each needs an owner, a due date and a KPI to be real. */
import type { ValidationAcceptor } from 'langium';
import type { Objective } from '../generated/ast.js';
import { CODE_OBJECTIVE_WITHOUT_DUE_DATE, CODE_OBJECTIVE_WITHOUT_KPI, CODE_OBJECTIVE_WITHOUT_OWNER } from './diagnostic-codes.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';

export const objectiveChecks: CheckFactory = (validator) => ({
    Objective: (objective, accept) => checkObjectiveIsTrackable(validator, objective, accept),
});

function checkObjectiveIsTrackable(validator: KamValidator, objective: Objective, accept: ValidationAcceptor): void {
    const info = { node: objective, property: 'name' as const };
    if (!objective.owner) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_OWNER, `Objective ${objective.name} has no owner: name who on our team is accountable for it.`, info);
    }
    if (!objective.due) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_DUE_DATE, `Objective ${objective.name} has no due date: without one it cannot be tracked or shared as a timeline.`, info);
    }
    if (objective.kpis.length === 0) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_KPI, `Objective ${objective.name} has no KPI: neither we nor the customer will know whether it was reached.`, info);
    }
}
