/**
 * The view of the portfolio: the matrix, the Pareto curve, the table of accounts and the review at
 * a glance, computed once from every account's scorecard and findings.
 */
import { countBySeverity } from '../domain/findings.js';
import type { IsoDate, Money } from '../domain/model.js';
import { CurrencyConverter, NO_CURRENCY_SETTINGS, type CurrencySettings } from '../domain/currency.js';
import { renewalIsPlanned, renewalIsWon } from '../domain/contracts.js';
import { isKeyAccount, QUADRANT_ADVICE, revenueConcentration, type Quadrant } from '../domain/portfolio.js';
import { formatAmount, formatMoney, formatScore } from '../domain/quantities.js';
import type { Thresholds } from '../domain/thresholds.js';
import type { ReviewedAccount } from './summary-report.js';
import { plainFinding } from './plain-findings.js';
import { factorTitles, person, type FindingView, type People, type PersonRef } from './view-shared.js';

export interface PortfolioAccountRow {
    name: string;
    title: string;
    uri?: string;
    source?: string;
    owner?: PersonRef;
    tier?: string;
    /** A key account, by tier or by the status the portfolio gave it. */
    key: boolean;
    /** Current revenue in the portfolio's reporting currency (as written when it sets none); undefined when it cannot be converted. */
    revenue?: number;
    currency?: string;
    /** As written in the plan. */
    revenueDisplay: string;
    /** The group account this one belongs to (`part of`), by title. */
    group?: string;
    /** The next contract renewal from today, if any. */
    nextRenewal?: IsoDate;
    /** Weighted pipeline as written in the account's currency. */
    pipelineDisplay?: string;
    strategicValue?: number;
    strategicValueDisplay: string;
    relationship?: number;
    relationshipDisplay: string;
    quadrant?: Quadrant;
    errors: number;
    warnings: number;
}

export interface ParetoPoint {
    title: string;
    uri?: string;
    revenue: number;
    share: number;
    cumulativeShare: number;
}

export interface ParetoView {
    total: number;
    totalDisplay: string;
    /** The one currency when all revenues share it. */
    currency?: string;
    currencies: string[];
    rows: ParetoPoint[];
    /** Currencies with no rate into the reporting currency: their accounts are left out. */
    unconvertible: string[];
    topFifthCount: number;
    topFifthShare: number;
    accountsFor80Percent: number;
    limit: number;
    overLimit: boolean;
    /**
     * Who the rows stand for, when not one account each: a CRM export of 50,000 customers is drawn
     * by hundredths (`{ count: 50000, noun: 'customer', perRow: 'hundredths' }`, the noun in the
     * singular); the chart's axis and title then speak of the customers, not of its 100 rows.
     */
    population?: { count: number; noun: string; perRow?: string };
}

export interface PortfolioView {
    kind: 'portfolio';
    title: string;
    today: IsoDate;
    thresholds: Pick<Thresholds, 'keyThreshold' | 'strengthThreshold' | 'paretoLimit' | 'renewalWindowDays'>;
    counts: { accounts: number; errors: number; warnings: number };
    accounts: PortfolioAccountRow[];
    quadrants: { quadrant: Quadrant; advice: string; accounts: string[] }[];
    unplaced: string[];
    pareto: ParetoView;
    /** Weighted pipeline and the gap to potential over the portfolio, in the reporting (or the one shared) currency. */
    pipeline?: { weighted: string; open: string; gapToPotential?: string; accountsCounted: number };
    /** Contract renewals within the renewal window, soonest first, whether the plan aims anything at them, and the customer's last day to give notice. */
    renewals: Array<{ title: string; uri?: string; date: IsoDate; daysTo: number; planned: boolean; won: boolean; noticeDeadline?: IsoDate; daysToNotice?: number }>;
    /** Group accounts and their subsidiaries, with revenue rolled up. */
    groups: Array<{ title: string; members: string[]; revenueDisplay: string }>;
    /** Errors and warnings per account, worst account first by strategic value; each also in plain words. */
    findings: { title: string; uri?: string; source?: string; findings: PortfolioFindingView[] }[];
}

/** A finding with the sentence a director reads (FindingView's `plain`). */
export type PortfolioFindingView = FindingView;


