/**
 * The pictures as HTML: body fragments shared by the live preview (the server sends them to the
 * webview) and the self-contained HTML report (one file: inline CSS and SVG, a strict
 * Content-Security-Policy, print CSS, and one tiny script that sorts the portfolio table).
 * Every piece of user text is escaped (html-escaper, through the SVG writer's `el`).
 */
// Synchronous SHA-256 that runs in Node and in the browser's web worker alike (Node's crypto is not there).
import { sha256 as sha256Digest } from '@noble/hashes/sha2.js';
import { bySeverity, type ReviewFinding } from '../domain/findings.js';
import { formatPercent, formatScore } from '../domain/quantities.js';
import { expectationsMatrix } from './charts/expectations-matrix.js';
import { kpiChart } from './charts/kpi-chart.js';
import { paretoChart } from './charts/pareto-chart.js';
import { portfolioMatrix } from './charts/portfolio-matrix.js';
import { relationshipMap } from './charts/relationship-map.js';
import { riskMatrix } from './charts/risk-matrix.js';
import { strategicValueChart } from './charts/strategic-value-chart.js';
import { el, elementParts, join, markupOf, Safe, token, type Child } from './charts/svg.js';
import { timelineChart } from './charts/timeline-chart.js';
import { CHART_CSS, LIGHT_THEME_CSS, PAGE_CSS, SORTABLE_TABLE_SCRIPT } from './page-assets.js';
import type { AccountView, FindingView, PortfolioView } from './view-model.js';
import { attentionView, worstFirst, type AttentionView } from './attention-view.js';

export interface RenderOptions {
    /**
     * In the webview: findings become buttons that jump to the source, accounts open their plan.
     * In the report: plain text (there is no editor to jump to).
     */
    interactive?: boolean;
    /** The portfolio's findings with their codes and lines too, folded, for the plans' authors. */
    detail?: boolean;
}

