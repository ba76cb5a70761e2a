/**
 * Which column holds what: CRM exports name their columns in the user's language and the vendor's
 * words ("Kunde", "Account Name", "Umsatz 2026 (EUR)"). A header is matched to a field by the
 * synonyms below (the whole header, or its first words), the longest synonym winning; the
 * portfolio's kam.config.json (`import.columns`) names headers outright and comes first.
 */
import { IMPORT_FIELDS, type ImportField, type ImportSettings } from '../../language/src/workspace/portfolio-config.js';

/** Synonyms per field, normalised (lower case, no accents, words separated by one space). */
const SYNONYMS: Record<ImportField, string[]> = {
    name: ['name', 'customer', 'customer name', 'account', 'account name', 'company', 'company name', 'client', 'client name', 'organisation', 'organization',
        'organisation name', 'organization name', 'kunde', 'kundenname', 'kunden name', 'firma', 'firmenname', 'unternehmen', 'nom', 'raison sociale', 'societe', 'cliente', 'empresa'],
    id: ['id', 'customer id', 'customer no', 'customer number', 'account id', 'account number', 'account no', 'crm id', 'kundennummer', 'kunden nr', 'kundennr', 'debitor',
        'debitorennummer', 'debtor', 'debtor number', 'numero client', 'no client'],
    revenue: ['revenue', 'revenues', 'sales', 'net sales', 'turnover', 'annual revenue', 'current revenue', 'revenue ltm', 'invoiced revenue', 'umsatz', 'nettoumsatz',
        'netto umsatz', 'jahresumsatz', 'umsatz ltm', 'chiffre d affaires', 'ca', 'ventas', 'fatturato'],
    potential: ['potential', 'revenue potential', 'potential revenue', 'sales potential', 'wallet', 'share of wallet', 'total potential', 'umsatzpotenzial',
        'umsatzpotential', 'potenzial', 'potential umsatz', 'potentiel', 'potentiel ca', 'potencial'],
    margin: ['margin', 'gross margin', 'margin %', 'margin percent', 'profitability', 'profit margin', 'gm', 'gm %', 'gross margin %', 'marge', 'marge brute',
        'deckungsbeitrag', 'deckungsbeitrag %', 'db', 'db %', 'rohertrag', 'rohertrag %', 'rohertragsmarge', 'margen', 'margine'],
    currency: ['currency', 'currency code', 'curr', 'ccy', 'wahrung', 'waehrung', 'devise', 'moneda', 'valuta'],
    industry: ['industry', 'sector', 'vertical', 'industry sector', 'branche', 'sektor', 'secteur', 'industrie', 'sector industria'],
    owner: ['owner', 'account owner', 'account manager', 'key account manager', 'kam', 'sales rep', 'salesperson', 'sales owner', 'betreuer', 'kundenbetreuer',
        'vertriebsmitarbeiter', 'verantwortlicher', 'responsable', 'commercial'],
    country: ['country', 'country code', 'land', 'pays', 'pais', 'paese'],
};

export interface ColumnMapping {
    /** Field → the column's index and header as written. */
    fields: Partial<Record<ImportField, { index: number; header: string }>>;
    /** Headers no field took. */
    ignored: string[];
    /** A currency stated in a money column's header ("Umsatz (EUR)", "Revenue in €"). */
    headerCurrency?: string;
    /** Headers that looked like a field another column already took: the first one is used. */
    notes: string[];
}

/** "Umsatz 2026 (€)" → "umsatz 2026 €": lower case, accents dropped, punctuation as spaces (% and currency signs kept). */
export function normaliseHeader(header: string): string {
    return header.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
        .replace(/ß/g, 'ss').replace(/[^a-z0-9%€$£¥]+/g, ' ').trim();
}

const CURRENCY_SIGNS: Record<string, string> = { '€': 'EUR', '$': 'USD', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_IN_HEADER = /(?:^|[\s(\[])(€|\$|£|¥|[A-Z]{3})(?:[\s)\]]|$)/;

function currencyOf(header: string): string | undefined {
    const m = CURRENCY_IN_HEADER.exec(header.replace(/\bin\b/gi, ' '));
    if (!m) return undefined;
    return CURRENCY_SIGNS[m[1]] ?? (/^(EUR|USD|GBP|CHF|JPY|SEK|NOK|DKK|PLN|CZK|HUF|CAD|AUD|CNY|INR|BRL|MXN|ZAR|SGD|HKD|NZD|TRY)$/.test(m[1]) ? m[1] : undefined);
}

/** How well a normalised header fits a synonym: the whole header, or its first words (then a year, unit…). */
function fit(header: string, synonym: string): number {
    if (header === synonym) return 1000 + synonym.length;
    if (header.startsWith(`${synonym} `)) return synonym.length;
    return 0;
}

export function mapColumns(headers: string[], settings: ImportSettings): ColumnMapping {
    const fields: ColumnMapping['fields'] = {};
    const notes: string[] = [];
    const taken = new Set<number>();
    const named = new Set<ImportField>();
    const normalised = headers.map(normaliseHeader);
    // Named in kam.config.json: exactly that header (case and spacing aside).
    for (const field of IMPORT_FIELDS) {
        const given = settings.columns?.[field];
        if (given === undefined) continue;
        const wanted = (Array.isArray(given) ? given : [given]).map(normaliseHeader);
        const index = normalised.findIndex((h, i) => !taken.has(i) && wanted.includes(h));
        if (index >= 0) {
            fields[field] = { index, header: headers[index] };
            taken.add(index);
            named.add(field);
        } else {
            notes.push(`kam.config.json maps ${field} to ${(Array.isArray(given) ? given : [given]).map((n) => `"${n}"`).join(' or ')}, but the export has no such column; looked for it by its usual names instead.`);
        }
    }
    // Otherwise the best synonym match, left to right.
    const candidates: { field: ImportField; index: number; score: number }[] = [];
    normalised.forEach((h, index) => {
        if (taken.has(index)) return;
        let best: { field: ImportField; score: number } | undefined;
        for (const field of IMPORT_FIELDS) {
            for (const synonym of SYNONYMS[field]) {
                const score = fit(h, synonym);
                if (score > (best?.score ?? 0)) best = { field, score };
            }
        }
        if (best) candidates.push({ ...best, index });
    });
    for (const c of candidates.sort((a, b) => b.score - a.score || a.index - b.index)) {
        const existing = fields[c.field];
        if (existing) {
            // A column kam.config.json chose needs no second opinion.
            if (!named.has(c.field)) notes.push(`Column "${headers[c.index]}" also looks like the ${c.field}; "${existing.header}" is used (map the one you mean in kam.config.json: "import": { "columns": { "${c.field}": "…" } }).`);
            continue;
        }
        fields[c.field] = { index: c.index, header: headers[c.index] };
        taken.add(c.index);
    }
    const moneyHeader = [fields.revenue, fields.potential].find((f) => f && currencyOf(f.header));
    return {
        fields,
        ignored: headers.filter((h, i) => !taken.has(i) && h.trim() !== ''),
        headerCurrency: moneyHeader && currencyOf(moneyHeader.header),
        notes,
    };
}

/** The usual header names of a field, for messages ("Customer", "Account Name", "Kunde" …). */
export function synonymsOf(field: ImportField, count = 5): string[] {
    return SYNONYMS[field].slice(0, count);
}

export { CURRENCY_SIGNS };
