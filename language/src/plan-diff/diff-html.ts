/**
 * The diff as one self-contained HTML page, drawn with the report's own charts: the portfolio
 * matrix now with an arrow from where each account stood at the base, the Pareto curve then and
 * now, a table of the changed accounts, and per account its strategic-value breakdown then and now
 * beside the list of what changed. Same page shell, palette and Content-Security-Policy as the report.
 */
import { oneLine } from '../domain/plain-text.js';
import { paretoChart } from '../reports/charts/pareto-chart.js';
import { portfolioMatrix, type EarlierPosition } from '../reports/charts/portfolio-matrix.js';
import { strategicValueChart } from '../reports/charts/strategic-value-chart.js';
import { el, token, type Child, type Safe } from '../reports/charts/svg.js';
import { htmlDocument } from '../reports/html-report.js';
import { accountChangeLines, completenessChange, diffHeadline, findingsChange, revisionText, scoreChange, valueChange } from './diff-words.js';
import type { AccountDiff, NumberChange, PortfolioDiff } from './portfolio-diff.js';
import type { PortfolioSnapshot } from './snapshot.js';

/** Accounts drawn with their charts; the rest are listed in the table only (a page stays readable). */
const ACCOUNTS_WITH_CHARTS = 40;

function idOf(prefix: string, name: string, index: number): string {
    return `${prefix}-${name.replace(/[^A-Za-z0-9_-]/g, '_')}-${index}`;
}

function trend(c: NumberChange, text: string): Safe {
    const cls = c.delta === undefined || c.delta === 0 ? undefined : c.delta > 0 ? 'kam-up' : 'kam-down';
    return el('span', { class: cls }, text);
}

function side(heading: string, chart: Safe | undefined, note: string): Safe {
    return el('div', {}, el('h3', {}, heading), chart ? el('div', { class: 'kam-figure' }, chart) : el('p', { class: 'kam-note' }, note));
}

/** The account at one side: by name and file, else by name. Looked up only for the accounts drawn with charts (a search of the whole side each). */
function accountAt(snapshot: PortfolioSnapshot, name: string, source: string | undefined) {
    return snapshot.accounts.find((a) => a.view.name === name && a.view.source === source) ?? snapshot.accounts.find((a) => a.view.name === name);
}

function sideBySide(d: AccountDiff, base: PortfolioSnapshot, head: PortfolioSnapshot, index: number): Safe {
    const before = accountAt(base, d.name, d.source.before);
    const after = accountAt(head, d.name, d.source.after);
    return el('div', { class: 'kam-side-by-side' },
        side(`Strategic value at ${revisionText(base.revision)}`, before && strategicValueChart(before.view.strategicValue, idOf('chart-sv-before', d.name, index)), 'Not in the portfolio then.'),
        side(`Strategic value at ${revisionText(head.revision)}`, after && strategicValueChart(after.view.strategicValue, idOf('chart-sv-after', d.name, index)), 'Not in the portfolio now.'));
}

function accountSection(d: AccountDiff, base: PortfolioSnapshot, head: PortfolioSnapshot, index: number, withCharts: boolean): Safe {
    const headingId = idOf('h-account', d.name, index);
    const findings: Child[] = [
        ...d.findings.added.map((f) => el('li', { class: `kam-finding kam-finding-${token(f.severity)}` },
            el('span', { class: `kam-severity kam-severity-${token(f.severity)}` }, `new ${f.severity}`), ' ', el('span', { class: 'kam-code' }, f.code), ': ', f.message)),
        ...d.findings.resolved.map((f) => el('li', { class: 'kam-finding' },
            el('span', { class: 'kam-severity kam-check-done' }, 'resolved'), ' ', el('span', { class: 'kam-code' }, f.code), ': ', f.message)),
    ];
    return el('section', { class: 'kam-diff-account', 'aria-labelledby': headingId, 'data-kam-account': d.name },
        el('h2', { id: headingId }, d.title, d.kind !== 'changed' ? el('span', { class: 'kam-note' }, ` (${d.kind})`) : undefined),
        el('ul', {}, ...accountChangeLines(d).map((l) => el('li', {}, el('strong', {}, `${l.label}: `), l.text))),
        findings.length ? el('ul', { class: 'kam-findings' }, ...findings) : undefined,
        withCharts && d.kind === 'changed' && d.factors.length > 0 ? sideBySide(d, base, head, index) : undefined);
}

