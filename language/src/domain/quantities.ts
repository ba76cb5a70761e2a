/** Reading the quantities account managers write: `1.2M`, `25%`, `2027-03-31`. */
import { formatISO } from 'date-fns';

const AMOUNT_SUFFIX: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9 };

/** Beyond MAX_QUANTITY a number is not usable: NaN, like a value missing from a half-typed plan. */
function sane(value: number): number {
    return isSaneNumber(value) ? value : Number.NaN;
}

/** `1.2M` → 1 200 000; plain numbers pass through; a value missing from a half-typed plan is NaN. */
export function parseAmount(text: string | number | undefined): number {
    if (typeof text === 'number') return sane(text);
    if (text === undefined) return Number.NaN;
    const match = /^(-?\d+(?:\.\d+)?)([kMB])?$/.exec(text.trim());
    if (!match) return Number.NaN;
    return sane(Number(match[1]) * (match[2] ? AMOUNT_SUFFIX[match[2]] : 1));
}

/** `25%` → 25; plain numbers pass through. */
export function parsePercent(text: string | number | undefined): number {
    if (typeof text === 'number') return sane(text);
    if (text === undefined) return Number.NaN;
    const trimmed = text.trim().replace(/%$/, '');
    return trimmed === '' ? Number.NaN : sane(Number(trimmed));
}

