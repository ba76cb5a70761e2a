/** The CLI as a CI pipeline uses it: findings, scores, reports and exit codes. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/src/main.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';

async function kam(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

function tempCopy(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cli-'));
    fs.cpSync(PORTFOLIO_FIXTURE, dir, { recursive: true });
    return dir;
}

describe('kam validate', () => {
    it('prints each account\'s strategic value, quadrant and findings, and exits 0 when there are only warnings', async () => {
        const result = await kam('validate', PORTFOLIO_FIXTURE);
        expect(result.code).toBe(0);
        // Danube: 705/100 = 7.05 → 7.1 and 0.7 × 6.5 + 0.3 × 6 = 6.35 → 6.4, all five plan elements;
        // Baltic: 370/100 = 3.7 and 0.7 × 3.5 + 0.3 × 4 = 3.65 → 3.7, one element (its one contact rated us)
        expect(result.out).toMatch(/Danube Foods \(.*danube-foods\.kam\): strategic value 7\.1, relationship 6\.4, Strategic, plan 5\/5; 0 errors, 0 warnings/);
        expect(result.out).toMatch(/Baltic Paper \(.*baltic-paper\.kam\): strategic value 3\.7, relationship 3\.7, Streamline, plan 1\/5; 0 errors, 7 warnings/);
        expect(result.out).toMatch(/baltic-paper\.kam:2:9 warning kam\.missing-finance-contact: Baltic Paper: No finance contact is mapped/);
        expect(result.out).toMatch(/baltic-paper\.kam:21:15 warning kam\.objective-without-owner/);
    });

    it('exits 1 when a plan has errors, and names file, line and code', async () => {
        const dir = tempCopy();
        fs.writeFileSync(path.join(dir, 'baltic-paper.kam'), fs.readFileSync(path.join(dir, 'baltic-paper.kam'), 'utf8').replace('currentRevenue 4', 'currentRevenue 14'));
        const result = await kam('validate', dir);
        expect(result.code).toBe(1);
        expect(result.out).toMatch(/baltic-paper\.kam:8:24 error kam\.score-off-scale: Score 14 for currentRevenue is off the scale 1-10: it does not count/);
    });

    it('reports syntax errors in a broken file without losing the others', async () => {
        const dir = tempCopy();
        fs.writeFileSync(path.join(dir, 'broken.kam'), 'account Broken {\n    tier premium\n');
        const result = await kam('validate', dir);
        expect(result.code).toBe(1);
        expect(result.out).toMatch(/broken\.kam:2:\d+ error (parsing-error|lexing-error)/);
        expect(result.out).toMatch(/Danube Foods .*strategic value 7\.1/);
    });

    it('gives JSON for pipelines', async () => {
        const result = await kam('validate', PORTFOLIO_FIXTURE, '--format', 'json');
        const json = JSON.parse(result.out);
        expect(json.summary).toMatchObject({ accounts: 2, error: 0, warning: 7 });
        expect(json.accounts.find((a: { name: string }) => a.name === 'DanubeFoods')).toMatchObject({
            quadrant: 'Strategic', strategicValue: 7.1, relationshipStrength: 6.4, planCompleteness: { present: 5, total: 5, missing: [] }, syntaxErrorLine: null,
        });
    });

    it('says clearly when a path does not exist', async () => {
        const result = await kam('validate', path.join(PORTFOLIO_FIXTURE, 'nope'));
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/kam: No such file or folder: .*nope/);
    });

    it('says clearly when a file is not a plan or the root is not a folder', async () => {
        const notPlan = await kam('validate', path.join(PORTFOLIO_FIXTURE, 'kam.config.json'));
        expect(notPlan.code).toBe(2);
        expect(notPlan.err).toMatch(/kam\.config\.json is not a KAM plan: plans are \.kam files/);
        const badRoot = await kam('validate', PORTFOLIO_FIXTURE, '--root', path.join(PORTFOLIO_FIXTURE, 'nowhere'));
        expect(badRoot.code).toBe(2);
        expect(badRoot.err).toMatch(/The portfolio root .*nowhere is not a folder/);
    });

    it('warns about a bad kam.config.json and carries on with the defaults', async () => {
        const dir = tempCopy();
        fs.writeFileSync(path.join(dir, 'kam.config.json'), JSON.stringify({ thresholds: { keyThreshold: 42 }, severity: { 'kam.missing-user': 'loud' } }));
        const result = await kam('validate', dir);
        expect(result.err).toMatch(/thresholds\.keyThreshold = 42 is invalid .*using 6/);
        expect(result.err).toMatch(/severity\."kam\.missing-user" = "loud" must be one of error, warning, information, hint, off/);
        expect(result.out).toMatch(/Danube Foods .*Strategic/);
    });
});

describe('kam report', () => {
    it('writes the portfolio summary with the matrix and the Pareto table', async () => {
        const dir = tempCopy();
        const out = path.join(dir, 'out', 'portfolio.md');
        const result = await kam('report', dir, '--out', out);
        expect(result.code).toBe(0);
        const report = fs.readFileSync(out, 'utf8');
        expect(report).toContain('# Key account portfolio');
        expect(report).toContain('| Danube Foods | Anna Keller | key | 6M EUR | 7.1 | 6.4 | Strategic | 0 | 0 |');
        // 6M + 1.5M = 7.5M; Danube brings 6 / 7.5 = 80%
        expect(report).toContain('| Danube Foods | 6M EUR | 80.0% | 80.0% |');
        expect(report).toMatch(/Total 7\.5M EUR/);
    });

    it('never overwrites an existing report unless told to', async () => {
        const dir = tempCopy();
        const out = path.join(dir, 'report.md');
        fs.writeFileSync(out, 'my notes');
        const refused = await kam('report', dir, '--out', out);
        expect(refused.code).toBe(2);
        expect(refused.err).toMatch(/exists; pass --force/);
        expect(fs.readFileSync(out, 'utf8')).toBe('my notes');
        expect((await kam('report', dir, '--out', out, '--force')).code).toBe(0);
        expect(fs.readFileSync(out, 'utf8')).toContain('# Key account portfolio');
    });

    it('summarises a single plan as a one-page account summary', async () => {
        const result = await kam('report', path.join(PORTFOLIO_FIXTURE, 'danube-foods.kam'));
        expect(result.out).toContain('# Danube Foods');
        expect(result.out).toContain('**Strategic value 7.1 · Strategic · relationship 6.4 · plan 5/5**');
        expect(result.out).toContain('| Ivana Horvat | Chief Operating Officer | executive | high | supporter | Anna Keller | 8 | 6 | 7.0 | 2026-11-12 (12 d ago) |');
    });
});

describe('kam report --format', () => {
    it('writes the self-contained HTML report with the charts inline', async () => {
        const dir = tempCopy();
        const out = path.join(dir, 'portfolio.html');
        const result = await kam('report', dir, '--format', 'html', '--out', out);
        expect(result.code).toBe(0);
        const html = fs.readFileSync(out, 'utf8');
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-[^']+'; script-src 'sha256-[^']+'/);
        expect(html).toContain('class="kam-chart kam-portfolio-matrix"');
        expect(html).toContain('class="kam-chart kam-pareto"');
        expect(html).not.toMatch(/<(link|img|iframe)\b|src="http/);
    });

    it('gives one account as HTML and the view model as JSON', async () => {
        const html = await kam('report', path.join(PORTFOLIO_FIXTURE, 'danube-foods.kam'), '--format', 'html');
        expect(html.out).toContain('<h1>Danube Foods</h1>');
        expect(html.out).toContain('class="kam-chart kam-relationship-map"');
        const json = JSON.parse((await kam('report', PORTFOLIO_FIXTURE, '--format', 'json')).out);
        expect(json).toMatchObject({ kind: 'portfolio', counts: { accounts: 2 } });
        expect(json.accounts[0]).toMatchObject({ title: 'Danube Foods', strategicValueDisplay: '7.1', quadrant: 'Strategic', owner: { name: 'Anna Keller' } });
    });

    it('refuses an unknown format', async () => {
        const result = await kam('report', PORTFOLIO_FIXTURE, '--format', 'pdf');
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/Allowed choices are md, html, json/);
    });
});

describe('kam with no arguments', () => {
    it('prints its help with examples on standard output, and exits 0', async () => {
        const result = await kam();
        expect(result.code).toBe(0);
        expect(result.err).toBe('');
        expect(result.out).toMatch(/^Usage: kam \[options\] \[command\]/);
        for (const command of ['validate', 'report', 'lsp']) expect(result.out).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
        expect(result.out).toMatch(/^Examples:\n  kam validate examples /m);
        expect(result.out).toMatch(/^  kam report examples --format html -o p\.html +the same with charts, one page$/m);
        expect(Math.max(...result.out.split('\n').map((line) => line.length)), 'help wider than a terminal').toBeLessThanOrEqual(80);
    });

    it('prints the same help for --help, also from bin/kam.cjs', () => {
        const bare = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/kam.cjs')], { encoding: 'utf8' });
        expect(bare.status).toBe(0);
        expect(bare.stderr).toBe('');
        expect(bare.stdout).toMatch(/^Usage: kam .*\n[\s\S]*\nExamples:\n/);
        const help = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/kam.cjs'), '--help'], { encoding: 'utf8' });
        expect(help.status).toBe(0);
        expect(help.stdout).toBe(bare.stdout);
    });
});

describe('the installed command', () => {
    it('runs from bin/kam.cjs with exit code 1 on errors', () => {
        const dir = tempCopy();
        fs.writeFileSync(path.join(dir, 'team.kam'), fs.readFileSync(path.join(dir, 'team.kam'), 'utf8').replace('member ben', 'member benedikt'));
        const run = spawnSync(process.execPath, [path.resolve(__dirname, '../../bin/kam.cjs'), 'validate', dir], { encoding: 'utf8' });
        expect(run.status).toBe(1);
        expect(run.stdout).toMatch(/linking-error: Could not resolve reference to TeamMember named 'ben'/);
    });
});
