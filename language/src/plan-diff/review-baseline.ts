/**
 * Where each account stood at its last review, for the code lens and the hover ("+0.8 since
 * v2026-Q3"). The last review is the plan's own `last reviewed` date (the portfolio as committed by
 * the end of that day), else the newest git tag matching the portfolio's `reviewTag` pattern
 * (kam.config.json or `kam.reviewTag`). The language server reads those revisions from git
 * (history/) and sets them here.
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
    private readonly accounts = new Map<string, Baseline & { review: string }>();

    /**
     * The reviews now known: each (a tag, or `review of 2026-09-30`) with the portfolio as it was
     * then and the accounts it is the last review of (all of the snapshot's when undefined). The
     * first review naming an account counts for it; none: nothing is shown.
     */
    set(reviews: Array<{ review: string; snapshot: PortfolioSnapshot; accounts?: ReadonlySet<string> }>): void {
        this.accounts.clear();
        for (const { review, snapshot, accounts } of reviews) {
            for (const a of snapshot.accounts) {
                if (this.accounts.has(a.view.name) || (accounts && !accounts.has(a.view.name))) continue;
                this.accounts.set(a.view.name, { review, strategicValue: a.view.strategicValue.value, relationship: a.view.relationship.strength, quadrant: a.view.quadrant });
            }
        }
    }

    /** How an account moved since its last review; undefined without one or for an account new since. */
    changeSince(card: AccountScorecard): ChangeSinceReview | undefined {
        const then = this.accounts.get(card.plan.name);
        if (!then || card.syntaxErrorLine !== undefined) return undefined;
        return {
            review: then.review,
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
