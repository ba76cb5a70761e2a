/**
 * The VS Code extension in the browser (vscode.dev, github.dev): the same client as on the desktop
 * (kam-client.ts: commands, previews, settings) with the language server in a web worker
 * (out/server/browser.js). The worker has no file system, so the portfolio is fed to it
 * (../portfolio-feed.ts), and the plans it receives are the workspace's own documents, whatever
 * their scheme.
 */
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { kamClientOptions, registerKamFeatures } from '../kam-client.js';
import { usePlanSchemes, workspacePlanSchemes } from '../plan-document.js';
import { feedPortfolio } from '../portfolio-feed.js';

let client: LanguageClient | undefined;
let worker: Worker | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    // The workspace's own documents (vscode-vfs: on github.dev and vscode.dev, …) and unsaved ones.
    usePlanSchemes(workspacePlanSchemes(vscode.workspace.workspaceFolders ?? []));
    const serverScript = vscode.Uri.joinPath(context.extensionUri, 'out', 'server', 'browser.js').toString(true);
    // A new worker at every start: a restart (KAM: Restart Language Server, or the client's own after
    // a crash) ends the old one and begins with an empty server, which the feed sends the portfolio.
    // The transports are made here: in the web extension host a worker is not always `instanceof Worker`,
    // which the client's own test for a returned worker needs.
    const startWorker = () => {
        worker?.terminate();
        worker = new Worker(serverScript);
        return Promise.resolve({ reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) });
    };
    client = new LanguageClient('kam', 'KAM Plans', startWorker, kamClientOptions(context));
    registerKamFeatures(context, client);
    await client.start();
    await feedPortfolio(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
    worker?.terminate();
    worker = undefined;
}
