/**
 * The language server of VS Code for the Web, without the browser: the services over the worker's
 * file system (server/src/fed-portfolio/portfolio-file-system.ts), fed with kam/portfolioFiles as the web
 * client sends them (portfolio-files-sync.ts). The portfolio must behave as on disk: cross-file
 * references, kam.config.json, and plans added and deleted after the start. (The web end-to-end run,
 * test/e2e/run-vscode-web.mjs, drives the real bundle in a real worker.)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity, type InitializeParams } from 'vscode-languageserver-protocol';
import { createKamServices } from '../../language/src/kam-module.js';
import { PortfolioFilesNotification } from '../../language/src/protocol.js';
import { keepPortfolioFindingsCurrent } from '../../language/src/workspace/portfolio-revalidation.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';
import { PortfolioFileSystemProvider } from '../../server/src/fed-portfolio/portfolio-file-system.js';
import { receivePortfolioFiles } from '../../server/src/fed-portfolio/portfolio-files-sync.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
/** A repository as github.dev shows it. */
const ROOT = 'vscode-vfs://github/kam-plans/portfolio';
const uriOf = (relative: string) => URI.parse(`${ROOT}/${relative}`).toString();
const NORDWIND = 'portfolio/accounts/nordwind-logistics.kam';
const ALDERMOOR = 'portfolio/accounts/aldermoor-healthcare.kam';

function exampleFiles(): PortfolioFilesNotification.File[] {
    const files: PortfolioFilesNotification.File[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else files.push({ uri: uriOf(path.relative(EXAMPLES, full).split(path.sep).join('/')), text: fs.readFileSync(full, 'utf8') });
        }
    };
    walk(EXAMPLES);
    return files;
}

/** The browser server's services, started as the language client starts them, with its notification handler. */
function startWorkerServer(firstBatchTimeoutMs?: number) {
    const files = new PortfolioFileSystemProvider();
    const { shared, Kam } = createKamServices({ fileSystemProvider: () => files });
    keepPortfolioFindingsCurrent(shared, Kam);
    let handler: ((params: unknown) => void) | undefined;
    const warnings: string[] = [];
    const connection = {
        onNotification: (type: { method: string }, h: (params: unknown) => void) => {
            if (type.method === PortfolioFilesNotification.method) handler = h;
            return { dispose: () => undefined };
        },
        sendNotification: async (_type: unknown, params: { message: string }) => { warnings.push(params.message); },
        onDidChangeWatchedFiles: () => ({ dispose: () => undefined }),
    };
    receivePortfolioFiles(connection as never, shared, files, firstBatchTimeoutMs);
    const manager = shared.workspace.WorkspaceManager as KamWorkspaceManager;
    manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: ROOT, name: 'portfolio' }] } as InitializeParams);
    const started = manager.initialized({});
    const send = (params: PortfolioFilesNotification.Params | unknown) => handler!(params);
    return { shared, files, started, send, warnings };
}

function document(shared: LangiumSharedServices, relative: string): LangiumDocument | undefined {
    return shared.workspace.LangiumDocuments.getDocument(URI.parse(uriOf(relative)));
}

function codes(shared: LangiumSharedServices, relative: string): string[] {
    return (document(shared, relative)?.diagnostics ?? []).map((d) => String(d.code));
}

/** Resolves once the builder has validated this plan again. */
function validatedAgain(shared: LangiumSharedServices, relative: string): Promise<void> {
    return new Promise((resolve) => {
        const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built) => {
            if (built.some((d) => d.uri.toString() === uriOf(relative))) {
                listener.dispose();
                resolve();
            }
        });
    });
}

