/** The CI formats: `kam validate --format sarif` against the SARIF 2.1.0 schema, and `kam format [--check]`. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/src/main.js';
import { DIAGNOSTICS } from '../../language/src/validation/diagnostic-codes.js';
import { EXAMPLES, PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';

async function kam(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

const SCHEMA = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));

function sarifValidator() {
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    return ajv.compile(SCHEMA);
}

let dir: string;
let cwd: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ci-'));
    cwd = process.cwd();
});
afterEach(() => {
    process.chdir(cwd);
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('kam validate --format sarif', () => {
    it('writes a SARIF 2.1.0 log that validates against the schema, one rule per code with the help of the code table', async () => {
        fs.cpSync(PORTFOLIO_FIXTURE, path.join(dir, 'plans'), { recursive: true });
        // A syntax error and an off-scale score: an error result from Langium's code and one from the table.
        fs.writeFileSync(path.join(dir, 'plans', 'broken plan.kam'), 'account Broken {\n    tier premium\n');
        const baltic = path.join(dir, 'plans', 'baltic-paper.kam');
        fs.writeFileSync(baltic, fs.readFileSync(baltic, 'utf8').replace('currentRevenue 4', 'currentRevenue 14'));
        process.chdir(dir);
        const result = await kam('validate', 'plans', '--format', 'sarif');
        expect(result.code).toBe(1);
        const log = JSON.parse(result.out);
        const validate = sarifValidator();
        expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
        expect(log.version).toBe('2.1.0');
        const run = log.runs[0];
        expect(run.tool.driver.name).toBe('kam');
        const rules: Array<{ id: string; help: { markdown: string }; defaultConfiguration: { level: string } }> = run.tool.driver.rules;
        // Every code of the table is a rule, with its fix as help.
        for (const code of Object.keys(DIAGNOSTICS)) expect(rules.some((r) => r.id === code)).toBe(true);
        const missingFinance = rules.find((r) => r.id === 'kam.missing-finance-contact')!;
        expect(missingFinance.help.markdown).toContain(DIAGNOSTICS['kam.missing-finance-contact'].fix);
        expect(missingFinance.defaultConfiguration.level).toBe('warning');
        // Each result points at its rule and its place, relative to where kam ran.
        for (const r of run.results) expect(rules[r.ruleIndex].id).toBe(r.ruleId);
        const offScale = run.results.find((r: { ruleId: string }) => r.ruleId === 'kam.score-off-scale');
        expect(offScale).toMatchObject({
            level: 'error',
            locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/baltic-paper.kam', uriBaseId: 'SRCROOT' }, region: { startLine: 8, startColumn: 24 } } }],
        });
        const syntax = run.results.find((r: { ruleId: string }) => r.ruleId === 'parsing-error' || r.ruleId === 'lexing-error');
        expect(syntax.locations[0].physicalLocation.artifactLocation.uri).toBe('plans/broken%20plan.kam');
        expect(syntax.level).toBe('error');
        expect(rules.find((r) => r.id === syntax.ruleId)).toBeDefined();
        const missing = run.results.find((r: { ruleId: string }) => r.ruleId === 'kam.missing-finance-contact');
        expect(missing).toMatchObject({ level: 'warning', locations: [{ physicalLocation: { region: { startLine: 2, startColumn: 9 } } }] });
        // Information findings are SARIF notes.
        expect(run.results.every((r: { level: string }) => ['error', 'warning', 'note'].includes(r.level))).toBe(true);
        expect(run.originalUriBaseIds.SRCROOT.uri).toBe(`file://${fs.realpathSync(dir)}/`);
    });

    it('validates for the example portfolio too', async () => {
        const result = await kam('validate', EXAMPLES, '--format', 'sarif');
        const validate = sarifValidator();
        expect(validate(JSON.parse(result.out)), JSON.stringify(validate.errors)).toBe(true);
        expect(JSON.parse(result.out).runs[0].results.length).toBeGreaterThan(0);
    });
});

describe('kam format', () => {
    const messy = (text: string) => text.replace(/\n {4}(\S)/g, '\n  $1').replace(/\n {8}(\S)/g, '\n\t\t $1');

    it('--check lists the plans that would change, exits 1 and changes nothing; formatting rewrites them to the editor\'s layout', async () => {
        // The examples are laid out as the formatter lays them out (its round-trip fixtures).
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        const file = path.join(dir, 'portfolio/accounts/nordwind-logistics.kam');
        const original = fs.readFileSync(file, 'utf8');
        fs.writeFileSync(file, messy(original));
        fs.chmodSync(file, 0o640);
        const messyText = fs.readFileSync(file, 'utf8');
        expect(messyText).not.toBe(original);

        const check = await kam('format', '--check', dir);
        expect(check.code).toBe(1);
        expect(check.out).toMatch(/nordwind-logistics\.kam: would be reformatted/);
        expect(check.out.split('\n')).toHaveLength(1);
        expect(check.err).toMatch(/1 of \d+ plans would be reformatted\./);
        expect(fs.readFileSync(file, 'utf8')).toBe(messyText);

        const format = await kam('format', dir);
        expect(format.code).toBe(0);
        expect(format.out).toMatch(/nordwind-logistics\.kam: formatted/);
        expect(fs.readFileSync(file, 'utf8')).toBe(original);
        expect(fs.statSync(file).mode & 0o777).toBe(0o640);
        expect(fs.readdirSync(path.dirname(file)).filter((f) => f.includes('kam-format'))).toEqual([]);

        const again = await kam('format', '--check', dir);
        expect(again.code).toBe(0);
        expect(again.out).toBe('');
    });

    it('leaves a plan with a syntax error exactly as it is, says so, and exits 1', async () => {
        fs.cpSync(PORTFOLIO_FIXTURE, dir, { recursive: true });
        const broken = path.join(dir, 'broken.kam');
        const text = 'account Broken {\n      tier key\n  owner %%% anna\n';
        fs.writeFileSync(broken, text);
        const result = await kam('format', dir);
        expect(result.code).toBe(1);
        expect(result.err).toMatch(/broken\.kam: left as it is: syntax error on line \d+/);
        expect(fs.readFileSync(broken, 'utf8')).toBe(text);
    });

    it('formats through a symbolic link into the real file, keeping the link', async () => {
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        const real = path.join(dir, 'portfolio/accounts/nordwind-logistics.kam');
        const original = fs.readFileSync(real, 'utf8');
        const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ci-link-'));
        try {
            fs.renameSync(real, path.join(elsewhere, 'nordwind-logistics.kam'));
            fs.writeFileSync(path.join(elsewhere, 'nordwind-logistics.kam'), messy(original));
            fs.symlinkSync(path.join(elsewhere, 'nordwind-logistics.kam'), real);
            expect((await kam('format', dir)).code).toBe(0);
            expect(fs.lstatSync(real).isSymbolicLink()).toBe(true);
            expect(fs.readFileSync(path.join(elsewhere, 'nordwind-logistics.kam'), 'utf8')).toBe(original);
        } finally {
            fs.rmSync(elsewhere, { recursive: true, force: true });
        }
    });
});
