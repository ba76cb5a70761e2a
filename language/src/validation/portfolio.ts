/**
 * Checks that look across the portfolio: capacity of the team and of each owner, key accounts
 * below the key threshold, and revenue concentration. The numbers come from PortfolioFacts,
 * an aggregate of per-document summaries that only re-reads the documents that changed.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Account, Team } from '../generated/ast.js';
import { CODE_KEY_BELOW_THRESHOLD, CODE_OWNER_OVER_CAPACITY, CODE_REVENUE_CONCENTRATION, CODE_TEAM_OVER_CAPACITY } from './diagnostic-codes.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';
import { formatScore } from '../domain/quantities.js';
import { isKeyAccount } from '../domain/portfolio.js';

export const portfolioChecks: CheckFactory = (validator) => ({
    Account: [
        (account, accept) => checkKeyThreshold(validator, account, accept),
        (account, accept) => checkOwnerCapacity(validator, account, accept),
        (account, accept) => checkConcentration(validator, account, accept),
    ],
    Team: (team, accept) => checkTeamCapacity(validator, team, accept),
});

function checkKeyThreshold(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const analysis = validator.analyzer.analyzeAccount(account);
    if (!analysis || !isKeyAccount(analysis.plan)) return;
    const value = analysis.strategicValue.value;
    const { keyThreshold } = validator.settingsOf(account).thresholds;
    if (value !== undefined && value < keyThreshold) {
        validator.report(accept, CODE_KEY_BELOW_THRESHOLD,
            `${accountLabel(account)} is a key account with a strategic value of ${formatScore(value)}, below the key threshold of ${keyThreshold}: by the portfolio's own model it is not attractive enough to be key.`,
            { node: account, property: analysis.plan.tier === 'key' ? 'tier' : 'status', index: 0 });
    }
}

function checkOwnerCapacity(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    const ownerRef = account.owner;
    if (!plan || !isKeyAccount(plan) || !ownerRef) return;
    const owner = ownerRef.$refText;
    const facts = validator.portfolio.facts(AstUtils.getDocument(account).uri);
    const held = facts.keyAccountsByOwner.get(owner) ?? 0;
    const capacity = facts.capacityByMember.get(owner) ?? validator.settingsOf(account).thresholds.capacityPerOwner;
    if (held > capacity) {
        validator.report(accept, CODE_OWNER_OVER_CAPACITY,
            `${ownerRef.ref?.fullName ?? owner} owns ${held} key accounts but can look after ${capacity}: each of them gets less attention than a key account needs.`,
            { node: account, property: 'owner', index: 0, data: { held, capacity } });
    }
}

function checkTeamCapacity(validator: KamValidator, team: Team, accept: ValidationAcceptor): void {
    const facts = validator.portfolio.facts(AstUtils.getDocument(team).uri);
    if (facts.keyAccountCount > facts.teamCapacity && team.members.length > 0) {
        validator.report(accept, CODE_TEAM_OVER_CAPACITY,
            `The portfolio has ${facts.keyAccountCount} key accounts but the team can look after ${facts.teamCapacity}: with too many key accounts, none is really key.`,
            { node: team, property: 'name', data: { keyAccounts: facts.keyAccountCount, capacity: facts.teamCapacity } });
    }
}

function checkConcentration(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const revenue = account.revenue;
    if (!revenue) return;
    const facts = validator.portfolio.facts(AstUtils.getDocument(account).uri);
    const { paretoLimit } = validator.settingsOf(account).thresholds;
    const c = facts.concentration;
    // A portfolio of one or two accounts is concentrated by definition; the check speaks from five accounts on.
    // Amounts in different currencies cannot be added up honestly, so then it says nothing.
    if (facts.mixedCurrencies || c.rows.length < 5 || c.topFifthShare <= paretoLimit || !facts.topFifth.has(account.name)) return;
    validator.report(accept, CODE_REVENUE_CONCENTRATION,
        `${accountLabel(account)} is one of the top ${c.topFifthCount} account${c.topFifthCount === 1 ? '' : 's'} that bring ${c.topFifthShare.toFixed(0)}% of the portfolio's revenue (limit ${paretoLimit}%): losing it would hurt badly.`,
        { node: revenue, keyword: 'revenue', data: { share: c.topFifthShare } });
}
