/** The account itself: who owns it, whether it deserves to be key, and whether we understand the customer. */
import type { AstNode, ValidationAcceptor } from 'langium';
import type { Account } from '../generated/ast.js';
import {
    CODE_GATES_NOT_ASSESSED, CODE_HIERARCHY_CYCLE, CODE_KEY_FAILS_GATE, CODE_KEY_ON_REVENUE_ALONE, CODE_MISSING_CUSTOMER_INSIGHT, CODE_NO_BACKUP_OWNER, CODE_NO_OWNER,
} from './diagnostic-codes.js';
import type { CheckFactory, KamValidator, ReportInfo } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';
import { onTenPointScale } from '../domain/strategic-value.js';
import { expectsFullPlan, isKeyAccount } from '../domain/portfolio.js';
import { WILL_AND_SKILL_GATES } from '../domain/will-and-skill.js';


const GATES = WILL_AND_SKILL_GATES;

export const accountChecks: CheckFactory = (validator) => ({
    Account: [
        (account, accept) => checkOwners(validator, account, accept),
        (account, accept) => checkWillAndSkill(validator, account, accept),
        (account, accept) => checkChosenOnRevenueAlone(validator, account, accept),
        (account, accept) => checkCustomerInsight(validator, account, accept),
        (account, accept) => checkHierarchy(validator, account, accept),
    ],
});

/** `part of` must lead up to a group account, never back to where it started. */
function checkHierarchy(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const path: Account[] = [account];
    let current: Account | undefined = account.parent?.ref;
    while (current) {
        if (current === account) {
            validator.report(accept, CODE_HIERARCHY_CYCLE,
                `${accountLabel(account)} is part of itself through ${path.slice(1).map(accountLabel).join(' → ') || 'itself'}: a group account must not be part of its own subsidiaries.`,
                { node: account, property: 'parent', index: 0 });
            return;
        }
        // A circle that does not pass through this account is reported on its own members.
        if (path.includes(current)) return;
        path.push(current);
        current = current.parent?.ref;
    }
}

function checkOwners(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    const owner = account.owner;
    if (!plan) return;
    if (!owner) {
        validator.report(accept, CODE_NO_OWNER, `${accountLabel(account)} has no owner on our team: nobody is accountable for this plan.`, { node: account, property: 'name' });
    } else if (!plan.backupOwner && isKeyAccount(plan)) {
        validator.report(accept, CODE_NO_BACKUP_OWNER, `${accountLabel(account)} is a key account without a backup owner: what happens to the relationship if ${owner.ref?.fullName ?? owner.$refText} leaves?`, { node: account, property: 'owner', index: 0 });
    }
}

function checkWillAndSkill(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (!plan || !isKeyAccount(plan)) return;
    const gates = account.gates;
    const answers = plan.gates;
    const unanswered = GATES.filter((g) => !answers || answers[g.property] === 'unknown');
    if (gates && answers) {
        for (const gate of GATES.filter((g) => answers[g.property] === 'no')) {
            validator.report(accept, CODE_KEY_FAILS_GATE,
                `${accountLabel(account)} is key, but the customer ${gate.failed}: without the will-and-skill gates it is only a named account.`,
                { node: gates, property: gate.property as never, index: 0, data: { gate: gate.property } });
        }
    }
    if (unanswered.length) {
        validator.report(accept, CODE_GATES_NOT_ASSESSED,
            `${accountLabel(account)} is key, but ${unanswered.length === 4 ? 'none of the will-and-skill gates is assessed' : `these gates are not assessed: ${unanswered.map((g) => g.question).join(', ')}`}.`,
            (gates ? { node: gates, keyword: 'will' } : { node: account, property: 'name' }) as ReportInfo<AstNode>);
    }
}

function checkChosenOnRevenueAlone(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const analysis = validator.analyzer.analyzeAccount(account);
    const scores = account.scores;
    if (!analysis || !scores || !isKeyAccount(analysis.plan)) return;
    const contributions = analysis?.strategicValue.contributions ?? [];
    const past = contributions.filter((c) => c.factor.measure === 'quantitative' && c.factor.horizon === 'past');
    const rest = contributions.filter((c) => !past.includes(c));
    if (past.length === 0 || rest.length === 0 || !analysis?.model) return;
    const model = analysis.model;
    const mean = (list: typeof contributions) => list.reduce((sum, c) => sum + c.factor.weight * onTenPointScale(c.score, model)!, 0) / list.reduce((sum, c) => sum + c.factor.weight, 0);
    const { keyThreshold } = validator.settingsOf(account).thresholds;
    const pastScore = mean(past);
    const restScore = mean(rest);
    if (pastScore >= keyThreshold && restScore < keyThreshold) {
        validator.report(accept, CODE_KEY_ON_REVENUE_ALONE,
            `${accountLabel(account)} scores ${pastScore.toFixed(1)} on past revenue but only ${restScore.toFixed(1)} on its future and qualitative factors (key threshold ${keyThreshold}): it looks chosen on current revenue alone.`,
            { node: scores, keyword: 'scores' });
    }
}

function checkCustomerInsight(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (!plan || !expectsFullPlan(plan)) return;
    const customer = account.customer;
    const sections: Array<[string, boolean]> = [
        ['goals', (customer?.goals.length ?? 0) > 0],
        ['markets', (customer?.markets.length ?? 0) > 0],
        ['strategies', (customer?.strategies.length ?? 0) > 0],
        ['organisational dynamics', (customer?.organisation.length ?? 0) > 0],
        ['competitors', account.competitors.length > 0],
    ];
    const missing = sections.filter(([, present]) => !present).map(([name]) => name);
    if (missing.length) {
        validator.report(accept, CODE_MISSING_CUSTOMER_INSIGHT,
            `${accountLabel(account)}: the plan does not record the customer's ${missing.join(', ')}. An account manager who does not know what the customer is aiming for cannot be on their side.`,
            (customer ? { node: customer, keyword: 'customer', data: { missing } } : { node: account, property: 'name', data: { missing } }) as ReportInfo<AstNode>);
    }
}

