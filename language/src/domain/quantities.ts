/** Reading the quantities account managers write: `1.2M`, `25%`, `2027-03-31`. */
import { formatISO } from 'date-fns';

const AMOUNT_SUFFIX: Record<string, number> = { k: 1e3, M: 1e6, B: 1e9 };

/** `1.2M` → 1 200 000; plain numbers pass through; a value missing from a half-typed plan is NaN. */
export function parseAmount(text: string | number | undefined): number {
    if (typeof text === 'number') return text;
    if (text === undefined) return Number.NaN;
    const match = /^(\d+(?:\.\d+)?)([kMB])?$/.exec(text.trim());
    if (!match) return Number.NaN;
    return Number(match[1]) * (match[2] ? AMOUNT_SUFFIX[match[2]] : 1);
}

/** `25%` → 25; plain numbers pass through. */
export function parsePercent(text: string | number | undefined): number {
    if (typeof text === 'number') return text;
    if (text === undefined) return Number.NaN;
    return Number(text.trim().replace(/%$/, ''));
}

/** A KPI value can be a number, a percentage or an amount. */
export function parseMeasure(text: string | number | undefined): number {
    if (typeof text === 'number') return text;
    if (text === undefined) return Number.NaN;
    return text.endsWith('%') ? parsePercent(text) : parseAmount(text);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Milliseconds at UTC midnight of a `yyyy-mm-dd` date, or NaN when it is not a calendar date.
 * Validation reads every date of every plan, so this is done directly rather than through a
 * general-purpose parser: the date terminal already guarantees the shape.
 */
function utcDay(text: string): number {
    const match = ISO_DATE.exec(text);
    if (!match) return Number.NaN;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const time = Date.UTC(year, month - 1, day);
    const date = new Date(time);
    return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? time : Number.NaN;
}

export function isValidIsoDate(text: string): boolean {
    return !Number.isNaN(utcDay(text));
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

/** `4200000` → `4.2M`, the way account managers write money. */
export function formatAmount(amount: number): string {
    const abs = Math.abs(amount);
    const [divisor, suffix] = abs >= 1e9 ? [1e9, 'B'] : abs >= 1e6 ? [1e6, 'M'] : abs >= 1e3 ? [1e3, 'k'] : [1, ''];
    const value = amount / divisor;
    return `${Number(value.toFixed(value >= 100 || suffix === '' ? 0 : value >= 10 ? 1 : 2))}${suffix}`;
}

export function formatMoney(money: { amount: number; currency: string } | undefined): string {
    return money ? `${formatAmount(money.amount)} ${money.currency}` : '—';
}

/** One decimal, halves rounded up (6.35 → 6.4) so hand-checked numbers match what is shown. */
export function formatScore(value: number | undefined): string {
    if (value === undefined || Number.isNaN(value)) return '—';
    return (Math.round(value * 10 + 1e-9) / 10).toFixed(1);
}
