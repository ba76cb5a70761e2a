/**
 * The summary reports, as Markdown for pull requests and wikis: one account on a page, or the
 * whole portfolio for leadership. Built from scorecards and findings only, so the server, the CLI
 * and the tests all print the same numbers.
 */
import type { AccountScorecard } from '../domain/scorecard.js';
import type { ReviewFinding } from '../domain/findings.js';
import { describeKpiProgress, dueStatus } from '../domain/progress.js';
import type { ActionStatus } from '../domain/model.js';
import { countBySeverity } from '../domain/findings.js';
import { formatMoney, formatPlain, formatScore, formatAmount } from '../domain/quantities.js';
import { QUADRANT_ADVICE, revenueConcentration, type Quadrant } from '../domain/portfolio.js';
import { stakeholderIndex } from '../domain/relationship.js';
import type { Thresholds } from '../domain/thresholds.js';
import { cell, escapeMarkdown, headline, Markup, scoreBreakdownTable, table } from './markdown-tables.js';

export interface ReviewedAccount {
    card: AccountScorecard;
    findings: ReviewFinding[];
    /** Path of the plan relative to the portfolio root, for readers of the report. */
    source?: string;
}

const SEVERITY_ICON: Record<ReviewFinding['severity'], string> = { error: '⛔', warning: '⚠️', information: 'ℹ️', hint: '💡' };

function findingsList(findings: ReviewFinding[]): string {
    if (findings.length === 0) return 'No findings: the reviewer has nothing to add.';
    return findings
        .slice()
        .sort((a, b) => severityRank(a.severity) - severityRank(b.severity) || a.line - b.line)
        .map((f) => `- ${SEVERITY_ICON[f.severity]} **${f.severity}** \`${f.code}\` (line ${f.line}): ${escapeMarkdown(f.message)}`)
        .join('\n');
}

function severityRank(s: ReviewFinding['severity']): number {
    return ['error', 'warning', 'information', 'hint'].indexOf(s);
}

