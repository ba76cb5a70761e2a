import type { AccountPlan, IsoDate, ScoringModel } from './model.js';
import type { Quadrant } from './portfolio.js';
import type { RelationshipStrength } from './relationship.js';
import type { StrategicValue } from './strategic-value.js';
import type { PlanCompleteness } from './completeness.js';
import type { PipelineSummary } from './pipeline.js';
import type { PlanRhythm } from './plan-rhythm.js';
import type { Renewal } from './contracts.js';

/** An account plan with its numbers: what every view of an account (hover, report, preview) shows. */
export interface AccountScorecard {
    plan: AccountPlan;
    model: ScoringModel | undefined;
    strategicValue: StrategicValue;
    relationship: RelationshipStrength;
    quadrant: Quadrant | undefined;
    completeness: PlanCompleteness;
    /** The date the plan is reviewed as of. */
    today: IsoDate;
    /** Weighted pipeline against the potential, in the account's revenue currency. */
    pipeline: PipelineSummary;
    /** The plan's review rhythm as of today. */
    rhythm: PlanRhythm;
    /** The next contract renewal from today, if any. */
    renewal?: Renewal;
    /**
     * The 1-based line of the first syntax error inside the account's text, if any. The plan was
     * read only in part, so its numbers are provisional: views say so instead of showing them as final.
     */
    syntaxErrorLine?: number;
}
