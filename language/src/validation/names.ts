/**
 * Names and dates that references and timelines rely on: names must be unambiguous
 * (workspace-wide for what other files reference, per account for stakeholders and objectives),
 * and dates must be real calendar dates.
 */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { Account, PlanFile } from '../generated/ast.js';
import { describeDateProblem } from '../domain/quantities.js';
import { CODE_DUPLICATE_NAME, CODE_INVALID_DATE } from './diagnostic-codes.js';
import { nameOf, type CheckFactory, type KamValidator } from './kam-validator.js';

/** Element types whose names are global: other files refer to them by name. */
const GLOBAL_KINDS: Record<string, string> = {
    Account: 'account', Team: 'team', ScoringModel: 'scoring model', TeamMember: 'team member', Factor: 'factor',
};

export const nameChecks: CheckFactory = (validator) => {
    const date = <N extends AstNode>(property: keyof N & string) => (node: N, accept: ValidationAcceptor) =>
        checkDate(validator, node, property, accept);
    const dates = <N extends AstNode>(node: N, accept: ValidationAcceptor, ...properties: Array<keyof N & string>) => {
        for (const property of properties) checkDate(validator, node, property, accept);
    };
    return {
        PlanFile: (file, accept) => checkGlobalDuplicates(validator, file, accept),
        Account: (account, accept) => {
            checkLocalDuplicates(validator, account, accept);
            dates(account, accept, 'lastReviewed', 'nextReview');
        },
        // Every date the grammar holds (test/validation/date-properties.test.ts keeps this list whole).
        Objective: date('due'),
        Action: date('due'),
        Milestone: date('due'),
        Stakeholder: date('lastContact'),
        Departure: date('date'),
        KpiReading: date('date'),
        Feedback: date('received'),
        Opportunity: (opportunity, accept) => dates(opportunity, accept, 'due', 'close'),
        Contract: (contract, accept) => dates(contract, accept, 'start', 'end', 'renewal'),
        SignOff: date('date'),
        Interaction: date('date'),
    };
};

function checkGlobalDuplicates(validator: KamValidator, file: PlanFile, accept: ValidationAcceptor): void {
    const named: AstNode[] = file.elements.flatMap((e) => [e, ...(e.$type === 'Team' ? e.members : e.$type === 'ScoringModel' ? e.factors : [])]);
    for (const node of named) {
        const name = (node as AstNode & { name: string }).name;
        if (name !== undefined && validator.portfolio.nameCount(`${node.$type}:${name}`) > 1) {
            validator.report(accept, CODE_DUPLICATE_NAME,
                `Another ${GLOBAL_KINDS[node.$type]} in the workspace is also named ${name}; references to it are ambiguous.`,
                { node, property: 'name' as never });
        }
    }
}

function checkLocalDuplicates(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    for (const [kind, nodes] of [['stakeholder', account.stakeholders], ['objective', account.objectives]] as const) {
        const seen = new Set<string>();
        for (const node of nodes) {
            if (seen.has(node.name)) {
                validator.report(accept, CODE_DUPLICATE_NAME, `Account ${nameOf(account)} already has a ${kind} named ${node.name}.`, { node, property: 'name' });
            }
            seen.add(node.name);
        }
    }
}

function checkDate<N extends AstNode>(validator: KamValidator, node: N, property: keyof N & string, accept: ValidationAcceptor): void {
    const value = node[property];
    const values: unknown[] = Array.isArray(value) ? value : [value];
    values.forEach((date, index) => {
        if (typeof date !== 'string') return;
        const problem = describeDateProblem(date);
        if (problem) validator.report(accept, CODE_INVALID_DATE, problem, { node, property: property as never, index: Array.isArray(value) ? index : undefined });
    });
}
