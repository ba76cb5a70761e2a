/**
 * A CRM export → customer rows. The CSV is parsed by csv-parse (quotes, quoted line breaks, any
 * delimiter); the delimiter is the one of `,` `;` tab `|` that the header line uses most (or Excel's
 * `sep=` line); every problem names its line in the file, and a row that cannot be used is left out
 * and listed, never dropped silently.
 */
import { parse, type CsvError } from 'csv-parse/sync';
import type { ImportField, ImportSettings } from '../../language/src/workspace/portfolio-config.js';
import { mapColumns, synonymsOf, type ColumnMapping } from './columns.js';
import { decodeExport, type DecodedExport } from './decode.js';
import { parseExportNumber } from './numbers.js';

export interface CustomerRow {
    /** The line in the file where the customer's record starts. */
    line: number;
    id?: string;
    name: string;
    /** Current revenue; 0 when the export states none. */
    revenue: number;
    potential?: number;
    /** Margin in percent. */
    margin?: number;
    currency?: string;
    industry?: string;
    owner?: string;
    country?: string;
}

export interface ImportProblem {
    line: number;
    /** `left out`: the row is not in the analysis; `note`: a value was not used, the row is. */
    kind: 'left out' | 'note';
    message: string;
}

export interface CustomerExport {
    rows: CustomerRow[];
    problems: ImportProblem[];
    columns: ColumnMapping;
    encoding: Omit<DecodedExport, 'text'>;
    delimiter: string;
    decimal: ',' | '.';
    /** Records after the header (empty lines aside), those that could not be parsed included. */
    records: number;
}

/** An export that cannot be read at all (no header, no name or revenue column): one message with its line. */
export class ExportError extends Error {
    constructor(readonly line: number, message: string) {
        super(`line ${line}: ${message}`);
    }
}

const DELIMITERS = [',', ';', '\t', '|'];

/** The delimiter the header line uses most, outside quotes. */
export function detectDelimiter(headerLine: string): string {
    const counts = new Map(DELIMITERS.map((d) => [d, 0]));
    let quoted = false;
    for (const ch of headerLine) {
        if (ch === '"') quoted = !quoted;
        else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
    }
    return [...counts].sort((a, b) => b[1] - a[1])[0][1] > 0 ? [...counts].sort((a, b) => b[1] - a[1])[0][0] : ',';
}

export interface ReadOptions {
    settings?: ImportSettings;
    /** Force an encoding (`--encoding`). */
    encoding?: string;
    /** Force a delimiter (`--delimiter`). */
    delimiter?: string;
}