/** The page's body (for a webview) and the whole page. */
export function diffBodyHtml(diff: PortfolioDiff, base: PortfolioSnapshot, head: PortfolioSnapshot): string {
    const earlier = new Map<string, EarlierPosition>();
    for (const a of base.accounts) {
        const { value } = a.view.strategicValue;
        const strength = a.view.relationship.strength;
        if (value !== undefined && strength !== undefined && a.view.quadrant) earlier.set(a.view.name, { strategicValue: value, relationship: strength });
    }
    // Renamed accounts (matched by file) are drawn from their old place too.
    for (const d of diff.accounts) {
        if (d.kind !== 'changed' || earlier.has(d.name) || d.strategicValue.before === undefined || d.relationship.before === undefined) continue;
        earlier.set(d.name, { strategicValue: d.strategicValue.before, relationship: d.relationship.before });
    }
    const rows = diff.accounts.map((d, i) => el('tr', {},
        el('td', {}, el('a', { href: `#${idOf('h-account', d.name, i)}` }, d.title), d.kind !== 'changed' ? el('span', { class: 'kam-note' }, ` (${d.kind})`) : undefined),
        el('td', { class: 'kam-num' }, trend(d.strategicValue, scoreChange(d.strategicValue))),
        el('td', { class: 'kam-num' }, trend(d.relationship, scoreChange(d.relationship))),
        el('td', {}, valueChange(d.quadrant, String)),
        el('td', {}, completenessChange(d)),
        el('td', {}, findingsChange(d))));
    const p = diff.pareto;
    const body = el('article', { class: 'kam-portfolio kam-diff' },
        el('header', {},
            el('h1', {}, 'Key account plans: what changed'),
            el('p', { class: 'kam-meta' }, `${revisionText(diff.base)} → ${revisionText(diff.head)}`),
            el('p', { class: 'kam-headline', 'data-kam': 'diff-headline' }, diffHeadline(diff))),
        el('section', { 'aria-labelledby': 'h-diff-matrix' },
            el('h2', { id: 'h-diff-matrix' }, 'Portfolio matrix: where each account moved'),
            el('p', { class: 'kam-note' }, `Bubbles where the accounts stand at ${revisionText(diff.head)}; each arrow starts where the account stood at ${revisionText(diff.base)}.`),
            el('div', { class: 'kam-figure' }, portfolioMatrix(head.portfolio, 'chart-diff-matrix', { earlier })),
            diff.quadrantMoves.length
                ? el('ul', {}, ...diff.quadrantMoves.map((m) => el('li', {}, el('strong', {}, m.title), `: ${m.from ?? 'not placed'} → ${m.to ?? 'not placed'}`)))
                : el('p', { class: 'kam-note' }, 'No account moved quadrant.')),
        el('section', { 'aria-labelledby': 'h-diff-pareto' },
            el('h2', { id: 'h-diff-pareto' }, 'Revenue concentration then and now'),
            el('p', {}, `The top fifth of accounts brings ${valueChange({ before: p.topFifthShare.before?.toFixed(0), after: p.topFifthShare.after?.toFixed(0) }, (s) => `${s}%`)} of revenue (limit ${p.limit}%); `,
                `${valueChange(p.accountsFor80Percent, String)} accounts bring 80%.`),
            el('div', { class: 'kam-side-by-side' },
                side(revisionText(diff.base), base.portfolio.pareto.rows.length ? paretoChart(base.portfolio.pareto, 'chart-pareto-before') : undefined, 'No account stated its revenue.'),
                side(revisionText(diff.head), head.portfolio.pareto.rows.length ? paretoChart(head.portfolio.pareto, 'chart-pareto-after') : undefined, 'No account states its revenue.'))),
        el('section', { 'aria-labelledby': 'h-diff-accounts' },
            el('h2', { id: 'h-diff-accounts' }, 'Accounts that changed'),
            diff.accounts.length === 0 ? el('p', { class: 'kam-note' }, 'No account plan changed in meaning.') : el('table', { class: 'kam-table' },
                el('thead', {}, el('tr', {}, ...['Account', 'Strategic value', 'Relationship', 'Quadrant', 'Plan', 'Findings'].map((h) => el('th', { scope: 'col' }, h)))),
                el('tbody', {}, ...rows))),
        ...diff.accounts.map((d, i) => accountSection(d, base, head, i, i < ACCOUNTS_WITH_CHARTS)));
    return body.markup;
}

export function diffReportHtml(diff: PortfolioDiff, base: PortfolioSnapshot, head: PortfolioSnapshot): string {
    return htmlDocument(`What changed: ${oneLine(revisionText(diff.base))} → ${oneLine(revisionText(diff.head))}`, diffBodyHtml(diff, base, head));
}