/** A one-page summary of an account plan. */
export function accountSummaryMarkdown(account: ReviewedAccount, today: string): string {
    const { card, findings } = account;
    const p = card.plan;
    const out: string[] = [];
    out.push(`# ${escapeMarkdown(p.title)}`, '');
    out.push(`**${headline(card)}**${card.quadrant ? ` — ${QUADRANT_ADVICE[card.quadrant]}.` : ''}`, '');
    out.push(table(['', ''], [
        ['Industry', p.industry], ['Tier', p.tier], ['Status', p.status], ['Strategy', p.strategy],
        ['Owner', p.owner], ['Backup owner', p.backupOwner ?? 'none — who takes over if the owner leaves?'],
        ['Current revenue', formatMoney(p.currentRevenue)], ['Potential revenue', formatMoney(p.potentialRevenue)],
        ['Profitability', p.profitability === undefined ? undefined : `${p.profitability}%`],
        ['Relationship stage', p.relationshipStage],
    ]), '');
    if (p.valueProposition) out.push(`**Value proposition:** ${escapeMarkdown(p.valueProposition)}`, '');

    out.push('## Strategic value', '', scoreBreakdownTable(card), '');

    out.push(`## Plan completeness: ${card.completeness.present} of ${card.completeness.total} elements`, '');
    out.push(...card.completeness.elements.map((e) => `- ${e.present ? '✓' : '✗'} ${e.label}${e.present ? '' : ` — ${escapeMarkdown(e.missing ?? '')}`}`), '');

    out.push('## Relationship', '');
    out.push(`Relationship strength **${formatScore(card.relationship.value)}** (ratings ${formatScore(card.relationship.ratingIndex)}, stage score ${formatScore(card.relationship.stageScore)}).`, '');
    if (p.stakeholders.length) {
        out.push(table(['Stakeholder', 'Title', 'Roles', 'Influence', 'Stance', 'Our owner', 'Advisor', 'Partner', 'Index', 'Last contact'],
            p.stakeholders.map((s) => [s.fullName, s.title, s.roles.join(', '), s.influence, s.stance, s.relationshipOwner, s.trustedAdvisor, s.strategicPartner, formatScore(stakeholderIndex(s)), s.lastContact]),
            [6, 7, 8]), '');
        const expectations = p.stakeholders.flatMap((s) => s.expectations.map((e) => [s.fullName, e.kind, e.description, e.fulfilment, e.how]));
        if (expectations.length) {
            out.push('### Expectations', '', table(['Stakeholder', 'Kind', 'Expectation', 'Met?', 'How we meet it'], expectations), '');
        }
    } else {
        out.push('No stakeholders are mapped.', '');
    }

    out.push('## Objectives and actions', '');
    if (p.objectives.length === 0) out.push('No objectives.', '');
    for (const o of p.objectives) {
        out.push(`### ${escapeMarkdown(o.title)}`, '', `Owner ${cell(o.owner)} · due ${cell(o.due)}${o.agreedWith.length ? ` · agreed with ${o.agreedWith.map((name) => escapeMarkdown(name)).join(', ')}` : ''}`, '');
        if (o.kpis.length) {
            out.push(table(['KPI', 'Current', 'Target', 'Unit', 'Progress'],
                o.kpis.map((k) => [k.label, formatPlain(k.current), formatPlain(k.target), k.unit, Number.isFinite(k.current) && Number.isFinite(k.target) ? describeKpiProgress(k) : undefined]), [1, 2]), '');
        }
        const rows = [
            ...o.milestones.map((m) => ['Milestone', m.label, undefined, m.due, m.status, overdue(m.due, m.status, today)]),
            ...o.actions.map((a) => ['Action', a.label, a.owner, a.due, a.status, overdue(a.due, a.status, today)]),
        ];
        if (rows.length) out.push(table(['', 'What', 'Owner', 'Due', 'Status', ''], rows), '');
    }

    if (p.feedback.length) {
        out.push('## Feedback and our response', '', table(['Feedback', 'From', 'Received', 'Our action', 'Owner', 'By'],
            p.feedback.flatMap((f) => (f.responses.length ? f.responses : [undefined]).map((r, i) => [i === 0 ? f.text : '', i === 0 ? f.from : '', i === 0 ? f.received : '', r?.label, r?.owner, r?.due]))), '');
    }
    out.push('## Risks', '');
    out.push(p.risks.length
        ? table(['Risk', 'Likelihood', 'Impact', 'Contingency', 'Owner'], p.risks.map((r) => [r.text, r.likelihood, r.impact, r.contingency, r.owner]))
        : 'No risks are listed.', '');
    if (p.opportunities.length) {
        out.push('## Opportunities', '', table(['Opportunity', 'Kind', 'Value', 'With', 'Owner', 'Due'],
            p.opportunities.map((o) => [o.text, o.kind, o.value && formatMoney(o.value), o.stakeholder, o.owner, o.due])), '');
    }
    if (p.competitors.length) {
        out.push('## Competitors', '', table(['Competitor', 'Share', 'Warning signs'],
            p.competitors.map((c) => [c.name, c.share === undefined ? undefined : `${c.share}%`, list(c.warningSigns, '; ')])), '');
    }
    out.push('## Reviewer', '', findingsList(findings), '');
    return out.join('\n');
}

/** Several plan texts in one cell, each escaped on its own (a bidi override in one cannot reach the next). */
function list(texts: string[], separator: string): Markup | undefined {
    return texts.length ? new Markup(texts.map((text) => escapeMarkdown(text)).join(separator)) : undefined;
}

function overdue(due: string | undefined, status: ActionStatus, today: string): string {
    return dueStatus(due, status, today)?.overdue ? 'overdue' : '';
}