/** The whole portfolio: the matrix, the Pareto curve, the table of accounts and the review at a glance. */
export function portfolioView(accounts: ReviewedAccount[], options: { today: IsoDate; thresholds: Thresholds; people?: People; title?: string; currency?: CurrencySettings }): PortfolioView {
    const people = options.people ?? new Map();
    const { thresholds } = options;
    const converter = new CurrencyConverter(options.currency ?? NO_CURRENCY_SETTINGS);
    const reporting = options.currency?.reporting;
    // In the reporting currency when the portfolio sets one; as written otherwise (the view says when currencies mix).
    const inReporting = (money: Money | undefined): number | undefined => {
        if (!money || !Number.isFinite(money.amount)) return undefined;
        return reporting ? converter.toReporting(money) : money.amount;
    };
    const titles = new Map(accounts.map((a) => [a.card.plan.name, a.card.plan.title]));
    const sorted = accounts.slice().sort((a, b) => (b.card.strategicValue.value ?? -1) - (a.card.strategicValue.value ?? -1) || a.card.plan.name.localeCompare(b.card.plan.name));
    const rows: PortfolioAccountRow[] = sorted.map(({ card, findings, source }) => {
        const c = countBySeverity(findings);
        const p = card.plan;
        const pipeline = card.pipeline;
        return {
            name: p.name, title: p.title, uri: p.uri, source, owner: person(p.owner, people), tier: p.tier, key: isKeyAccount(p),
            revenue: inReporting(p.currentRevenue), currency: reporting ?? p.currentRevenue?.currency, revenueDisplay: formatMoney(p.currentRevenue),
            strategicValue: card.strategicValue.value, strategicValueDisplay: formatScore(card.strategicValue.value),
            relationship: card.relationship.value, relationshipDisplay: formatScore(card.relationship.value),
            quadrant: card.quadrant, errors: c.error, warnings: c.warning,
            group: p.parent && (titles.get(p.parent) ?? p.parent),
            nextRenewal: card.renewal?.date,
            pipelineDisplay: pipeline.currency && pipeline.openCount > 0 ? formatMoney({ amount: pipeline.weighted, currency: pipeline.currency }) : undefined,
        };
    });
    const counts = countBySeverity(accounts.flatMap((a) => a.findings));
    const withRevenue = rows.filter((r) => r.revenue !== undefined);
    const byKey = new Map(withRevenue.map((r, i) => [String(i), r]));
    const concentration = revenueConcentration(withRevenue.map((r, i) => ({ name: String(i), revenue: r.revenue! })));
    const currencies = [...new Set(withRevenue.map((r) => r.currency!))].sort();
    const currency = reporting ?? (currencies.length === 1 ? currencies[0] : undefined);
    const unconvertible = reporting
        ? [...new Set(accounts.map((a) => a.card.plan.currentRevenue?.currency).filter((c): c is string => !!c && !converter.hasRate(c)))].sort()
        : [];
    const quadrants: Quadrant[] = ['Strategic', 'Star', 'Status', 'Streamline'];
    return {
        kind: 'portfolio',
        title: options.title ?? 'Key account portfolio',
        today: options.today,
        thresholds: { keyThreshold: thresholds.keyThreshold, strengthThreshold: thresholds.strengthThreshold, paretoLimit: thresholds.paretoLimit, renewalWindowDays: thresholds.renewalWindowDays },
        counts: { accounts: accounts.length, errors: counts.error, warnings: counts.warning },
        accounts: rows,
        quadrants: quadrants.map((q) => ({ quadrant: q, advice: QUADRANT_ADVICE[q], accounts: rows.filter((r) => r.quadrant === q).map((r) => r.title) })),
        unplaced: rows.filter((r) => !r.quadrant).map((r) => r.title),
        pareto: {
            total: concentration.total,
            totalDisplay: `${formatAmount(concentration.total)}${currency ? ` ${currency}` : ''}`,
            currency,
            currencies,
            unconvertible,
            rows: concentration.rows.map((r) => {
                const row = byKey.get(r.name)!;
                return { title: row.title, uri: row.uri, revenue: r.revenue, share: r.share, cumulativeShare: r.cumulativeShare };
            }),
            topFifthCount: concentration.rows.length ? concentration.topFifthCount : 0,
            topFifthShare: concentration.topFifthShare,
            accountsFor80Percent: concentration.accountsFor80Percent,
            limit: thresholds.paretoLimit,
            overLimit: concentration.rows.length > 0 && concentration.topFifthShare > thresholds.paretoLimit,
        },
        pipeline: portfolioPipeline(accounts, currency, converter),
        renewals: accounts
            .filter((a) => a.card.renewal && a.card.renewal.daysTo <= thresholds.renewalWindowDays)
            .map((a) => {
                const r = a.card.renewal!;
                return { title: a.card.plan.title, uri: a.card.plan.uri, date: r.date, daysTo: r.daysTo, planned: renewalIsPlanned(a.card.plan.opportunities), won: renewalIsWon(a.card.plan.opportunities), noticeDeadline: r.noticeDeadline, daysToNotice: r.daysToNotice };
            })
            .sort((a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title)),
        groups: groupsOf(accounts, inReporting, currency, titles),
        findings: sorted
            .map((a) => ({ title: a.card.plan.title, uri: a.card.plan.uri, source: a.source, findings: a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => ({ ...f, uri: a.card.plan.uri, plain: plainFinding(f, a.card.plan.title, factorTitles(a.card)) })) }))
            .filter((a) => a.findings.length > 0),
    };
}

