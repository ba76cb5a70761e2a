/**
 * The language server over a portfolio the client sends (kam/portfolioFiles) instead of a disk it
 * reads: in VS Code for the Web's worker (browser/main.ts), and on the desktop for a virtual
 * workspace (GitHub's Remote Repositories: `vscode-vfs:` folders no Node process can read;
 * start-server.ts when the client sets `PortfolioFilesNotification.fedServerEnv`). The client's side is
 * client/src/portfolio-feed.ts.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import type { KamServices } from '../../../language/src/kam-module.js';
import { startKamServer } from '../kam-server.js';
import { PortfolioFileSystemProvider } from './portfolio-file-system.js';
import { receivePortfolioFiles } from './portfolio-files-sync.js';

export function startFedKamServer(connection: Connection): { shared: LangiumSharedServices; Kam: KamServices } {
    const files = new PortfolioFileSystemProvider();
    const started = startKamServer(connection, { fileSystemProvider: () => files });
    receivePortfolioFiles(connection, started.shared, files);
    return started;
}
