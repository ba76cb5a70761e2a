/**
 * From customer rows to key-account candidates, with the domain core's numbers: the Pareto table
 * (revenueConcentration), the ABC split (abcClasses), and a first strategic value from the
 * quantitative factors the export has (strategicValue over a model of those factors). Each factor
 * is scored 1-10 by the customer's rank in the export (the lowest 1, the highest 10), so a skewed
 * revenue distribution still spreads over the scale. Qualitative factors and the will-and-skill
 * gates are in no export: the estimate is where a plan starts, not what it concludes.
 */
import { abcClasses, revenueConcentration, type AbcClass, type RevenueConcentration } from '../../language/src/domain/portfolio.js';
import { strategicValue } from '../../language/src/domain/strategic-value.js';
import type { Factor, ScoringModel } from '../../language/src/domain/model.js';
import { formatAmount, formatPlain } from '../../language/src/domain/quantities.js';
import { IMPORT_FACTORS, type ImportFactor, type ImportSettings } from '../../language/src/workspace/portfolio-config.js';
import type { CustomerRow } from './read-export.js';

export const FACTOR_TITLES: Record<ImportFactor, string> = { revenue: 'Current revenue', potential: 'Revenue potential', margin: 'Margin' };

export interface FactorScore {
    factor: ImportFactor;
    /** 1-10 by rank in the export. */
    score: number;
    /** What the score rests on, e.g. "revenue 4.2M EUR in the export (9 of 10 by rank)"; filled for candidates. */
    because: string;
}

export interface CustomerAssessment {
    row: CustomerRow;
    /** 1-based rank by revenue (customers without revenue have none). */
    revenueRank?: number;
    share: number;
    cumulativeShare?: number;
    abc: AbcClass;
    scores: FactorScore[];
    /** The first strategic-value estimate, 1-10. */
    estimate?: number;
    reasons: string[];
}

export interface CandidateAnalysis {
    customers: CustomerAssessment[];
    concentration: RevenueConcentration;
    /** The factors the export has values for, with the weights used. */
    factors: { factor: ImportFactor; weight: number }[];
    /** Key-account candidates, best first: estimate at or above the threshold, at most `limit`; only they carry reasons and evidence. */
    candidates: CustomerAssessment[];
    /** Customers at or above the threshold in all (the list may be cut at `limit`). */
    aboveThreshold: number;
    threshold: number;
    currencies: string[];
    abc: Record<AbcClass, { customers: number; revenue: number }>;
}

export const DEFAULT_CANDIDATES = 20;

/** Scores 1-10 by rank among the values present (ties share the mean rank). */
function rankScores(values: (number | undefined)[]): (number | undefined)[] {
    const present = values.map((v, i) => ({ v, i })).filter((x): x is { v: number; i: number } => x.v !== undefined).sort((a, b) => a.v - b.v);
    const scores: (number | undefined)[] = values.map(() => undefined);
    const n = present.length;
    for (let start = 0; start < n;) {
        let end = start;
        while (end + 1 < n && present[end + 1].v === present[start].v) end++;
        const meanRank = (start + end) / 2;
        const score = n === 1 ? 10 : Math.round(1 + (9 * meanRank) / (n - 1));
        for (let k = start; k <= end; k++) scores[present[k].i] = score;
        start = end + 1;
    }
    return scores;
}

function money(amount: number, currency: string | undefined): string {
    return currency ? `${formatAmount(amount)} ${currency}` : formatAmount(amount);
}

