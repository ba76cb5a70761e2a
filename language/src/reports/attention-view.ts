/**
 * What needs attention in the portfolio, worst account first: the summary a sales director reads
 * before the details. Built only from the portfolio view (its rows, renewals and the reviewer's
 * findings), so every number here is one the rest of the report shows too.
 */
import type { IsoDate } from '../domain/model.js';
import type { PortfolioView } from './portfolio-view.js';

/** The kinds of trouble a key account manager acts on first, most urgent first. */
export type AttentionKind =
    | 'renewal-unplanned' | 'notice-deadline' | 'weak-key-relationship' | 'plan-errors'
    | 'overdue-actions' | 'single-threaded' | 'stale-contacts' | 'review-overdue';

export interface AttentionReason {
    kind: AttentionKind;
    /** How many of this kind in the account (actions, contacts, errors; 1 for the account itself). */
    count: number;
    /** What is wrong, in a sentence fragment a director reads ("2 overdue actions"). */
    text: string;
}

export interface AttentionAccount {
    title: string;
    uri?: string;
    /** Our account owner's full name. */
    owner?: string;
    tier?: string;
    strategicValueDisplay: string;
    /** Strategic value × weight of the trouble (see `priorityOf`): the order of the list. */
    priority: number;
    reasons: AttentionReason[];
}

export interface AttentionView {
    today: IsoDate;
    accountCount: number;
    /** Per kind with anything in it, in `KINDS` order: how many and in which accounts. */
    headline: Array<{ kind: AttentionKind; label: string; count: number; accounts: string[] }>;
    /** Accounts with at least one reason, worst first. */
    accounts: AttentionAccount[];
}

/**
 * Each kind's label and weight. The weights say how close the trouble is to lost revenue: a renewal
 * nobody works on, a notice deadline, or a key account whose relationship is weak can cost the
 * account this year (3); errors make the plan's numbers untrustworthy, broken promises (overdue
 * actions) and a relationship on one thread are the next to turn into losses (2); a cooling contact
 * and a missed review are early signs (1).
 */
const KINDS: Record<AttentionKind, { label: string; weight: number }> = {
    'renewal-unplanned': { label: 'Renewals in the window with nothing in the plan', weight: 3 },
    'notice-deadline': { label: 'Notice deadlines passed or near', weight: 3 },
    'weak-key-relationship': { label: 'Key accounts below the relationship threshold', weight: 3 },
    'plan-errors': { label: 'Plans with errors', weight: 2 },
    'overdue-actions': { label: 'Overdue actions', weight: 2 },
    'single-threaded': { label: 'Single-threaded accounts', weight: 2 },
    'stale-contacts': { label: 'Stale contacts', weight: 1 },
    'review-overdue': { label: 'Account reviews overdue or missing', weight: 1 },
};

/** A notice deadline this close (a quarter: one review cycle) leaves just time to secure the renewal. */
export const NOTICE_NEAR_DAYS = 90;

/**
 * The reviewer's findings each kind is read from, and how the list says them (the portfolio's
 * severity settings apply: a finding turned off or down to information is not counted).
 */
const FINDING_KINDS: Record<string, { kind: AttentionKind; text: (count: number) => string }> = {
    'kam.overdue-action': { kind: 'overdue-actions', text: (n) => plural(n, 'overdue action') },
    'kam.single-threaded': { kind: 'single-threaded', text: () => 'the relationship hangs on one thread' },
    'kam.stale-contact': { kind: 'stale-contacts', text: (n) => `${plural(n, 'stale contact')}: not met for longer than the cadence allows` },
    'kam.review-overdue': { kind: 'review-overdue', text: () => 'the account review with the customer is overdue' },
    'kam.plan-not-reviewed': { kind: 'review-overdue', text: () => 'the plan has not been reviewed with the customer for two cycles, or has no review rhythm' },
};
/** Said of the account once, however many findings say it. */
const ONCE_PER_ACCOUNT: ReadonlySet<AttentionKind> = new Set(['single-threaded', 'review-overdue']);

