/**
 * Each account's numbers over the revisions of the portfolio (`kam history`): the points, taken
 * from the snapshots (the view model's numbers, never recomputed), and their page with a trend
 * chart per account.
 */
import { formatScore } from '../domain/quantities.js';
import { trendChart } from '../reports/charts/trend-chart.js';
import { el } from '../reports/charts/svg.js';
import { htmlDocument } from '../reports/html-report.js';
import type { PortfolioSnapshot } from './snapshot.js';

export interface HistoryPoint {
    commit: string;
    date: string;
    subject: string;
    strategicValue: number | null;
    relationship: number | null;
    quadrant: string | null;
    /** `4/5`: elements of the action plan present. */
    completeness: string;
    /** The plan had a syntax error at this revision: its numbers were provisional. */
    provisional: boolean;
}

export interface AccountTrend {
    name: string;
    title: string;
    /** Newest first. */
    points: HistoryPoint[];
}

/** Adds one revision's accounts (those in `only`, when given) to the trends, by account name. */
export function addRevision(trends: Map<string, AccountTrend>, snapshot: PortfolioSnapshot, only?: ReadonlySet<string>): void {
    const r = snapshot.revision;
    for (const a of snapshot.accounts) {
        if (only && !only.has(a.view.name)) continue;
        const trend = trends.get(a.view.name) ?? { name: a.view.name, title: a.view.title, points: [] };
        trend.points.push({
            commit: r.commit ?? '', date: r.date ?? '', subject: r.subject ?? r.ref,
            strategicValue: a.view.strategicValue.value ?? null, relationship: a.view.relationship.strength ?? null,
            quadrant: a.view.quadrant ?? null, completeness: `${a.view.completeness.present}/${a.view.completeness.total}`,
            provisional: a.view.syntaxErrorLine !== undefined,
        });
        trends.set(a.view.name, trend);
    }
}

/** One page: per account its trend chart (oldest left) and the table of revisions (newest first). */
export function historyReportHtml(trends: AccountTrend[], thresholds: { keyThreshold: number; strengthThreshold: number }, title = 'Key accounts over time'): string {
    const sections = trends.map((t, i) => el('section', { class: 'kam-account', 'aria-labelledby': `h-trend-${i}`, 'data-kam-account': t.name },
        el('h2', { id: `h-trend-${i}` }, t.title),
        el('div', { class: 'kam-figure' }, trendChart([...t.points].reverse().map((p) => ({
            label: p.date, detail: p.subject, strategicValue: p.strategicValue ?? undefined, relationship: p.relationship ?? undefined, provisional: p.provisional,
        })), `chart-trend-${i}`, thresholds)),
        el('table', { class: 'kam-table' },
            el('thead', {}, el('tr', {}, ...['Date', 'Commit', 'Strategic value', 'Relationship', 'Quadrant', 'Plan', 'Change'].map((h) => el('th', { scope: 'col' }, h)))),
            el('tbody', {}, ...t.points.map((p) => el('tr', {},
                el('td', {}, p.date), el('td', { class: 'kam-code' }, p.commit.slice(0, 7)),
                el('td', { class: 'kam-num' }, p.provisional ? 'provisional' : formatScore(p.strategicValue ?? undefined)),
                el('td', { class: 'kam-num' }, p.provisional ? 'provisional' : formatScore(p.relationship ?? undefined)),
                el('td', {}, p.quadrant ?? '—'), el('td', {}, p.completeness), el('td', {}, p.subject)))))));
    const body = el('article', { class: 'kam-history' },
        el('header', {}, el('h1', {}, title), el('p', { class: 'kam-meta' }, `${trends.length} account${trends.length === 1 ? '' : 's'}; attractive from strategic value ${thresholds.keyThreshold}, strongly related from relationship strength ${thresholds.strengthThreshold}.`)),
        ...sections);
    return htmlDocument(title, body.markup);
}
