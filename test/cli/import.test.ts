/** `kam import` on the command line: reports, settings from kam.config.json, and scaffolded plans the reviewer reads. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers/kam-cli.js';
import { customerExportCsv, ENGLISH, GERMAN } from '../helpers/customer-export.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function tempDir(): string {
    return fs.mkdtempSync(path.join(os.tmpdir(), 'kam-import-'));
}

describe('kam import', () => {
    it('writes the Markdown report to standard output', async () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'customers.csv'), iconv.encode(customerExportCsv(10, GERMAN), 'latin1'));
        const result = await kam('import', path.join(dir, 'customers.csv'), '--today', '2026-11-30');
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/^# Key-account candidates from customers\.csv$/m);
        expect(result.out).toMatch(/10 customers from 10 records \(windows-1252, detected; separated by ";", decimal mark ","\)\. As of 2026-11-30\./);
        expect(result.out).toMatch(/^## ABC split$/m);
        expect(result.out).toMatch(/\| \d+ \| Müller & Söhne \|/);
        expect(result.err).toBe('');
    });

    it('writes an HTML page with the Pareto chart, and refuses to overwrite without --force', async () => {
        const dir = tempDir();
        const csv = path.join(dir, 'customers.csv');
        fs.writeFileSync(csv, customerExportCsv(10, ENGLISH));
        const out = path.join(dir, 'candidates.html');
        expect((await kam('import', csv, '--format', 'html', '--out', out)).code).toBe(0);
        const html = fs.readFileSync(out, 'utf8');
        expect(html).toMatch(/<svg[^>]*class="kam-chart kam-pareto"/);
        expect(html).toContain('Content-Security-Policy');
        expect(html).toContain('Kessler &quot;Autoteile&quot;');
        const again = await kam('import', csv, '--format', 'html', '--out', out);
        expect(again.code).toBe(2);
        expect(again.err).toMatch(/exists; pass --force/);
        expect((await kam('import', csv, '--out', csv, '--force')).err).toMatch(/kam: .*customers\.csv/);
    });

    it('says in one line what is wrong with an export it cannot read', async () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'x.csv'), 'Kundennummer;Segment\n1;A\n');
        const result = await kam('import', path.join(dir, 'x.csv'));
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: .*x\.csv: line 1: no column holds the customer's name/);
        expect((await kam('import', path.join(dir, 'missing.csv'))).err).toMatch(/^kam: Cannot read the export .*missing\.csv: /);
        expect((await kam('import', path.join(dir, 'x.csv'), '--candidates', 'many')).err).toMatch(/--candidates must be a whole number/);
        expect((await kam('import', path.join(dir, 'x.csv'), '--encoding', 'klingon')).err).toMatch(/Unknown encoding "klingon"/);
    });

    it('reads the mapping and thresholds from the portfolio\'s kam.config.json, which the reviewer accepts', async () => {
        const dir = tempDir();
        fs.writeFileSync(path.join(dir, 'kam.config.json'), JSON.stringify({ thresholds: { keyThreshold: 8 }, import: { columns: { revenue: 'Netto' }, currency: 'CHF', candidates: 1 } }));
        fs.writeFileSync(path.join(dir, 'export.csv'), 'Firma,Netto,Umsatz Vorjahr,Potenzial\nA,500,1,900\nB,300,2,100\nC,200,3,1000\n');
        const result = await kam('import', path.join(dir, 'export.csv'), '--format', 'json');
        expect(result.err).toBe('');
        const view = JSON.parse(result.out);
        expect(view).toMatchObject({ threshold: 8, currency: 'CHF', columns: [{ field: 'name', header: 'Firma' }, { field: 'revenue', header: 'Netto' }, { field: 'potential', header: 'Potenzial' }] });
        expect(view.candidates.map((c: { name: string }) => c.name)).toEqual(['A']);
        // The reviewer knows the section: no "Unknown setting import" warning; a bad value is named.
        fs.writeFileSync(path.join(dir, 'plan.kam'), 'account A "A" { tier standard }\n');
        expect((await kam('validate', dir)).err).toBe('');
        fs.writeFileSync(path.join(dir, 'kam.config.json'), JSON.stringify({ import: { currency: 'Euro', colums: {} } }));
        const warned = await kam('validate', dir);
        expect(warned.err).toMatch(/warning: .*kam\.config\.json: Setting import\.currency is invalid \(must be a three-letter currency code such as EUR\); the import section is ignored\./);
        expect(warned.err).toMatch(/Setting import is invalid \(Unrecognized key: "colums"\)/);
    });

    it('scaffolds a plan per candidate that the reviewer reads, and never overwrites one', async () => {
        const dir = tempDir();
        fs.cpSync(path.join(EXAMPLES, 'portfolio', 'scoring-model.kam'), path.join(dir, 'scoring-model.kam'));
        fs.cpSync(path.join(EXAMPLES, 'portfolio', 'team.kam'), path.join(dir, 'team.kam'));
        fs.writeFileSync(path.join(dir, 'kam.config.json'), JSON.stringify({
            today: '2026-11-30',
            import: { factors: { revenue: 'currentRevenue', potential: 'revenuePotential', margin: 'grossMargin' }, candidates: 3 },
        }));
        const csv = path.join(dir, 'customers.csv');
        fs.writeFileSync(csv, customerExportCsv(40, GERMAN));
        const plans = path.join(dir, 'new-plans');
        const first = await kam('import', csv, '--scaffold', plans, '--out', path.join(dir, 'report.md'));
        expect(first.code).toBe(0);
        const written = fs.readdirSync(plans).sort();
        expect(written).toHaveLength(3);
        expect(first.err).toMatch(/Wrote 3 plans to .*new-plans; run kam validate/);
        const text = fs.readFileSync(path.join(plans, written[0]), 'utf8');
        expect(text).toMatch(/^    revenue current [\d.]+[kM]? EUR potential [\d.]+[kM]? EUR$/m);
        expect(text).toMatch(/^    profitability [\d.]+%$/m);
        expect(text).toMatch(/^        currentRevenue \d+ because "revenue .* EUR in the export \(\d+ of 10 by rank\)"$/m);
        expect(text).toMatch(/^\/\/ From customers\.csv, line \d+, customer C\d+: [ABC] customer: /m);
        expect(text).toMatch(/the CRM names .* as owner/);

        const validated = await kam('validate', dir, '--format', 'json');
        expect(validated.code).toBe(0);
        const json = JSON.parse(validated.out);
        const scaffolded = json.files.filter((f: { file: string }) => f.file.includes('new-plans'));
        expect(scaffolded).toHaveLength(3);
        for (const f of scaffolded) {
            const codes = f.findings.map((x: { code: string }) => x.code);
            expect(codes).not.toContain('parsing-error');
            expect(codes).not.toContain('linking-error');
            // What the export cannot know, the reviewer asks for.
            expect(codes).toEqual(expect.arrayContaining(['kam.missing-champion', 'kam.no-owner', 'kam.unscored-factor']));
        }
        const account = json.accounts.find((a: { file: string }) => a.file.includes('new-plans'));
        expect(account.strategicValue).toBeGreaterThan(1);

        fs.writeFileSync(path.join(plans, written[0]), '// edited by hand\n');
        const second = await kam('import', csv, '--scaffold', plans);
        expect(second.err).toMatch(new RegExp(`${written[0].replace('.', '\\.')} exists; left as it is`));
        expect(second.err).toMatch(/Wrote 0 plans/);
        expect(fs.readFileSync(path.join(plans, written[0]), 'utf8')).toBe('// edited by hand\n');
    });
});
