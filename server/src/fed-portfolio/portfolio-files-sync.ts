/**
 * Receives the portfolio's files from the client (kam/portfolioFiles) into the worker's file system
 * and tells Langium, as a watched-files change from the editor would on disk: the plans are
 * (re)built, deleted ones dropped, and a changed kam.config.json read again (settings-sync.ts). The
 * first batch is awaited before the workspace is read, so the first build sees the whole portfolio
 * (cross-file references and portfolio findings right from the start).
 */
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { FileChangeType, MessageType, ShowMessageNotification, type Connection, type FileEvent } from 'vscode-languageserver';
import * as z from 'zod/mini';
import '../../../language/src/analysis/zod-messages.js';
import { PortfolioFilesNotification } from '../../../language/src/protocol.js';
import type { KamWorkspaceManager } from '../../../language/src/workspace/kam-workspace-manager.js';
import type { PortfolioFileSystemProvider } from './portfolio-file-system.js';

/** How long the workspace waits for the client's first batch before it starts without it. */
export const FIRST_BATCH_TIMEOUT_MS = 30_000;

const uriText = z.string().check(z.minLength(1));
const params = z.object({
    changed: z.array(z.object({ uri: uriText, text: z.string() })),
    deleted: z.array(uriText),
    initial: z.optional(z.boolean()),
});

export function receivePortfolioFiles(connection: Pick<Connection, 'onNotification' | 'sendNotification' | 'onDidChangeWatchedFiles'>, shared: LangiumSharedServices, files: PortfolioFileSystemProvider,
    firstBatchTimeoutMs = FIRST_BATCH_TIMEOUT_MS): void {
    const manager = shared.workspace.WorkspaceManager as KamWorkspaceManager;
    let firstBatchArrived: () => void = () => undefined;
    manager.waitBeforeStartup(new Promise<void>((resolve) => { firstBatchArrived = resolve; }), firstBatchTimeoutMs);
    // Called after Langium's server has started: this replaces its handler of the editor's own file
    // events, which would race the files' contents (they come first, and the worker could only read
    // the old text). Here the files and their changes come from kam/portfolioFiles alone.
    connection.onDidChangeWatchedFiles(() => undefined);

    connection.onNotification(PortfolioFilesNotification.type, (raw) => {
        const parsed = params.safeParse(raw);
        if (!parsed.success) {
            void connection.sendNotification(ShowMessageNotification.type, {
                type: MessageType.Warning,
                message: `KAM Plans: ignored a malformed ${PortfolioFilesNotification.method} message (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
            });
            return;
        }
        const changes = applyPortfolioFiles(files, parsed.data);
        // Before the workspace is read, the files are simply there for it (the whole portfolio once
        // the initial batch is in); afterwards they are changes.
        if (!manager.startupHasBegun) {
            if (parsed.data.initial) firstBatchArrived();
            return;
        }
        if (changes.length) shared.lsp.DocumentUpdateHandler.didChangeWatchedFiles?.({ changes });
    });
}

/** Writes and deletes the files; returns the changes as the editor's file watcher would report them. */
export function applyPortfolioFiles(files: PortfolioFileSystemProvider, params: PortfolioFilesNotification.Params): FileEvent[] {
    const changes: FileEvent[] = [];
    for (const deleted of params.deleted) {
        for (const gone of files.delete(deleted)) changes.push({ uri: gone, type: FileChangeType.Deleted });
    }
    for (const file of params.changed) {
        const uri = URI.parse(file.uri);
        const existed = files.existsSync(uri);
        files.write(uri, file.text);
        changes.push({ uri: uri.toString(), type: existed ? FileChangeType.Changed : FileChangeType.Created });
    }
    return changes;
}