/** The portfolio's accounts that need attention, worst first, and the counts per kind. */
export function attentionView(view: PortfolioView): AttentionView {
    const findingsOf = new Map(view.findings.map((a) => [a.uri ?? a.title, a.findings]));
    const renewalOf = new Map(view.renewals.map((r) => [r.uri ?? r.title, r]));
    const accounts: AttentionAccount[] = [];
    for (const row of view.accounts) {
        const key = row.uri ?? row.title;
        const reasons: AttentionReason[] = [];
        const renewal = renewalOf.get(key);
        if (renewal && !renewal.planned) {
            reasons.push({ kind: 'renewal-unplanned', count: 1, text: `renews on ${renewal.date} (in ${days(renewal.daysTo)}) with nothing in the plan aimed at it` });
        }
        if (renewal && !renewal.won && renewal.noticeDeadline && renewal.daysToNotice !== undefined && renewal.daysToNotice <= NOTICE_NEAR_DAYS) {
            reasons.push({ kind: 'notice-deadline', count: 1, text: renewal.daysToNotice < 0
                ? `the customer's notice deadline passed on ${renewal.noticeDeadline}, ${days(-renewal.daysToNotice)} ago, and the renewal is not won`
                : `the customer can give notice until ${renewal.noticeDeadline} (in ${days(renewal.daysToNotice)})` });
        }
        if (row.key && row.relationship !== undefined && row.relationship < view.thresholds.strengthThreshold) {
            reasons.push({ kind: 'weak-key-relationship', count: 1, text: `key account with relationship strength ${row.relationshipDisplay}, below ${view.thresholds.strengthThreshold}` });
        }
        if (row.errors > 0) {
            reasons.push({ kind: 'plan-errors', count: row.errors, text: `${plural(row.errors, 'error')} in the plan: its numbers may be wrong` });
        }
        const counted = new Map<string, number>();
        for (const f of findingsOf.get(key) ?? []) {
            if (FINDING_KINDS[f.code]) counted.set(f.code, (counted.get(f.code) ?? 0) + 1);
        }
        for (const [code, n] of counted) {
            const { kind, text } = FINDING_KINDS[code];
            if (ONCE_PER_ACCOUNT.has(kind) && reasons.some((r) => r.kind === kind)) continue;
            const count = ONCE_PER_ACCOUNT.has(kind) ? 1 : n;
            reasons.push({ kind, count, text: text(count) });
        }
        if (reasons.length === 0) continue;
        reasons.sort((a, b) => order(a.kind) - order(b.kind));
        accounts.push({
            title: row.title, uri: row.uri, owner: row.owner?.name, tier: row.tier, strategicValueDisplay: row.strategicValueDisplay,
            priority: priorityOf(row.strategicValue, reasons), reasons,
        });
    }
    accounts.sort((a, b) => b.priority - a.priority || trouble(b.reasons) - trouble(a.reasons) || a.title.localeCompare(b.title));
    const headline = (Object.keys(KINDS) as AttentionKind[]).flatMap((kind) => {
        const withKind = accounts.filter((a) => a.reasons.some((r) => r.kind === kind));
        if (withKind.length === 0) return [];
        const count = withKind.reduce((sum, a) => sum + a.reasons.filter((r) => r.kind === kind).reduce((n, r) => n + r.count, 0), 0);
        return [{ kind, label: KINDS[kind].label, count, accounts: withKind.map((a) => a.title) }];
    });
    return { today: view.today, accountCount: view.counts.accounts, headline, accounts };
}

/** Per-account items (the findings by account) in the attention list's order, worst first; the accounts that need nothing keep their order after them. */
export function worstFirst<T extends { title: string; uri?: string }>(items: readonly T[], attention: AttentionView): T[] {
    const rank = new Map(attention.accounts.map((a, i) => [a.uri ?? a.title, i]));
    const at = (item: T) => rank.get(item.uri ?? item.title) ?? attention.accounts.length;
    return items.map((item, i) => ({ item, i })).sort((a, b) => at(a.item) - at(b.item) || a.i - b.i).map((x) => x.item);
}

/**
 * Worst first means: the accounts that matter most, with the most urgent trouble. A key account
 * manager spends attention where revenue and strategy are at stake, so the account's strategic value
 * (0-10; an unscored plan counts as 5, the middle, neither hidden nor favoured; at least 1, so
 * trouble in a small account still ranks) multiplies the weight of its trouble.
 */
export function priorityOf(strategicValue: number | undefined, reasons: AttentionReason[]): number {
    return Math.max(1, strategicValue ?? 5) * trouble(reasons);
}

/**
 * Each reason counts its kind's weight; more of the same (a second overdue action) adds a quarter of
 * it each, up to four more: many small slips weigh more than one, but never more than a renewal.
 */
function trouble(reasons: AttentionReason[]): number {
    return reasons.reduce((sum, r) => sum + KINDS[r.kind].weight * (1 + 0.25 * (Math.min(r.count, 5) - 1)), 0);
}

function order(kind: AttentionKind): number {
    return Object.keys(KINDS).indexOf(kind);
}

function plural(count: number, word: string): string {
    return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function days(count: number): string {
    return plural(count, 'day');
}