describe('the worker\'s file system', () => {
    it('holds the files sent and lists folders made of their paths', async () => {
        const files = new PortfolioFileSystemProvider();
        files.write(uriOf('portfolio/team.kam'), 'team');
        files.write(uriOf('portfolio/accounts/a.kam'), 'a');
        files.write(uriOf('kam.config.json'), '{}');
        const listing = (await files.readDirectory(URI.parse(uriOf('portfolio')))).map((n) => [n.uri.path.split('/').pop(), n.isDirectory]);
        expect(listing).toEqual([['team.kam', false], ['accounts', true]]);
        expect(await files.exists(URI.parse(uriOf('portfolio/accounts')))).toBe(true);
        expect(await files.readFile(URI.parse(uriOf('portfolio/accounts/a.kam')))).toBe('a');
        await expect(files.readFile(URI.parse(uriOf('portfolio/b.kam')))).rejects.toThrow(/not among the portfolio's files/);
        // A folder deleted in one go takes its files with it.
        expect(files.delete(uriOf('portfolio/accounts'))).toEqual([uriOf('portfolio/accounts/a.kam')]);
        expect(files.uris().sort()).toEqual([uriOf('kam.config.json'), uriOf('portfolio/team.kam')]);
    });
});

describe('the language server in a web worker, fed by the client', () => {
    it('builds the whole portfolio sent at start, with cross-file references and its kam.config.json', async () => {
        const { shared, started, send } = startWorkerServer();
        // The examples' settings with a lower key threshold: only a kam.config.json read from the
        // sent files can clear Aldermoor's kam.key-below-threshold (its strategic value is 5.3).
        const sent = exampleFiles().map((f) => (f.uri.endsWith('/kam.config.json')
            ? { ...f, text: JSON.stringify({ ...JSON.parse(f.text), thresholds: { keyThreshold: 5 } }) } : f));
        send({ changed: sent, deleted: [], initial: true });
        await started;
        const plans = shared.workspace.LangiumDocuments.all.toArray().map((d) => d.uri.toString().slice(ROOT.length + 1)).sort();
        expect(plans).toContain(NORDWIND);
        expect(plans).toContain('portfolio/team.kam');
        expect(plans).not.toContain('kam.config.json');
        const nordwind = document(shared, NORDWIND)!;
        expect(nordwind.state).toBe(DocumentState.Validated);
        // Owners and factors live in other files: resolved, no errors.
        expect((nordwind.diagnostics ?? []).filter((d) => d.severity === DiagnosticSeverity.Error)).toEqual([]);
        expect(codes(shared, ALDERMOOR)).toContain('kam.missing-finance-contact');
        expect(codes(shared, ALDERMOOR)).not.toContain('kam.key-below-threshold');
    });

    it('adds a plan created later, and forgets it when it is deleted', async () => {
        const { shared, started, send } = startWorkerServer();
        const examples = exampleFiles();
        send({ changed: examples, deleted: [], initial: true });
        await started;
        expect(codes(shared, NORDWIND)).not.toContain('kam.duplicate-name');

        const copy = 'portfolio/accounts/nordwind-copy.kam';
        let checked = validatedAgain(shared, NORDWIND);
        send({ changed: [{ uri: uriOf(copy), text: examples.find((f) => f.uri === uriOf(NORDWIND))!.text }], deleted: [] });
        await checked;
        expect(document(shared, copy)).toBeDefined();
        expect(codes(shared, NORDWIND)).toContain('kam.duplicate-name');

        checked = validatedAgain(shared, NORDWIND);
        send({ changed: [], deleted: [uriOf(copy)] });
        await checked;
        expect(document(shared, copy)).toBeUndefined();
        expect(codes(shared, NORDWIND)).not.toContain('kam.duplicate-name');
    });

    it('reads the workspace only once the whole portfolio is in, and ignores a malformed message with a warning', async () => {
        const { shared, files, started, send, warnings } = startWorkerServer();
        send({ changed: 'everything', deleted: [] });
        expect(warnings).toEqual([expect.stringMatching(/^KAM Plans: ignored a malformed kam\/portfolioFiles message/)]);
        expect(files.uris()).toEqual([]);
        // A watcher's change before the initial batch: kept, but the workspace waits for the rest.
        const team = exampleFiles().find((f) => f.uri.endsWith('/team.kam'))!;
        send({ changed: [team], deleted: [] });
        expect((shared.workspace.WorkspaceManager as KamWorkspaceManager).startupHasBegun).toBe(false);
        send({ changed: exampleFiles(), deleted: [], initial: true });
        await started;
        expect(codes(shared, ALDERMOOR)).toContain('kam.missing-finance-contact');
    });

    it('starts without the files when they are late, and adds them when they come', async () => {
        const { shared, started, send } = startWorkerServer(10);
        await started;
        expect(shared.workspace.LangiumDocuments.all.toArray()).toEqual([]);
        const checked = validatedAgain(shared, NORDWIND);
        send({ changed: exampleFiles(), deleted: [], initial: true });
        await checked;
        expect(codes(shared, ALDERMOOR)).toContain('kam.missing-finance-contact');
    });
});
