/**
 * Contracts and renewals. For a key account the renewal date is *the* date: everything the plan
 * does in the months before it either secures it or puts it at risk. The notice period says how long
 * before the renewal the customer can still give notice: after that deadline the contract runs on (or
 * renews), before it the customer can walk away.
 */
import { formatISO, isValid, subDays, subMonths, subWeeks } from 'date-fns';
import type { Contract, IsoDate, Opportunity, PeriodUnit } from './model.js';
import { daysBetween, isPlanDate, localMidnightOf } from './quantities.js';

/** The contract's renewal date: the one written, else its end date (a contract renews or ends there). */
export function renewalDateOf(contract: Contract): IsoDate | undefined {
    const date = contract.renewal ?? contract.end;
    return date && isPlanDate(date) ? date : undefined;
}

/** The longest notice period a contract can mean: ten years. A longer one is reported and not used. */
export const MAX_NOTICE_DAYS = 3650;

/** A notice period's length in days (months as 30.44 days), to compare with MAX_NOTICE_DAYS. */
export function noticeDays(notice: { amount: number; unit: PeriodUnit }): number {
    return notice.amount * (notice.unit.startsWith('month') ? 30.44 : notice.unit.startsWith('week') ? 7 : 1);
}

/** A notice period that can be counted back from a date: a whole, non-negative number, at most ten years. */
export function isUsableNotice(notice: { amount: number; unit: PeriodUnit } | undefined): notice is { amount: number; unit: PeriodUnit } {
    return notice !== undefined && Number.isInteger(notice.amount) && notice.amount >= 0 && noticeDays(notice) <= MAX_NOTICE_DAYS;
}

/** The last day the customer can give notice before the renewal, when a usable notice period is written. */
export function noticeDeadlineOf(contract: Contract): IsoDate | undefined {
    const renewal = renewalDateOf(contract);
    if (!renewal || !isUsableNotice(contract.notice)) return undefined;
    return subtractPeriod(renewal, contract.notice.amount, contract.notice.unit);
}

export function subtractPeriod(date: IsoDate, amount: number, unit: PeriodUnit): IsoDate | undefined {
    // Local calendar dates throughout: a month back from 31 March is the last day of February.
    const at = localMidnightOf(date);
    if (!at) return undefined;
    const moved = unit.startsWith('month') ? subMonths(at, amount) : unit.startsWith('week') ? subWeeks(at, amount) : subDays(at, amount);
    // formatISO, not format with a pattern: the same yyyy-MM-dd, without reading a pattern per call
    // (a third of the renewal checks' time). A deadline before year 1 is no date a plan can use.
    return isValid(moved) && moved.getFullYear() >= 1 ? formatISO(moved, { representation: 'date' }) : undefined;
}

export interface Renewal {
    contract: Contract;
    date: IsoDate;
    /** Days from today to the renewal; negative once it has passed. */
    daysTo: number;
    noticeDeadline?: IsoDate;
    /** Days from today to the notice deadline; negative once it has passed. */
    daysToNotice?: number;
}

/** The next renewal from today on (the earliest renewal date not yet passed), if any contract has one. */
export function nextRenewal(contracts: readonly Contract[], today: IsoDate): Renewal | undefined {
    let next: Renewal | undefined;
    for (const contract of contracts) {
        const date = renewalDateOf(contract);
        if (!date) continue;
        const daysTo = daysBetween(today, date);
        if (daysTo < 0 || (next && next.daysTo <= daysTo)) continue;
        const noticeDeadline = noticeDeadlineOf(contract);
        next = { contract, date, daysTo, noticeDeadline, daysToNotice: noticeDeadline === undefined ? undefined : daysBetween(today, noticeDeadline) };
    }
    return next;
}

/**
 * Is something in the plan aimed at the renewal? A renewal opportunity (one in the pipeline, or
 * one already won) is how account managers track it.
 */
export function renewalIsPlanned(opportunities: readonly Opportunity[]): boolean {
    return opportunities.some((o) => o.kind === 'renewal' && o.stage !== 'lost');
}

/** Whether the renewal has been won already. */
export function renewalIsWon(opportunities: readonly Opportunity[]): boolean {
    return opportunities.some((o) => o.kind === 'renewal' && o.stage === 'won');
}

/** Dates that contradict each other: a contract ending, or renewing, before it starts. */
export function contractDateProblem(contract: Contract): string | undefined {
    const { start, end, renewal } = contract;
    const valid = (d: string | undefined): d is string => d !== undefined && isPlanDate(d);
    if (valid(start) && valid(end) && end < start) return `ends on ${end}, before it starts on ${start}`;
    if (valid(start) && valid(renewal) && renewal < start) return `renews on ${renewal}, before it starts on ${start}`;
    if (valid(end) && valid(renewal) && renewal > end) return `renews on ${renewal}, after it ends on ${end}`;
    return undefined;
}
