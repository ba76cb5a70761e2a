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

export function startKamLanguageServer(): void {
    const connection = createConnection(ProposedFeatures.all);
    const { shared, Kam } = createKamServices({ connection, ...NodeFileSystem });
    watchKamSettings(connection, shared, Kam);
    registerKamProtocol(connection, shared, Kam);
    startLanguageServer(shared);
}
