/**
 * The summary reports, as Markdown for pull requests and wikis: one account on a page, or the
 * whole portfolio for leadership. Built from scorecards and findings only, so the server, the CLI
 * and the tests all print the same numbers.
 */
import type { AccountScorecard } from '../domain/scorecard.js';
import { bySeverity, type ReviewFinding } from '../domain/findings.js';
import { formatKpiNumber } from '../domain/progress.js';
import { formatPlain, formatScore, formatAmount } from '../domain/quantities.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/thresholds.js';
import { cell, compactTable, escapeMarkdown, headline, Markup, scoreBreakdownTable, table, type Cell } from './markdown-tables.js';
import type { WorkItem } from './account-plan-view.js';
import { accountView, type AccountView } from './account-view.js';
import { portfolioView } from './portfolio-view.js';
import { attentionView, worstFirst, type AttentionView } from './attention-view.js';
import type { People, PersonRef } from './view-shared.js';
import type { CurrencySettings } from '../domain/currency.js';

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


/** "Priya Nair", "Priya Nair (owner)": one of our people by name, never by id. */
function who(p: PersonRef | undefined): string | undefined {
    return p?.name;
}

/** A piece of work as a table row: what, owner, due, status, and whether it is late. */
function workRow(kind: string, w: WorkItem): Cell[] {
    return [kind, w.label, who(w.owner), w.due, w.status, w.overdue ? 'overdue' : undefined];
}

/**
 * A one-page summary of an account plan, from the account's view (the numbers the HTML report and
 * JSON show): every section of the plan, people and objectives by name, no empty columns.
 */
