/**
 * The import report: what was read, the Pareto table, the ABC split, the estimate's factors and the
 * ranked key-account candidates with their reasons, and every problem with its line. Built once as
 * a JSON-safe view, then written as Markdown (markdown-tables.ts escaping) or one self-contained
 * HTML page (html-report.ts's page, tables and the Pareto chart).
 */
import { formatAmount, formatPlain, formatScore } from '../../language/src/domain/quantities.js';
import type { AbcClass } from '../../language/src/domain/portfolio.js';
import { escapeMarkdown, table as markdownTable } from '../../language/src/reports/markdown-tables.js';
import { cell, figure, htmlDocument, section, table as htmlTable } from '../../language/src/reports/html-report.js';
import { paretoChart } from '../../language/src/reports/charts/pareto-chart.js';
import { el } from '../../language/src/reports/charts/svg.js';
import type { ParetoPoint, ParetoView } from '../../language/src/reports/view-model.js';
import { FACTOR_TITLES, type CandidateAnalysis } from './candidates.js';
import type { CustomerExport, ImportProblem } from './read-export.js';

export interface ImportReportView {
    kind: 'customer-import';
    title: string;
    source: string;
    today: string;
    read: { encoding: string; encodingHow: string; delimiter: string; decimal: string; records: number; customers: number; withRevenue: number; leftOut: number };
    columns: { field: string; header: string }[];
    ignoredColumns: string[];
    currency?: string;
    currencies: string[];
    pareto: ParetoView;
    /** The Pareto table: each customer (small exports) or each tenth of the customers (large ones). */
    paretoTable: { label: string; customers: number; revenue: number; share: number; cumulativeShare: number }[];
    abc: { class: AbcClass; customers: number; customerShare: number; revenue: number; revenueShare: number }[];
    factors: { factor: string; title: string; weight: number }[];
    threshold: number;
    aboveThreshold: number;
    candidates: {
        rank: number; line: number; id?: string; name: string; abc: AbcClass; revenue: number; potential?: number; margin?: number; currency?: string;
        industry?: string; owner?: string; estimate?: number; scores: { factor: string; score: number }[]; reasons: string[];
    }[];
    problems: ImportProblem[];
}

/** At most this many Pareto points in the chart: a large export is drawn by hundredths of its customers. */
const CHART_POINTS = 100;
const PER_CUSTOMER_TABLE = 25;

function paretoView(analysis: CandidateAnalysis, names: string[], paretoLimit: number, currency: string | undefined): ParetoView {
    const c = analysis.concentration;
    const n = c.rows.length;
    let rows: ParetoPoint[];
    let topFifthCount = n ? c.topFifthCount : 0;
    if (n <= CHART_POINTS) {
        rows = c.rows.map((r) => ({ title: names[Number(r.name)], revenue: r.revenue, share: r.share, cumulativeShare: r.cumulativeShare }));
    } else {
        rows = [];
        for (let b = 0; b < CHART_POINTS; b++) {
            const from = Math.floor((b * n) / CHART_POINTS);
            const to = Math.floor(((b + 1) * n) / CHART_POINTS);
            const slice = c.rows.slice(from, to);
            rows.push({
                title: `Customers ${from + 1}-${to}`, revenue: slice.reduce((s, r) => s + r.revenue, 0),
                share: slice.reduce((s, r) => s + r.share, 0), cumulativeShare: slice[slice.length - 1].cumulativeShare,
            });
        }
        topFifthCount = CHART_POINTS / 5;
    }
    return {
        total: c.total, totalDisplay: `${formatAmount(c.total)}${currency ? ` ${currency}` : ''}`, currency, currencies: analysis.currencies, rows,
        // Revenues are added as the export writes them (the report says so when currencies differ).
        unconvertible: [],
        topFifthCount, topFifthShare: c.topFifthShare, accountsFor80Percent: c.accountsFor80Percent, limit: paretoLimit,
        overLimit: n > 0 && c.topFifthShare > paretoLimit,
        population: { count: n, noun: 'customer', perRow: n > CHART_POINTS ? 'hundredths' : undefined },
    };
}