/** The scoring factors by id with their titles, for findings that name a factor as the plan writes it. */
/** The portfolio's weighted pipeline and gap to potential, when its accounts' amounts can be added up. */
function portfolioPipeline(accounts: ReviewedAccount[], currency: string | undefined, converter: CurrencyConverter): PortfolioView['pipeline'] {
    if (!currency) return undefined;
    let weighted = 0, open = 0, gap = 0, counted = 0, withGap = 0;
    for (const { card } of accounts) {
        const p = card.pipeline;
        if (!p.currency || p.openCount === 0 && p.gapToPotential === undefined) continue;
        const convert = (amount: number) => converter.convert({ amount, currency: p.currency! }, currency);
        const w = convert(p.weighted), o = convert(p.open);
        if (w === undefined || o === undefined) continue;
        weighted += w;
        open += o;
        counted++;
        const g = p.gapToPotential === undefined ? undefined : convert(p.gapToPotential);
        if (g !== undefined) {
            gap += g;
            withGap++;
        }
    }
    if (counted === 0) return undefined;
    const money = (amount: number) => formatMoney({ amount, currency });
    return { weighted: money(weighted), open: money(open), gapToPotential: withGap ? money(gap) : undefined, accountsCounted: counted };
}

/** Each group account with the accounts that are `part of` it (directly or through another), revenue rolled up. */
function groupsOf(accounts: ReviewedAccount[], inReporting: (m: Money | undefined) => number | undefined, currency: string | undefined, titles: Map<string, string>): PortfolioView['groups'] {
    const parents = new Map(accounts.map((a) => [a.card.plan.name, a.card.plan.parent]));
    const topOf = (name: string): string => {
        const seen = new Set<string>();
        let current = name;
        // A circle (the reviewer reports it) ends where it closes.
        while (parents.get(current) && !seen.has(current)) {
            seen.add(current);
            current = parents.get(current)!;
        }
        return current;
    };
    const members = new Map<string, ReviewedAccount[]>();
    const byName = new Map<string, ReviewedAccount>();
    for (const a of accounts) {
        if (!byName.has(a.card.plan.name)) byName.set(a.card.plan.name, a);
        if (!a.card.plan.parent) continue;
        const top = topOf(a.card.plan.name);
        const group = members.get(top);
        if (group) group.push(a);
        else members.set(top, [a]);
    }
    return [...members].map(([group, subsidiaries]) => {
        const head = byName.get(group);
        const all = head ? [head, ...subsidiaries] : subsidiaries;
        const amounts = all.map((a) => inReporting(a.card.plan.currentRevenue));
        const sameCurrency = currency !== undefined && amounts.every((x) => x !== undefined);
        return {
            title: titles.get(group) ?? group,
            members: subsidiaries.map((a) => a.card.plan.title).sort(),
            revenueDisplay: sameCurrency ? formatMoney({ amount: amounts.reduce((sum: number, x) => sum + x!, 0), currency }) : '—',
        };
    }).sort((a, b) => a.title.localeCompare(b.title));
}
