/** Portfolio views: the attractiveness × strength matrix and revenue concentration (the Pareto check). */
import type { Thresholds } from './thresholds.js';

export type Quadrant = 'Strategic' | 'Star' | 'Status' | 'Streamline';

/**
 * Standard-tier accounts are served efficiently, largely by automation: their plans are light, and
 * the reviewer holds only key and major accounts (or accounts not yet tiered) to a full plan.
 */
export function expectsFullPlan(account: { tier?: string; status?: string }): boolean {
    return account.tier !== 'standard' || isKeyAccount(account);
}

/** A key account by tier, or by the status the portfolio gave it: one definition for every check and count. */
export function isKeyAccount(account: { tier?: string; status?: string }): boolean {
    return account.tier === 'key' || account.status === 'key';
}

export const QUADRANT_ADVICE: Record<Quadrant, string> = {
    Strategic: 'attractive and well related: develop jointly, invest in the partnership',
    Star: 'attractive but the relationship lags: invest to build it',
    Status: 'strong relationship, limited attractiveness: maintain efficiently',
    Streamline: 'neither attractive nor close: serve efficiently, automate',
};

/** High attractiveness and high strength = Strategic; high/low = Star; low/high = Status; both low = Streamline. */
export function quadrantOf(strategicValue: number | undefined, strength: number | undefined,
    thresholds: Pick<Thresholds, 'keyThreshold' | 'strengthThreshold'>): Quadrant | undefined {
    if (strategicValue === undefined || strength === undefined || !Number.isFinite(strategicValue) || !Number.isFinite(strength)) return undefined;
    const attractive = strategicValue >= thresholds.keyThreshold;
    const strong = strength >= thresholds.strengthThreshold;
    if (attractive) return strong ? 'Strategic' : 'Star';
    return strong ? 'Status' : 'Streamline';
}

export interface RevenueEntry {
    name: string;
    revenue: number;
}

export interface ParetoRow extends RevenueEntry {
    share: number;
    cumulativeShare: number;
}

export interface RevenueConcentration {
    total: number;
    rows: ParetoRow[];
    /** How many accounts make the "top fifth" (at least one). */
    topFifthCount: number;
    /** Share of revenue (%) from the top fifth of accounts. */
    topFifthShare: number;
    /** How many accounts it takes to reach 80% of revenue. */
    accountsFor80Percent: number;
    /** The largest single account's share, %. */
    largestShare: number;
}

/** Revenue per account, sorted descending, with cumulative shares (in %). */
export function revenueConcentration(entries: RevenueEntry[]): RevenueConcentration {
    const sorted = entries.filter((e) => e.revenue > 0).sort((a, b) => b.revenue - a.revenue || a.name.localeCompare(b.name));
    const total = sorted.reduce((sum, e) => sum + e.revenue, 0);
    let cumulative = 0;
    const rows = sorted.map((e) => {
        cumulative += e.revenue;
        return { ...e, share: (100 * e.revenue) / total, cumulativeShare: (100 * cumulative) / total };
    });
    const topFifthCount = Math.max(1, Math.ceil(rows.length / 5));
    const topFifthShare = rows.length ? rows[Math.min(topFifthCount, rows.length) - 1].cumulativeShare : 0;
    const reach = rows.findIndex((r) => r.cumulativeShare >= 80 - 1e-9);
    return {
        total,
        rows,
        topFifthCount,
        topFifthShare,
        accountsFor80Percent: reach < 0 ? rows.length : reach + 1,
        largestShare: rows[0]?.share ?? 0,
    };
}

export type AbcClass = 'A' | 'B' | 'C';

/** The classic ABC split by revenue: A brings the first 80% of revenue, B the next 15%, C the last 5%. */
export const ABC_LIMITS = { A: 80, B: 95 } as const;

/**
 * The class of each row of a revenue concentration (largest first): a customer is A while the revenue
 * before it is under 80% (so the customer that crosses 80% is still A), B while under 95%, else C.
 */
export function abcClasses(rows: Pick<ParetoRow, 'share' | 'cumulativeShare'>[], limits: { A: number; B: number } = ABC_LIMITS): AbcClass[] {
    return rows.map((r) => {
        const before = r.cumulativeShare - r.share;
        return before < limits.A - 1e-9 ? 'A' : before < limits.B - 1e-9 ? 'B' : 'C';
    });
}
