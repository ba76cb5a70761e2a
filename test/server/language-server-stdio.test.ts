/**
 * The language server as any LSP editor sees it: `kam lsp --stdio` in its own process,
 * answering initialize, publishing the reviewer's diagnostics, inlay hints, hover and the
 * summary-report request for a plan that the editor opens.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
    ConfigurationRequest, DidChangeConfigurationNotification, DidOpenTextDocumentNotification, ExitNotification, ShowMessageNotification, HoverRequest, InitializedNotification,
    InitializeRequest, InlayHintRequest, PublishDiagnosticsNotification, RegistrationRequest, ShutdownRequest,
    type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { URI } from 'langium';
import { AccountPreviewRequest, PortfolioPreviewRequest, SummaryReportRequest } from '../../language/src/protocol.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';

let server: ChildProcess;
let connection: ProtocolConnection;
let workspace: string;
const published = new Map<string, PublishDiagnosticsParams>();
const messages: string[] = [];
let waiters: Array<() => boolean> = [];
let kamSettings: Record<string, unknown> = { today: '2026-11-24' };

/** Resolves once `condition` holds for something the server sent. */
function eventually<T>(condition: () => T | undefined): Promise<T> {
    return new Promise((resolve) => {
        const check = () => {
            const value = condition();
            if (value !== undefined) { resolve(value); return true; }
            return false;
        };
        if (!check()) waiters.push(check);
    });
}

function diagnosticsFor(uri: string): Promise<PublishDiagnosticsParams> {
    return eventually(() => {
        const p = published.get(uri);
        return p && p.diagnostics.length > 0 ? p : undefined;
    });
}

beforeAll(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-lsp-'));
    fs.cpSync(PORTFOLIO_FIXTURE, workspace, { recursive: true });
    server = spawn(process.execPath, [path.resolve(__dirname, '../../bin/kam.cjs'), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createProtocolConnection(new StreamMessageReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        published.set(params.uri, params);
        waiters = waiters.filter((w) => !w());
    });
    connection.onNotification(ShowMessageNotification.type, (params) => {
        messages.push(params.message);
        waiters = waiters.filter((w) => !w());
    });
    // The server pulls the `kam` settings section: review as of a fixed day.
    connection.onRequest(ConfigurationRequest.type, (params) => params.items.map((item) => (item.section === 'kam' ? kamSettings : {})));
    connection.onRequest(RegistrationRequest.type, () => undefined);
    connection.listen();
    const rootUri = URI.file(workspace).toString();
    const init = await connection.sendRequest(InitializeRequest.type, {
        processId: process.pid,
        rootUri,
        workspaceFolders: [{ uri: rootUri, name: 'portfolio' }],
        capabilities: { workspace: { configuration: true, workspaceFolders: true }, textDocument: { hover: { contentFormat: ['markdown'] } } },
    });
    expect(init.capabilities.hoverProvider).toBeTruthy();
    expect(init.capabilities.inlayHintProvider).toBeTruthy();
    await connection.sendNotification(InitializedNotification.type, {});
});

afterAll(async () => {
    try {
        await connection.sendRequest(ShutdownRequest.type);
        await connection.sendNotification(ExitNotification.type);
    } finally {
        connection.dispose();
        server.kill();
    }
});

