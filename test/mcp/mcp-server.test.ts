/**
 * `kam mcp` as an assistant sees it: the SDK's own client spawns the built CLI over stdio on the
 * example portfolio, calls every tool, and checks the answers against `kam validate --format json`.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';

const KAM = path.resolve(__dirname, '../../bin/kam.cjs');
const EXAMPLES = path.resolve(__dirname, '../../examples');

interface ValidatedAccount { name: string; file: string; strategicValue: number | null; relationshipStrength: number | null; quadrant: string | null; planCompleteness: { present: number; total: number } }

let client: Client;
let validated: { files: { file: string; findings: { code: string; severity: string; line: number }[] }[]; accounts: ValidatedAccount[]; summary: Record<string, number> };

async function call(name: string, args: Record<string, unknown> = {}): Promise<CallToolResult> {
    return await client.callTool({ name, arguments: args }) as CallToolResult;
}

function text(result: CallToolResult): string {
    return result.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');
}

function structured<T>(result: CallToolResult): T {
    expect(result.isError ?? false, text(result)).toBe(false);
    return result.structuredContent as T;
}

beforeAll(async () => {
    const run = spawnSync(process.execPath, [KAM, 'validate', EXAMPLES, '--format', 'json'], { encoding: 'utf8' });
    validated = JSON.parse(run.stdout);
    client = new Client({ name: 'kam-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [KAM, 'mcp', EXAMPLES], stderr: 'pipe' }));
});

afterAll(async () => {
    await client?.close();
});

describe('kam mcp', () => {
    it('offers the tools, each with input and output schemas', async () => {
        const { tools } = await client.listTools();
        expect(tools.map((t) => t.name).sort()).toEqual(['account_summary', 'explain_score', 'list_accounts', 'list_findings', 'propose_change', 'query_portfolio', 'relationship_map', 'what_changed']);
        for (const tool of tools) {
            expect(tool.outputSchema?.type, tool.name).toBe('object');
            expect(tool.description, tool.name).toBeTruthy();
        }
    });

    it('lists every account with the numbers kam validate gives', async () => {
        const result = await call('list_accounts');
        const { accounts, count } = structured<{ accounts: Array<{ name: string; file: string; strategicValue?: number; relationshipStrength?: number; quadrant?: string; completeness: { present: number; total: number }; revenue?: number; currency?: string }>; count: number }>(result);
        expect(count).toBe(validated.accounts.length);
        for (const expected of validated.accounts) {
            const row = accounts.find((a) => a.name === expected.name)!;
            expect(row, expected.name).toBeDefined();
            expect(row.strategicValue ?? null).toBe(expected.strategicValue);
            expect(row.relationshipStrength ?? null).toBe(expected.relationshipStrength);
            expect(row.quadrant ?? null).toBe(expected.quadrant);
            expect(row.completeness).toEqual({ present: expected.planCompleteness.present, total: expected.planCompleteness.total });
            expect(expected.file.endsWith(row.file)).toBe(true);
        }
        // Highest strategic value first, as in the portfolio report; revenue as the plan states it.
        expect(accounts[0]).toMatchObject({ name: 'nordwind', strategicValue: 8.2, quadrant: 'Strategic', currency: 'EUR' });
        expect(accounts.find((a) => a.name === 'meridian')).toMatchObject({ revenue: 780_000, currency: 'EUR' });
        expect(text(result)).toMatch(/Meridian Pharma Distribution \(meridian\): value 7\.4, relationship 4\.4, Star; 780k EUR; plan 4\/5/);
    });

    it('summarises one account by id or title, with the one-page Markdown as text', async () => {
        const result = await call('account_summary', { account: 'Meridian Pharma Distribution' });
        const summary = structured<{ account: { name: string; strategicValue: number; quadrant: string }; missing: { element: string }[]; facts: { label: string; value: string }[]; stakeholders: number; kpis: unknown[] }>(result);
        expect(summary.account).toMatchObject({ name: 'meridian', strategicValue: 7.4, quadrant: 'Star' });
        const expected = validated.accounts.find((a) => a.name === 'meridian')!;
        expect(summary.missing).toHaveLength(expected.planCompleteness.total - expected.planCompleteness.present);
        expect(summary.facts).toContainEqual({ label: 'Current revenue', value: '780k EUR' });
        expect(summary.stakeholders).toBeGreaterThan(0);
        expect(text(result)).toMatch(/^# Meridian Pharma Distribution/m);
        expect(structured<{ account: { name: string } }>(await call('account_summary', { account: 'MERIDIAN' })).account.name).toBe('meridian');
    });

    it('adds the findings with their codes and lines to an account\'s summary for the plan\'s author, when asked', async () => {
        const meridian = validated.files.find((f) => f.file.endsWith('meridian-pharma.kam'))!;
        expect(meridian.findings.length).toBeGreaterThan(0);
        const plain = text(await call('account_summary', { account: 'meridian' }));
        const detailed = text(await call('account_summary', { account: 'meridian', detail: true }));
        expect(plain).not.toContain('## For the plan\'s authors');
        expect(detailed).toContain('## For the plan\'s authors');
        for (const finding of meridian.findings) expect(detailed).toContain(finding.code);
        for (const finding of meridian.findings) expect(plain).not.toContain(finding.code);
    });

    it('lists findings as kam validate does, filtered by code, severity and account', async () => {
        const all = structured<{ findings: { file: string; code: string; severity: string; line: number; account?: string }[]; total: number }>(await call('list_findings', { limit: 1000 }));
        const expectedTotal = validated.files.reduce((sum, f) => sum + f.findings.length, 0);
        expect(all.total).toBe(expectedTotal);
        const warnings = structured<{ total: number }>(await call('list_findings', { severity: 'warning' }));
        expect(warnings.total).toBe(validated.summary.warning);
        const meridian = validated.files.find((f) => f.file.endsWith('meridian-pharma.kam'))!;
        const byAccount = structured<{ findings: { code: string; line: number }[] }>(await call('list_findings', { account: 'meridian' }));
        expect(byAccount.findings.map((f) => `${f.line} ${f.code}`).sort()).toEqual(meridian.findings.map((f) => `${f.line} ${f.code}`).sort());
        const code = meridian.findings[0].code;
        const byCode = structured<{ findings: { code: string }[] }>(await call('list_findings', { code }));
        expect(byCode.findings.length).toBeGreaterThan(0);
        expect(byCode.findings.every((f) => f.code === code)).toBe(true);
    });

    it('queries the portfolio by quadrant, owner, finding code, ranges and renewal window', async () => {
        const stars = structured<{ accounts: { name: string }[] }>(await call('query_portfolio', { quadrant: 'Star' }));
        expect(stars.accounts.map((a) => a.name).sort()).toEqual(validated.accounts.filter((a) => a.quadrant === 'Star').map((a) => a.name).sort());
        const aisha = structured<{ accounts: { owner: string; ownerName: string }[] }>(await call('query_portfolio', { owner: 'Aisha Rahman' }));
        expect(aisha.accounts.length).toBeGreaterThan(0);
        expect(aisha.accounts.every((a) => a.owner === 'aisha')).toBe(true);
        const attractiveWeak = structured<{ accounts: { name: string }[] }>(await call('query_portfolio', { minStrategicValue: 6, maxRelationshipStrength: 4.9 }));
        expect(attractiveWeak.accounts.map((a) => a.name).sort()).toEqual(validated.accounts
            .filter((a) => (a.strategicValue ?? 0) >= 6 && (a.relationshipStrength ?? 10) <= 4.9).map((a) => a.name).sort());
        const withCode = validated.files.flatMap((f) => f.findings.map((x) => x.code))[0];
        const byFinding = structured<{ count: number }>(await call('query_portfolio', { findingCode: withCode }));
        expect(byFinding.count).toBeGreaterThan(0);
        // Today is 2026-11-24 (examples/kam.config.json): Aldermoor renews on 2027-04-30, 157 days on, notice (3 months) by
        // 2027-01-30, 67 days on; the next renewals after it are Nordwind's (2027-10-31, notice by 2027-04-30) and Hartwell's.
        const renewing = structured<{ accounts: { name: string; renewal?: unknown }[] }>(await call('query_portfolio', { renewalWithinDays: 200 }));
        expect(renewing.accounts).toEqual([expect.objectContaining({ name: 'aldermoor', renewal: { date: '2027-04-30', daysTo: 157, noticeDeadline: '2027-01-30', daysToNotice: 67, contract: 'Asset tracking, nine hospitals' } })]);
        const notice = structured<{ accounts: { name: string }[] }>(await call('query_portfolio', { noticeWithinDays: 70 }));
        expect(notice.accounts.map((a) => a.name)).toEqual(['aldermoor']);
        const incomplete = structured<{ accounts: { name: string }[] }>(await call('query_portfolio', { incompletePlan: true }));
        expect(incomplete.accounts.map((a) => a.name).sort()).toEqual(validated.accounts.filter((a) => a.planCompleteness.present < a.planCompleteness.total).map((a) => a.name).sort());
    });

    it('reads the relationship map with the reviewer\'s stakeholder findings', async () => {
        const map = structured<{ strength: number; stakeholders: { id: string; name: string; roles: string[] }[]; findings: { code: string }[] }>(await call('relationship_map', { account: 'meridian' }));
        expect(map.strength).toBe(4.4);
        expect(map.stakeholders.find((s) => s.id === 'vandijk')).toMatchObject({ name: 'Pieter van Dijk', roles: ['executive'] });
    });

    it('explains a strategic value and a relationship strength term by term, adding up to the value', async () => {
        const value = structured<{ value: number; terms: { contribution: number; weight: number }[] }>(await call('explain_score', { account: 'meridian', score: 'strategic-value' }));
        expect(value.value).toBe(7.4);
        expect(value.terms.reduce((s, t) => s + t.weight, 0)).toBe(100);
        expect(Math.round(value.terms.reduce((s, t) => s + t.contribution, 0) * 10) / 10).toBe(7.4);
        const strength = structured<{ value: number; terms: { contribution: number }[] }>(await call('explain_score', { account: 'meridian', score: 'relationship-strength' }));
        expect(strength.value).toBe(4.4);
        expect(Math.round(strength.terms.reduce((s, t) => s + t.contribution, 0) * 10) / 10).toBe(4.4);
    });

    it('proposes the reviewer\'s quick fix as a diff and writes nothing', async () => {
        const before = fs.readFileSync(path.join(EXAMPLES, 'portfolio/accounts/meridian-pharma.kam'), 'utf8');
        const fixable = validated.files.find((f) => f.file.endsWith('meridian-pharma.kam'))!.findings.find((f) => /missing-(executive|finance-contact|user|champion)|no-backup-owner|risk-without-contingency|objective-without/.test(f.code));
        expect(fixable, 'the example has a finding with a quick fix').toBeDefined();
        const proposal = structured<{ file: string; diff: string; title: string }>(await call('propose_change', { account: 'meridian', code: fixable!.code }));
        expect(proposal.file).toBe('portfolio/accounts/meridian-pharma.kam');
        expect(proposal.diff).toMatch(/^--- a\/portfolio\/accounts\/meridian-pharma\.kam/m);
        expect(proposal.diff).toMatch(/^\+/m);
        expect(fs.readFileSync(path.join(EXAMPLES, 'portfolio/accounts/meridian-pharma.kam'), 'utf8')).toBe(before);
    });

    it('answers bad input with a tool error that says what is wrong', async () => {
        const unknown = await call('account_summary', { account: 'Meridan' });
        expect(unknown.isError).toBe(true);
        expect(text(unknown)).toMatch(/No account named "Meridan".*did you mean "meridian"\?/);
        const badQuadrant = await call('query_portfolio', { quadrant: 'Diamond' });
        expect(badQuadrant.isError).toBe(true);
        expect(text(badQuadrant)).toMatch(/quadrant/);
        const missing = await call('explain_score', { account: 'meridian' });
        expect(missing.isError).toBe(true);
        expect(text(missing)).toMatch(/score/);
        const badCode = await call('list_findings', { code: 'single-threaded' });
        expect(badCode.isError).toBe(true);
        expect(text(badCode)).toMatch(/not a finding code.*kam\.single-threaded/);
        const noFix = await call('propose_change', { account: 'nordwind', code: 'kam.missing-champion' });
        expect(noFix.isError).toBe(true);
        expect(text(noFix)).toMatch(/has no finding kam\.missing-champion/);
    });

    it('gives each plan and the portfolio report as resources', async () => {
        const { resources } = await client.listResources();
        const plans = resources.filter((r) => r.uri.startsWith('kam://plan/'));
        expect(plans.map((r) => r.name)).toContain('portfolio/accounts/meridian-pharma.kam');
        expect(plans).toHaveLength(validated.files.length);
        const plan = await client.readResource({ uri: plans.find((r) => r.name.endsWith('meridian-pharma.kam'))!.uri });
        expect((plan.contents[0] as { text: string }).text).toBe(fs.readFileSync(path.join(EXAMPLES, 'portfolio/accounts/meridian-pharma.kam'), 'utf8'));
        const report = await client.readResource({ uri: 'kam://portfolio/report.md' });
        const expected = spawnSync(process.execPath, [KAM, 'report', EXAMPLES], { encoding: 'utf8' }).stdout;
        expect((report.contents[0] as { text: string }).text.trim()).toBe(expected.trim());
        await expect(client.readResource({ uri: 'kam://plan/..%2F..%2Fetc%2Fpasswd' })).rejects.toThrow(/No plan/);
    });
});

describe('kam mcp on a portfolio that changes', () => {
    it('answers from the plans as they are on disk now', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-mcp-'));
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        const other = new Client({ name: 'kam-test', version: '1.0.0' });
        await other.connect(new StdioClientTransport({ command: process.execPath, args: [KAM, 'mcp', dir], stderr: 'pipe' }));
        try {
            const before = (await other.callTool({ name: 'list_accounts', arguments: {} })).structuredContent as { count: number };
            fs.rmSync(path.join(dir, 'portfolio/accounts/penrose-stores.kam'));
            const after = (await other.callTool({ name: 'list_accounts', arguments: {} })).structuredContent as { count: number };
            expect(after.count).toBe(before.count - 1);
        } finally {
            await other.close();
        }
    });

    it('started on a folder inside the portfolio, answers from the scoring model and team as they are now', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-mcp-'));
        fs.cpSync(EXAMPLES, dir, { recursive: true });
        const other = new Client({ name: 'kam-test', version: '1.0.0' });
        // The plans' folder: the scoring model and the team file are in the portfolio root above it.
        await other.connect(new StdioClientTransport({ command: process.execPath, args: [KAM, 'mcp', path.join(dir, 'portfolio/accounts')], stderr: 'pipe' }));
        const values = async () => {
            const listed = (await other.callTool({ name: 'list_accounts', arguments: {} })).structuredContent as { accounts: { name: string; strategicValue?: number }[] };
            return Object.fromEntries(listed.accounts.map((a) => [a.name, a.strategicValue]));
        };
        try {
            const before = await values();
            // The board re-weights the model: revenue potential counts for more, current revenue for less.
            const model = path.join(dir, 'portfolio/scoring-model.kam');
            fs.writeFileSync(model, fs.readFileSync(model, 'utf8').replace('"Current revenue" weight 20%', '"Current revenue" weight 5%').replace('"Revenue potential (3 years)" weight 25%', '"Revenue potential (3 years)" weight 40%'));
            const after = await values();
            expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
            expect(Object.keys(after).filter((name) => after[name] !== before[name]).length).toBeGreaterThan(0);
        } finally {
            await other.close();
        }
    });

    it('refuses a folder that is not there, in one line', () => {
        const run = spawnSync(process.execPath, [KAM, 'mcp', path.join(os.tmpdir(), 'no-such-portfolio')], { encoding: 'utf8', input: '' });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^kam: .*no-such-portfolio is not a folder/);
    });
});
