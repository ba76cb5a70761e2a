/**
 * The pictures as HTML: body fragments shared by the live preview (the server sends them to the
 * webview) and the self-contained HTML report (one file: inline CSS and SVG, a strict
 * Content-Security-Policy, print CSS, and one tiny script that sorts the portfolio table).
 * Every piece of user text is escaped (html-escaper, through the SVG writer's `el`).
 */
import { createHash } from 'node:crypto';
import type { ReviewFinding } from '../domain/findings.js';
import { formatScore } from '../domain/quantities.js';
import { expectationsMatrix } from './charts/expectations-matrix.js';
import { kpiChart } from './charts/kpi-chart.js';
import { paretoChart } from './charts/pareto-chart.js';
import { portfolioMatrix } from './charts/portfolio-matrix.js';
import { relationshipMap } from './charts/relationship-map.js';
import { riskMatrix } from './charts/risk-matrix.js';
import { strategicValueChart } from './charts/strategic-value-chart.js';
import { el, join, Safe, token, type Child } from './charts/svg.js';
import { timelineChart } from './charts/timeline-chart.js';
import { CHART_CSS, LIGHT_THEME_CSS, PAGE_CSS, SORTABLE_TABLE_SCRIPT } from './page-assets.js';
import type { AccountView, FindingView, PortfolioView } from './view-model.js';

export interface RenderOptions {
    /**
     * In the webview: findings become buttons that jump to the source, accounts open their plan.
     * In the report: plain text (there is no editor to jump to).
     */
    interactive?: boolean;
}

