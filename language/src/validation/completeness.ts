/**
 * Plan completeness: a key account's plan has the five elements of an action plan that secures and
 * develops the account (domain/completeness.ts); one finding names every element that is missing.
 */
import type { ValidationAcceptor } from 'langium';
import type { Account } from '../generated/ast.js';
import { isKeyAccount } from '../domain/portfolio.js';
import { CODE_INCOMPLETE_PLAN } from './diagnostic-codes.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';

export const completenessChecks: CheckFactory = (validator) => ({
    Account: (account, accept) => checkCompleteness(validator, account, accept),
});

function checkCompleteness(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const analysis = validator.analyzer.analyzeAccount(account);
    if (!analysis || !isKeyAccount(analysis.plan)) return;
    const { elements, present, total } = analysis.completeness;
    const missing = elements.filter((e) => !e.present);
    if (missing.length === 0) return;
    validator.report(accept, CODE_INCOMPLETE_PLAN,
        `${accountLabel(account)} is a key account, but its plan has ${present} of the ${total} elements of an action plan. Missing: ${missing.map((e) => `${e.label.toLowerCase()} (${e.missing})`).join('; ')}.`,
        { node: account, property: 'name', data: { elements: missing.map((e) => e.key) } });
}
