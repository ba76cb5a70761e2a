/**
 * What the language server asks its history worker, and what each answer holds: plain data only
 * (snapshots are view-model objects), so a message copies it and nothing else crosses threads.
 */
import type { CommitInfo, Revision } from '../../../history/src/index.js';
import type { AccountTrend } from '../../../language/src/plan-diff/account-trend.js';
import type { PortfolioSnapshot } from '../../../language/src/plan-diff/index.js';

export interface HistoryCalls {
    /** The review baseline: the portfolio at the end of each review date, and at the newest tag matching `pattern`. */
    reviews: {
        params: { folder: string; pattern?: string; dates: Array<[date: string, accounts: string[]]> };
        result: { reviews: Array<{ review: string; snapshot: PortfolioSnapshot; accounts?: string[] }>; notes: string[] };
    };
    /** Each account's values at the newest commits that touched the portfolio; nothing new when HEAD is still `knownHead`. */
    trends: {
        params: { folder: string; knownHead?: string; commits: number };
        result: { head?: string; trends?: Array<[account: string, trend: AccountTrend]> };
    };
    /** The tags and recent commits *KAM: Compare with…* offers. */
    revisions: {
        params: { folder: string };
        result: { tags: Array<{ name: string; date: string }>; commits: CommitInfo[] };
    };
    /** The earlier side of *Compare with…*: a revision (by name, by date, or the merge base) and its portfolio. */
    compareBase: {
        params: { folder: string; revision?: string; since?: string };
        result: { root: string; revision: Revision; snapshot: PortfolioSnapshot; renamed: Array<[from: string, to: string]> };
    };
}

export type HistoryMethod = keyof HistoryCalls;

export interface HistoryRequestMessage {
    id: number;
    method: HistoryMethod;
    params: unknown;
}

export type HistoryReplyMessage =
    | { id: number; result: unknown }
    /** `inWords`: a problem the user can fix (no commits, a shallow clone …), its message shown as it is. */
    | { id: number; error: { message: string; inWords: boolean } };
