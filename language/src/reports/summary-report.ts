/**
 * The summary reports, as Markdown for pull requests and wikis: one account on a page, or the
 * whole portfolio for leadership. Built from scorecards and findings only, so the server, the CLI
 * and the tests all print the same numbers.
 */
import type { AccountScorecard } from '../domain/scorecard.js';
import { bySeverity, type ReviewFinding } from '../domain/findings.js';
import { describeKpiProgress, dueStatus } from '../domain/progress.js';
import type { ActionStatus } from '../domain/model.js';
import { formatMoney, formatPercent, formatPlain, formatScore, formatAmount } from '../domain/quantities.js';
import { QUADRANT_ADVICE } from '../domain/portfolio.js';
import { isValidRating, stakeholderIndex } from '../domain/relationship.js';

/** A rating as given, or nothing when it is off the 1-10 scale (the reviewer reports it; it is not used). */
function validRating(rating: number | undefined): number | undefined {
    return isValidRating(rating) ? rating : undefined;
}
import type { Thresholds } from '../domain/thresholds.js';
import { cell, compactTable, escapeMarkdown, headline, Markup, scoreBreakdownTable, table } from './markdown-tables.js';
import { accountPlanSections } from './account-plan-view.js';
import { portfolioView } from './portfolio-view.js';
import { attentionView, worstFirst, type AttentionView } from './attention-view.js';
import type { People } from './view-shared.js';
import type { CurrencySettings } from '../domain/currency.js';
import { isCurrent, lastContactOf } from '../domain/contact.js';

export interface ReviewedAccount {
    card: AccountScorecard;
    findings: ReviewFinding[];
    /** Path of the plan relative to the portfolio root, for readers of the report. */
    source?: string;
}

const SEVERITY_ICON: Record<ReviewFinding['severity'], string> = { error: '⛔', warning: '⚠️', information: 'ℹ️', hint: '💡' };

function findingsList(findings: ReviewFinding[]): string {
    if (findings.length === 0) return 'No findings: the reviewer has nothing to add.';
    return bySeverity(findings)
        .map((f) => `- ${SEVERITY_ICON[f.severity]} **${f.severity}** \`${f.code}\` (line ${f.line}): ${escapeMarkdown(f.message)}`)
        .join('\n');
}