describe('kam lsp --stdio', () => {
    const open = async (file: string) => {
        const uri = URI.file(path.join(workspace, file)).toString();
        await connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'kam', version: 1, text: fs.readFileSync(path.join(workspace, file), 'utf8') },
        });
        return uri;
    };

    it('publishes the reviewer\'s diagnostics for an opened plan', async () => {
        const uri = await open('baltic-paper.kam');
        const { diagnostics } = await diagnosticsFor(uri);
        expect(diagnostics.map((d) => d.code)).toEqual(expect.arrayContaining([
            'kam.missing-finance-contact', 'kam.missing-user', 'kam.missing-champion', 'kam.single-threaded', 'kam.objective-without-owner',
        ]));
    });

    it('answers inlay hints with the strategic value and hover with its breakdown', async () => {
        const uri = await open('danube-foods.kam');
        const hints = await connection.sendRequest(InlayHintRequest.type, {
            textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 80, character: 0 } },
        });
        expect(hints?.map((h) => h.label)).toContain('strategic value 7.1 · Strategic · plan 5/5');
        const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 12 } });
        expect(JSON.stringify(hover?.contents)).toContain('Strategic value 7.1 · Strategic · relationship 6.4 · plan');
    });

    it('builds the summary report through the typed request', async () => {
        const uri = URI.file(path.join(workspace, 'danube-foods.kam')).toString();
        const account = await connection.sendRequest(SummaryReportRequest.type, { uri });
        expect(account.accountCount).toBe(1);
        expect(account.content).toContain('# Danube Foods');
        const portfolio = await connection.sendRequest(SummaryReportRequest.type, {});
        expect(portfolio.accountCount).toBe(2);
        expect(portfolio.content).toContain('| Danube Foods | Anna Keller | key | 6M EUR | 7.1 | 6.4 | Strategic | 0 | 0 |');
        // The director's report leaves the codes and files out; an author asks for them.
        expect(portfolio.content).not.toContain('kam.single-threaded');
        const detailed = await connection.sendRequest(SummaryReportRequest.type, { detail: true });
        expect(detailed.content).toMatch(/## For the plans' authors: codes, files and lines[\s\S]*`kam\.single-threaded` \(line 2\)/);
        await expect(connection.sendRequest(SummaryReportRequest.type, { detail: 'yes' } as unknown as SummaryReportRequest.Params)).rejects.toThrow(/kam\/summaryReport: detail must be true or false/);
    });

    it('answers a request about a file it does not know with an error, and keeps serving', async () => {
        await expect(connection.sendRequest(SummaryReportRequest.type, { uri: URI.file(path.join(workspace, 'missing.kam')).toString() }))
            .rejects.toThrow(/not a KAM plan the server knows/);
        const uri = URI.file(path.join(workspace, 'danube-foods.kam')).toString();
        expect((await connection.sendRequest(SummaryReportRequest.type, { uri })).accountCount).toBe(1);
    });

    it('serves the previews and the HTML report; bad input gets a clear error, not a crash', async () => {
        const uri = URI.file(path.join(workspace, 'danube-foods.kam')).toString();
        const preview = await connection.sendRequest(AccountPreviewRequest.type, { uri });
        expect(preview.title).toBe('Danube Foods');
        expect(preview.accountCount).toBe(1);
        expect(preview).not.toHaveProperty('accounts');
        expect(preview.html).toContain('class="kam-chart kam-relationship-map"');
        const team = await connection.sendRequest(AccountPreviewRequest.type, { uri: URI.file(path.join(workspace, 'team.kam')).toString() });
        expect(team.accountCount).toBe(0);
        expect(team.html).toContain('holds no account plan');
        const portfolio = await connection.sendRequest(PortfolioPreviewRequest.type, {});
        // Only what the panel uses: no view model (megabytes at 2,000 plans) after every validation.
        expect(Object.keys(portfolio).sort()).toEqual(['accountCount', 'accountUris', 'html', 'title']);
        expect(portfolio.accountCount).toBe(2);
        expect(portfolio.accountUris).toEqual(['danube-foods.kam', 'baltic-paper.kam'].map((f) => URI.file(path.join(workspace, f)).toString()));
        expect(portfolio.html).toContain('data-kam-open="');
        const html = await connection.sendRequest(SummaryReportRequest.type, { format: 'html' });
        expect(html).toMatchObject({ format: 'html', accountCount: 2 });
        expect(html.content).toMatch(/^<!DOCTYPE html>/);
        await expect(connection.sendRequest(AccountPreviewRequest.type, { uri: 42 } as unknown as AccountPreviewRequest.Params)).rejects.toThrow(/kam\/accountPreview: uri must be a document URI \(a string\)/);
        await expect(connection.sendRequest(SummaryReportRequest.type, { format: 'pdf' } as unknown as SummaryReportRequest.Params)).rejects.toThrow(/kam\/summaryReport: format must be md, html or json/);
        expect((await connection.sendRequest(AccountPreviewRequest.type, { uri })).accountCount).toBe(1);
    });

    it('takes new settings: a bad value is named in a warning, a good one changes the review', async () => {
        const uri = URI.file(path.join(workspace, 'baltic-paper.kam')).toString();
        await diagnosticsFor(uri);
        kamSettings = { today: '2026-11-24', thresholds: { keyThreshold: 'high' }, severity: { 'kam.missing-champion': 'off' } };
        await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: { kam: kamSettings } });
        const warning = await eventually(() => messages.find((m) => m.includes('thresholds.keyThreshold')));
        expect(warning).toMatch(/KAM Plans settings: Setting thresholds\.keyThreshold = "high" is invalid .*using 6\./);
        const republished = await eventually(() => {
            const codes = published.get(uri)?.diagnostics.map((d) => d.code) ?? [];
            return codes.length > 0 && !codes.includes('kam.missing-champion') ? codes : undefined;
        });
        expect(republished).toContain('kam.missing-finance-contact');
    });
});
