/**
 * The example portfolio the suite runs against (a temporary copy of examples/, opened as the
 * workspace folder). Paths are relative to examples/. If the examples are renamed or rewritten,
 * this is the one place to update.
 */

/** The reference plan: complete decision-making unit, scored, owned objectives. */
export const STRONG_PLAN = {
    path: 'portfolio/accounts/nordwind-logistics.kam',
    account: 'nordwind',
    title: 'Nordwind Logistics',
} as const;

/** A plan that "has not kept up": the reviewer should have plenty to say. */
export const WEAK_PLAN = {
    path: 'portfolio/accounts/aldermoor-healthcare.kam',
    account: 'aldermoor',
    title: 'Aldermoor Healthcare Group',
    /** Findings the reviewer must raise (all warnings by default). */
    expectedCodes: ['kam.missing-finance-contact', 'kam.single-threaded', 'kam.objective-without-owner'],
    /** A stakeholder of the plan, where the completion test types `role `. */
    stakeholder: 'pryce',
} as const;
