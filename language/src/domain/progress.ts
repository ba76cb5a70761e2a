/**
 * How far objectives have come: a KPI's progress toward its target, and how many days an action
 * has left (or how long it is overdue). Pure functions, shared by the editor and the reports.
 */
import type { ActionStatus, IsoDate, Kpi } from './model.js';
import { daysBetween, formatCompact, isPlanDate } from './quantities.js';
import { oneLine } from './plain-text.js';

export interface KpiProgress {
    /**
     * Which way the value has to move: the plan's stated direction (`higher-is-better` → increase,
     * `lower-is-better` → decrease) or, when the plan does not say, inferred from current and
     * target (toward the target; 'hold' when they are equal).
     */
    direction: 'increase' | 'decrease' | 'hold';
    /** target − current, in the KPI's unit. */
    gap: number;
    /**
     * current ≥ target when higher is better, current ≤ target when lower is better. Without a
     * stated direction only current = target counts as reached: a value on the far side of the
     * target reads as having to move back to it.
     */
    reached: boolean;
    /**
     * How much of the target is achieved, in %: current / target when the value has to rise,
     * target / current when it has to fall (12 stops → 8 stops is 67% there). Undefined when a
     * zero makes the ratio meaningless.
     */
    attainment: number | undefined;
}

export function kpiProgress(kpi: Pick<Kpi, 'current' | 'target' | 'direction'>): KpiProgress {
    const { current, target } = kpi;
    const gap = target - current;
    const rising = () => (target > 0 && current >= 0 ? (100 * current) / target : undefined);
    const falling = () => (current > 0 && target >= 0 ? (100 * target) / current : undefined);
    if (kpi.direction === 'higher-is-better') return { direction: 'increase', gap, reached: current >= target, attainment: rising() };
    if (kpi.direction === 'lower-is-better') return { direction: 'decrease', gap, reached: current <= target, attainment: falling() };
    if (gap === 0) return { direction: 'hold', gap, reached: true, attainment: 100 };
    if (gap > 0) return { direction: 'increase', gap, reached: false, attainment: rising() };
    return { direction: 'decrease', gap, reached: false, attainment: falling() };
}

/** KPI numbers as written: up to two decimals, large amounts the way account managers write them (1.4M). */
export function formatKpiNumber(value: number): string {
    return formatCompact(value, { plainBelow: 10_000, decimals: 2 });
}


/** A KPI value with its unit: `92%`, `12 stops`, `1.4M EUR`. */
export function formatKpiValue(value: number, unit: string | undefined): string {
    const v = formatKpiNumber(value);
    const u = unit === undefined ? undefined : oneLine(unit);
    return u ? (u === '%' ? `${v}%` : `${v} ${u}`) : v;
}

function signed(value: number, unit: string | undefined): string {
    return `${value > 0 ? '+' : '−'}${formatKpiValue(Math.abs(value), unit)}`;
}

/**
 * The one text of a KPI's progress, for the inlay hint and the reports: "67% there · −4 stops to
 * go", "target reached", "+1% beyond target" (the sign is the way the value moved or has to move).
 * `attainment: false` leaves out the "% there" (where a bar already shows it).
 */
export function describeKpiProgress(kpi: Pick<Kpi, 'current' | 'target' | 'direction' | 'unit'>, options: { attainment?: boolean } = {}): string {
    const progress = kpiProgress(kpi);
    if (progress.reached) return progress.gap === 0 ? 'target reached' : `${signed(-progress.gap, kpi.unit)} beyond target`;
    const there = options.attainment !== false && progress.attainment !== undefined ? `${Math.round(progress.attainment)}% there · ` : '';
    return `${there}${signed(progress.gap, kpi.unit)} to go`;
}

/** Done and cancelled work can no longer be late. */
export function isOpen(status: ActionStatus | undefined): boolean {
    return status !== 'done' && status !== 'cancelled';
}

export interface DueStatus {
    /** Calendar days from today to the due date; negative when overdue. */
    days: number;
    overdue: boolean;
}

/** Days left until `due` as of `today`, for open work; undefined for finished work or no date. */
export function dueStatus(due: IsoDate | undefined, status: ActionStatus | undefined, today: IsoDate): DueStatus | undefined {
    if (!due || !isOpen(status) || !isPlanDate(due)) return undefined;
    const days = daysBetween(today, due);
    return { days, overdue: days < 0 };
}

/** "in 12 days", "due today", "3 days overdue". */
export function describeDue(status: DueStatus): string {
    if (status.days === 0) return 'due today';
    const n = Math.abs(status.days);
    const days = `${n} day${n === 1 ? '' : 's'}`;
    return status.overdue ? `${days} overdue` : `in ${days}`;
}
