/**
 * One compact formatter for every format: the Markdown and HTML reports, the preview and the hover
 * show `1,400,000 EUR` as `1.4M EUR`, the way account managers write amounts.
 */
import { describe, expect, it } from 'vitest';
import { formatKpiValue } from '../../language/src/domain/progress.js';
import { formatAmount, formatCompact, formatMoney, parseAmount } from '../../language/src/domain/quantities.js';

describe('compact numbers', () => {
    it('writes large numbers as account managers do: k, M, B, three significant digits', () => {
        expect(formatCompact(1_400_000)).toBe('1.4M');
        expect(formatCompact(4_500)).toBe('4.5k');
        expect(formatCompact(1_234_567)).toBe('1.23M');
        expect(formatCompact(123_456_789)).toBe('123M');
        expect(formatCompact(999_999)).toBe('1M');
        expect(formatCompact(2_500_000_000)).toBe('2.5B');
        expect(formatCompact(-1_400_000)).toBe('-1.4M');
    });

    it('leaves small numbers as written, to the decimals asked for', () => {
        expect(formatCompact(750)).toBe('750');
        expect(formatCompact(12.345)).toBe('12');
        expect(formatCompact(12.345, { plainBelow: 10_000, decimals: 2 })).toBe('12.35');
        expect(formatCompact(9_999, { plainBelow: 10_000 })).toBe('9999');
        expect(formatCompact(Number.NaN)).toBe('—');
    });

    it('is what money and KPI values are written with, and reads back as the plan would write it', () => {
        expect(formatMoney({ amount: 1_400_000, currency: 'EUR' })).toBe('1.4M EUR');
        expect(formatKpiValue(1_400_000, 'EUR a year')).toBe('1.4M EUR a year');
        expect(formatKpiValue(31, 'per month')).toBe('31 per month');
        expect(formatKpiValue(88, '%')).toBe('88%');
        for (const amount of [4_500, 750_000, 1_400_000, 12_500_000, 2_500_000_000]) expect(parseAmount(formatAmount(amount))).toBe(amount);
    });
});
