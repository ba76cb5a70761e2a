import type { AccountPlan, ScoringModel } from './model.js';
import type { Quadrant } from './portfolio.js';
import type { RelationshipStrength } from './relationship.js';
import type { StrategicValue } from './strategic-value.js';

/** An account plan with its numbers: what every view of an account (hover, report, preview) shows. */
export interface AccountScorecard {
    plan: AccountPlan;
    model: ScoringModel | undefined;
    strategicValue: StrategicValue;
    relationship: RelationshipStrength;
    quadrant: Quadrant | undefined;
}
