/**
 * How far objectives have come: a KPI's progress toward its target, and how many days an action
 * has left (or how long it is overdue). Pure functions, shared by the editor and the reports.
 */
import type { ActionStatus, IsoDate, Kpi } from './model.js';
import { daysBetween } from './quantities.js';

export interface KpiProgress {
    /** Which way the value has to move to reach the target (inferred from current and target). */
    direction: 'increase' | 'decrease' | 'hold';
    /** target − current, in the KPI's unit. */
    gap: number;
    reached: boolean;
    /**
     * How much of the target is achieved, in %: current / target when the value has to rise,
     * target / current when it has to fall (12 stops → 8 stops is 67% there). Undefined when a
     * zero makes the ratio meaningless.
     */
    attainment: number | undefined;
}

export function kpiProgress(kpi: Pick<Kpi, 'current' | 'target'>): KpiProgress {
    const { current, target } = kpi;
    const gap = target - current;
    if (gap === 0) return { direction: 'hold', gap, reached: true, attainment: 100 };
    if (gap > 0) return { direction: 'increase', gap, reached: false, attainment: target > 0 && current >= 0 ? (100 * current) / target : undefined };
    return { direction: 'decrease', gap, reached: false, attainment: current > 0 && target >= 0 ? (100 * target) / current : undefined };
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
    if (!due || !isOpen(status)) return undefined;
    const days = daysBetween(today, due);
    if (Number.isNaN(days)) return undefined;
    return { days, overdue: days < 0 };
}

/** "in 12 days", "due today", "3 days overdue". */
export function describeDue(status: DueStatus): string {
    if (status.days === 0) return 'due today';
    const n = Math.abs(status.days);
    const days = `${n} day${n === 1 ? '' : 's'}`;
    return status.overdue ? `${days} overdue` : `in ${days}`;
}
