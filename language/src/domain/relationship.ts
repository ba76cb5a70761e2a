/**
 * Relationship strength, 0-10: how the customer's decision makers see us, not how friendly they are.
 * Each stakeholder's index is the mean of their two ratings ("is the account manager a trusted
 * advisor?", "is the supplier a strategic partner?", each 1-10), weighted by influence (high 3,
 * medium 2, low 1, unknown 1). The rating part counts 70%, the relationship stage (exploratory 2 …
 * integrated 10) 30%. With no stakeholder mapped the strength is the stage alone.
 *
 * A stakeholder nobody has rated counts at the bottom of the scale, like a factor nobody has
 * scored: leaving out the people we know least about (often the sceptical VP) could only make the
 * relationship look stronger than anyone has measured. A rating off the 1-10 scale is an error the
 * reviewer reports, and it is not used.
 */
import type { AccountPlan, InfluenceLevel, RelationshipStage, Stakeholder } from './model.js';
import { roundScore } from './quantities.js';

export const INFLUENCE_WEIGHT: Record<InfluenceLevel, number> = { high: 3, medium: 2, low: 1 };
export const STAGE_SCORE: Record<RelationshipStage, number> = {
    exploratory: 2, basic: 4, cooperative: 6, interdependent: 8, integrated: 10,
};
export const RATINGS_SHARE = 0.7;
export const STAGE_SHARE = 0.3;
/** Ratings are asked on a 1-10 scale. */
export const RATING_MIN = 1;
export const RATING_MAX = 10;

export interface StakeholderRelationship {
    stakeholder: Stakeholder;
    /** Mean of the two ratings, 1-10; undefined when the stakeholder is not (validly) rated. */
    index: number | undefined;
    /** What the stakeholder counts as: their index, or the bottom of the scale when unrated. */
    counted: number;
    weight: number;
}

export interface RelationshipStrength {
    /** 0-10, rounded to one decimal; undefined when neither stakeholders nor a stage are known. */
    value: number | undefined;
    /** Influence-weighted mean of the stakeholders' indexes, the unrated at the bottom of the scale. */
    ratingIndex: number | undefined;
    stageScore: number | undefined;
    stakeholders: StakeholderRelationship[];
    /** Stakeholders without a valid rating, counted at RATING_MIN. */
    unrated: StakeholderRelationship[];
}

export function isValidRating(rating: number | undefined): rating is number {
    return rating !== undefined && Number.isFinite(rating) && rating >= RATING_MIN && rating <= RATING_MAX;
}

export function stakeholderIndex(s: Pick<Stakeholder, 'trustedAdvisor' | 'strategicPartner'>): number | undefined {
    const ratings = [s.trustedAdvisor, s.strategicPartner].filter(isValidRating);
    if (ratings.length === 0) return undefined;
    return ratings.reduce((a, b) => a + b, 0) / ratings.length;
}

export function relationshipStrength(plan: Pick<AccountPlan, 'stakeholders' | 'relationshipStage'>): RelationshipStrength {
    // Someone who left is history: their ratings no longer describe the relationship.
    const stakeholders = plan.stakeholders.filter((s) => s.left === undefined).map((stakeholder): StakeholderRelationship => {
        const index = stakeholderIndex(stakeholder);
        return { stakeholder, index, counted: index ?? RATING_MIN, weight: stakeholder.influence ? INFLUENCE_WEIGHT[stakeholder.influence] : 1 };
    });
    const totalWeight = stakeholders.reduce((sum, s) => sum + s.weight, 0);
    const ratingIndex = totalWeight > 0 ? stakeholders.reduce((sum, s) => sum + s.weight * s.counted, 0) / totalWeight : undefined;
    const stageScore = plan.relationshipStage ? STAGE_SCORE[plan.relationshipStage] : undefined;
    let value: number | undefined;
    if (ratingIndex !== undefined && stageScore !== undefined) value = RATINGS_SHARE * ratingIndex + STAGE_SHARE * stageScore;
    else value = ratingIndex ?? stageScore;
    return {
        value: value === undefined ? undefined : roundScore(value),
        ratingIndex, stageScore, stakeholders,
        unrated: stakeholders.filter((s) => s.index === undefined),
    };
}

/** A person's part in the relationship strength; undefined for someone who left (out of the scores). */
export function relationshipOfPerson(strength: RelationshipStrength, person: Stakeholder | undefined): StakeholderRelationship | undefined {
    return person && strength.stakeholders.find((s) => s.stakeholder === person);
}
