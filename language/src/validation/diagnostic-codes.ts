/**
 * Every diagnostic the reviewer can raise: its stable code, default severity, and the words the
 * reference page (docs/diagnostics.md) is generated from. Codes never change once published;
 * users switch them off or change their severity by code.
 */
import type { SeverityLevel } from '../analysis/review-settings.js';

export interface DiagnosticInfo {
    severity: Exclude<SeverityLevel, 'off'>;
    /** The rule area (one validation file each). */
    area: 'stakeholders' | 'scoring' | 'objectives' | 'names';
    /** What the diagnostic means and why a KAM reviewer cares. */
    meaning: string;
    /** How to fix it. */
    fix: string;
}

export const CODE_MISSING_EXECUTIVE = 'kam.missing-executive';
export const CODE_MISSING_FINANCE_CONTACT = 'kam.missing-finance-contact';
export const CODE_MISSING_USER = 'kam.missing-user';
export const CODE_MISSING_CHAMPION = 'kam.missing-champion';
export const CODE_SINGLE_THREADED = 'kam.single-threaded';
export const CODE_WEIGHTS_NOT_100 = 'kam.weights-not-100';
export const CODE_SCORE_OFF_SCALE = 'kam.score-off-scale';
export const CODE_OBJECTIVE_WITHOUT_OWNER = 'kam.objective-without-owner';
export const CODE_OBJECTIVE_WITHOUT_DUE_DATE = 'kam.objective-without-due-date';
export const CODE_OBJECTIVE_WITHOUT_KPI = 'kam.objective-without-kpi';
export const CODE_DUPLICATE_NAME = 'kam.duplicate-name';
export const CODE_INVALID_DATE = 'kam.invalid-date';
/** Raised by Langium's linker, listed here so it can be documented and configured like the others. */
export const CODE_UNRESOLVED_REFERENCE = 'linking-error';

export const DIAGNOSTICS: Record<string, DiagnosticInfo> = {
    [CODE_MISSING_EXECUTIVE]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'No stakeholder has the role `executive`: nobody in the plan can make the economic decision, so the plan cannot show strategic impact on their success factors.',
        fix: 'Map the executive decision maker: add a stakeholder with `role executive`.',
    },
    [CODE_MISSING_FINANCE_CONTACT]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'No stakeholder has the role `finance`: cost against budget and payment terms will be decided without us.',
        fix: 'Add the finance contact (CFO, controller, procurement finance) with `role finance`.',
    },
    [CODE_MISSING_USER]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'No stakeholder has the role `user`: the people who work with what we supply, and whose workload it changes, are not in the map.',
        fix: 'Add a user or operator of our product or service with `role user`.',
    },
    [CODE_MISSING_CHAMPION]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'Nobody has the role or stance `champion`: no one inside the customer sells for us when we are not in the room.',
        fix: 'Identify and develop a champion or coach: `role champion` or `stance champion`.',
    },
    [CODE_SINGLE_THREADED]: {
        severity: 'warning', area: 'stakeholders',
        meaning: 'The relationship hangs on one thread: a single contact, or every contact held by one of our people. One departure on either side puts the account at risk.',
        fix: 'Add contacts at several levels and give them different relationship owners from our team.',
    },
    [CODE_WEIGHTS_NOT_100]: {
        severity: 'error', area: 'scoring',
        meaning: 'The weights of the scoring model do not add up to 100%, so strategic values are not comparable with a sound model.',
        fix: 'Adjust the weights so they sum to 100%.',
    },
    [CODE_SCORE_OFF_SCALE]: {
        severity: 'error', area: 'scoring',
        meaning: 'A factor score lies outside the model\'s scale (1-10 unless the model says otherwise), which distorts the strategic value.',
        fix: 'Score the factor within the scale.',
    },
    [CODE_OBJECTIVE_WITHOUT_OWNER]: {
        severity: 'warning', area: 'objectives',
        meaning: 'An objective without an owner from our team is nobody\'s job.',
        fix: 'Add `owner <team member>` to the objective.',
    },
    [CODE_OBJECTIVE_WITHOUT_DUE_DATE]: {
        severity: 'warning', area: 'objectives',
        meaning: 'An objective without a due date cannot be tracked or shared as a timeline with the customer.',
        fix: 'Add `due yyyy-mm-dd` to the objective.',
    },
    [CODE_OBJECTIVE_WITHOUT_KPI]: {
        severity: 'warning', area: 'objectives',
        meaning: 'An objective without a KPI cannot be measured: neither we nor the customer will know if it was reached.',
        fix: 'Add `kpi "…" current … target … unit "…"`.',
    },
    [CODE_DUPLICATE_NAME]: {
        severity: 'error', area: 'names',
        meaning: 'Two elements share a name where references must be unambiguous (accounts, team members, factors and scoring models across the workspace; stakeholders and objectives within an account).',
        fix: 'Rename one of them.',
    },
    [CODE_INVALID_DATE]: {
        severity: 'error', area: 'names',
        meaning: 'A date that is not a real calendar date (such as 2027-02-30) makes due dates and contact dates meaningless.',
        fix: 'Write a real date as yyyy-mm-dd.',
    },
    [CODE_UNRESOLVED_REFERENCE]: {
        severity: 'error', area: 'names',
        meaning: 'A name refers to nothing: a team member, stakeholder or factor that is not defined in the workspace (or is misspelt).',
        fix: 'Define the element (for example the team member in the team file) or correct the name.',
    },
};

export const KNOWN_CODES: ReadonlySet<string> = new Set(Object.keys(DIAGNOSTICS));