/** A one-page summary of an account plan. */
export function accountSummaryMarkdown(account: ReviewedAccount, today: string, people: People = new Map()): string {
    const { card, findings } = account;
    const p = card.plan;
    const sections = accountPlanSections(card, people);
    const out: string[] = [];
    out.push(`# ${escapeMarkdown(p.title)}`, '');
    out.push(`**${headline(card)}**${card.quadrant ? ` — ${QUADRANT_ADVICE[card.quadrant]}.` : ''}`, '');
    out.push(table(['', ''], [
        ['Industry', p.industry], ['Tier', p.tier], ['Status', p.status], ['Strategy', p.strategy],
        ['Owner', p.owner], ['Backup owner', p.backupOwner ?? 'none — who takes over if the owner leaves?'],
        ['Current revenue', formatMoney(p.currentRevenue)], ['Potential revenue', formatMoney(p.potentialRevenue)],
        ['Profitability', p.profitability === undefined ? undefined : formatPercent(p.profitability)],
        ['Relationship stage', p.relationshipStage],
    ]), '');
    if (p.valueProposition) out.push(`**Value proposition:** ${escapeMarkdown(p.valueProposition)}`, '');
    const calendar = [['Renewal', sections.calendar.renewal], ['Reviews', sections.calendar.reviews], ['Pipeline', sections.calendar.pipeline]]
        .filter((c): c is [string, string] => c[1] !== undefined).map(([label, text]) => `- **${label}**: ${escapeMarkdown(text)}`);
    if (sections.signOff) calendar.push(`- **Signed off** by ${escapeMarkdown(sections.signOff.by.join(', '))}${sections.signOff.date ? ` on ${sections.signOff.date}` : ''}`);
    if (calendar.length) out.push(...calendar, '');

    out.push('## Strategic value', '', scoreBreakdownTable(card), '');

    out.push(`## Plan completeness: ${card.completeness.present} of ${card.completeness.total} elements`, '');
    out.push(...card.completeness.elements.map((e) => `- ${e.present ? '✓' : '✗'} ${e.label}${e.present ? '' : ` — ${escapeMarkdown(e.missing ?? '')}`}`), '');

    out.push('## Relationship', '');
    out.push(`Relationship strength **${formatScore(card.relationship.value)}** (ratings ${formatScore(card.relationship.ratingIndex)}, stage score ${formatScore(card.relationship.stageScore)}).`, '');
    const current = p.stakeholders.filter(isCurrent);
    if (current.length) {
        out.push(table(['Stakeholder', 'Title', 'Roles', 'Influence', 'Stance', 'Our owner', 'Advisor', 'Partner', 'Index', 'Last contact'],
            current.map((s) => [s.fullName, s.title, s.roles.join(', '), s.influence, s.stance, s.relationshipOwner, validRating(s.trustedAdvisor), validRating(s.strategicPartner), formatScore(stakeholderIndex(s)), lastContactOf(s, p.interactions, card.today)?.date]),
            [6, 7, 8]), '');
        const drivers = current.filter((s) => s.notes.length || s.decisionCriteria.length);
        if (drivers.length) {
            out.push('### What drives them', '', table(['Stakeholder', 'Drivers', 'Decides on'],
                drivers.map((s) => [s.fullName, list(s.notes, '; '), list(s.decisionCriteria, '; ')])), '');
        }
        const expectations = p.stakeholders.flatMap((s) => s.expectations.map((e) => [s.fullName, e.kind, e.description, e.fulfilment, e.how]));
        if (expectations.length) {
            out.push('### Expectations', '', table(['Stakeholder', 'Kind', 'Expectation', 'Met?', 'How we meet it'], expectations), '');
        }
    } else {
        out.push('No stakeholders are mapped.', '');
    }
    if (sections.formerContacts.length) {
        out.push('### Former contacts', '', ...sections.formerContacts.map((f) => `- ${escapeMarkdown(f.name)}${f.title ? `, ${escapeMarkdown(f.title)}` : ''}: left ${f.left}${f.reason ? ` (${escapeMarkdown(f.reason)})` : ''}`), '');
    }
    if (sections.ourTeam.length) {
        out.push('### Our account team', '', table(['Role', 'Who', 'Faces'], sections.ourTeam.map((r) => [r.role, r.person.name, list(r.counterparts, ', ')])), '');
    }
    if (sections.interactions.length) {
        out.push('### Meetings and calls', '', table(['Date', 'What', 'With', 'Our side', 'Agreed', 'Next steps'],
            sections.interactions.map((i) => [i.date + (i.planned ? ' (planned)' : ''), `${i.kind}${i.title ? `: ${i.title}` : ''}`, list(i.attendees, ', '), list(i.ourSide, ', '), list(i.agreed, '; '),
                list(i.nextSteps.map((n) => `${n.label}${n.owner ? `, ${n.owner}` : ''}${n.due ? `, by ${n.due}` : ''}`), '; ')])), '');
    }

    out.push('## Objectives and actions', '');
    if (p.objectives.length === 0) out.push('No objectives.', '');
    for (const o of p.objectives) {
        out.push(`### ${escapeMarkdown(o.title)}`, '', `${o.status ? `**${o.status}** · ` : ''}Owner ${cell(o.owner)} · due ${cell(o.due)}${o.agreedWith.length ? ` · agreed with ${o.agreedWith.map((name) => escapeMarkdown(name)).join(', ')}` : ''}`, '');
        if (o.kpis.length) {
            const trends = o.kpis.some((k) => k.history.length > 0);
            out.push(table(['KPI', 'Current', 'Target', 'Unit', 'Progress', ...(trends ? ['Trend'] : [])],
                o.kpis.map((k) => [k.label, formatPlain(k.current), formatPlain(k.target), k.unit, Number.isFinite(k.current) && Number.isFinite(k.target) ? describeKpiProgress(k) : undefined,
                    ...(trends ? [k.history.length ? [...k.history.map((r) => formatPlain(r.value)), formatPlain(k.current)].join(' → ') : undefined] : [])]), [1, 2]), '');
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
    if (sections.opportunities.length) {
        out.push('## Opportunities and pipeline', '');
        out.push(compactTable(['Opportunity', 'Kind', 'Stage', 'Probability', 'Value', 'Weighted', 'Close', 'With', 'Owner'],
            sections.opportunities.map((o) => [o.text, o.kind, o.stage, `${formatPlain(o.probability)}%`, o.value, o.weighted, o.close && `${o.close}${o.closePassed ? ' (passed)' : ''}`, o.with, o.owner?.name]), [3, 4, 5]), '');
    }
    if (sections.whitespace) {
        const w = sections.whitespace;
        out.push('## Whitespace', '', ...(w.coverage ? [`${escapeMarkdown(w.coverage)}.`, ''] : []),
            table(['Product', ...w.units.map((u) => escapeMarkdown(u))], w.rows.map((r) => [r.product, ...w.units.map((_, i) => r.cells[i])])), '');
    }
    if (sections.contracts.length) {
        out.push('## Contracts', '', compactTable(['Contract', 'Start', 'End', 'Renewal', 'Notice', 'Notice deadline', 'Value a year'],
            sections.contracts.map((c) => [c.title, c.start, c.end, c.renewal, c.notice, c.noticeDeadline, c.value])), '');
    }
    if (p.competitors.length) {
        out.push('## Competitors', '', compactTable(['Competitor', 'Share', 'Strengths', 'Weaknesses', 'Our differentiators', 'Warning signs'],
            p.competitors.map((c) => [c.name, c.share === undefined ? undefined : `${c.share}%`, list(c.strengths, '; '), list(c.weaknesses, '; '), list(c.differentiators, '; '), list(c.warningSigns, '; ')])), '');
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

/**
 * The portfolio report: what needs attention first (worst account first), then the accounts, the
 * matrix as a table, revenue concentration and the findings in plain words, from the portfolio view.
 * With `detail`, a last section keeps the codes, files and lines for the plans' authors.
 */
export function portfolioSummaryMarkdown(accounts: ReviewedAccount[], context: { today: string; thresholds: Thresholds; people?: People; currency?: CurrencySettings; detail?: boolean }, title = 'Key account portfolio'): string {
    const { thresholds } = context;
    const view = portfolioView(accounts, { ...context, title });
    const attention = attentionView(view);
    const out: string[] = [`# ${escapeMarkdown(title)}`, ''];
    out.push(`As of ${view.today} · ${plural(view.counts.accounts, 'account')} · ${attention.accounts.length} need${attention.accounts.length === 1 ? 's' : ''} attention · ${plural(view.counts.errors, 'error')} · ${plural(view.counts.warnings, 'warning')}. ` +
        `An account is attractive from strategic value ${thresholds.keyThreshold} and strongly related from relationship strength ${thresholds.strengthThreshold}.`, '');
    out.push(...attentionMarkdown(attention));
    out.push('## Accounts', '', table(['Account', 'Owner', 'Tier', 'Revenue', 'Strategic value', 'Relationship', 'Quadrant', 'Errors', 'Warnings'],
        view.accounts.map((a) => [a.title, a.owner?.name, a.tier, a.revenueDisplay, a.strategicValueDisplay, a.relationshipDisplay, a.quadrant, a.errors, a.warnings]), [3, 4, 5, 7, 8]), '');

    out.push('## Portfolio matrix', '');
    out.push(table(['Quadrant', 'Accounts', 'What to do'], view.quadrants.map((q) => [q.quadrant, list(q.accounts, ', '), q.advice])), '');
    if (view.unplaced.length) out.push(`Not placed (no scores or no relationship data): ${view.unplaced.map((t) => escapeMarkdown(t)).join(', ')}.`, '');

    out.push('## Revenue concentration', '');
    const pareto = view.pareto;
    if (pareto.rows.length === 0) {
        out.push('No account states its current revenue.', '');
    } else {
        const currency = pareto.currency ? ` ${pareto.currency}` : '';
        if (!pareto.currency && pareto.currencies.length > 1) out.push(`Revenues are stated in several currencies (${escapeMarkdown(pareto.currencies.join(', '))}); they are added as written. Set a reporting currency and rates in kam.config.json to convert them.`, '');
        if (pareto.unconvertible.length) out.push(`Left out: revenue in ${escapeMarkdown(pareto.unconvertible.join(', '))}, which has no rate into ${escapeMarkdown(pareto.currency ?? '')}.`, '');
        out.push(`Total ${escapeMarkdown(pareto.totalDisplay)}. The top ${pareto.topFifthCount} account${pareto.topFifthCount === 1 ? '' : 's'} (a fifth of the portfolio) bring ${pareto.topFifthShare.toFixed(0)}% of revenue; ${pareto.accountsFor80Percent} of ${pareto.rows.length} bring 80%.` +
            (pareto.overLimit ? ` **That is above the ${pareto.limit}% limit: revenue depends on very few customers.**` : ''), '');
        out.push(table(['Account', 'Revenue', 'Share', 'Cumulative'], pareto.rows.map((r) => [r.title, formatAmount(r.revenue) + currency, `${r.share.toFixed(1)}%`, `${r.cumulativeShare.toFixed(1)}%`]), [1, 2, 3]), '');
    }
    if (view.pipeline) {
        out.push('## Pipeline', '', `Weighted pipeline ${escapeMarkdown(view.pipeline.weighted)} of ${escapeMarkdown(view.pipeline.open)} open, over ${view.pipeline.accountsCounted} account${view.pipeline.accountsCounted === 1 ? '' : 's'}` +
            (view.pipeline.gapToPotential ? `; the growth still unplanned (gap to potential) is ${escapeMarkdown(view.pipeline.gapToPotential)}.` : '.'), '');
    }
    if (view.renewals.length) {
        out.push(`## Renewals in the next ${thresholds.renewalWindowDays} days`, '', table(['Account', 'Renewal', 'In days', 'Aimed at?'],
            view.renewals.map((r) => [r.title, r.date, r.daysTo, r.planned ? 'renewal opportunity' : new Markup('**nothing in the plan**')]), [2]), '');
    }
    if (view.groups.length) {
        out.push('## Account groups', '', table(['Group', 'Subsidiaries and regions', 'Revenue rolled up'], view.groups.map((g) => [g.title, list(g.members, ', '), g.revenueDisplay])), '');
    }

    out.push('## Findings by account', '');
    if (view.findings.length === 0) out.push('No errors or warnings in any plan.', '');
    for (const a of worstFirst(view.findings, attention)) {
        out.push(`### ${escapeMarkdown(a.title)}`, '', ...bySeverity(a.findings).map((f) => `- ${SEVERITY_ICON[f.severity]} ${escapeMarkdown(f.plain)}`), '');
    }
    if (context.detail && view.findings.length) {
        out.push('## For the plans\' authors: codes, files and lines', '');
        for (const a of worstFirst(view.findings, attention)) {
            out.push(`### ${escapeMarkdown(a.title)}${a.source ? ` (${escapeMarkdown(a.source)})` : ''}`, '', findingsList(a.findings), '');
        }
    }
    return out.join('\n');
}

/** The summary before the details: counts per kind with the accounts' names, then the accounts worst first. */
function attentionMarkdown(attention: AttentionView): string[] {
    const out = ['## Needs attention', ''];
    if (attention.accounts.length === 0) {
        return [...out, 'Nothing needs attention: no renewal without a plan, no weak key relationship, no overdue action, no stale contact, no single-threaded account, no overdue review and no errors.', ''];
    }
    out.push(...attention.headline.map((h) => `- **${h.label}: ${h.count}** — ${h.accounts.map((t) => escapeMarkdown(t)).join(', ')}`), '');
    out.push(table(['#', 'Account', 'Owner', 'Strategic value', 'What needs attention'],
        attention.accounts.map((a, i) => [i + 1, a.title, a.owner, a.strategicValueDisplay, new Markup(a.reasons.map((r) => escapeMarkdown(r.text)).join('; '))]), [0, 3]), '');
    return out;
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}