export function importReportView(exported: CustomerExport, analysis: CandidateAnalysis, options: { source: string; today: string; paretoLimit: number }): ImportReportView {
    const c = analysis.concentration;
    const n = c.rows.length;
    const names = exported.rows.map((r) => r.name);
    const currency = analysis.currencies.length === 1 ? analysis.currencies[0] : undefined;
    const paretoTable = n <= PER_CUSTOMER_TABLE
        ? c.rows.map((r, k) => ({ label: `${k + 1}. ${names[Number(r.name)]}`, customers: 1, revenue: r.revenue, share: r.share, cumulativeShare: r.cumulativeShare }))
        : Array.from({ length: 10 }, (_, d) => {
            const from = Math.floor((d * n) / 10);
            const to = Math.floor(((d + 1) * n) / 10);
            const slice = c.rows.slice(from, to);
            return { label: `${d === 0 ? 'Top' : 'Next'} 10% (customers ${from + 1}-${to})`, customers: to - from, revenue: slice.reduce((s, r) => s + r.revenue, 0), share: slice.reduce((s, r) => s + r.share, 0), cumulativeShare: slice[slice.length - 1]?.cumulativeShare ?? 0 };
        });
    const customers = exported.rows.length;
    return {
        kind: 'customer-import',
        title: `Key-account candidates from ${options.source}`,
        source: options.source,
        today: options.today,
        read: {
            encoding: exported.encoding.encoding, encodingHow: exported.encoding.how, delimiter: exported.delimiter === '\t' ? 'tab' : exported.delimiter,
            decimal: exported.decimal, records: exported.records, customers, withRevenue: n, leftOut: exported.problems.filter((p) => p.kind === 'left out').length,
        },
        columns: Object.entries(exported.columns.fields).sort((a, b) => a[1]!.index - b[1]!.index).map(([field, column]) => ({ field, header: column!.header })),
        ignoredColumns: exported.columns.ignored,
        currency,
        currencies: analysis.currencies,
        pareto: paretoView(analysis, names, options.paretoLimit, currency),
        paretoTable,
        abc: (['A', 'B', 'C'] as const).map((k) => ({
            class: k, customers: analysis.abc[k].customers, customerShare: customers ? (100 * analysis.abc[k].customers) / customers : 0,
            revenue: analysis.abc[k].revenue, revenueShare: c.total ? (100 * analysis.abc[k].revenue) / c.total : 0,
        })),
        factors: analysis.factors.map((f) => ({ factor: f.factor, title: FACTOR_TITLES[f.factor], weight: f.weight })),
        threshold: analysis.threshold,
        aboveThreshold: analysis.aboveThreshold,
        candidates: analysis.candidates.map((a, i) => ({
            rank: i + 1, line: a.row.line, id: a.row.id, name: a.row.name, abc: a.abc, revenue: a.row.revenue, potential: a.row.potential, margin: a.row.margin,
            currency: a.row.currency, industry: a.row.industry, owner: a.row.owner, estimate: a.estimate,
            scores: a.scores.map((s) => ({ factor: s.factor, score: s.score })), reasons: a.reasons,
        })),
        problems: exported.problems,
    };
}

const pct = (value: number) => `${value.toFixed(1)}%`;
const amount = (value: number | undefined, currency?: string) => (value === undefined ? '—' : `${formatAmount(value)}${currency ? ` ${currency}` : ''}`);

function summaryLines(view: ImportReportView): { read: string; concentration: string; estimate: string; candidates: string } {
    const r = view.read;
    const p = view.pareto;
    return {
        read: `${r.customers} customer${r.customers === 1 ? '' : 's'} from ${r.records} record${r.records === 1 ? '' : 's'} (${r.encoding}${r.encodingHow === 'given' ? ' as given' : `, ${r.encodingHow === 'detected' ? 'detected' : 'by its byte-order mark'}`}; separated by "${r.delimiter}", decimal mark "${r.decimal}")`
            + `${r.leftOut ? `; ${r.leftOut} record${r.leftOut === 1 ? '' : 's'} left out (see Problems)` : ''}. As of ${view.today}.`,
        concentration: p.rows.length === 0 ? 'No customer has revenue in the export.'
            : `Total ${p.totalDisplay}. The top fifth of customers brings ${p.topFifthShare.toFixed(0)}% of revenue; ${p.accountsFor80Percent} of ${view.read.withRevenue} customers with revenue bring 80%.`
              + `${view.currencies.length > 1 ? ` Revenues are in several currencies (${view.currencies.join(', ')}), added as written.` : ''}${p.overLimit ? ` That is above the ${p.limit}% limit: revenue depends on very few customers.` : ''}`,
        estimate: `First strategic value from the export's quantitative factors (${view.factors.map((f) => `${f.title} ${formatPlain(Math.round(f.weight * 10) / 10)}%`).join(', ') || 'none'}), each scored 1-10 by rank in the export. `
            + 'The qualitative factors (strategic fit, reference value) and the will-and-skill gates are in no export: the plan adds them.',
        candidates: `${view.aboveThreshold} customer${view.aboveThreshold === 1 ? ' reaches' : 's reach'} the key threshold ${view.threshold}${view.candidates.length < view.aboveThreshold ? `; the best ${view.candidates.length} are listed` : ''}.`,
    };
}

