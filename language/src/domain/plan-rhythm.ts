/**
 * The plan's own rhythm: a key-account plan is a living document, reviewed with the customer at an
 * agreed cadence (a quarterly business review is usual). The next review is the one written, else
 * the last review plus the cadence. A plan nobody has reviewed for two cadences is stale.
 */
import type { Cadence, IsoDate } from './model.js';
import { CADENCE_DAYS } from './contact.js';
import { addDaysIso, daysBetween, isPlanDate } from './quantities.js';

/** How many cadences without a review make a plan stale. */
export const STALE_AFTER_CADENCES = 2;

export interface PlanRhythm {
    cadence?: Cadence;
    lastReviewed?: IsoDate;
    /** The next review: written, or computed from the last review and the cadence. */
    nextReview?: IsoDate;
    nextReviewWritten: boolean;
    /** Days from today to the next review; negative when it is overdue. */
    daysToNextReview?: number;
    overdue: boolean;
    /** Days since the last review. */
    daysSinceReview?: number;
    /** Not reviewed for STALE_AFTER_CADENCES cadences. */
    stale: boolean;
}

export function planRhythm(plan: { reviewCadence?: Cadence; lastReviewed?: IsoDate; nextReview?: IsoDate }, today: IsoDate): PlanRhythm {
    const cadence = plan.reviewCadence;
    const lastReviewed = plan.lastReviewed && isPlanDate(plan.lastReviewed) ? plan.lastReviewed : undefined;
    const written = plan.nextReview && isPlanDate(plan.nextReview) ? plan.nextReview : undefined;
    const nextReview = written ?? (lastReviewed && cadence ? addDaysIso(lastReviewed, CADENCE_DAYS[cadence]) : undefined);
    const daysToNextReview = nextReview === undefined ? undefined : daysBetween(today, nextReview);
    const daysSinceReview = lastReviewed === undefined ? undefined : daysBetween(lastReviewed, today);
    const stale = daysSinceReview !== undefined && cadence !== undefined && daysSinceReview > STALE_AFTER_CADENCES * CADENCE_DAYS[cadence];
    return {
        cadence, lastReviewed, nextReview, nextReviewWritten: written !== undefined, daysToNextReview,
        overdue: daysToNextReview !== undefined && daysToNextReview < 0, daysSinceReview, stale,
    };
}

/** "next review in 12 days", "review today", "review overdue by 5 days". */
export function describeNextReview(rhythm: PlanRhythm): string | undefined {
    const days = rhythm.daysToNextReview;
    if (days === undefined) return undefined;
    if (days === 0) return 'review today';
    if (days < 0) return `review overdue by ${-days} day${days === -1 ? '' : 's'}`;
    return `next review in ${days} day${days === 1 ? '' : 's'}`;
}
