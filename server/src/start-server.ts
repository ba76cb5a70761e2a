/**
 * Starts the KAM language server on a Node connection (IPC from VS Code, or stdio for other
 * editors via `kam lsp --stdio`): Langium's services plus the KAM settings and custom requests.
 */
import { startLanguageServer } from 'langium/lsp';
import { CarefulFileSystem } from '../../cli/src/plan-files.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createKamServices } from '../../language/src/kam-module.js';
import { registerKamProtocol } from './kam-protocol-handlers.js';
import { registerHistoryProtocol } from './history-handlers.js';
import { watchKamSettings } from './settings-sync.js';
import { keepPortfolioFindingsCurrent } from '../../language/src/workspace/portfolio-revalidation.js';

export function startKamLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // The server must outlive any failed promise (a client that does not answer a request, say): log it, keep serving.
    process.on('unhandledRejection', (reason) => {
        connection.console.error(`KAM language server: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
    });
    // The CLI's careful reader: only regular files (a pipe named x.kam never blocks the server), read
    // synchronously (one file descriptor at a time, and faster than Node's promise API per file).
    const { shared, Kam } = createKamServices({ connection, ...CarefulFileSystem });
    registerKamProtocol(connection, shared, Kam, registerHistoryProtocol(connection, shared, Kam));
    keepPortfolioFindingsCurrent(shared, Kam);
    startLanguageServer(shared);
    // After Langium's own handlers: the settings' change handler takes over Langium's (see settings-sync.ts).
    watchKamSettings(connection, shared, Kam);
}