export function importReportMarkdown(view: ImportReportView): string {
    const s = summaryLines(view);
    const out = [`# ${escapeMarkdown(view.title)}`, '', s.read, '',
        `Columns: ${view.columns.map((c) => `${c.field} ← "${escapeMarkdown(c.header)}"`).join(', ')}${view.ignoredColumns.length ? `; not used: ${view.ignoredColumns.map((h) => `"${escapeMarkdown(h)}"`).join(', ')}` : ''}.`, '',
        '## Revenue concentration (Pareto)', '', s.concentration, ''];
    if (view.paretoTable.length) out.push(markdownTable(['Customers', 'Revenue', 'Share', 'Cumulative'], view.paretoTable.map((r) => [r.label, amount(r.revenue, view.currency), pct(r.share), pct(r.cumulativeShare)]), [1, 2, 3]), '');
    out.push('## ABC split', '', 'A customers bring the first 80% of revenue, B the next 15%, C the last 5%.', '',
        markdownTable(['Class', 'Customers', 'Share of customers', 'Revenue', 'Share of revenue'], view.abc.map((a) => [a.class, a.customers, pct(a.customerShare), amount(a.revenue, view.currency), pct(a.revenueShare)]), [1, 2, 3, 4]), '',
        '## Key-account candidates', '', s.estimate, '', s.candidates, '');
    if (view.candidates.length) {
        out.push(markdownTable(['#', 'Customer', 'Class', 'Revenue', 'Potential', 'Margin', 'Estimate', 'Why'], view.candidates.map((c) => [
            c.rank, c.name, c.abc, amount(c.revenue, c.currency), amount(c.potential, c.currency), c.margin === undefined ? undefined : `${formatPlain(Math.round(c.margin * 10) / 10)}%`,
            formatScore(c.estimate), c.reasons.join('; '),
        ]), [0, 3, 4, 5, 6]), '');
    }
    out.push('## Problems', '');
    if (view.problems.length === 0) out.push('None: every record was read.', '');
    else out.push(...view.problems.map((p) => `- line ${p.line} (${p.kind}): ${escapeMarkdown(p.message)}`), '');
    return out.join('\n');
}

export function importReportHtml(view: ImportReportView): string {
    const s = summaryLines(view);
    const body = el('article', { class: 'kam-portfolio' },
        el('header', {}, el('h1', {}, view.title), el('p', { class: 'kam-meta' }, s.read),
            el('p', {}, 'Columns: ', view.columns.map((c) => `${c.field} ← "${c.header}"`).join(', '), view.ignoredColumns.length ? `; not used: ${view.ignoredColumns.map((h) => `"${h}"`).join(', ')}` : '', '.')),
        section('Revenue concentration (Pareto)', 'h-pareto', el('p', {}, s.concentration), figure(paretoChart(view.pareto, 'chart-pareto')),
            htmlTable([{ label: 'Customers' }, { label: 'Revenue', numeric: true }, { label: 'Share', numeric: true }, { label: 'Cumulative', numeric: true }],
                view.paretoTable.map((r) => [cell(r.label), cell(amount(r.revenue, view.currency)), cell(pct(r.share)), cell(pct(r.cumulativeShare))]))),
        section('ABC split', 'h-abc', el('p', {}, 'A customers bring the first 80% of revenue, B the next 15%, C the last 5%.'),
            htmlTable([{ label: 'Class' }, { label: 'Customers', numeric: true }, { label: 'Share of customers', numeric: true }, { label: 'Revenue', numeric: true }, { label: 'Share of revenue', numeric: true }],
                view.abc.map((a) => [cell(a.class), cell(a.customers), cell(pct(a.customerShare)), cell(amount(a.revenue, view.currency)), cell(pct(a.revenueShare))]))),
        section('Key-account candidates', 'h-candidates', el('p', {}, s.estimate), el('p', {}, s.candidates),
            view.candidates.length ? htmlTable([
                { label: '#', numeric: true, sortable: true }, { label: 'Customer', sortable: true }, { label: 'Class', sortable: true }, { label: 'Revenue', numeric: true, sortable: true },
                { label: 'Potential', numeric: true, sortable: true }, { label: 'Margin', numeric: true, sortable: true }, { label: 'Estimate', numeric: true, sortable: true }, { label: 'Why' },
            ], view.candidates.map((c) => [cell(c.rank), cell(c.name), cell(c.abc), cell(amount(c.revenue, c.currency)), cell(amount(c.potential, c.currency)),
                cell(c.margin === undefined ? undefined : `${formatPlain(Math.round(c.margin * 10) / 10)}%`), cell(formatScore(c.estimate)), cell(c.reasons.join('; '))]),
            view.candidates.map((c) => [c.rank, undefined, undefined, c.revenue, c.potential, c.margin, c.estimate, undefined])) : undefined),
        section('Problems', 'h-problems', view.problems.length === 0 ? el('p', { class: 'kam-note' }, 'None: every record was read.')
            : el('ul', { class: 'kam-findings' }, ...view.problems.map((p) => el('li', { class: `kam-finding kam-finding-${p.kind === 'left out' ? 'warning' : 'information'}` }, `line ${p.line} (${p.kind}): ${p.message}`)))),
    );
    return htmlDocument(view.title, body.markup, { script: view.candidates.length > 0 });
}
