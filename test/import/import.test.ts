/** `kam import`: CRM exports read in any encoding and delimiter, the numbers against hand-checked values, every problem with its line. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { importCustomers, renderImportReport } from '../../import/src/index.js';
import { readCustomerExport } from '../../import/src/read-export.js';
import { parseExportNumber } from '../../import/src/numbers.js';
import { paretoChart } from '../../language/src/reports/charts/pareto-chart.js';
import { customerExportCsv, ENGLISH, generateCustomers, GERMAN } from '../helpers/customer-export.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const options = { source: 'customers.csv', today: '2026-11-30', keyThreshold: 6, paretoLimit: 80 };

describe('the numbers of an import', () => {
    // Revenue 1000 in all. Scores by rank (lowest 1, highest 10, ties share the mean rank):
    // revenue 50,50,100,300,500 → 2,2,6,8,10; potential (D has none) 100,300,900,1000 → 1,4,7,10;
    // margin 10,20,30,40,50 → 1,3,6,8,10. Equal weights; D's missing potential counts as 1.
    const csv = 'Customer,Revenue,Potential,Margin\nA,500,1000,40%\nB,300,300,20%\nC,100,900,30%\nD,50,,10%\nE,50,100,50%\n';
    const { analysis, view } = importCustomers(utf8(csv), options);
    const byName = new Map(analysis.customers.map((c) => [c.row.name, c]));

    it('gives the Pareto table and the ABC split of the domain core', () => {
        expect(view.paretoTable.map((r) => [r.label, r.share, r.cumulativeShare])).toEqual([['1. A', 50, 50], ['2. B', 30, 80], ['3. C', 10, 90], ['4. D', 5, 95], ['5. E', 5, 100]]);
        // A while the revenue before it is under 80%, B under 95%.
        expect(['A', 'B', 'C', 'D', 'E'].map((n) => byName.get(n)!.abc)).toEqual(['A', 'A', 'B', 'B', 'C']);
        expect(view.abc).toEqual([
            { class: 'A', customers: 2, customerShare: 40, revenue: 800, revenueShare: 80 },
            { class: 'B', customers: 2, customerShare: 40, revenue: 150, revenueShare: 15 },
            { class: 'C', customers: 1, customerShare: 20, revenue: 50, revenueShare: 5 },
        ]);
        expect(view.pareto).toMatchObject({ total: 1000, topFifthCount: 1, topFifthShare: 50, accountsFor80Percent: 2, overLimit: false });
    });

    it('estimates the strategic value from the quantitative factors, scored by rank', () => {
        expect(byName.get('A')!.scores.map((s) => [s.factor, s.score])).toEqual([['revenue', 10], ['potential', 10], ['margin', 8]]);
        expect(byName.get('D')!.scores.map((s) => [s.factor, s.score])).toEqual([['revenue', 2], ['margin', 1]]);
        // (10+10+8)/3 = 9.33; (8+4+3)/3 = 5; (6+7+6)/3 = 6.33; (2+1+1)/3 = 1.33; (2+1+10)/3 = 4.33
        expect(['A', 'B', 'C', 'D', 'E'].map((n) => byName.get(n)!.estimate)).toEqual([9.3, 5, 6.3, 1.3, 4.3]);
        expect(view.factors.map((f) => f.factor)).toEqual(['revenue', 'potential', 'margin']);
    });

    it('ranks the candidates at or above the key threshold, each with its reasons', () => {
        expect(view.candidates.map((c) => [c.name, c.estimate])).toEqual([['A', 9.3], ['C', 6.3]]);
        expect(view.candidates[1].reasons).toEqual([
            'B customer: 10.0% of revenue, #3 of 5',
            'potential 900, 9× today\'s revenue',
            'margin 30% (at or above the median 30%)',
        ]);
        const markdown = renderImportReport(view, 'md');
        expect(markdown).toContain('| 2 | C | B | 100 | 900 | 30% | 6.3 | B customer: 10.0% of revenue, #3 of 5; potential 900, 9× today\'s revenue; margin 30% (at or above the median 30%) |');
        expect(markdown).toContain('2 customers reach the key threshold 6.');
    });

    it('says a ranking on revenue alone is one', () => {
        const { view: revenueOnly } = importCustomers(utf8('Name;Umsatz\nA;500\nB;100\n'), options);
        expect(revenueOnly.candidates[0].reasons.at(-1)).toMatch(/ranked on current revenue alone: check potential, the qualitative factors and the will-and-skill gates/);
    });

    it('weights the factors as kam.config.json says, and lists at most the candidates asked for', () => {
        const weighted = importCustomers(utf8(csv), { ...options, settings: { weights: { revenue: 2, potential: 1, margin: 1 } }, candidates: 1 });
        expect(weighted.view.factors.map((f) => f.weight)).toEqual([50, 25, 25]);
        // B: 0.5 × 8 + 0.25 × 4 + 0.25 × 3 = 5.75 → 5.8
        expect(weighted.analysis.customers[1].estimate).toBe(5.8);
        expect(weighted.view.candidates).toHaveLength(1);
        expect(weighted.view.aboveThreshold).toBe(2);
    });
});

describe('reading exports', () => {
    it('reads a generated export of 10 customers with quoted names, delimiters and quotes inside', () => {
        const expected = generateCustomers(10);
        const read = readCustomerExport(utf8(customerExportCsv(10, ENGLISH)));
        expect(read.problems).toEqual([]);
        expect(read.rows.map((r) => r.name)).toEqual(expected.map((c) => c.name));
        expect(read.rows.map((r) => r.revenue)).toEqual(expected.map((c) => c.revenue));
        expect(read.rows.map((r) => r.margin)).toEqual(expected.map((c) => c.margin));
        expect(read.rows[0]).toMatchObject({ line: 2, id: 'C000001', currency: 'EUR', industry: 'Logistics', owner: 'Ruth Okafor' });
        expect(read.columns.fields).toMatchObject({ id: { header: 'Customer No' }, name: { header: 'Customer' }, owner: { header: 'Account Manager' }, revenue: { header: 'Revenue 2026 (EUR)' }, margin: { header: 'Gross margin %' } });
    });

    it('reads 50,000 customers, German style, with the Pareto table by tenths', () => {
        const expected = generateCustomers(50_000);
        const { exported, view } = importCustomers(utf8(customerExportCsv(50_000, GERMAN)), options);
        expect(exported.problems).toEqual([]);
        expect(exported.rows).toHaveLength(50_000);
        expect(exported.delimiter).toBe(';');
        const total = expected.reduce((s, c) => s + c.revenue, 0);
        expect(view.pareto.total).toBeCloseTo(total, 2);
        expect(view.paretoTable).toHaveLength(10);
        expect(view.paretoTable.reduce((s, r) => s + r.customers, 0)).toBe(50_000);
        expect(view.paretoTable[9].cumulativeShare).toBeCloseTo(100, 6);
        expect(view.pareto.rows).toHaveLength(100);
        // The chart draws a hundredth of the customers a bar, and says so: not "100 accounts".
        const chart = String(paretoChart(view.pareto, 'chart-pareto'));
        expect(chart).toContain('>50,000 customers in hundredths, largest first</text>');
        expect(chart).toMatch(/<title id="chart-pareto-title">Revenue concentration: the top fifth of 50,000 customers bring \d+% of revenue<\/title>/);
        expect(chart).not.toContain('accounts');
        // An export whose customers state no revenue says so of its customers.
        expect(String(paretoChart({ ...view.pareto, rows: [] }, 'empty'))).toContain('No customer states its current revenue.');
        expect(view.candidates).toHaveLength(20);
        expect(view.candidates.map((c) => c.estimate)).toEqual([...view.candidates.map((c) => c.estimate)].sort((a, b) => b! - a!));
    });

    it('reads a Latin-1 file with semicolons and decimal commas', () => {
        const text = customerExportCsv(10, GERMAN);
        const read = readCustomerExport(iconv.encode(text, 'latin1'));
        expect(read.encoding).toEqual({ encoding: 'windows-1252', how: 'detected' });
        expect(read.delimiter).toBe(';');
        expect(read.problems).toEqual([]);
        expect(read.rows.map((r) => r.name)).toEqual(generateCustomers(10).map((c) => c.name));
        expect(read.rows[1]).toMatchObject({ name: 'Müller & Söhne', revenue: generateCustomers(10)[1].revenue });
    });

    it('reads UTF-8 with a byte-order mark, UTF-16 with one and without, and tabs, all alike', () => {
        const text = customerExportCsv(10, { delimiter: '\t', decimal: '.' });
        const expected = readCustomerExport(utf8(text)).rows;
        for (const [bytes, encoding] of [
            [new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), 'utf-8'],
            [new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]), 'utf-16le'],
            [new Uint8Array([0xfe, 0xff, ...iconv.encode(text, 'utf-16be')]), 'utf-16be'],
            [new Uint8Array(iconv.encode(text, 'utf-16le')), 'utf-16le'],
        ] as const) {
            const read = readCustomerExport(bytes);
            expect(read.encoding.encoding, encoding).toBe(encoding);
            expect(read.delimiter).toBe('\t');
            expect(read.rows).toEqual(expected);
        }
    });

    it('leaves out malformed rows, each named with its line, and reads the rest', () => {
        const csv = [
            'Customer;Customer No;Revenue;Potential',
            '"Nordwind',
            'Logistik";1;1.200.000;3.000.000', // a quoted line break: the record starts on line 2
            'Kessler;2;400.000', // a field missing
            ';3;100.000;200.000', // no name
            'Hartwell;4;lots;100', // revenue not a number
            'Penrose;5;250.000;many', // potential not a number: the row stays
            'Nordwind Two;1;5;5', // the same customer number as line 2
            '',
            'Vestergaard;6;-20.000;0', // a credit note
            'Brightwater;7;"900.000;1', // a quote never closed
            'Aldermoor;8;1;1',
        ].join('\n');
        const read = readCustomerExport(utf8(csv));
        expect(read.rows.map((r) => [r.line, r.name, r.revenue])).toEqual([[2, 'Nordwind\nLogistik', 1_200_000], [7, 'Penrose', 250_000], [10, 'Vestergaard', 0]]);
        expect(read.problems.map((p) => `${p.line} ${p.kind}: ${p.message}`)).toEqual([
            '4 left out: 3 fields where the header has 4: a ";" inside an unquoted value, or a value missing?',
            '5 left out: no customer name in "Customer".',
            '6 left out: Hartwell: Revenue "lots" is not a number.',
            '7 note: Penrose: Potential "many" is not a number; left empty.',
            '8 left out: Nordwind Two: the same customer as on line 2 (id 1); only the first is used.',
            '10 note: Vestergaard: negative revenue (-20000), e.g. credit notes, counts as none.',
            '11 left out: a quote opened in this record is never closed, so lines 11-12 (the rest of the file) could not be read.',
        ]);
        const markdown = renderImportReport(importCustomers(utf8(csv), options).view, 'md');
        expect(markdown).toContain('- line 6 (left out): Hartwell: Revenue "lots" is not a number.');
        expect(markdown).toMatch(/3 customers from 8 records .*; 5 records left out \(see Problems\)/);
    });

    it('takes rows whose missing or extra cells are empty columns it does not read', () => {
        const read = readCustomerExport(utf8('Customer,Revenue,Notes,\nA,100\nB,200,,,\nC\n'));
        expect(read.rows.map((r) => [r.name, r.revenue])).toEqual([['A', 100], ['B', 200]]);
        expect(read.problems.map((p) => p.line)).toEqual([4]);
    });

    it('says which column is missing, on the header line, with the headers it found', () => {
        expect(() => readCustomerExport(utf8('Kundennummer;Umsatz\n1;100\n'))).toThrow(/^line 1: no column holds the customer's name\. The columns are: "Kundennummer", "Umsatz" \(read as utf-8, separated by ";"\)\. Name one "name", "customer".*kam\.config\.json: \{ "import": \{ "columns": \{ "name": "<your header>" \} \} \}/);
        expect(() => readCustomerExport(utf8('sep=,\nName,Segment\nA,x\n'))).toThrow(/^line 2: no column holds the customer's current revenue/);
        expect(() => readCustomerExport(utf8(''))).toThrow(/^line 1: the file is empty/);
    });

    it('takes the columns kam.config.json names, over the usual names', () => {
        const csv = 'Name,Debitor,Netto LTM,Umsatz Vorjahr\nA,1,500,100\nB,2,300,900\n';
        const read = readCustomerExport(utf8(csv), { settings: { columns: { revenue: 'netto ltm', id: ['Kunden-ID', 'Debitor'] }, currency: 'CHF' } });
        expect(read.columns.fields).toMatchObject({ revenue: { header: 'Netto LTM' }, id: { header: 'Debitor' } });
        expect(read.rows.map((r) => [r.name, r.revenue, r.currency])).toEqual([['A', 500, 'CHF'], ['B', 300, 'CHF']]);
        expect(read.columns.ignored).toEqual(['Umsatz Vorjahr']);
    });

    it('notes a second column that looks like the same field', () => {
        const read = readCustomerExport(utf8('Customer,Revenue 2025,Revenue 2026\nA,1,2\n'));
        expect(read.columns.fields.revenue?.header).toBe('Revenue 2025');
        expect(read.problems[0]).toMatchObject({ line: 1, kind: 'note' });
        expect(read.problems[0].message).toMatch(/Column "Revenue 2026" also looks like the revenue; "Revenue 2025" is used/);
    });
});

describe('numbers as CRMs write them', () => {
    it.each([
        ['1.234.567,89', ',', 1234567.89], ['1,234,567.89', '.', 1234567.89], ['1.234', ',', 1234], ['1.234', '.', 1.234], ['1,234', '.', 1234],
        ['1,5', '.', 1.5], ['1 234 567,5', ',', 1234567.5], ["1'234'567", '.', 1234567], ['4.2M', ',', 4_200_000], ['780k', '.', 780_000],
        ['4,2 Mio', ',', 4_200_000], ['41,5 %', ',', 41.5], ['(1.200)', '.', -1.2], ['-300', '.', -300], ['1.200,00 €', ',', 1200],
    ] as const)('%s (decimal %s) is %d', (text, decimal, value) => {
        expect((parseExportNumber(text, decimal) as { value: number }).value).toBeCloseTo(value, 9);
    });

    it('keeps the currency written with the amount', () => {
        expect(parseExportNumber('€ 1.200', ',')).toEqual({ value: 1200, currency: 'EUR' });
        expect(parseExportNumber('1,200 USD', '.')).toEqual({ value: 1200, currency: 'USD' });
    });

    it('knows empty cells from bad ones', () => {
        expect(parseExportNumber('', '.')).toBeUndefined();
        expect(parseExportNumber('—', '.')).toBeUndefined();
        expect(parseExportNumber('n/a', '.')).toBeUndefined();
        expect(parseExportNumber('12x', '.')).toBe('"12x" is not a number');
        expect(parseExportNumber('1.2.3', '.')).toMatch(/not a number/);
    });
});
