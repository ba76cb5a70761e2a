/**
 * Deterministic CRM exports for the import tests and the benchmark: a customer number, a name (some
 * with accents, quotes and the delimiter inside, as real names have), industry, owner, revenue with
 * a long tail (a few large customers, many small ones), potential and gross margin, written the way
 * a German (semicolon, decimal comma) or an English (comma, decimal point) CRM writes them.
 */
import { random } from '../fuzz/mutate.js';

export interface ExportStyle {
    delimiter: ',' | ';' | '\t';
    decimal: ',' | '.';
}

export const ENGLISH: ExportStyle = { delimiter: ',', decimal: '.' };
export const GERMAN: ExportStyle = { delimiter: ';', decimal: ',' };

const INDUSTRIES = ['Logistics', 'Food production', 'Pharmaceutical wholesale', 'Retail', 'Utilities', 'Healthcare', 'Automotive parts', 'Seafood'];
const OWNERS = ['Ruth Okafor', 'James Whitfield', 'Katrin Vogel', 'Daniel Moreau', 'Aisha Rahman'];
const NAMES = ['Nordwind Logistik', 'Müller & Söhne', 'Hartwell Foods', 'Société Générale des Eaux', 'Kessler "Autoteile"', 'Brightwater; Utilities', 'Peñarol Distribución', 'Vestergaard Seafood', 'Aldermoor, Healthcare', 'Meridian Pharma'];

/** 1234567.8 → "1.234.567,80" (decimal comma) or "1,234,567.80". */
export function formatNumber(value: number, style: ExportStyle, decimals = 2): string {
    const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
    const thousands = style.decimal === ',' ? '.' : ',';
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, thousands);
    return `${value < 0 ? '-' : ''}${grouped}${fraction ? `${style.decimal}${fraction}` : ''}`;
}

function quoted(text: string, delimiter: string): string {
    return /["\n\r]/.test(text) || text.includes(delimiter) ? `"${text.replace(/"/g, '""')}"` : text;
}

export interface GeneratedCustomer {
    id: string;
    name: string;
    revenue: number;
    potential: number;
    margin: number;
}

/** The customers of a generated export, in file order (line = index + 2). */
export function generateCustomers(count: number, seed = 17): GeneratedCustomer[] {
    const next = random(seed);
    return Array.from({ length: count }, (_, i) => {
        const rank = 1 + Math.floor(next() * count);
        const revenue = Math.round((8_000_000 / rank ** 1.1) * (0.6 + next() * 0.8) * 100) / 100;
        return {
            id: `C${String(i + 1).padStart(6, '0')}`,
            name: i < NAMES.length ? NAMES[i] : `Customer ${i + 1} ${['GmbH', 'Ltd', 'S.A.', 'A/S', 'B.V.'][i % 5]}`,
            revenue,
            potential: Math.round(revenue * (1 + next() * 3) * 100) / 100,
            margin: Math.round((15 + next() * 35) * 10) / 10,
        };
    });
}

export function customerExportCsv(count: number, style: ExportStyle = ENGLISH, seed = 17): string {
    const d = style.delimiter;
    const header = ['Customer No', 'Customer', 'Industry', 'Account Manager', 'Revenue 2026 (EUR)', 'Potential', 'Gross margin %'].join(d);
    const lines = generateCustomers(count, seed).map((c, i) => [
        c.id, c.name, INDUSTRIES[i % INDUSTRIES.length], OWNERS[i % OWNERS.length],
        formatNumber(c.revenue, style), formatNumber(c.potential, style), `${formatNumber(c.margin, style, 1)} %`,
    ].map((field) => quoted(field, d)).join(d));
    return `${header}\r\n${lines.join('\r\n')}\r\n`;
}
