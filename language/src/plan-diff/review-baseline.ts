/**
 * Where each account stood at the last review, for the code lens and the hover ("+0.8 since
 * v2026-Q3"). The last review is the newest git tag matching the portfolio's `reviewTag` pattern
 * (kam.config.json or `kam.reviewTag`); the language server reads that revision from git
 * (history/) and sets it here. When plans state when they were last reviewed (the grammar's
 * coming `last reviewed`), the server will set each account's own baseline the same way: this
 * holder and its readers do not change.
 */
import type { Quadrant } from '../domain/portfolio.js';
import type { AccountScorecard } from '../domain/scorecard.js';
import { signed } from './diff-words.js';
import { numberChange, type NumberChange } from './portfolio-diff.js';
import type { PortfolioSnapshot } from './snapshot.js';

interface Baseline {
    strategicValue?: number;
    relationship?: number;
    quadrant?: Quadrant;
}

export interface ChangeSinceReview {
    /** The review it counts from: the tag's name. */
    review: string;
    strategicValue: NumberChange;
    relationship: NumberChange;
    quadrant: { before?: Quadrant; after?: Quadrant };
}

export class ReviewBaseline {
    private review: string | undefined;
    private readonly accounts = new Map<string, Baseline>();

    /** The portfolio at the last review (or none: nothing is shown). */
    set(review: string | undefined, snapshot: PortfolioSnapshot | undefined): void {
        this.review = review;
        this.accounts.clear();
        for (const a of snapshot?.accounts ?? []) {
            this.accounts.set(a.view.name, { strategicValue: a.view.strategicValue.value, relationship: a.view.relationship.strength, quadrant: a.view.quadrant });
        }
    }

    /** How an account moved since the last review; undefined without a review or for an account new since. */
    changeSince(card: AccountScorecard): ChangeSinceReview | undefined {
        const then = this.review !== undefined ? this.accounts.get(card.plan.name) : undefined;
        if (!then || card.syntaxErrorLine !== undefined) return undefined;
        return {
            review: this.review!,
            strategicValue: numberChange(then.strategicValue, card.strategicValue.value),
            relationship: numberChange(then.relationship, card.relationship.value),
            quadrant: { before: then.quadrant, after: card.quadrant },
        };
    }
}

/** "+0.8 since v2026-Q3, relationship −0.3", "Star → Strategic", or "unchanged since v2026-Q3". */
export function describeChangeSince(change: ChangeSinceReview): string {
    const parts: string[] = [];
    const value = change.strategicValue.delta;
    const relationship = change.relationship.delta;
    if (value) parts.push(`${signed(value)} since ${change.review}`);
    if (relationship) parts.push(`${value ? '' : `since ${change.review}: `}relationship ${signed(relationship)}`);
    if (change.quadrant.before !== change.quadrant.after) parts.push(`${change.quadrant.before ?? 'unplaced'} → ${change.quadrant.after ?? 'unplaced'}`);
    return parts.length ? parts.join(', ') : `unchanged since ${change.review}`;
}
