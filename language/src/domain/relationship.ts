/**
 * Relationship strength, 0-10: how the customer's decision makers see us, not how friendly they are.
 * Each rated stakeholder's index is the mean of their two ratings ("is the account manager a trusted
 * advisor?", "is the supplier a strategic partner?"), weighted by influence (high 3, medium 2, low 1,
 * unknown 1). The rating part counts 70%, the relationship stage (exploratory 2 … integrated 10) 30%.
 * With no rated stakeholder the strength is the stage alone, and the reviewer says so.
 */
import type { AccountPlan, InfluenceLevel, RelationshipStage, Stakeholder } from './model.js';

export const INFLUENCE_WEIGHT: Record<InfluenceLevel, number> = { high: 3, medium: 2, low: 1 };
export const STAGE_SCORE: Record<RelationshipStage, number> = {
    exploratory: 2, basic: 4, cooperative: 6, interdependent: 8, integrated: 10,
};
export const RATINGS_SHARE = 0.7;
export const STAGE_SHARE = 0.3;

export interface StakeholderRelationship {
    stakeholder: Stakeholder;
    /** Mean of the two ratings, 1-10; undefined when the stakeholder is not rated. */
    index: number | undefined;
    weight: number;
}

export interface RelationshipStrength {
    /** 0-10; undefined when neither ratings nor a stage are known. */
    value: number | undefined;
    /** Influence-weighted mean of the stakeholders' indexes. */
    ratingIndex: number | undefined;
    stageScore: number | undefined;
    stakeholders: StakeholderRelationship[];
}

export function stakeholderIndex(s: Pick<Stakeholder, 'trustedAdvisor' | 'strategicPartner'>): number | undefined {
    const ratings = [s.trustedAdvisor, s.strategicPartner].filter((r): r is number => r !== undefined && Number.isFinite(r));
    if (ratings.length === 0) return undefined;
    return ratings.reduce((a, b) => a + b, 0) / ratings.length;
}

export function relationshipStrength(plan: Pick<AccountPlan, 'stakeholders' | 'relationshipStage'>): RelationshipStrength {
    const stakeholders = plan.stakeholders.map((stakeholder) => ({
        stakeholder,
        index: stakeholderIndex(stakeholder),
        weight: stakeholder.influence ? INFLUENCE_WEIGHT[stakeholder.influence] : 1,
    }));
    const rated = stakeholders.filter((s) => s.index !== undefined);
    const ratedWeight = rated.reduce((sum, s) => sum + s.weight, 0);
    const ratingIndex = ratedWeight > 0 ? rated.reduce((sum, s) => sum + s.weight * s.index!, 0) / ratedWeight : undefined;
    const stageScore = plan.relationshipStage ? STAGE_SCORE[plan.relationshipStage] : undefined;
    let value: number | undefined;
    if (ratingIndex !== undefined && stageScore !== undefined) value = RATINGS_SHARE * ratingIndex + STAGE_SHARE * stageScore;
    else value = ratingIndex ?? stageScore;
    return { value, ratingIndex, stageScore, stakeholders };
}
