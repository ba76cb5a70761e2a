/**
 * The dates and money an account manager steers by, in one sentence each: the next renewal and its
 * notice deadline, the plan's review rhythm, and the weighted pipeline against the potential. Plain
 * text, shared by the hover, the reports and the preview so they always say the same thing.
 */
import type { AccountScorecard } from '../domain/scorecard.js';
import { describeNextReview } from '../domain/plan-rhythm.js';
import { formatMoney } from '../domain/quantities.js';

function days(n: number): string {
    return `${n} day${n === 1 ? '' : 's'}`;
}

/** "2026-12-31 (in 37 days; notice deadline 2026-10-02 passed 53 days ago)", or undefined without a renewal. */
export function renewalText(card: Pick<AccountScorecard, 'renewal'>): string | undefined {
    const r = card.renewal;
    if (!r) return undefined;
    const when = r.daysTo === 0 ? 'today' : `in ${days(r.daysTo)}`;
    let notice = '';
    if (r.noticeDeadline !== undefined && r.daysToNotice !== undefined) {
        notice = r.daysToNotice < 0 ? `; notice deadline ${r.noticeDeadline} passed ${days(-r.daysToNotice)} ago`
            : `; notice deadline ${r.noticeDeadline}, in ${days(r.daysToNotice)}`;
    }
    const value = r.contract.value ? `, ${formatMoney(r.contract.value)} a year` : '';
    return `${r.date} (${when}${notice})${r.contract.title ? ` — ${r.contract.title}` : ''}${value}`;
}

/** "quarterly · last reviewed 2026-09-30 · next review in 12 days", or undefined when the plan states no rhythm. */
export function rhythmText(card: Pick<AccountScorecard, 'rhythm'>): string | undefined {
    const r = card.rhythm;
    if (!r.cadence && !r.lastReviewed && !r.nextReview) return undefined;
    return [
        r.cadence ? `${r.cadence} reviews` : 'no review cadence',
        r.lastReviewed ? `last reviewed ${r.lastReviewed}` : 'never reviewed',
        r.nextReview ? `${describeNextReview(r)} (${r.nextReview})` : undefined,
    ].filter(Boolean).join(' · ');
}

/** "weighted 1.2M EUR of 2.4M EUR open (3 opportunities) · won 0.3M EUR · gap to potential 0.4M EUR". */
export function pipelineText(card: Pick<AccountScorecard, 'pipeline' | 'plan'>): string | undefined {
    const p = card.pipeline;
    if (!p.currency || (p.openCount === 0 && p.won === 0 && p.gapToPotential === undefined)) return undefined;
    const money = (amount: number) => formatMoney({ amount, currency: p.currency! });
    const parts = [`weighted ${money(p.weighted)} of ${money(p.open)} open (${p.openCount} ${p.openCount === 1 ? 'opportunity' : 'opportunities'})`];
    if (p.won > 0) parts.push(`won ${money(p.won)}`);
    if (p.gapToPotential !== undefined) parts.push(`gap to potential ${money(p.gapToPotential)}`);
    if (p.uncounted.length) parts.push(`${p.uncounted.length} not counted (currency without a rate)`);
    return parts.join(' · ');
}
