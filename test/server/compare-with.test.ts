/**
 * The language server's side of *KAM: Compare with…* over JSON-RPC (`kam lsp --stdio`): the tags and
 * commits to pick from, the diff page against the plans as the editor has them (an unsaved edit
 * counts), and git's problems said in words.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CodeLensRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol';
import { URI } from 'langium';
import { AccountPreviewRequest, CompareWithRequest, PlanRevisionsRequest, SummaryReportRequest, base64ToBytes } from '../../language/src/protocol.js';
import { readDeck, slidesTitled } from '../helpers/deck-contents.js';
import { LspTestClient } from '../helpers/lsp-client.js';
import { emptyRepository, portfolioRepository } from '../history/git-repository.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';

let client: LspTestClient | undefined;
let repo: { dir: string; plans: string };
const temporary: string[] = [];

beforeAll(() => {
    repo = portfolioRepository();
    temporary.push(repo.dir);
}, 60_000);

afterEach(async () => {
    await client?.stop();
    client = undefined;
});

afterAll(() => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('kam/planRevisions and kam/compareWith', () => {
    it('lists the tags and the commits that touched the plans, and compares with one against the live plans', async () => {
        client = await LspTestClient.start({ folder: repo.plans, kamSettings: () => ({ today: '2026-11-24' }) });
        await client.diagnosticsOf(['danube-foods.kam', 'baltic.kam']);
        const folder = client.uri('.').replace(/\/\.?$/, '');
        const revisions = await client.connection.sendRequest(PlanRevisionsRequest.type, { uri: folder });
        expect(revisions.tags).toEqual([{ name: 'v2026-Q3', date: '2026-09-15' }]);
        expect(revisions.commits.map((c) => c.subject)).toEqual(['Danube Foods: monitoring installed', 'Half-typed competitor', 'Baltic Paper after the October QBR', 'Plans for Q3']);

        const compared = await client.connection.sendRequest(CompareWithRequest.type, { uri: folder, revision: 'v2026-Q3' });
        expect(compared.title).toMatch(/^Since v2026-Q3 \([0-9a-f]{7}, 2026-09-15\)$/);
        expect(compared.headline).toBe('2 accounts changed, 0 unchanged · 1 moved quadrant · the top fifth brings 80% → 75% of revenue · warnings 7 → 5');
        expect(compared.html).toContain('Potential revenue score 3 → 9 (+1.5 to the value)');
        expect(compared.html).toContain('9M EUR → 10M EUR (+1M)');

        // An edit not saved yet: Baltic Paper's strategic fit back to 3 (6.2 → 5.2, a Status account now).
        const baltic = path.join(repo.plans, 'baltic.kam');
        const uri = client.uri('baltic.kam');
        const text = fs.readFileSync(baltic, 'utf8');
        const opened = client.nextPublish(uri);
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kam', version: 1, text } });
        await opened;
        const changed = client.nextPublish(uri);
        await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('strategicFit 8', 'strategicFit 3') }] });
        await changed;
        const live = await client.connection.sendRequest(CompareWithRequest.type, { uri: folder, revision: 'v2026-Q3' });
        // (4×20 + 9×25 + 5×15 + 3×20 + 2×10 + 6×10) / 100 = 5.2
        expect(live.html).toContain('3.7 → 5.2 (+1.5)');
        expect(live.headline).toContain('1 moved quadrant');
        expect(live.html).toContain('Streamline → Status');
    }, 120_000);

    it('says what is wrong with the history in words', async () => {
        const empty = emptyRepository();
        temporary.push(empty);
        fs.cpSync(PORTFOLIO_FIXTURE, empty, { recursive: true });
        client = await LspTestClient.start({ folder: empty });
        await client.diagnosticsOf(['danube-foods.kam']);
        const folder = client.uri('.').replace(/\/\.?$/, '');
        expect(await client.connection.sendRequest(PlanRevisionsRequest.type, { uri: folder })).toEqual({ tags: [], commits: [] });
        await expect(client.connection.sendRequest(CompareWithRequest.type, { uri: folder })).rejects.toThrow('The repository has no commits yet: commit the plans once, then compare with that commit.');
        await expect(client.connection.sendRequest(CompareWithRequest.type, { uri: folder, since: 'Q3' })).rejects.toThrow('kam/compareWith: since must be a date written as yyyy-mm-dd.');
    }, 60_000);
});

describe('the change since the last review, in the code lens and the hover', () => {
    it('counts from the newest tag matching reviewTag', async () => {
        fs.writeFileSync(path.join(repo.plans, 'kam.config.json'), '{ "reviewTag": "v2026-*" }\n');
        client = await LspTestClient.start({ folder: repo.plans, kamSettings: () => ({ today: '2026-11-24' }) });
        await client.diagnosticsOf(['baltic.kam']);
        const uri = client.uri('baltic.kam');
        const text = fs.readFileSync(path.join(repo.plans, 'baltic.kam'), 'utf8');
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kam', version: 1, text } });
        // The baseline is read from git after the first validation: ask until the lens has it.
        let title = '';
        for (let attempt = 0; attempt < 100 && !title.includes('since'); attempt++) {
            const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
            title = lenses?.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Strategic value')) ?? '';
            if (!title.includes('since')) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(title).toMatch(/^Strategic value 6\.2 · Strategic · relationship 5\.6 · plan 1\/5 · \+2\.5 since v2026-Q3, relationship \+1\.9, Streamline → Strategic$/);
        const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 10 } });
        expect(JSON.stringify(hover?.contents)).toContain('**Since the last review (v2026-Q3)**: strategic value 3.7 → 6.2 (+2.5), relationship 3.7 → 5.6 (+1.9), Streamline → Strategic');

        // The review deck made in the editor has the same "since the last review" as the lens.
        const deckOf = async (params: { uri?: string; folders?: string[] }) => {
            const result = await client!.connection.sendRequest(SummaryReportRequest.type, { ...params, format: 'pptx' });
            return readDeck(base64ToBytes(result.content));
        };
        const account = slidesTitled(await deckOf({ uri }), 'Since the last review').join('\n');
        expect(account).toContain('since v2026-Q3');
        expect(account).toContain('Strategic value\n3.7 → 6.2 (+2.5)');
        expect(account).toContain('Streamline → Strategic');
        const portfolio = slidesTitled(await deckOf({ folders: [URI.file(repo.plans).toString()] }), 'Since the last review');
        expect(portfolio.join('\n')).toContain('v2026-Q3');
        expect(portfolio.join('\n')).toContain('Baltic Paper');
    }, 120_000);

    it('counts from the plan\'s own last reviewed date before the tag', async () => {
        fs.writeFileSync(path.join(repo.plans, 'kam.config.json'), '{ "reviewTag": "v2026-*" }\n');
        const danube = path.join(repo.plans, 'danube-foods.kam');
        const original = fs.readFileSync(danube, 'utf8');
        // Reviewed on 15 October: the portfolio as committed by then is the 10 October commit.
        fs.writeFileSync(danube, original.replace('    tier key\n', '    tier key\n    last reviewed 2026-10-15\n').replace('strategicFit 7', 'strategicFit 9'));
        try {
            client = await LspTestClient.start({ folder: repo.plans, kamSettings: () => ({ today: '2026-11-24' }) });
            await client.diagnosticsOf(['danube-foods.kam', 'baltic.kam']);
            const titleOf = async (file: string) => {
                const uri = client!.uri(file);
                let title = '';
                for (let attempt = 0; attempt < 100 && !title.includes('since'); attempt++) {
                    const lenses = await client!.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
                    title = lenses?.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Strategic value')) ?? '';
                    if (!title.includes('since')) await new Promise((resolve) => setTimeout(resolve, 200));
                }
                return title;
            };
            // Strategic fit 7 → 9 at weight 20%: +0.4 (7.05 → 7.45, shown 7.1 → 7.5).
            expect(await titleOf('danube-foods.kam')).toMatch(/ · \+0\.4 since the 2026-10-15 review$/);
            expect(await titleOf('baltic.kam')).toMatch(/ · \+2\.5 since v2026-Q3, relationship \+1\.9, Streamline → Strategic$/);
            // The writer takes the dates out (the fixture states one too): the account counts from the tag once more.
            const uri = client.uri('danube-foods.kam');
            const stated = fs.readFileSync(danube, 'utf8');
            await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kam', version: 1, text: stated } });
            await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: stated.replace(/^ *last reviewed .*\n/gm, '') }] });
            let title = '';
            for (let attempt = 0; attempt < 100 && !title.includes('since v2026-Q3'); attempt++) {
                const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } });
                title = lenses?.map((l) => l.command?.title ?? '').find((t) => t.startsWith('Strategic value')) ?? '';
                if (!title.includes('since v2026-Q3')) await new Promise((resolve) => setTimeout(resolve, 200));
            }
            expect(title).toMatch(/ since v2026-Q3/);
        } finally {
            fs.writeFileSync(danube, original);
        }
    }, 120_000);
});

describe('the account preview over time', () => {
    it('adds the trend over the newest commits, and now, once the history is read', async () => {
        client = await LspTestClient.start({ folder: repo.plans, kamSettings: () => ({ today: '2026-11-24' }) });
        await client.diagnosticsOf(['danube-foods.kam']);
        const uri = client.uri('danube-foods.kam');
        let html = '';
        for (let attempt = 0; attempt < 100 && !html.includes('Over time'); attempt++) {
            html = (await client.connection.sendRequest(AccountPreviewRequest.type, { uri })).html;
            if (!html.includes('Over time')) await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(html).toContain('Strategic value and relationship strength at the 4 newest commits that changed the portfolio, and now.');
        expect(html).toContain('<title>2026-10-20 (Half-typed competitor): strategic value 7.1, provisional (syntax error)</title>');
        expect(html).toContain('<title>now (the plan as it is): strategic value 7.1</title>');
        expect(html.match(/class="kam-history-point/g)).toHaveLength(10); // 4 commits and now, two lines
    }, 120_000);
});