export function accountSummaryMarkdown(account: ReviewedAccount, today: string, people: People = new Map(), thresholds: Pick<Thresholds, 'keyThreshold' | 'strengthThreshold'> = DEFAULT_THRESHOLDS, detail = false): string {
    const { card } = account;
    const view = accountView(account, { today, thresholds, people });
    const out: string[] = [];
    out.push(`# ${escapeMarkdown(view.title)}`, '');
    out.push(`As of ${today}${view.source ? ` · ${escapeMarkdown(view.source)}` : ''}`, '');
    out.push(`**${headline(card)}**${view.quadrantAdvice ? ` — ${view.quadrantAdvice}.` : ''}`, '');
    out.push(table(['', ''], view.facts.map((f) => [f.label, f.label === 'Backup owner' && !view.backupOwner ? 'none — who takes over if the owner leaves?' : f.value])), '');
    if (view.valueProposition) out.push(`**Value proposition:** ${escapeMarkdown(view.valueProposition)}`, '');
    const calendar = [['Renewal', view.calendar.renewal], ['Reviews', view.calendar.reviews], ['Pipeline', view.calendar.pipeline]]
        .filter((c): c is [string, string] => c[1] !== undefined).map(([label, text]) => `- **${label}**: ${escapeMarkdown(text)}`);
    if (view.signOff) calendar.push(`- **Signed off** by ${escapeMarkdown(view.signOff.by.join(', '))}${view.signOff.date ? ` on ${view.signOff.date}` : ''}`);
    if (calendar.length) out.push(...calendar, '');

    out.push('## Strategic value', '', scoreBreakdownTable(card), '');

    out.push(`## Plan completeness: ${view.completeness.present} of ${view.completeness.total} elements`, '');
    out.push(...view.completeness.elements.map((e) => `- ${e.present ? '✓' : '✗'} ${e.label}${e.present ? '' : ` — ${escapeMarkdown(e.missing ?? '')}`}`), '');

    out.push(...customerInsightMarkdown(view));

    const rel = view.relationship;
    out.push('## Relationship', '');
    out.push(`Relationship strength **${rel.display}** (ratings ${formatScore(rel.ratingIndex)}, stage score ${formatScore(rel.stageScore)}).`, '');
    if (rel.stakeholders.length) {
        out.push(compactTable(['Stakeholder', 'Title', 'Roles', 'Influence', 'Stance', 'Our owner', 'Advisor', 'Partner', 'Index', 'Last contact'],
            rel.stakeholders.map((s) => [s.name, s.title, s.roles.join(', ') || undefined, s.influence, s.stance, who(s.owner), s.trustedAdvisor, s.strategicPartner, s.indexDisplay,
                s.lastContact && `${s.lastContact} (${s.contactAgeDisplay})`]),
            [6, 7, 8]), '');
        const drivers = rel.stakeholders.filter((s) => s.notes.length || s.decisionCriteria.length);
        if (drivers.length) {
            out.push('### What drives them', '', compactTable(['Stakeholder', 'Drivers', 'Decides on'],
                drivers.map((s) => [s.name, list(s.notes, '; '), list(s.decisionCriteria, '; ')])), '');
        }
        const expectations = view.expectations.flatMap((row) => row.cells.flatMap((c) => c.items.map((e): Cell[] => [row.name, c.kind, e.description, e.fulfilment, e.how])));
        if (expectations.length) {
            out.push('### Expectations', '', compactTable(['Stakeholder', 'Kind', 'Expectation', 'Met?', 'How we meet it'], expectations), '');
        }
    } else {
        out.push('No stakeholders are mapped.', '');
    }
    if (view.formerContacts.length) {
        out.push('### Former contacts', '', ...view.formerContacts.map((f) => `- ${escapeMarkdown(f.name)}${f.title ? `, ${escapeMarkdown(f.title)}` : ''}: left ${f.left}${f.reason ? ` (${escapeMarkdown(f.reason)})` : ''}`), '');
    }
    if (view.ourTeam.length) {
        out.push('### Our account team', '', compactTable(['Role', 'Who', 'Faces'], view.ourTeam.map((r) => [r.role, r.person.name, list(r.counterparts, ', ')])), '');
    }
    if (view.interactions.length) {
        out.push('### Meetings and calls', '', compactTable(['Date', 'What', 'With', 'Our side', 'Agreed', 'Next steps'],
            view.interactions.map((i) => [i.date + (i.planned ? ' (planned)' : ''), `${i.kind}${i.title ? `: ${i.title}` : ''}`, list(i.attendees, ', '), list(i.ourSide, ', '), list(i.agreed, '; '),
                list(i.nextSteps.map((n) => `${n.label}${n.owner ? `, ${n.owner}` : ''}${n.due ? `, by ${n.due}` : ''}`), '; ')])), '');
    }

    out.push('## Objectives and actions', '');
    if (view.objectives.length === 0) out.push('No objectives.', '');
    for (const o of view.objectives) {
        out.push(`### ${escapeMarkdown(o.title)}`, '', `${o.status ? `**${o.status}** · ` : ''}Owner ${cell(who(o.owner))} · due ${cell(o.due)}${o.agreedWith.length ? ` · agreed with ${o.agreedWith.map((name) => escapeMarkdown(name)).join(', ')}` : ''}`, '');
        if (o.kpis.length) {
            out.push(compactTable(['KPI', 'Current', 'Target', 'Progress', 'Trend'],
                o.kpis.map((k) => [k.label, k.currentDisplay, k.targetDisplay, k.progressDisplay,
                    k.history.length ? [...k.history.map((r) => formatKpiNumber(r.value)), formatKpiNumber(k.current)].join(' → ') : undefined]), [1, 2]), '');
        }
        const rows = [...o.milestones.map((m) => workRow('Milestone', m)), ...o.actions.map((a) => workRow('Action', a))];
        if (rows.length) out.push(compactTable(['', 'What', 'Owner', 'Due', 'Status', 'Late'], rows), '');
    }

    if (view.feedback.length) {
        out.push('## Feedback and our response', '', compactTable(['Feedback', 'From', 'Received', 'Our action', 'Owner', 'By', 'Late'],
            view.feedback.flatMap((f) => (f.responses.length ? f.responses : [undefined]).map((r, i): Cell[] => [
                i === 0 ? f.text : '', i === 0 ? f.from : '', i === 0 ? f.received : '',
                r ? r.label : new Markup('**no action yet**'), who(r?.owner), r?.due, r?.overdue ? 'overdue' : undefined]))), '');
    }
    out.push('## Risks', '');
    out.push(view.risks.length
        ? compactTable(['Risk', 'Likelihood', 'Impact', 'Contingency', 'Owner'], view.risks.map((r) => [r.text, r.likelihood, r.impact, r.contingency ?? new Markup('**none**'), who(r.owner)]))
        : 'No risks are listed.', '');
    if (view.opportunities.length) {
        out.push('## Opportunities and pipeline', '');
        out.push(compactTable(['Opportunity', 'Kind', 'Stage', 'Probability', 'Value', 'Weighted', 'Close', 'With', 'Owner'],
            view.opportunities.map((o) => [o.text, o.kind, o.stage, `${formatPlain(o.probability)}%`, o.value, o.weighted, o.close && `${o.close}${o.closePassed ? ' (passed)' : ''}`, o.with, o.owner?.name]), [3, 4, 5]), '');
    }
    if (view.whitespace) {
        const w = view.whitespace;
        out.push('## Whitespace', '', ...(w.coverage ? [`${escapeMarkdown(w.coverage)}.`, ''] : []),
            table(['Product', ...w.units.map((u) => escapeMarkdown(u))], w.rows.map((r) => [r.product, ...w.units.map((_, i) => r.cells[i])])), '');
    }
    if (view.contracts.length) {
        out.push('## Contracts', '', compactTable(['Contract', 'Start', 'End', 'Renewal', 'Notice', 'Notice deadline', 'Value a year'],
            view.contracts.map((c) => [c.title, c.start, c.end, c.renewal, c.notice, c.noticeDeadline, c.value])), '');
    }
    if (view.competitors.length) {
        out.push('## Competitors', '', compactTable(['Competitor', 'Share', 'Strengths', 'Weaknesses', 'Our differentiators', 'Warning signs'],
            view.competitors.map((c) => [c.name, c.share, list(c.strengths, '; '), list(c.weaknesses, '; '), list(c.differentiators, '; '), list(c.warningSigns, '; ')])), '');
    }
    // The director's words first; the codes and lines for the plan's authors only when asked (--detail).
    out.push('## Findings', '', view.findings.length === 0 ? 'No findings: the reviewer has nothing to add.' : bySeverity(view.findings).map((f) => `- ${SEVERITY_ICON[f.severity]} ${escapeMarkdown(f.plain)}`).join('\n'), '');
    if (detail && view.findings.length) out.push('## For the plan\'s authors', '', findingsList(view.findings), '');
    return out.join('\n');
}

/** The customer's goals, markets, strategies and organisation, and the will-and-skill gates. */
function customerInsightMarkdown(view: AccountView): string[] {
    const out: string[] = [];
    const c = view.customer;
    const groups: Array<[string, string[]]> = [['Goals', c.goals], ['Markets', c.markets], ['Strategies', c.strategies], ['Organisation dynamics', c.organisation]];
    if (groups.some(([, items]) => items.length)) {
        out.push('## Customer insight', '');
        for (const [label, items] of groups) if (items.length) out.push(`**${label}**`, '', ...items.map((i) => `- ${escapeMarkdown(i)}`), '');
    }
    if (view.gates) {
        out.push(`## Will and skill: ${view.gates.passed} of ${view.gates.answers.length} gates passed`, '',
            table(['The customer…', 'Answer'], view.gates.answers.map((g) => [g.question, g.answer === 'yes' ? g.answer : new Markup(`**${g.answer}**`)])), '');
    }
    return out;
}

/** Several plan texts in one cell, each escaped on its own (a bidi override in one cannot reach the next). */
function list(texts: string[], separator: string): Markup | undefined {
    return texts.length ? new Markup(texts.map((text) => escapeMarkdown(text)).join(separator)) : undefined;
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
