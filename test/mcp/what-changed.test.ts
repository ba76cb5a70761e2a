/**
 * `what_changed` over a real git repository (test/history/git-repository.ts): the SDK's client asks
 * the built `kam mcp` what moved since the Q3 review tag, and the answer has `kam diff`'s numbers.
 */
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { portfolioRepository } from '../history/git-repository.js';

const KAM = path.resolve(__dirname, '../../bin/kam.cjs');
let client: Client;
let plans: string;

interface Answer {
    base: { ref: string; date?: string };
    counts: { changed: number };
    accounts: Array<{ name: string; kind: string; strategicValue: { before?: number; after?: number; delta?: number }; relationship: { before?: number; after?: number }; findingsResolved: string[] }>;
}

async function call(args: Record<string, unknown>): Promise<CallToolResult> {
    return await client.callTool({ name: 'what_changed', arguments: args }) as CallToolResult;
}

const text = (r: CallToolResult) => r.content.map((c) => (c.type === 'text' ? c.text : '')).join('\n');

beforeAll(async () => {
    plans = portfolioRepository().plans;
    client = new Client({ name: 'kam-test', version: '1.0.0' });
    await client.connect(new StdioClientTransport({ command: process.execPath, args: [KAM, 'mcp', plans, '--today', '2026-11-24'], stderr: 'pipe' }));
});

afterAll(async () => {
    await client?.close();
});

describe('what_changed', () => {
    it('says what moved since the review tag, with kam diff\'s numbers', async () => {
        const result = await call({ since: 'v2026-Q3', account: 'Baltic Paper' });
        expect(result.isError ?? false, text(result)).toBe(false);
        const answer = result.structuredContent as unknown as Answer;
        expect(answer.base).toMatchObject({ ref: 'v2026-Q3', date: '2026-09-15' });
        // Baltic Paper after the October QBR: 370/100 = 3.7 → 620/100 = 6.2 (test/history/kam-diff.test.ts checks it by hand).
        expect(answer.accounts).toHaveLength(1);
        expect(answer.accounts[0]).toMatchObject({ name: 'BalticPaper', kind: 'changed', strategicValue: { before: 3.7, after: 6.2 } });
        expect(answer.accounts[0].findingsResolved).toContain('kam.missing-finance-contact');
        expect(text(result)).toContain('Baltic Paper: strategic value 3.7 → 6.2 (+2.5)');

        const cli = spawnSync(process.execPath, [KAM, 'diff', 'v2026-Q3', '--root', plans, '--format', 'json', '--today', '2026-11-24'], { encoding: 'utf8', cwd: plans });
        const diff = JSON.parse(cli.stdout) as { counts: { changed: number }; accounts: Array<{ name: string; strategicValue: { after?: number }; relationship: { after?: number } }> };
        const all = (await call({ since: 'v2026-Q3' })).structuredContent as unknown as Answer;
        expect(all.counts.changed).toBe(diff.counts.changed);
        for (const account of diff.accounts) {
            expect(all.accounts.find((a) => a.name === account.name)).toMatchObject({ strategicValue: { after: account.strategicValue.after }, relationship: { after: account.relationship.after } });
        }
    });

    it('refuses what it cannot answer, in words', async () => {
        const unknown = await call({ since: 'v1999' });
        expect(unknown.isError).toBe(true);
        expect(text(unknown)).toMatch(/v1999/);
        const both = await call({ since: 'v2026-Q3', sinceDate: '2026-10-01' });
        expect(text(both)).toBe('Give either `since` (a revision) or `sinceDate` (a date), not both.');
        expect(text(await call({ sinceDate: '2026-02-30' }))).toBe('sinceDate must be a date written as yyyy-mm-dd, not "2026-02-30".');
        expect(text(await call({ since: 'v2026-Q3', account: 'Nobody' }))).toBe('No account named "Nobody" at either revision.');
    });
});