/** A KPI value can be a number, a percentage or an amount. */
export function parseMeasure(text: string | number | undefined): number {
    if (typeof text === 'number') return sane(text);
    if (text === undefined) return Number.NaN;
    return text.endsWith('%') ? parsePercent(text) : parseAmount(text);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
/** Dates already read (text → UTC midnight), bounded so a stream of odd texts cannot grow it. */
const knownDays = new Map<string, number>();
const KNOWN_DAYS_LIMIT = 10_000;

/**
 * Milliseconds at UTC midnight of a `yyyy-mm-dd` date, or NaN when it is not a calendar date.
 * Validation reads every date of every plan, so this is done directly rather than through a
 * general-purpose parser: the date terminal already guarantees the shape.
 */
function utcDay(text: string): number {
    // A portfolio writes the same few hundred dates over and over (meetings, contacts, reviews).
    let time = knownDays.get(text);
    if (time === undefined) {
        time = parseUtcDay(text);
        if (knownDays.size >= KNOWN_DAYS_LIMIT) knownDays.clear();
        knownDays.set(text, time);
    }
    return time;
}

function parseUtcDay(text: string): number {
    const match = ISO_DATE.exec(text);
    if (!match) return Number.NaN;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    // Field by field: Date.UTC reads years 0–99 as 1900–1999, and 0050-03-01 would be no date at all.
    const date = new Date(0);
    date.setUTCFullYear(year, month - 1, day);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date.getTime() : Number.NaN;
}

/**
 * Local midnight of a `yyyy-mm-dd` date, as date-fns' `parseISO` makes it (its calendar arithmetic
 * works on local dates), or undefined when it is not a calendar date. From the dates already read:
 * `parseISO`'s general parser was a tenth of the renewal checks' time.
 */
export function localMidnightOf(text: string): Date | undefined {
    const time = utcDay(text);
    if (Number.isNaN(time)) return undefined;
    const utc = new Date(time);
    // Built field by field, as parseISO does: `new Date(year, …)` would read years 0–99 as 1900–1999.
    const local = new Date(0);
    local.setFullYear(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
    local.setHours(0, 0, 0, 0);
    return local;
}

export function isValidIsoDate(text: string): boolean {
    return !Number.isNaN(utcDay(text));
}

/**
 * A date a plan can count with: a calendar date in a plan's years (PLAN_YEARS). What the reviewer
 * flags as `kam.invalid-date` counts nowhere: not in a renewal, a review's rhythm, a last contact,
 * a due date or a timeline, where `0026-10-20` would read as 730,000 days ago.
 */
export function isPlanDate(text: string): boolean {
    return isValidIsoDate(text) && isPlanYear(text);
}

function isPlanYear(text: string): boolean {
    // From the four digits' codes (every date is checked, most of them many times): no substring, no number parse.
    const year = text.charCodeAt(0) * 1000 + text.charCodeAt(1) * 100 + text.charCodeAt(2) * 10 + text.charCodeAt(3) - 48 * 1111;
    return year >= PLAN_YEARS.first && year <= PLAN_YEARS.last;
}

/** A date as the DATE terminal reads it: four digits of year, one or two of month and day. */
const WRITTEN_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/**
 * What is wrong with a date, in words that point at the part to fix, or undefined for a good one:
 * "2026-11-3: write the day with two digits (2026-11-03)", "2026-13-01: there is no month 13",
 * "2026-02-30: February 2026 has 28 days".
 */
export function describeDateProblem(text: string): string | undefined {
    // Nearly every date written is a good one, most of them read before: no pattern to match, no date to make.
    if (isValidIsoDate(text)) return describeImplausibleYear(text);
    const match = WRITTEN_DATE.exec(text);
    if (!match) return `${text} is not a date: write dates as yyyy-mm-dd (2026-11-03).`;
    const [, year, month, day] = match;
    if (month.length < 2 || day.length < 2) {
        const parts = [month.length < 2 ? 'month' : '', day.length < 2 ? 'day' : ''].filter(Boolean).join(' and the ');
        return `${text}: write the ${parts} with two digits (${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}).`;
    }
    const m = Number(month);
    if (m < 1 || m > 12) return `${text}: there is no month ${month}; months run from 01 to 12.`;
    const d = Number(day);
    const days = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
    if (d < 1 || d > days) return `${text}: ${MONTHS[m - 1]} ${year} has ${days} days${d < 1 ? '; days start at 01' : ''}.`;
    return undefined;
}

/** The years a plan's dates fall in: contracts started last century, renewals a few decades ahead. */
export const PLAN_YEARS = { first: 1900, last: 2199 } as const;

/**
 * A real calendar date in a year no plan means: `0026-03-01` (a dropped digit) puts a due date
 * 2,000 years back and stretches every timeline that shows it. The date stays the date written
 * for the arithmetic (a first-century date is still a date); the reviewer says it is surely a typo.
 */
function describeImplausibleYear(text: string): string | undefined {
    if (isPlanYear(text)) return undefined;
    const meant = correctedDate(text);
    return `${text}: the year ${text.slice(0, 4)} is surely a typo; a plan's dates fall between ${PLAN_YEARS.first} and ${PLAN_YEARS.last}${meant ? `: did you mean ${meant}?` : '.'}`;
}

/**
 * The date a writer most likely meant by a date the reviewer flags, when that is mechanical: the
 * month or day with two digits (`2026-11-3` → `2026-11-03`), a year with its century dropped
 * (`0026-03-01` → `2026-03-01`). Undefined when no such date is a good one (`2026-02-30`).
 */
export function correctedDate(text: string): string | undefined {
    const match = WRITTEN_DATE.exec(text);
    if (!match) return undefined;
    const year = Number(match[1]);
    const meant = `${year < 100 ? 2000 + year : match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}`;
    return meant !== text && isPlanDate(meant) ? meant : undefined;
}

/** Calendar days from `from` to `to` (negative when `to` is in the past); NaN if either is not a date. */
export function daysBetween(from: string, to: string): number {
    return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** The date `days` after an ISO date, as `yyyy-mm-dd`. */
export function addDaysIso(date: string, days: number): string {
    const start = utcDay(date);
    if (Number.isNaN(start)) throw new RangeError(`${date} is not a calendar date`);
    return new Date(start + days * DAY_MS).toISOString().slice(0, 10);
}

/** Today's date as `yyyy-mm-dd` where the user is (not UTC): an action due today is not overdue at 23:00. */
export function todayIso(now: Date = new Date()): string {
    return formatISO(now, { representation: 'date' });
}

/**
 * A number from a plan as a reader should see it: as written, up to six decimals, never in
 * exponent notation (0.0000001 stays readable, 1e21 never appears), a dash when there is none.
 */
export function formatPlain(value: number | undefined): string {
    if (value === undefined || !Number.isFinite(value)) return '—';
    // (Intl's formatting would do the same, at a hundred times the cost: inlay hints call this per score.)
    if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
    const fixed = value.toFixed(6).replace(/\.?0+$/, '');
    return fixed === '-0' ? '0' : fixed;
}

/** A percentage as written (`20%`, `16.7%`), or a dash. */
export function formatPercent(value: number | undefined): string {
    return value === undefined || !Number.isFinite(value) ? '—' : `${formatPlain(value)}%`;
}

// Made on first use: building a compact number format takes ~20 ms, and a run whose findings and
// output show no large number never needs one. (Written by hand on a plain format it matched Intl
// on 40,000 numbers but was no faster as a whole run: not kept.)
let compact: Intl.NumberFormat | undefined;

/**
 * The one compact formatter of every report, picture and preview: `1400000` → `1.4M`, `4500` →
 * `4.5k`, the way account managers write amounts (lower-case k, as a plan writes it). Below
 * `plainBelow` the number is shown as is, to `decimals` places; a dash for no usable number.
 */
export function formatCompact(value: number, options: { plainBelow?: number; decimals?: number } = {}): string {
    if (!Number.isFinite(value)) return '—';
    const { plainBelow = 1000, decimals = 0 } = options;
    if (Math.abs(value) < plainBelow) return formatPlain(Number(value.toFixed(decimals)));
    compact ??= new Intl.NumberFormat('en', { notation: 'compact', maximumSignificantDigits: 3 });
    return compact.format(value).replace(/K$/, 'k');
}

/** `4200000` → `4.2M`, the way account managers write money; a dash for no usable amount. */
export function formatAmount(amount: number): string {
    return formatCompact(amount);
}

export function formatMoney(money: { amount: number; currency: string } | undefined): string {
    if (!money || !Number.isFinite(money.amount)) return '—';
    return money.currency ? `${formatAmount(money.amount)} ${money.currency}` : formatAmount(money.amount);
}

/**
 * A score to one decimal, halves rounded up (6.35 → 6.4). Scores are sums of products of decimals,
 * so a value that is 6.0 by hand may be summed to 5.999999999999999: the small allowance makes it
 * 6.0. Every score is rounded this way before it is compared with a threshold, so the number shown
 * and the number compared are the same.
 */
export function roundScore(value: number): number {
    return Math.round(value * 10 + 1e-9) / 10;
}

/** One decimal, as `roundScore` rounds; a dash for no value. */
export function formatScore(value: number | undefined): string {
    if (value === undefined || !Number.isFinite(value)) return '—';
    return roundScore(value).toFixed(1);
}

/**
 * The largest quantity a plan can meaningfully state (a thousand trillion): beyond it a number is
 * a typo or garbage, reported by the reviewer and never used in arithmetic.
 */
export const MAX_QUANTITY = 1e15;

/** A number a plan may compute with: finite and within ±MAX_QUANTITY. */
export function isSaneNumber(value: number | undefined): value is number {
    return value !== undefined && Number.isFinite(value) && Math.abs(value) <= MAX_QUANTITY;
}
