/** The portfolio's review thresholds. Defaults are the ones documented in README; settings may override them. */
export interface Thresholds {
    /** Strategic value (0-10) from which an account counts as attractive enough to be key. */
    keyThreshold: number;
    /** Relationship strength (0-10) from which the relationship counts as strong. */
    strengthThreshold: number;
    /** Key accounts one owner can look after when a team member states no capacity of their own. */
    capacityPerOwner: number;
    /** A contact is stale when older than this many times the agreed cadence. */
    stalenessFactor: number;
    /** Share of revenue (%) the top fifth of accounts may bring before concentration is a risk. */
    paretoLimit: number;
    /** Days before a contract renewal from which the plan must aim something at it. */
    renewalWindowDays: number;
}

export const DEFAULT_THRESHOLDS: Thresholds = {
    keyThreshold: 6,
    strengthThreshold: 5,
    capacityPerOwner: 4,
    stalenessFactor: 1.5,
    paretoLimit: 80,
    renewalWindowDays: 180,
};