export function readCustomerExport(bytes: Uint8Array, options: ReadOptions = {}): CustomerExport {
    const settings = options.settings ?? {};
    const encoding = decodeExport(bytes, options.encoding);
    let text = encoding.text;
    let firstLine = 1;
    // Excel's hint line `sep=;` names the delimiter and is not the header.
    const sep = /^sep=(.)\r?\n/i.exec(text);
    let delimiter = options.delimiter;
    if (sep) {
        delimiter ??= sep[1];
        text = text.slice(sep[0].length);
        firstLine = 2;
    }
    const headerLine = text.slice(0, text.search(/\r?\n|$/));
    delimiter ??= detectDelimiter(headerLine);
    const decimal = settings.decimal ?? (delimiter === ';' ? ',' : '.');
    const problems: ImportProblem[] = [];
    // Records and skipped records arrive in file order: each starts on the line after the last one ended.
    let previousEnd = 0;
    let unreadable = 0;
    const located: { record: string[]; line: number }[] = [];
    const startLine = (end: number) => {
        const start = previousEnd + 1;
        previousEnd = end;
        return start + firstLine - 1;
    };
    parse(text, {
        delimiter, relax_column_count: true, relax_quotes: true, skip_records_with_error: true, bom: true,
        on_record: (record: string[], context: { lines: number }) => {
            located.push({ record, line: startLine(context.lines) });
            return null;
        },
        on_skip: (error: CsvError | undefined) => {
            if (!error) return;
            const end = (error as CsvError & { lines?: number }).lines ?? previousEnd + 1;
            const start = startLine(end);
            unreadable++;
            problems.push({ line: start, kind: 'left out', message: error.code === 'CSV_QUOTE_NOT_CLOSED'
                ? `a quote opened in this record is never closed, so lines ${start}-${end + firstLine - 1} (the rest of the file) could not be read.`
                : `${error.message.replace(/ at line \d+$/, '')}.` });
        },
    });
    const nonEmpty = located.filter((r) => !(r.record.length === 1 && r.record[0].trim() === ''));
    const header = nonEmpty.shift();
    if (!header) throw new ExportError(firstLine, 'the file is empty: a CRM export starts with a line of column names.');
    const columns = mapColumns(header.record.map((h) => h.trim()), settings);
    const required: ImportField[] = ['name', 'revenue'];
    for (const field of required) {
        if (!columns.fields[field]) {
            throw new ExportError(header.line, `no column holds the customer's ${field === 'name' ? 'name' : 'current revenue'}. The columns are: ${header.record.map((h) => `"${h.trim()}"`).join(', ')} (read as ${encoding.encoding}, separated by "${delimiter === '\t' ? 'tab' : delimiter}"). `
                + `Name one ${synonymsOf(field).map((s) => `"${s}"`).join(', ')}…, or map it in kam.config.json: { "import": { "columns": { "${field}": "<your header>" } } }.`);
        }
    }
    for (const note of columns.notes) problems.push({ line: header.line, kind: 'note', message: note });
    const rows: CustomerRow[] = [];
    const seen = new Map<string, number>();
    const width = header.record.length;
    const lastUsed = Math.max(...Object.values(columns.fields).map((f) => f!.index));
    for (const { record, line } of nonEmpty) {
        // Spreadsheets drop trailing empty cells, and add empty ones: harmless while no column the import reads is touched.
        const harmless = record.length > lastUsed && record.slice(width).every((v) => v.trim() === '');
        if (record.length !== width && !harmless) {
            problems.push({ line, kind: 'left out', message: `${record.length} field${record.length === 1 ? '' : 's'} where the header has ${width}: a "${delimiter === '\t' ? 'tab' : delimiter}" inside an unquoted value, or a value missing?` });
            continue;
        }
        const cell = (field: ImportField) => {
            const column = columns.fields[field];
            const value = column ? (record[column.index] ?? '').trim() : '';
            return value === '' ? undefined : value;
        };
        const name = cell('name');
        if (!name) {
            problems.push({ line, kind: 'left out', message: `no customer name in "${columns.fields.name!.header}".` });
            continue;
        }
        const number = (field: 'revenue' | 'potential' | 'margin') => {
            const raw = cell(field);
            if (raw === undefined) return undefined;
            const parsed = parseExportNumber(raw, decimal);
            if (typeof parsed === 'string') {
                problems.push({ line, kind: field === 'revenue' ? 'left out' : 'note', message: `${name}: ${columns.fields[field]!.header} ${parsed}${field === 'revenue' ? '' : '; left empty'}.` });
                return null;
            }
            return parsed;
        };
        const revenue = number('revenue');
        if (revenue === null) continue;
        const potential = number('potential');
        const margin = number('margin');
        const key = (cell('id') ?? name).toLowerCase();
        const first = seen.get(key);
        if (first !== undefined) {
            problems.push({ line, kind: 'left out', message: `${name}: the same customer as on line ${first} (${cell('id') ? `id ${cell('id')}` : 'same name'}); only the first is used.` });
            continue;
        }
        seen.set(key, line);
        let revenueValue = revenue?.value ?? 0;
        if (revenueValue < 0) {
            problems.push({ line, kind: 'note', message: `${name}: negative revenue (${revenue!.value}), e.g. credit notes, counts as none.` });
            revenueValue = 0;
        }
        rows.push({
            line, id: cell('id'), name, revenue: revenueValue,
            potential: potential?.value, margin: margin?.value,
            currency: cell('currency')?.toUpperCase() ?? revenue?.currency ?? potential?.currency ?? columns.headerCurrency ?? settings.currency?.toUpperCase(),
            industry: cell('industry'), owner: cell('owner'), country: cell('country'),
        });
    }
    problems.sort((a, b) => a.line - b.line);
    return { rows, problems, columns, encoding: { encoding: encoding.encoding, how: encoding.how }, delimiter, decimal, records: nonEmpty.length + unreadable };
}
