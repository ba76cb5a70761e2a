/** KPI progress and its one text: hand-checked numbers, stated and inferred directions. */
import { describe, expect, it } from 'vitest';
import { describeKpiProgress, dueStatus, formatKpiValue, kpiProgress } from '../../language/src/domain/progress.js';

describe('kpiProgress', () => {
    it('reads a surpassed target as reached when higher is better (99% on time against 98%)', () => {
        const p = kpiProgress({ current: 99, target: 98, direction: 'higher-is-better' });
        expect(p).toMatchObject({ direction: 'increase', gap: -1, reached: true });
        // 99 / 98 = 101.02%
        expect(p.attainment).toBeCloseTo(101.02, 2);
    });

    it('reads a value below the target as reached when lower is better (6 stops against 8)', () => {
        const p = kpiProgress({ current: 6, target: 8, direction: 'lower-is-better' });
        expect(p).toMatchObject({ direction: 'decrease', gap: 2, reached: true });
        // 8 / 6 = 133.3%
        expect(p.attainment).toBeCloseTo(133.33, 2);
    });

    it('is open while the value is on the wrong side of the target', () => {
        // 92% up to 98%: 92 / 98 = 93.9%
        const up = kpiProgress({ current: 92, target: 98, direction: 'higher-is-better' });
        expect(up).toMatchObject({ direction: 'increase', gap: 6, reached: false });
        expect(up.attainment).toBeCloseTo(93.88, 2);
        // 12 stops down to 8: 8 / 12 = 66.7%
        const down = kpiProgress({ current: 12, target: 8, direction: 'lower-is-better' });
        expect(down).toMatchObject({ direction: 'decrease', gap: -4, reached: false });
        expect(down.attainment).toBeCloseTo(66.67, 2);
    });

    it('reaches the target exactly in either direction', () => {
        expect(kpiProgress({ current: 8, target: 8, direction: 'lower-is-better' }).reached).toBe(true);
        expect(kpiProgress({ current: 98, target: 98, direction: 'higher-is-better' }).reached).toBe(true);
    });

    it('infers the direction from current and target when the plan does not state it', () => {
        expect(kpiProgress({ current: 12, target: 8 })).toMatchObject({ direction: 'decrease', gap: -4, reached: false });
        expect(kpiProgress({ current: 92, target: 98 })).toMatchObject({ direction: 'increase', gap: 6, reached: false });
        expect(kpiProgress({ current: 12000, target: 12000 })).toEqual({ direction: 'hold', gap: 0, reached: true, attainment: 100 });
        // unstated, 99% against 98% can only read as having to come down to the target
        expect(kpiProgress({ current: 99, target: 98 })).toMatchObject({ direction: 'decrease', reached: false });
    });

    it('has no attainment where a zero makes the ratio meaningless', () => {
        expect(kpiProgress({ current: 5, target: 0, direction: 'lower-is-better' }).attainment).toBe(0);
        expect(kpiProgress({ current: 0, target: 0, direction: 'lower-is-better' }).attainment).toBeUndefined();
        expect(kpiProgress({ current: 3, target: 0, direction: 'higher-is-better' }).attainment).toBeUndefined();
    });
});

describe('describeKpiProgress', () => {
    it('says how far there is to go, with the attainment unless a bar shows it', () => {
        expect(describeKpiProgress({ current: 12, target: 8, unit: 'stops', direction: 'lower-is-better' })).toBe('67% there · −4 stops to go');
        expect(describeKpiProgress({ current: 12, target: 8, unit: 'stops' }, { attainment: false })).toBe('−4 stops to go');
        expect(describeKpiProgress({ current: 92, target: 98, unit: '%' })).toBe('94% there · +6% to go');
    });

    it('says a reached target is reached, and how far beyond it a surpassed one is', () => {
        expect(describeKpiProgress({ current: 98, target: 98, unit: '%', direction: 'higher-is-better' })).toBe('target reached');
        expect(describeKpiProgress({ current: 99, target: 98, unit: '%', direction: 'higher-is-better' })).toBe('+1% beyond target');
        expect(describeKpiProgress({ current: 6, target: 8, unit: 'stops', direction: 'lower-is-better' })).toBe('−2 stops beyond target');
    });

    it('writes KPI numbers one way: two decimals at most, large amounts as 1.4M', () => {
        expect(describeKpiProgress({ current: 1_200_000, target: 1_400_000, unit: 'EUR', direction: 'higher-is-better' })).toBe('86% there · +200k EUR to go');
        expect(describeKpiProgress({ current: 2.5, target: 1.25, unit: 'days' }, { attainment: false })).toBe('−1.25 days to go');
        expect(formatKpiValue(1_400_000, 'EUR')).toBe('1.4M EUR');
        expect(formatKpiValue(9_999, undefined)).toBe('9999');
        expect(formatKpiValue(92.456, '%')).toBe('92.46%');
    });
});

describe('dueStatus', () => {
    it('counts calendar days to the due date for open work only', () => {
        expect(dueStatus('2026-11-23', 'in-progress', '2026-11-24')).toEqual({ days: -1, overdue: true });
        expect(dueStatus('2026-11-24', 'planned', '2026-11-24')).toEqual({ days: 0, overdue: false });
        expect(dueStatus('2026-11-01', 'done', '2026-11-24')).toBeUndefined();
    });

    it('has nothing to say about a date that is not on the calendar', () => {
        expect(dueStatus('2026-02-30', 'planned', '2026-11-24')).toBeUndefined();
    });
});
