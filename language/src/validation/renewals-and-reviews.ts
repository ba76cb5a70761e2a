/**
 * Renewals, reviews and the joint plan: the dates a key account lives by. A renewal close by with
 * nothing aimed at it, a notice deadline passed unanswered, a review that did not happen, a plan
 * nobody on the customer's side agreed to.
 */
import type { ValidationAcceptor } from 'langium';
import type { Account, Contract } from '../generated/ast.js';
import {
    CODE_CONTRACT_DATES, CODE_NOTICE_DEADLINE_PASSED, CODE_PLAN_NOT_AGREED, CODE_PLAN_NOT_REVIEWED, CODE_RENEWAL_WITHOUT_PLAN, CODE_REVIEW_OVERDUE,
} from './diagnostic-codes.js';
import { contractDateProblem, noticeDeadlineOf, renewalDateOf, renewalIsPlanned, renewalIsWon } from '../domain/contracts.js';
import { STALE_AFTER_CADENCES } from '../domain/plan-rhythm.js';
import { isKeyAccount } from '../domain/portfolio.js';
import { daysBetween } from '../domain/quantities.js';
import { isCurrent } from '../domain/contact.js';
import type { Contract as ContractPlan } from '../domain/model.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';

export const renewalAndReviewChecks: CheckFactory = (validator) => ({
    Account: [
        (account, accept) => checkRhythm(validator, account, accept),
        (account, accept) => checkSignOff(validator, account, accept),
    ],
    Contract: (contract, accept) => checkContract(validator, contract, accept),
});

function days(n: number): string {
    return `${n} day${n === 1 ? '' : 's'}`;
}

function contractLabel(contract: Contract): string {
    return contract.title ? `The contract "${contract.title}"` : 'The contract';
}

function checkContract(validator: KamValidator, contract: Contract, accept: ValidationAcceptor): void {
    const account = contract.$container;
    const plan = validator.plan(account);
    const terms: ContractPlan | undefined = plan?.contracts[account.contracts.indexOf(contract)];
    if (!plan || !terms) return;
    const problem = contractDateProblem(terms);
    if (problem) {
        validator.report(accept, CODE_CONTRACT_DATES, `${contractLabel(contract)} ${problem}: no renewal can be planned from these dates.`, { node: contract, keyword: 'contract' });
        return;
    }
    const renewal = renewalDateOf(terms);
    if (!renewal) return;
    const today = validator.today(contract);
    const daysTo = daysBetween(today, renewal);
    if (daysTo < 0) return;
    const where = { node: contract, property: (terms.renewal ? 'renewal' : 'end') as 'renewal' | 'end', index: 0 };
    const { renewalWindowDays } = validator.settingsOf(contract).thresholds;
    if (daysTo <= renewalWindowDays && !renewalIsPlanned(plan.opportunities)) {
        validator.report(accept, CODE_RENEWAL_WITHOUT_PLAN,
            `${contractLabel(contract)} of ${accountLabel(account)} renews on ${renewal}, in ${days(daysTo)}, and nothing in the plan is aimed at it: add a renewal opportunity and the actions that secure it.`,
            { ...where, data: { daysToRenewal: daysTo } });
    }
    const deadline = noticeDeadlineOf(terms);
    if (deadline && deadline < today && !renewalIsWon(plan.opportunities)) {
        validator.report(accept, CODE_NOTICE_DEADLINE_PASSED,
            `${contractLabel(contract)}'s notice deadline, ${deadline} (${terms.notice!.amount} ${terms.notice!.unit} before the renewal on ${renewal}), passed ${days(daysBetween(deadline, today))} ago and the renewal is not won: confirm whether the customer gave notice.`,
            { node: contract, property: 'notice', index: 0, data: { noticeDeadline: deadline } });
    }
}

function checkRhythm(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const card = validator.analyzer.analyzeAccount(account);
    if (!card) return;
    const r = card.rhythm;
    if (r.overdue && r.nextReview) {
        const property = r.nextReviewWritten ? 'nextReview' : 'lastReviewed';
        validator.report(accept, CODE_REVIEW_OVERDUE,
            `The review of ${accountLabel(account)} was due on ${r.nextReview}${r.nextReviewWritten ? '' : ` (last review ${r.lastReviewed} + ${r.cadence})`}, ${days(-(r.daysToNextReview ?? 0))} ago: hold it with the customer and record it.`,
            { node: account, property, index: 0 });
    }
    if (!isKeyAccount(card.plan)) return;
    if (r.stale) {
        validator.report(accept, CODE_PLAN_NOT_REVIEWED,
            `${accountLabel(account)} was last reviewed on ${r.lastReviewed}, ${days(r.daysSinceReview ?? 0)} ago: more than ${STALE_AFTER_CADENCES} ${r.cadence} cycles. A key account plan nobody reviews no longer steers the account.`,
            { node: account, property: 'lastReviewed', index: 0 });
    } else if (!r.lastReviewed && !r.nextReview && !account.lastReviewed && !account.nextReview) {
        // A review date written but flagged (kam.invalid-date: 2026-02-30, 0026-10-20) is a typo to fix, not a missing rhythm.
        validator.report(accept, CODE_PLAN_NOT_REVIEWED,
            `${accountLabel(account)} is a key account whose plan has no review rhythm: agree one with the customer (\`review cadence quarterly\`) and record \`last reviewed\`.`,
            { node: account, property: 'name' });
    }
}

/** The customer's people who can agree a key account plan for their side. */
const SIGNING_ROLES = new Set(['executive', 'economic-buyer']);

function checkSignOff(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (!plan || !isKeyAccount(plan)) return;
    const people = new Map(plan.stakeholders.filter(isCurrent).map((s) => [s.name, s]));
    const signedByExecutive = plan.signOffs.some((s) => s.by.some((name) => people.get(name)?.roles.some((role) => SIGNING_ROLES.has(role))));
    if (signedByExecutive) return;
    const latest = plan.signOffs.at(-1);
    const who = latest?.by.map((name) => people.get(name)?.fullName ?? name).join(', ');
    if (latest) {
        validator.report(accept, CODE_PLAN_NOT_AGREED,
            `${accountLabel(account)}: the plan was signed off by ${who}, but by no executive or economic buyer: a key account plan is agreed with whoever decides on their side.`,
            { node: account.signOffs.at(-1)!, keyword: 'signed' });
    } else {
        validator.report(accept, CODE_PLAN_NOT_AGREED,
            `${accountLabel(account)} is a key account whose plan no one on the customer's side has agreed: review it with their executive and record \`signed off by … on …\`.`,
            { node: account, property: 'name' });
    }
}