function median(values: number[]): number | undefined {
    if (values.length === 0) return undefined;
    const sorted = values.slice().sort((a, b) => a - b);
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function analyseCustomers(rows: CustomerRow[], options: { settings?: ImportSettings; keyThreshold: number; limit?: number }): CandidateAnalysis {
    const settings = options.settings ?? {};
    const concentration = revenueConcentration(rows.map((r, i) => ({ name: String(i), revenue: r.revenue })));
    const classes = abcClasses(concentration.rows);
    const byIndex = new Map(concentration.rows.map((r, k) => [Number(r.name), { rank: k + 1, row: r, abc: classes[k] }]));
    const valuesOf: Record<ImportFactor, (number | undefined)[]> = {
        revenue: rows.map((r) => r.revenue),
        potential: rows.map((r) => r.potential),
        margin: rows.map((r) => r.margin),
    };
    const present = IMPORT_FACTORS.filter((f) => valuesOf[f].some((v) => v !== undefined && (f !== 'revenue' || v > 0)));
    const weightOf = (f: ImportFactor) => settings.weights?.[f] ?? 1;
    const totalWeight = present.reduce((sum, f) => sum + weightOf(f), 0);
    const factors = present.map((f) => ({ factor: f, weight: (100 * weightOf(f)) / totalWeight }));
    const model: ScoringModel = {
        name: 'export', title: 'Quantitative factors of the export', scaleMin: 1, scaleMax: 10,
        factors: factors.map((f): Factor => ({ name: f.factor, title: FACTOR_TITLES[f.factor], weight: f.weight, measure: 'quantitative' })),
    };
    const scores = Object.fromEntries(present.map((f) => [f, rankScores(valuesOf[f])])) as Record<ImportFactor, (number | undefined)[]>;
    const medianMargin = median(rows.flatMap((r) => (r.margin === undefined ? [] : [r.margin])));
    const customers = rows.map((row, i): CustomerAssessment => {
        const pareto = byIndex.get(i);
        const factorScores: FactorScore[] = [];
        for (const f of present) {
            const score = scores[f][i];
            if (score !== undefined) factorScores.push({ factor: f, score, because: '' });
        }
        const value = strategicValue({ scores: factorScores }, model).value;
        return { row, revenueRank: pareto?.rank, share: pareto?.row.share ?? 0, cumulativeShare: pareto?.row.cumulativeShare, abc: pareto?.abc ?? 'C', scores: factorScores, estimate: value, reasons: [] };
    });
    /** The evidence and the reasons, in words: only for the candidates (a large export has tens of thousands of customers). */
    const explain = (c: CustomerAssessment) => {
        const row = c.row;
        for (const s of c.scores) {
            const value = row[s.factor]!;
            const what = s.factor === 'margin' ? `margin ${formatPlain(Math.round(value * 10) / 10)}%` : `${s.factor === 'revenue' ? 'revenue' : 'potential'} ${money(value, row.currency)}`;
            s.because = `${what} in the export (${s.score} of 10 by rank)`;
        }
        if (c.revenueRank !== undefined) c.reasons.push(`${c.abc} customer: ${c.share.toFixed(1)}% of revenue, #${c.revenueRank} of ${concentration.rows.length}`);
        else c.reasons.push('no revenue in the export');
        if (row.potential !== undefined && row.potential > row.revenue) {
            c.reasons.push(row.revenue > 0 ? `potential ${money(row.potential, row.currency)}, ${formatPlain(Math.round((10 * row.potential) / row.revenue) / 10)}× today's revenue` : `potential ${money(row.potential, row.currency)} with no revenue yet`);
        }
        if (row.margin !== undefined && medianMargin !== undefined) {
            c.reasons.push(`margin ${formatPlain(Math.round(row.margin * 10) / 10)}% (${row.margin >= medianMargin ? 'at or above' : 'below'} the median ${formatPlain(Math.round(medianMargin * 10) / 10)}%)`);
        }
        if (present.length === 1 && present[0] === 'revenue') c.reasons.push('ranked on current revenue alone: check potential, the qualitative factors and the will-and-skill gates before calling it key');
    };
    const above = customers.filter((c) => c.estimate !== undefined && c.estimate >= options.keyThreshold)
        .sort((a, b) => b.estimate! - a.estimate! || b.row.revenue - a.row.revenue || a.row.line - b.row.line);
    const limit = options.limit ?? settings.candidates ?? DEFAULT_CANDIDATES;
    const candidates = above.slice(0, limit);
    candidates.forEach(explain);
    const abcTotals: CandidateAnalysis['abc'] = { A: { customers: 0, revenue: 0 }, B: { customers: 0, revenue: 0 }, C: { customers: 0, revenue: 0 } };
    for (const c of customers) {
        abcTotals[c.abc].customers++;
        abcTotals[c.abc].revenue += c.row.revenue;
    }
    return {
        customers, concentration, factors,
        candidates,
        aboveThreshold: above.length,
        threshold: options.keyThreshold,
        currencies: [...new Set(rows.flatMap((r) => (r.currency ? [r.currency] : [])))].sort(),
        abc: abcTotals,
    };
}
