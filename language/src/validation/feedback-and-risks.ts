/** Listening and preparing: every piece of feedback gets an action and a timeline; every plan names its risks with a contingency. */
import type { ValidationAcceptor } from 'langium';
import type { Account, Feedback, Risk } from '../generated/ast.js';
import { CODE_FEEDBACK_WITHOUT_ACTION, CODE_FEEDBACK_WITHOUT_TIMELINE, CODE_NO_RISKS, CODE_RISK_WITHOUT_CONTINGENCY } from './diagnostic-codes.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';
import { expectsFullPlan } from '../domain/portfolio.js';

export const feedbackAndRiskChecks: CheckFactory = (validator) => ({
    Feedback: (feedback, accept) => checkFeedbackAnswered(validator, feedback, accept),
    Risk: (risk, accept) => checkContingency(validator, risk, accept),
    Account: (account, accept) => checkRisksListed(validator, account, accept),
});

function checkFeedbackAnswered(validator: KamValidator, feedback: Feedback, accept: ValidationAcceptor): void {
    const source = feedback.from;
    const from = source?.ref?.fullName ?? source?.$refText;
    if (feedback.responses.length === 0) {
        validator.report(accept, CODE_FEEDBACK_WITHOUT_ACTION,
            `Feedback${from ? ` from ${from}` : ''} has no action: a supplier who listens specifies what it will do and shares a timeline.`,
            { node: feedback, property: 'text' });
        return;
    }
    for (const response of feedback.responses.filter((r) => !r.due)) {
        validator.report(accept, CODE_FEEDBACK_WITHOUT_TIMELINE,
            `The action "${response.label ?? ''}" on this feedback has no due date: there is no timeline to share with ${from ?? 'the customer'}.`,
            { node: response, property: 'label' });
    }
}

function checkContingency(validator: KamValidator, risk: Risk, accept: ValidationAcceptor): void {
    if (risk.contingency === undefined) {
        validator.report(accept, CODE_RISK_WITHOUT_CONTINGENCY, `Risk "${risk.text ?? ''}" has no contingency: if it happens, we improvise.`, { node: risk, property: 'text' });
    }
}

function checkRisksListed(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (account.risks.length === 0 && plan && expectsFullPlan(plan)) {
        validator.report(accept, CODE_NO_RISKS, `${accountLabel(account)} lists no risks: every account has some (a competitor, a reorganisation, a renewal), and unlisted risks have no contingency.`, { node: account, property: 'name' });
    }
}
