/**
 * Starts the KAM language server on a Node connection (IPC from VS Code, or stdio for other
 * editors via `kam lsp --stdio`), reading the portfolio from disk — or, for a virtual workspace,
 * fed it by the client (fed-portfolio/).
 */
import { CarefulFileSystem } from '../../cli/src/plan-files.js';
import { growHeapAsV8Decides, growHeapForPortfolioBuild, holdYoungGeneration, youngGenerationAsV8Decides } from '../../cli/src/heap-growth.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { describeUnhandled, startKamServer } from './kam-server.js';
import { registerHistoryProtocol } from './history-handlers.js';
import { warnAboutUnreadableFolders } from './unreadable-folders.js';
import { startFedKamServer } from './fed-portfolio/index.js';
import { PortfolioFilesNotification } from '../../language/src/protocol.js';

export function startKamLanguageServer(): void {
    // The whole portfolio is read and checked at start: the heap grows in larger steps until then,
    // from before V8's first full collection, for a portfolio of a size they pay off for.
    growHeapForPortfolioBuild();
    const connection = createConnection(ProposedFeatures.all);
    // The server must outlive any failed promise (a client that does not answer a request, say): log it, keep serving.
    process.on('unhandledRejection', (reason) => connection.console.error(describeUnhandled(reason)));
    // A virtual workspace (Remote Repositories) is on no disk: the client sends its files, as in the
    // browser, and there is no git to read the plans' history from.
    const fed = process.env[PortfolioFilesNotification.fedServerEnv] === '1';
    // The CLI's careful reader: only regular files (a pipe named x.kam never blocks the server), read
    // synchronously (one file descriptor at a time, and faster than Node's promise API per file).
    // Plan history reads git: a Node host only.
    const { shared } = fed ? startFedKamServer(connection) : startKamServer(connection, CarefulFileSystem, registerHistoryProtocol);
    if (!fed) warnAboutUnreadableFolders(connection, shared);
    (shared.workspace.WorkspaceManager as KamWorkspaceManager).aroundFirstBuild({
        reading: growHeapForPortfolioBuild,
        planRead: holdYoungGeneration,
        ended: () => {
            growHeapAsV8Decides();
            youngGenerationAsV8Decides();
        },
    });
}
