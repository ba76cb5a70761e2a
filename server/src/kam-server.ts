/**
 * The KAM language server on any connection and file system: Langium's services plus the KAM
 * settings, custom requests and portfolio-wide re-validation. Both hosts start it: Node
 * (start-server.ts: IPC or stdio, the disk) and the browser's web worker (browser/main.ts: the
 * worker's messages, the files the client sends).
 */
import type { DefaultSharedModuleContext, LangiumSharedServices } from 'langium/lsp';
import { startLanguageServer } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { createKamServices, type KamServices } from '../../language/src/kam-module.js';
import { keepPortfolioFindingsCurrent } from '../../language/src/workspace/portfolio-revalidation.js';
import { registerKamProtocol, type AccountPreviewExtras } from './kam-protocol-handlers.js';
import { watchKamSettings } from './settings-sync.js';

/** What only one host can add to the account preview (the Node host: the plan's trend read from git). */
export type HostPreviewExtras = (connection: Connection, shared: LangiumSharedServices, Kam: KamServices) => AccountPreviewExtras | undefined;

export function startKamServer(connection: Connection, fileSystem: Pick<DefaultSharedModuleContext, 'fileSystemProvider'>, hostExtras?: HostPreviewExtras): { shared: LangiumSharedServices; Kam: KamServices } {
    const { shared, Kam } = createKamServices({ connection, ...fileSystem });
    registerKamProtocol(connection, shared, Kam, hostExtras?.(connection, shared, Kam));
    keepPortfolioFindingsCurrent(shared, Kam);
    startLanguageServer(shared);
    // After Langium's own handlers: the settings' change handler takes over Langium's (see settings-sync.ts).
    watchKamSettings(connection, shared, Kam);
    return { shared, Kam };
}

/** What to log when a promise failed with nobody waiting for it: the server keeps serving. */
export function describeUnhandled(reason: unknown): string {
    return `KAM language server: ${reason instanceof Error ? reason.stack ?? reason.message : String(reason)}`;
}
