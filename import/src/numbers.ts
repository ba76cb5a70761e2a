/**
 * Numbers as CRM exports write them: `1.234.567,89` (German, French with spaces), `1,234,567.89`,
 * `1'234'567` (Swiss), `4.2M`, `780k`, `€ 1.200`, `1 200 EUR`, `41,5 %`. Which of `.` and `,` is the
 * decimal mark: the last one when both appear; when only one appears, the file's convention (a
 * semicolon-separated file comes from a decimal-comma locale; kam.config.json `import.decimal` says
 * otherwise), except that a mark followed by other than groups of three digits can only be decimal.
 */
import { CURRENCY_SIGNS } from './columns.js';

export interface ParsedNumber {
    value: number;
    /** A currency written with the amount (`€`, `EUR`). */
    currency?: string;
}

const SUFFIX: Record<string, number> = { k: 1e3, tsd: 1e3, m: 1e6, mio: 1e6, mn: 1e6, b: 1e9, bn: 1e9, mrd: 1e9 };

/** The number in a cell; undefined for an empty cell or a dash; a string saying why for anything else. */
export function parseExportNumber(raw: string, decimal: ',' | '.'): ParsedNumber | undefined | string {
    let text = raw.trim();
    if (text === '' || /^[-–—]$/.test(text) || /^n\/?a$/i.test(text)) return undefined;
    let currency: string | undefined;
    // Most cells are digits and marks only: the currency and suffix searches are for the others.
    if (/[^\d.,\s'%()\-−]/.test(text)) {
        text = text.replace(/[€$£¥]|\b[A-Z]{3}\b/g, (m) => {
            currency ??= CURRENCY_SIGNS[m] ?? m;
            return '';
        }).trim();
    }
    const negative = /^\(.*\)$/.test(text) || text.startsWith('-') || text.startsWith('−');
    text = text.replace(/^\((.*)\)$/, '$1').replace(/^[-−]/, '').replace(/%$/, '').trim();
    let multiplier = 1;
    const suffix = /^(.*\d)\s*([a-zA-Z]+)\.?$/.exec(text);
    if (suffix) {
        const factor = SUFFIX[suffix[2].toLowerCase()];
        if (factor === undefined) return `"${raw.trim()}" is not a number`;
        multiplier = factor;
        text = suffix[1];
    }
    text = text.replace(/[\s\u00a0\u202f']/g, '');
    if (!/^\d[\d.,]*$/.test(text) && !/^[.,]\d+$/.test(text)) return `"${raw.trim()}" is not a number`;
    const lastDot = text.lastIndexOf('.');
    const lastComma = text.lastIndexOf(',');
    let mark: string | undefined;
    if (lastDot >= 0 && lastComma >= 0) mark = lastDot > lastComma ? '.' : ',';
    else if (lastDot >= 0 || lastComma >= 0) {
        const only = lastDot >= 0 ? '.' : ',';
        const groups = text.split(only);
        const grouping = groups.length > 1 && groups.slice(1).every((g) => g.length === 3) && groups[0].length <= 3 && groups[0].length > 0;
        // 1.234 in a decimal-comma file is a thousand; 1.5 is one and a half in any file.
        mark = only === decimal || !grouping ? only : undefined;
        if (mark !== undefined && groups.length > 2) return `"${raw.trim()}" is not a number (more than one decimal mark)`;
    }
    const other = mark === '.' ? ',' : mark === ',' ? '.' : undefined;
    let digits = text;
    if (mark !== undefined) {
        const [whole, fraction] = [text.slice(0, text.lastIndexOf(mark)), text.slice(text.lastIndexOf(mark) + 1)];
        if (other && whole.includes(other) && !whole.split(other).slice(1).every((g) => g.length === 3)) return `"${raw.trim()}" is not a number (digit groups of three expected)`;
        digits = `${whole.replace(/[.,]/g, '')}.${fraction}`;
    } else {
        digits = text.replace(/[.,]/g, '');
    }
    const value = Number(digits) * multiplier;
    if (!Number.isFinite(value)) return `"${raw.trim()}" is not a number`;
    return { value: negative ? -value : value, currency };
}