/** The portfolio report: the matrix as a table, revenue concentration and the review at a glance. */
export function portfolioSummaryMarkdown(accounts: ReviewedAccount[], thresholds: Thresholds, title = 'Key account portfolio'): string {
    const out: string[] = [`# ${escapeMarkdown(title)}`, ''];
    const sorted = accounts.slice().sort((a, b) => (b.card.strategicValue.value ?? -1) - (a.card.strategicValue.value ?? -1) || a.card.plan.name.localeCompare(b.card.plan.name));
    const counts = countBySeverity(accounts.flatMap((a) => a.findings));
    out.push(`${accounts.length} account${accounts.length === 1 ? '' : 's'} · ${counts.error} error${counts.error === 1 ? '' : 's'} · ${counts.warning} warning${counts.warning === 1 ? '' : 's'}. ` +
        `An account is attractive from strategic value ${thresholds.keyThreshold} and strongly related from relationship strength ${thresholds.strengthThreshold}.`, '');
    out.push('## Accounts', '', table(['Account', 'Owner', 'Tier', 'Revenue', 'Strategic value', 'Relationship', 'Quadrant', 'Errors', 'Warnings'],
        sorted.map(({ card, findings }) => {
            const c = countBySeverity(findings);
            return [card.plan.title, card.plan.owner, card.plan.tier, formatMoney(card.plan.currentRevenue), formatScore(card.strategicValue.value), formatScore(card.relationship.value), card.quadrant, c.error, c.warning];
        }), [3, 4, 5, 7, 8]), '');

    out.push('## Portfolio matrix', '');
    const quadrants: Quadrant[] = ['Strategic', 'Star', 'Status', 'Streamline'];
    out.push(table(['Quadrant', 'Accounts', 'What to do'], quadrants.map((q) => [q, list(sorted.filter((a) => a.card.quadrant === q).map((a) => a.card.plan.title), ', '), QUADRANT_ADVICE[q]])), '');
    const unplaced = sorted.filter((a) => !a.card.quadrant);
    if (unplaced.length) out.push(`Not placed (no scores or no relationship data): ${unplaced.map((a) => escapeMarkdown(a.card.plan.title)).join(', ')}.`, '');

    out.push('## Revenue concentration', '');
    const currencies = new Set(accounts.flatMap((a) => a.card.plan.currentRevenue?.currency ?? []));
    const pareto = revenueConcentration(accounts.filter((a) => a.card.plan.currentRevenue).map((a) => ({ name: a.card.plan.title, revenue: a.card.plan.currentRevenue!.amount })));
    if (pareto.rows.length === 0) {
        out.push('No account states its current revenue.', '');
    } else {
        const currency = currencies.size === 1 ? ` ${[...currencies][0]}` : '';
        const currencyText = currencies.size === 1 ? ` ${escapeMarkdown([...currencies][0])}` : '';
        if (currencies.size > 1) out.push(`Revenues are stated in several currencies (${escapeMarkdown([...currencies].join(', '))}); they are added as written.`, '');
        out.push(`Total ${formatAmount(pareto.total)}${currencyText}. The top ${pareto.topFifthCount} account${pareto.topFifthCount === 1 ? '' : 's'} (a fifth of the portfolio) bring ${pareto.topFifthShare.toFixed(0)}% of revenue; ${pareto.accountsFor80Percent} of ${pareto.rows.length} bring 80%.` +
            (pareto.topFifthShare > thresholds.paretoLimit ? ` **That is above the ${thresholds.paretoLimit}% limit: revenue depends on very few customers.**` : ''), '');
        out.push(table(['Account', 'Revenue', 'Share', 'Cumulative'], pareto.rows.map((r) => [r.name, formatAmount(r.revenue) + currency, `${r.share.toFixed(1)}%`, `${r.cumulativeShare.toFixed(1)}%`]), [1, 2, 3]), '');
    }

    out.push('## Reviewer', '');
    const withFindings = sorted.filter((a) => a.findings.some((f) => f.severity === 'error' || f.severity === 'warning'));
    if (withFindings.length === 0) out.push('No errors or warnings in any plan.', '');
    for (const a of withFindings) {
        out.push(`### ${escapeMarkdown(a.card.plan.title)}${a.source ? ` (${escapeMarkdown(a.source)})` : ''}`, '', findingsList(a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')), '');
    }
    return out.join('\n');
}