/** An id fragment from any name: charts on one page need distinct ids. */
function idOf(prefix: string, name: string, index = 0): string {
    return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${index}`;
}

export function section(heading: string, id: string, ...content: Child[]): Safe {
    return join([...sectionParts(heading, id, content)]);
}

/** `section` in parts (see `elementParts`): its children made one by one as they are taken. */
function sectionParts(heading: string, id: string, content: Iterable<Child>): Generator<Safe> {
    return elementParts('section', { 'aria-labelledby': id }, (function* () {
        yield el('h2', { id }, heading);
        yield* content;
    })());
}

export function figure(chart: Safe): Safe {
    return el('div', { class: 'kam-figure' }, chart);
}

function findingItem(f: FindingView | ReviewFinding & { uri?: string }, options: RenderOptions): Safe {
    const where = `line ${f.line}:${f.column}`;
    const place = options.interactive && f.uri
        ? el('button', { type: 'button', class: 'kam-link', 'data-kam-reveal': f.uri, 'data-line': f.line, 'data-column': f.column, title: 'Show this place in the plan' }, where)
        : el('span', {}, where);
    return el('li', { class: `kam-finding kam-finding-${token(f.severity)}` },
        el('span', { class: `kam-severity kam-severity-${token(f.severity)}` }, f.severity), ' ',
        place, ' ', el('span', { class: 'kam-code' }, f.code), ': ', f.message);
}

function findingsList(findings: FindingView[], options: RenderOptions): Safe {
    if (findings.length === 0) return el('p', { class: 'kam-note' }, 'No findings: the reviewer has nothing to add.');
    return el('ul', { class: 'kam-findings' }, ...findings.map((f) => findingItem(f, options)));
}

type Column = { label: string; numeric?: boolean; sortable?: boolean; date?: boolean };

export function table(headers: Column[], rows: Safe[][], numericValues?: (number | undefined)[][]): Safe {
    return join([...tableParts(headers, rows, numericValues)]);
}

/** `table` in parts: the head, then each row as `rows` makes it. */
function tableParts(headers: Column[], rows: Iterable<Safe[]>, numericValues?: (number | undefined)[][]): Generator<Safe> {
    return elementParts('table', { class: 'kam-table' }, (function* () {
        yield el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' },
            h.sortable ? el('button', { type: 'button', 'data-kam-sort': '', 'data-kam-type': h.numeric ? 'number' : 'text' }, h.label) : h.label))));
        yield* elementParts('tbody', {}, (function* () {
            let r = 0;
            for (const row of rows) {
                const numbers = numericValues?.[r++];
                yield el('tr', {}, ...row.map((c, i) => el('td', {
                    class: headers[i].numeric ? 'kam-num' : headers[i].date ? 'kam-date' : undefined,
                    'data-sort-value': numbers?.[i] === undefined || !Number.isFinite(numbers[i]) ? (headers[i].numeric && headers[i].sortable ? '' : undefined) : numbers[i],
                }, c)));
            }
        })());
    })());
}

/** `items.map(f)`, each made only when taken. */
function* mapped<T, U>(items: readonly T[], f: (item: T, index: number) => U): Generator<U> {
    for (let i = 0; i < items.length; i++) yield f(items[i], i);
}

export function cell(value: string | number | undefined): Safe {
    return el('span', {}, value === undefined ? '—' : String(value));
}

/** Renewal, reviews, pipeline and sign-off: the dates and money the account is steered by. */
function calendarList(view: AccountView): Safe | undefined {
    const items: Array<[string, string | undefined]> = [
        ['Renewal', view.calendar.renewal], ['Reviews', view.calendar.reviews], ['Pipeline', view.calendar.pipeline],
        ['Signed off', view.signOff && `by ${view.signOff.by.join(', ')}${view.signOff.date ? ` on ${view.signOff.date}` : ''}`],
    ];
    const shown = items.filter((i): i is [string, string] => i[1] !== undefined);
    return shown.length ? el('ul', { class: 'kam-calendar', 'data-kam': 'calendar' }, ...shown.map(([label, text]) => el('li', {}, el('strong', {}, label), ' ', text))) : undefined;
}

/** Stakeholder ids for counterparts named by full name (the view names people, the map places them by id). */
function counterpartIds(view: AccountView, names: string[]): string[] {
    return view.relationship.stakeholders.filter((s) => names.includes(s.name)).map((s) => s.id);
}

function list(texts: string[]): Safe | undefined {
    return texts.length ? el('span', {}, texts.join('; ')) : undefined;
}

/** Who drives what, our team facing them, and who left. */
function peopleDetails(view: AccountView): Child {
    const drivers = view.relationship.stakeholders.filter((s) => s.notes.length || s.decisionCriteria.length);
    return [
        view.ourTeam.length ? table([{ label: 'Our team' }, { label: 'Role' }, { label: 'Faces' }],
            view.ourTeam.map((m) => [cell(m.person.name), cell(m.role), cell(m.counterparts.join(', ') || undefined)])) : undefined,
        drivers.length ? table([{ label: 'Stakeholder' }, { label: 'What drives them' }, { label: 'Decides on' }],
            drivers.map((s) => [cell(s.name), list(s.notes) ?? cell(undefined), list(s.decisionCriteria) ?? cell(undefined)])) : undefined,
        view.formerContacts.length ? el('p', { class: 'kam-note' }, 'Former contacts (out of the map and the scores): ',
            view.formerContacts.map((f) => `${f.name}${f.title ? `, ${f.title}` : ''}, left ${f.left}${f.reason ? ` (${f.reason})` : ''}`).join('; '), '.') : undefined,
    ];
}

function interactionsTable(view: AccountView): Safe {
    return table([{ label: 'Date', date: true }, { label: 'What' }, { label: 'With' }, { label: 'Our side' }, { label: 'Agreed' }, { label: 'Next steps' }],
        view.interactions.map((i) => [
            i.planned ? el('span', { class: 'kam-planned' }, `${i.date} (planned)`) : cell(i.date),
            cell(`${i.kind}${i.title ? `: ${i.title}` : ''}`), cell(i.attendees.join(', ') || undefined), cell(i.ourSide.join(', ') || undefined),
            list(i.agreed) ?? cell(undefined),
            list(i.nextSteps.map((n) => `${n.label}${n.owner ? `, ${n.owner}` : ''}${n.due ? `, by ${n.due}` : ''}`)) ?? cell(undefined),
        ]));
}

function opportunitiesTable(view: AccountView): Safe {
    return table([{ label: 'Opportunity' }, { label: 'Kind' }, { label: 'Stage' }, { label: 'Probability', numeric: true }, { label: 'Value', numeric: true },
        { label: 'Weighted', numeric: true }, { label: 'Close', date: true }, { label: 'With' }, { label: 'Owner' }],
    view.opportunities.map((o) => [cell(o.text), cell(o.kind), cell(o.stage ?? 'identified (assumed)'), cell(formatPercent(o.probability)), cell(o.value), cell(o.weighted),
        o.closePassed ? el('span', { class: 'kam-warning-text' }, `${o.close} (passed)`) : cell(o.close), cell(o.with), cell(o.owner?.name)]));
}

function whitespaceTable(w: NonNullable<AccountView['whitespace']>): Child {
    return [
        w.coverage ? el('p', {}, w.coverage, '.') : undefined,
        el('table', { class: 'kam-table kam-whitespace' },
            el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Product'), ...w.units.map((u) => el('th', { scope: 'col' }, u)))),
            el('tbody', {}, ...w.rows.map((r) => el('tr', {}, el('th', { scope: 'row' }, r.product),
                ...w.units.map((_, i) => el('td', { class: `kam-ws kam-ws-${token(r.cells[i])}` }, r.cells[i] ?? '—')))))),
    ];
}

function contractsTable(view: AccountView): Safe {
    return table([{ label: 'Contract' }, { label: 'Start', date: true }, { label: 'End', date: true }, { label: 'Renewal', date: true }, { label: 'Notice' }, { label: 'Notice deadline', date: true }, { label: 'Value a year', numeric: true }],
        view.contracts.map((c) => [cell(c.title), cell(c.start), cell(c.end), cell(c.renewal), cell(c.notice), cell(c.noticeDeadline), cell(c.value)]));
}

function competitorsTable(view: AccountView): Safe {
    return table([{ label: 'Competitor' }, { label: 'Share', numeric: true }, { label: 'Strengths' }, { label: 'Weaknesses' }, { label: 'Our differentiators' }, { label: 'Warning signs' }],
        view.competitors.map((c) => [cell(c.name), cell(c.share), list(c.strengths) ?? cell(undefined), list(c.weaknesses) ?? cell(undefined),
            list(c.differentiators) ?? cell(undefined), list(c.warningSigns) ?? cell(undefined)]));
}

/** The customer's goals, markets, strategies and organisation: what a key account manager must understand. */
function customerInsight(view: AccountView): Safe | undefined {
    const c = view.customer;
    const groups: Array<[string, string[]]> = [['Goals', c.goals], ['Markets', c.markets], ['Strategies', c.strategies], ['Organisation dynamics', c.organisation]];
    const shown = groups.filter(([, items]) => items.length);
    return shown.length ? el('dl', { class: 'kam-insight', 'data-kam': 'customer-insight' },
        ...shown.map(([label, items]) => el('div', {}, el('dt', {}, label), ...items.map((i) => el('dd', {}, i))))) : undefined;
}

function gatesTable(gates: NonNullable<AccountView['gates']>): Safe {
    return table([{ label: 'The customer…' }, { label: 'Answer' }], gates.answers.map((g) => [cell(g.question),
        el('span', { class: g.answer === 'yes' ? 'kam-good-text' : 'kam-warning-text', 'data-kam-gate': g.answer }, g.answer)]));
}

function feedbackTable(view: AccountView): Safe {
    return table([{ label: 'Feedback' }, { label: 'From' }, { label: 'Received', date: true }, { label: 'Our action' }, { label: 'Owner' }, { label: 'By', date: true }],
        view.feedback.flatMap((f) => (f.responses.length ? f.responses : [undefined]).map((r, i) => [
            i === 0 ? cell(f.text) : cell(''), i === 0 ? cell(f.from) : cell(''), i === 0 ? cell(f.received) : cell(''),
            r ? cell(r.label) : el('span', { class: 'kam-warning-text' }, 'no action yet'), cell(r?.owner?.name),
            r?.overdue ? el('span', { class: 'kam-warning-text' }, `${r.due} (overdue)`) : cell(r?.due)])));
}

/** Who owns each objective, by when, agreed with whom: the timeline's rows in words. */
function objectivesTable(view: AccountView): Safe | undefined {
    return view.objectives.length ? table([{ label: 'Objective' }, { label: 'Status' }, { label: 'Owner' }, { label: 'Due', date: true }, { label: 'Agreed with' }],
        view.objectives.map((o) => [cell(o.title), cell(o.status), cell(o.owner?.name), cell(o.due), cell(o.agreedWith.join(', ') || undefined)])) : undefined;
}

/** One account on a page: header, and a section per picture. */
export function accountBodyHtml(view: AccountView, options: RenderOptions = {}, index = 0): string {
    const id = (part: string) => idOf(part, view.name, index);
    const quadrant = view.quadrant
        ? join(el('span', { class: `kam-badge kam-quadrant-${token(view.quadrant)}` }, view.quadrant), ' ')
        : undefined;
    const header = el('header', {},
        el('h1', {}, view.title),
        view.source ? el('p', { class: 'kam-meta' }, `${view.source} · as of ${view.today}`) : el('p', { class: 'kam-meta' }, `As of ${view.today}`),
        view.syntaxErrorLine !== undefined
            ? el('p', { class: 'kam-headline kam-warning-text', 'data-kam': 'provisional' },
                `Numbers provisional: part of this plan could not be read (syntax error on line ${view.syntaxErrorLine}). Strategic value ~`,
                el('strong', { 'data-kam': 'strategic-value' }, view.strategicValue.display),
                ' · relationship ~', el('strong', { 'data-kam': 'relationship-strength' }, view.relationship.display), '.')
            : el('p', { class: 'kam-headline' }, quadrant,
                'Strategic value ', el('strong', { 'data-kam': 'strategic-value' }, view.strategicValue.display),
                ' · relationship ', el('strong', { 'data-kam': 'relationship-strength' }, view.relationship.display),
                ' · plan ', el('strong', { 'data-kam': 'plan-completeness' }, `${view.completeness.present}/${view.completeness.total}`),
                view.quadrantAdvice ? ` — ${view.quadrantAdvice}.` : ' — not placed in the portfolio matrix (scores or relationship data missing).'),
        el('dl', { class: 'kam-facts' }, ...view.facts.map((f) => el('div', {}, el('dt', {}, f.label), el('dd', {}, f.value)))),
        view.valueProposition ? el('p', {}, el('strong', {}, 'Value proposition: '), view.valueProposition) : undefined,
        calendarList(view),
    );
    const rel = view.relationship;
    const risksTable = view.risks.length
        ? table([{ label: '#' }, { label: 'Risk' }, { label: 'Likelihood' }, { label: 'Impact' }, { label: 'Contingency' }, { label: 'Owner' }],
            view.risks.map((r) => [cell(r.number), cell(r.text), cell(r.likelihood), cell(r.impact), r.contingency ? cell(r.contingency) : el('span', { class: 'kam-warning-text' }, 'none'), cell(r.owner?.name)]))
        : el('p', { class: 'kam-note' }, 'No risks are listed.');
    const body = el('article', { class: 'kam-account', id: id('account'), 'data-account': view.name },
        header,
        section('Strategic value', id('h-value'), figure(strategicValueChart(view.strategicValue, id('chart-value')))),
        section(`Plan completeness: ${view.completeness.present} of ${view.completeness.total} elements`, id('h-completeness'),
            el('ul', { class: 'kam-checklist' }, ...view.completeness.elements.map((e) => el('li', { class: e.present ? 'kam-check-done' : 'kam-check-missing' },
                e.present ? '✓ ' : '✗ ', el('strong', {}, e.label), e.present ? '' : ` — ${e.missing ?? ''}`)))),
        customerInsight(view) ? section('Customer insight', id('h-insight'), customerInsight(view)) : undefined,
        view.gates ? section(`Will and skill: ${view.gates.passed} of ${view.gates.answers.length} gates passed`, id('h-gates'), gatesTable(view.gates)) : undefined,
        section('Relationship map', id('h-map'),
            el('p', {}, 'Relationship strength ', el('strong', {}, rel.display),
                ` (ratings ${formatScore(rel.ratingIndex)}, stage ${rel.stage ?? '—'} = ${formatScore(rel.stageScore)}; strong from ${rel.threshold}). Colour = stance, size = influence.`),
            figure(relationshipMap(rel, id('chart-map'), view.ourTeam.map((m) => ({ ...m, counterpartIds: counterpartIds(view, m.counterparts) })))),
            peopleDetails(view)),
        view.interactions.length ? section('Meetings and calls', id('h-interactions'), interactionsTable(view)) : undefined,
        section('Expectations', id('h-expectations'), figure(expectationsMatrix(view.expectations, id('chart-expectations')))),
        section('Objectives and actions', id('h-timeline'), figure(timelineChart(view.timeline, id('chart-timeline'))), objectivesTable(view)),
        section('KPIs', id('h-kpis'), figure(kpiChart(view.kpis, id('chart-kpis')))),
        view.feedback.length ? section('Feedback and our response', id('h-feedback'), feedbackTable(view)) : undefined,
        section('Risks', id('h-risks'), figure(riskMatrix(view.risks, id('chart-risks'))), risksTable),
        view.opportunities.length ? section('Opportunities and pipeline', id('h-pipeline'), opportunitiesTable(view)) : undefined,
        view.whitespace ? section('Whitespace', id('h-whitespace'), whitespaceTable(view.whitespace)) : undefined,
        view.contracts.length ? section('Contracts', id('h-contracts'), contractsTable(view)) : undefined,
        view.competitors.length ? section('Competitors', id('h-competitors'), competitorsTable(view)) : undefined,
        // In the preview the plan's writer reads the findings with their codes, each a jump to its place;
        // on the page a director reads them in plain words, the codes and lines folded for authors when asked.
        options.interactive
            ? section(`Reviewer (${view.findings.length})`, id('h-findings'), findingsList(view.findings, options))
            : section(`Findings (${view.findings.length})`, id('h-findings'),
                view.findings.length ? plainFindingsList(view.findings) : el('p', { class: 'kam-note' }, 'No findings: the reviewer has nothing to add.'),
                options.detail && view.findings.length ? el('details', { class: 'kam-author-detail', 'data-kam': 'author-detail' },
                    el('summary', {}, 'For the plan\'s authors: codes and lines'), findingsList(view.findings, options)) : undefined),
    );
    return body.markup;
}

/** Findings in the director's words, the most severe first. */
function plainFindingsList(findings: FindingView[]): Safe {
    return el('ul', { class: 'kam-findings kam-plain-findings' }, ...bySeverity(findings).map((f) => el('li', { class: `kam-finding kam-finding-${token(f.severity)}` },
        el('span', { class: `kam-severity kam-severity-${token(f.severity)}` }, f.severity), ' ', f.plain)));
}

/** The portfolio: matrix, Pareto curve, a sortable table of accounts, and the review at a glance. */
export function portfolioBodyHtml(view: PortfolioView, options: RenderOptions = {}): string {
    return markupOf(portfolioBodyParts(view, options));
}

/**
 * The portfolio's body in parts, each made only when the one before has been taken: a section, or
 * one account's findings (half of a large portfolio's page). `kam report` writes each part as it
 * comes, so a 2,000-account page is never whole in memory as millions of pieces.
 */
export function portfolioBodyParts(view: PortfolioView, options: RenderOptions = {}): Generator<Safe> {
    return elementParts('article', { class: 'kam-portfolio' }, portfolioSections(view, options));
}

function* portfolioSections(view: PortfolioView, options: RenderOptions): Generator<Child> {
    const p = view.pareto;
    const attention = attentionView(view);
    const accountCell = (a: { title: string; uri?: string }): Safe => options.interactive && a.uri
        ? el('button', { type: 'button', class: 'kam-link', 'data-kam-open': a.uri, title: `Open the plan of ${a.title}` }, a.title)
        : el('span', {}, a.title);
    const concentration = p.rows.length === 0
        ? el('p', { class: 'kam-note' }, 'No account states its current revenue.')
        : el('p', {}, `Total ${p.totalDisplay}. The top ${p.topFifthCount} account${p.topFifthCount === 1 ? '' : 's'} (a fifth of the portfolio) bring `,
            el('strong', {}, `${p.topFifthShare.toFixed(0)}%`), ` of revenue; ${p.accountsFor80Percent} of ${p.rows.length} bring 80%.`,
            !p.currency && p.currencies.length > 1 ? ` Revenues are stated in several currencies (${p.currencies.join(', ')}); they are added as written. Set a reporting currency and rates in kam.config.json to convert them.` : undefined,
            p.unconvertible.length ? ` Left out: revenue in ${p.unconvertible.join(', ')}, which has no rate into ${p.currency}.` : undefined,
            p.overLimit ? el('span', { class: 'kam-warning-text' }, ` That is above the ${p.limit}% limit: revenue depends on very few customers.`) : undefined);
    yield el('header', {},
        el('h1', {}, view.title),
        el('p', { class: 'kam-meta' }, `As of ${view.today}`),
        el('p', { class: 'kam-headline' }, el('strong', { 'data-kam': 'account-count' }, view.counts.accounts), ` account${view.counts.accounts === 1 ? '' : 's'} · `,
            el('strong', { 'data-kam': 'attention-count' }, attention.accounts.length), ` need${attention.accounts.length === 1 ? 's' : ''} attention · `,
            `${view.counts.errors} error${view.counts.errors === 1 ? '' : 's'} · ${view.counts.warnings} warning${view.counts.warnings === 1 ? '' : 's'}. `,
            `Attractive from strategic value ${view.thresholds.keyThreshold}, strongly related from relationship strength ${view.thresholds.strengthThreshold}.`));
    yield* attentionSection(attention, accountCell);
    yield section('Portfolio matrix', 'h-portfolio-matrix',
        figure(portfolioMatrix(view, 'chart-portfolio-matrix', options)),
        el('ul', {}, ...view.quadrants.map((q) => el('li', {}, el('strong', {}, q.quadrant), ` (${q.advice}): ${q.accounts.join(', ') || 'none'}`))),
        view.unplaced.length ? el('p', { class: 'kam-note' }, `Not placed (no scores or no relationship data): ${view.unplaced.join(', ')}.`) : undefined);
    yield section('Revenue concentration', 'h-pareto', concentration, figure(paretoChart(p, 'chart-pareto')));
    yield view.pipeline ? section('Pipeline', 'h-portfolio-pipeline', el('p', { 'data-kam': 'portfolio-pipeline' }, 'Weighted pipeline ', el('strong', {}, view.pipeline.weighted),
        ` of ${view.pipeline.open} open, over ${view.pipeline.accountsCounted} account${view.pipeline.accountsCounted === 1 ? '' : 's'}`,
        view.pipeline.gapToPotential ? ['; the growth still unplanned (gap to potential) is ', el('strong', {}, view.pipeline.gapToPotential), '.'] : '.')) : undefined;
    yield view.renewals.length ? section(`Renewals in the next ${view.thresholds.renewalWindowDays} days`, 'h-renewals',
        table([{ label: 'Account' }, { label: 'Renewal', date: true }, { label: 'In days', numeric: true }, { label: 'Aimed at?' }],
            view.renewals.map((r) => [cell(r.title), cell(r.date), cell(r.daysTo), r.planned ? cell('renewal opportunity') : el('span', { class: 'kam-warning-text' }, 'nothing in the plan')]))) : undefined;
    yield view.groups.length ? section('Account groups', 'h-groups',
        table([{ label: 'Group' }, { label: 'Subsidiaries and regions' }, { label: 'Revenue rolled up', numeric: true }],
            view.groups.map((g) => [cell(g.title), cell(g.members.join(', ')), cell(g.revenueDisplay)]))) : undefined;
    yield* sectionParts('Accounts', 'h-accounts', tableParts([
        { label: 'Account', sortable: true }, { label: 'Owner', sortable: true }, { label: 'Tier', sortable: true },
        { label: 'Revenue', numeric: true, sortable: true }, { label: 'Strategic value', numeric: true, sortable: true },
        { label: 'Relationship', numeric: true, sortable: true }, { label: 'Quadrant', sortable: true },
        { label: 'Errors', numeric: true, sortable: true }, { label: 'Warnings', numeric: true, sortable: true },
    ],
    mapped(view.accounts, (a) => [accountCell(a), cell(a.owner?.name), cell(a.tier), cell(a.revenueDisplay), cell(a.strategicValueDisplay), cell(a.relationshipDisplay), cell(a.quadrant), cell(a.errors), cell(a.warnings)]),
    view.accounts.map((a) => [undefined, undefined, undefined, a.revenue, a.strategicValue, a.relationship, undefined, a.errors, a.warnings])));
    yield* sectionParts('Findings by account', 'h-reviewer', findingsByAccount(view, options, attention));
}

/** The reviewer's findings, an account at a time (and again with codes and lines for the authors, when asked). */
function* findingsByAccount(view: PortfolioView, options: RenderOptions, attention: AttentionView): Generator<Child> {
    if (view.findings.length === 0) {
        yield el('p', { class: 'kam-note' }, 'No errors or warnings in any plan.');
        return;
    }
    const accounts = worstFirst(view.findings, attention);
    for (const a of accounts) yield el('div', { class: 'kam-account-findings' }, el('h3', {}, a.title), plainFindingsList(a.findings));
    if (!options.detail) return;
    yield* elementParts('details', { class: 'kam-author-detail', 'data-kam': 'author-detail' }, (function* () {
        yield el('summary', {}, 'For the plans\' authors: codes, files and lines');
        for (const a of accounts) {
            yield el('div', { class: 'kam-account-findings' },
                el('h3', {}, a.title, a.source ? el('span', { class: 'kam-note' }, ` (${a.source})`) : undefined),
                findingsList(a.findings, options));
        }
    })());
}

/** The summary before the details: each kind of trouble with how many and where, then the accounts worst first. */
function attentionSection(attention: AttentionView, accountCell: (a: { title: string; uri?: string }) => Safe): Generator<Safe> {
    if (attention.accounts.length === 0) {
        return sectionParts('Needs attention', 'h-attention', [el('p', { class: 'kam-note' },
            'Nothing needs attention: no renewal without a plan, no weak key relationship, no overdue action, no stale contact, no single-threaded account, no overdue review and no errors.')]);
    }
    return sectionParts('Needs attention', 'h-attention', (function* () {
        yield el('ul', { class: 'kam-attention-counts', 'data-kam': 'attention-counts' }, ...attention.headline.map((h) => el('li', {},
            el('strong', {}, `${h.label}: ${h.count}`), ` — ${h.accounts.join(', ')}`)));
        yield* tableParts([{ label: '#', numeric: true }, { label: 'Account' }, { label: 'Owner' }, { label: 'Strategic value', numeric: true }, { label: 'What needs attention' }],
            mapped(attention.accounts, (a, i) => [cell(i + 1), accountCell(a), cell(a.owner), cell(a.strategicValueDisplay),
                el('ul', { class: 'kam-reasons' }, ...a.reasons.map((r) => el('li', { class: `kam-reason-${token(r.kind)}` }, ...unbrokenDates(r.text))))]));
    })());
}

/** Text whose dates never break at their hyphens (a narrow column would split 2027-01-30 in two). */
function unbrokenDates(text: string): Child[] {
    return text.split(/(\d{4}-\d{2}-\d{2})/).map((part, i) => (i % 2 ? el('span', { class: 'kam-date' }, part) : part));
}


function sha256(text: string): string {
    return `'sha256-${base64(sha256Digest(new TextEncoder().encode(text)))}'`;
}

function base64(bytes: Uint8Array): string {
    let binary = '';
    for (const byte of bytes) binary += String.fromCharCode(byte);
    return btoa(binary);
}

/**
 * A whole HTML page: inline stylesheet and (optionally) the table-sorting script, both allowed by
 * their hashes and nothing else (no remote content, no inline handlers, no styles from user text).
 */
export function htmlDocument(title: string, body: string, options: { script?: boolean } = {}): string {
    return markupOf(htmlPageParts(title, [new Safe(body)], options));
}

/**
 * `htmlDocument` for a long page, for a writer that hands each part on as it is made (`kam report`):
 * the body's parts gathered into parts of about 64 KB — few writes, each small enough for its
 * pieces to die young.
 */
function* htmlDocumentInParts(title: string, body: Iterable<Safe>, options: { script?: boolean } = {}): Generator<string> {
    let gathered = '';
    for (const part of htmlPageParts(title, body, options)) {
        gathered += part.markup;
        if (gathered.length >= 65_536) {
            yield gathered;
            gathered = '';
        }
    }
    if (gathered) yield gathered;
}

/** `htmlDocument` in parts: the head, the body's parts as they come, the end. */
function* htmlPageParts(title: string, body: Iterable<Safe>, options: { script?: boolean }): Generator<Safe> {
    const style = `${LIGHT_THEME_CSS}${CHART_CSS}${PAGE_CSS}`;
    const script = options.script ? SORTABLE_TABLE_SCRIPT : undefined;
    const csp = `default-src 'none'; style-src ${sha256(style)}; script-src ${script ? sha256(script) : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
    yield new Safe([
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="KAM Plans">',
        el('title', {}, title).markup,
        `<style>${style}</style>`,
        '</head>',
        '<body>',
        '<main>',
    ].join('\n'));
    yield* body;
    yield new Safe(['</main>', script ? `<script>${script}</script>` : '', '</body>', '</html>', ''].join('\n'));
}

/** The HTML report of one or more accounts (a document may hold several plans). */
export function accountReportHtml(views: AccountView[], options: { detail?: boolean } = {}): string {
    const title = views.length === 1 ? `${views[0].title} — account summary` : 'Account summaries';
    return htmlDocument(title, views.map((v, i) => accountBodyHtml(v, { detail: options.detail }, i)).join('\n'));
}

/** The HTML report of the portfolio. */
export function portfolioReportHtml(view: PortfolioView, options: { detail?: boolean } = {}): string {
    return [...portfolioReportHtmlParts(view, options)].join('');
}

/** The portfolio's HTML report in parts, for a writer that hands each on as it is made (`kam report`). */
export function portfolioReportHtmlParts(view: PortfolioView, options: { detail?: boolean } = {}): Generator<string> {
    return htmlDocumentInParts(`${view.title} — portfolio summary`, portfolioBodyParts(view, { detail: options.detail }), { script: true });
}