/** An id fragment from any name: charts on one page need distinct ids. */
function idOf(prefix: string, name: string, index = 0): string {
    return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${index}`;
}

export function section(heading: string, id: string, ...content: Child[]): Safe {
    return el('section', { 'aria-labelledby': id }, el('h2', { id }, heading), ...content);
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

export function table(headers: { label: string; numeric?: boolean; sortable?: boolean }[], rows: Safe[][], numericValues?: (number | undefined)[][]): Safe {
    return el('table', { class: 'kam-table' },
        el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', { scope: 'col' },
            h.sortable ? el('button', { type: 'button', 'data-kam-sort': '', 'data-kam-type': h.numeric ? 'number' : 'text' }, h.label) : h.label)))),
        el('tbody', {}, ...rows.map((row, r) => el('tr', {}, ...row.map((c, i) => el('td', {
            class: headers[i].numeric ? 'kam-num' : undefined,
            'data-sort-value': numericValues?.[r]?.[i] === undefined || !Number.isFinite(numericValues[r][i]) ? (headers[i].numeric && headers[i].sortable ? '' : undefined) : numericValues[r][i],
        }, c))))));
}

export function cell(value: string | number | undefined): Safe {
    return el('span', {}, value === undefined ? '—' : String(value));
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
        section('Relationship map', id('h-map'),
            el('p', {}, 'Relationship strength ', el('strong', {}, rel.display),
                ` (ratings ${formatScore(rel.ratingIndex)}, stage ${rel.stage ?? '—'} = ${formatScore(rel.stageScore)}; strong from ${rel.threshold}). Colour = stance, size = influence.`),
            figure(relationshipMap(rel, id('chart-map')))),
        section('Expectations', id('h-expectations'), figure(expectationsMatrix(view.expectations, id('chart-expectations')))),
        section('Objectives and actions', id('h-timeline'), figure(timelineChart(view.timeline, id('chart-timeline')))),
        section('KPIs', id('h-kpis'), figure(kpiChart(view.kpis, id('chart-kpis')))),
        section('Risks', id('h-risks'), figure(riskMatrix(view.risks, id('chart-risks'))), risksTable),
        section(`Reviewer (${view.findings.length})`, id('h-findings'), findingsList(view.findings, options)),
    );
    return body.markup;
}

/** The portfolio: matrix, Pareto curve, a sortable table of accounts, and the review at a glance. */
export function portfolioBodyHtml(view: PortfolioView, options: RenderOptions = {}): string {
    const p = view.pareto;
    const accountCell = (a: PortfolioView['accounts'][number]): Safe => options.interactive && a.uri
        ? el('button', { type: 'button', class: 'kam-link', 'data-kam-open': a.uri, title: `Open the plan of ${a.title}` }, a.title)
        : el('span', {}, a.title);
    const concentration = p.rows.length === 0
        ? el('p', { class: 'kam-note' }, 'No account states its current revenue.')
        : el('p', {}, `Total ${p.totalDisplay}. The top ${p.topFifthCount} account${p.topFifthCount === 1 ? '' : 's'} (a fifth of the portfolio) bring `,
            el('strong', {}, `${p.topFifthShare.toFixed(0)}%`), ` of revenue; ${p.accountsFor80Percent} of ${p.rows.length} bring 80%.`,
            p.currencies.length > 1 ? ` Revenues are stated in several currencies (${p.currencies.join(', ')}); they are added as written.` : undefined,
            p.overLimit ? el('span', { class: 'kam-warning-text' }, ` That is above the ${p.limit}% limit: revenue depends on very few customers.`) : undefined);
    const body = el('article', { class: 'kam-portfolio' },
        el('header', {},
            el('h1', {}, view.title),
            el('p', { class: 'kam-meta' }, `As of ${view.today}`),
            el('p', { class: 'kam-headline' }, el('strong', { 'data-kam': 'account-count' }, view.counts.accounts), ` account${view.counts.accounts === 1 ? '' : 's'} · `,
                `${view.counts.errors} error${view.counts.errors === 1 ? '' : 's'} · ${view.counts.warnings} warning${view.counts.warnings === 1 ? '' : 's'}. `,
                `Attractive from strategic value ${view.thresholds.keyThreshold}, strongly related from relationship strength ${view.thresholds.strengthThreshold}.`)),
        section('Portfolio matrix', 'h-portfolio-matrix',
            figure(portfolioMatrix(view, 'chart-portfolio-matrix', options)),
            el('ul', {}, ...view.quadrants.map((q) => el('li', {}, el('strong', {}, q.quadrant), ` (${q.advice}): ${q.accounts.join(', ') || 'none'}`))),
            view.unplaced.length ? el('p', { class: 'kam-note' }, `Not placed (no scores or no relationship data): ${view.unplaced.join(', ')}.`) : undefined),
        section('Revenue concentration', 'h-pareto', concentration, figure(paretoChart(p, 'chart-pareto'))),
        section('Accounts', 'h-accounts',
            table([
                { label: 'Account', sortable: true }, { label: 'Owner', sortable: true }, { label: 'Tier', sortable: true },
                { label: 'Revenue', numeric: true, sortable: true }, { label: 'Strategic value', numeric: true, sortable: true },
                { label: 'Relationship', numeric: true, sortable: true }, { label: 'Quadrant', sortable: true },
                { label: 'Errors', numeric: true, sortable: true }, { label: 'Warnings', numeric: true, sortable: true },
            ],
            view.accounts.map((a) => [accountCell(a), cell(a.owner?.name), cell(a.tier), cell(a.revenueDisplay), cell(a.strategicValueDisplay), cell(a.relationshipDisplay), cell(a.quadrant), cell(a.errors), cell(a.warnings)]),
            view.accounts.map((a) => [undefined, undefined, undefined, a.revenue, a.strategicValue, a.relationship, undefined, a.errors, a.warnings]))),
        section('Reviewer', 'h-reviewer',
            view.findings.length === 0 ? el('p', { class: 'kam-note' }, 'No errors or warnings in any plan.') : undefined,
            ...view.findings.map((a) => el('div', { class: 'kam-account-findings' },
                el('h3', {}, a.title, a.source ? el('span', { class: 'kam-note' }, ` (${a.source})`) : undefined),
                findingsList(a.findings, options)))),
    );
    return body.markup;
}

function sha256(text: string): string {
    return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * A whole HTML page: inline stylesheet and (optionally) the table-sorting script, both allowed by
 * their hashes and nothing else (no remote content, no inline handlers, no styles from user text).
 */
export function htmlDocument(title: string, body: string, options: { script?: boolean } = {}): string {
    const style = `${LIGHT_THEME_CSS}${CHART_CSS}${PAGE_CSS}`;
    const script = options.script ? SORTABLE_TABLE_SCRIPT : undefined;
    const csp = `default-src 'none'; style-src ${sha256(style)}; script-src ${script ? sha256(script) : "'none'"}; img-src data:; base-uri 'none'; form-action 'none'`;
    return [
        '<!DOCTYPE html>',
        '<html lang="en">',
        '<head>',
        '<meta charset="utf-8">',
        new Safe(`<meta http-equiv="Content-Security-Policy" content="${csp}">`).markup,
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="KAM Plans">',
        el('title', {}, title).markup,
        `<style>${style}</style>`,
        '</head>',
        '<body>',
        `<main>${body}</main>`,
        script ? `<script>${script}</script>` : '',
        '</body>',
        '</html>',
        '',
    ].join('\n');
}

/** The HTML report of one or more accounts (a document may hold several plans). */
export function accountReportHtml(views: AccountView[]): string {
    const title = views.length === 1 ? `${views[0].title} — account summary` : 'Account summaries';
    return htmlDocument(title, views.map((v, i) => accountBodyHtml(v, {}, i)).join('\n'));
}

/** The HTML report of the portfolio. */
export function portfolioReportHtml(view: PortfolioView): string {
    return htmlDocument(`${view.title} — portfolio summary`, portfolioBodyHtml(view), { script: true });
}
