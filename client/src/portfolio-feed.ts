/**
 * In the browser the language server has no file system, nor on the desktop in a virtual workspace
 * (Remote Repositories): this feeds it the portfolio. At start it
 * finds every `.kam` file and `kam.config.json` of the workspace (through VS Code's file system, so
 * any scheme: vscode-vfs on github.dev, the test server's in the tests …) and sends them in one
 * `kam/portfolioFiles`; afterwards a file watcher sends each creation, change and deletion, in the
 * order they happened. The server treats them as the desktop server treats changes on disk.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { State } from 'vscode-languageclient';
import { PortfolioFilesNotification } from '../../language/src/protocol.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';

/** The portfolio's files: plans and their settings. */
export const PORTFOLIO_GLOB = `**/{*.kam,${CONFIG_FILE}}`;
/** Dependency and build folders hold no plans (as the server skips them on disk). */
const EXCLUDED = '**/{node_modules,out}/**';
/** Files read at once: a remote repository answers each read over the network. */
const READ_CONCURRENCY = 16;

export class PortfolioFeed implements vscode.Disposable {
    private readonly disposables: vscode.Disposable[] = [];
    /** Sends in the order the changes happened (a change read slowly must not overtake a later deletion). */
    private queue: Promise<unknown> = Promise.resolve();

    constructor(private readonly client: BaseLanguageClient) {}

    /**
     * Sends the whole portfolio, then follows its changes; a restarted server (a new worker, empty)
     * is sent the whole portfolio again. Call after the client has started.
     */
    async start(): Promise<number> {
        // Watch first, so that nothing changing while the portfolio is read is missed.
        const watcher = vscode.workspace.createFileSystemWatcher(PORTFOLIO_GLOB);
        // A folder deleted in one go reports only the folder: the server forgets every file under it.
        const deletions = vscode.workspace.createFileSystemWatcher('**/*', true, true, false);
        this.disposables.push(watcher, deletions,
            watcher.onDidCreate((uri) => this.changed(uri)),
            watcher.onDidChange((uri) => this.changed(uri)),
            deletions.onDidDelete((uri) => this.deleted(uri)),
            // After the changes sent before it: the new server waits for this batch before it reads the workspace.
            this.client.onDidChangeState((event) => {
                if (event.newState === State.Running) this.enqueue(async () => { await this.sendAll(); });
            }));
        return this.sendAll();
    }

    /** Every plan and settings file of the workspace, in one batch that the server reads the workspace from. */
    private async sendAll(): Promise<number> {
        const uris = await vscode.workspace.findFiles(PORTFOLIO_GLOB, EXCLUDED);
        const changed: PortfolioFilesNotification.File[] = [];
        for (let i = 0; i < uris.length; i += READ_CONCURRENCY) {
            const read = await Promise.all(uris.slice(i, i + READ_CONCURRENCY).map((uri) => readText(uri)));
            changed.push(...read.filter((file): file is PortfolioFilesNotification.File => file !== undefined));
        }
        await this.send({ changed, deleted: [], initial: true });
        return changed.length;
    }

    private changed(uri: vscode.Uri): void {
        if (isExcluded(uri)) return;
        this.enqueue(async () => {
            const file = await readText(uri);
            // Gone again before it could be read: a deletion follows.
            if (file) await this.send({ changed: [file], deleted: [] });
        });
    }

    private deleted(uri: vscode.Uri): void {
        this.enqueue(() => this.send({ changed: [], deleted: [uri.toString()] }));
    }

    private enqueue(work: () => Promise<void>): void {
        this.queue = this.queue.then(work).catch((error) => {
            this.client.warn(`KAM Plans: could not send a portfolio change to the language server: ${error instanceof Error ? error.message : String(error)}`);
        });
    }

    private send(params: PortfolioFilesNotification.Params): Promise<void> {
        return this.client.sendNotification(PortfolioFilesNotification.type, params);
    }

    dispose(): void {
        for (const disposable of this.disposables) disposable.dispose();
    }
}

async function readText(uri: vscode.Uri): Promise<PortfolioFilesNotification.File | undefined> {
    try {
        return { uri: uri.toString(), text: new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) };
    } catch {
        return undefined;
    }
}

function isExcluded(uri: vscode.Uri): boolean {
    return /\/(node_modules|out)\//.test(uri.path);
}

/** Feeds a started client's server the portfolio for as long as the extension is active. */
export async function feedPortfolio(context: vscode.ExtensionContext, client: BaseLanguageClient): Promise<void> {
    const feed = new PortfolioFeed(client);
    context.subscriptions.push(feed);
    await feed.start();
}
