/**
 * Starts the KAM language server on a Node connection (IPC from VS Code, or stdio for other
 * editors via `kam lsp --stdio`): Langium's services plus the KAM settings and custom requests.
 */
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createKamServices } from '../../language/src/kam-module.js';
import { registerKamProtocol } from './kam-protocol-handlers.js';
import { watchKamSettings } from './settings-sync.js';
import { keepPortfolioFindingsCurrent } from '../../language/src/workspace/portfolio-revalidation.js';

export function startKamLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    // The server must outlive any failed promise (a client that does not answer a request, say): log it, keep serving.
    process.on('unhandledRejection', (reason) => {
        connection.console.error(`KAM language server: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`);
    });
    const { shared, Kam } = createKamServices({ connection, ...NodeFileSystem });
    registerKamProtocol(connection, shared, Kam);
    keepPortfolioFindingsCurrent(shared, Kam);
    startLanguageServer(shared);
    // After Langium's own handlers: the settings' change handler takes over Langium's (see settings-sync.ts).
    watchKamSettings(connection, shared, Kam);
}
