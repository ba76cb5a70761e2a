/** Objectives agreed with the customer: each needs an owner, a due date and a KPI to be real. */
import type { ValidationAcceptor } from 'langium';
import { isFeedback, isInteraction, isObjective, type Action, type ActionStatus, type Milestone, type Objective } from '../generated/ast.js';
import { CODE_OBJECTIVE_WITHOUT_DUE_DATE, CODE_OBJECTIVE_WITHOUT_KPI, CODE_OBJECTIVE_WITHOUT_OWNER, CODE_OVERDUE_ACTION } from './diagnostic-codes.js';
import { dueStatus } from '../domain/progress.js';
import { isPlanDate } from '../domain/quantities.js';
import { nameOf, type CheckFactory, type KamValidator } from './kam-validator.js';

export const objectiveChecks: CheckFactory = (validator) => ({
    Objective: (objective, accept) => checkObjectiveIsTrackable(validator, objective, accept),
    Action: (action, accept) => checkOverdue(validator, action, accept),
    Milestone: (milestone, accept) => checkOverdue(validator, milestone, accept),
});

function checkOverdue(validator: KamValidator, item: Action | Milestone, accept: ValidationAcceptor): void {
    if (!item.due || !isPlanDate(item.due)) return;
    if (isObjective(item.$container) && item.$container.status === 'dropped') return;
    const due = dueStatus(item.due, item.status as ActionStatus | undefined, validator.today(item));
    if (due?.overdue) {
        const days = due.days;
        const what = item.$type === 'Milestone' ? 'Milestone' : isFeedback(item.$container) ? 'The response to feedback' : isInteraction(item.$container) ? 'The next step' : 'Action';
        validator.report(accept, CODE_OVERDUE_ACTION,
            `${what} "${item.label ?? ''}" was due on ${item.due}, ${-days} day${days === -1 ? '' : 's'} ago, and is ${item.status ?? 'planned'}: finish it or agree a new date with the customer.`,
            { node: item, property: 'due', data: { daysOverdue: -days } });
    }
}

function checkObjectiveIsTrackable(validator: KamValidator, objective: Objective, accept: ValidationAcceptor): void {
    // A dropped objective is history: nobody tracks it any more.
    if (objective.status === 'dropped') return;
    const info = { node: objective, property: 'name' as const };
    if (!objective.owner) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_OWNER, `Objective "${nameOf(objective)}" has no owner: name who on our team is accountable for it.`, info);
    }
    if (!objective.due) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_DUE_DATE, `Objective "${nameOf(objective)}" has no due date: without one it cannot be tracked or shared as a timeline.`, info);
    }
    if (objective.kpis.length === 0) {
        validator.report(accept, CODE_OBJECTIVE_WITHOUT_KPI, `Objective "${nameOf(objective)}" has no KPI: neither we nor the customer will know whether it was reached.`, info);
    }
}
