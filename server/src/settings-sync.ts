/**
 * Keeps the reviewer's settings in step with what the editor and the portfolio say, whichever way a
 * client gives settings:
 *   - pulled with `workspace/configuration` at start (Langium fetches the `kam` section) and again
 *     on every `workspace/didChangeConfiguration` (VS Code, Neovim, Helix …),
 *   - or pushed in the change notification itself by clients that cannot be asked;
 *   - the portfolio's kam.config.json, read for each plan and read again when it changes on disk.
 * Each change is validated (zod, value by value); a bad value is named in a warning and its default
 * is used. Plans are validated again so diagnostics and scores follow at once.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, FileChangeType, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { KamServices } from '../../language/src/kam-module.js';
import { readSettings, SETTING_KEYS } from '../../language/src/analysis/review-settings.js';
import { KNOWN_CODES } from '../../language/src/validation/diagnostic-codes.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';

export function watchKamSettings(connection: Connection, shared: LangiumSharedServices, Kam: KamServices): void {
    const holder = Kam.analysis.ReviewSettings;
    let canPull = false;
    shared.lsp.LanguageServer.onInitialize((params) => {
        canPull = Boolean(params.capabilities.workspace?.configuration);
    });

    const warn = (message: string) => {
        // A notification, not a request: nothing to wait for, and no client can fail to answer it.
        void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message });
    };
    const refreshEditor = () => {
        // Inlay hints and code lenses show numbers and switches that follow the settings: ask the editor to fetch them again.
        connection.languages.inlayHint.refresh().catch(() => undefined);
        connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    };

    let lastProblems = '';
    /** Applies the editor's settings; true when they changed what the reviewer says. */
    const takeEditorSettings = (raw: unknown): boolean => {
        const { layer, problems } = readSettings(raw ?? {}, { knownCodes: KNOWN_CODES });
        const joined = problems.join(' ');
        if (problems.length && joined !== lastProblems) warn(`KAM Plans settings: ${joined}`);
        lastProblems = joined;
        return holder.setEditorLayer(layer);
    };
    const applyEditorSettings = async (raw: unknown) => {
        if (takeEditorSettings(raw)) await revalidateAll(shared);
        refreshEditor();
    };

    // What Langium fetched at start with workspace/configuration, before the first build (an editor
    // that never answers delays it by two seconds at most; its settings then apply when they come).
    const manager = shared.workspace.WorkspaceManager as KamWorkspaceManager;
    manager.waitBeforeFirstBuild(shared.workspace.ConfigurationProvider.ready.then(async () => {
        const section: Record<string, unknown> = {};
        for (const key of SETTING_KEYS) {
            const value = await shared.workspace.ConfigurationProvider.getConfiguration('kam', key);
            if (value !== undefined) section[key] = value;
        }
        const changed = takeEditorSettings(section);
        // Too late for the first build: validate again, after it (the revalidation waits for the workspace lock).
        if (changed && manager.firstBuildHasBegun) void revalidateAll(shared).then(refreshEditor);
    }), 2000);

    // Replaces Langium's own handler (one per notification), keeping what it did.
    connection.onDidChangeConfiguration(async (change) => {
        shared.workspace.ConfigurationProvider.updateConfiguration(change);
        const pushed = (change.settings as { kam?: unknown } | null | undefined)?.kam;
        let raw = pushed;
        if (canPull) {
            try {
                [raw] = await connection.workspace.getConfiguration([{ section: 'kam' }]);
            } catch {
                raw = pushed;
            }
        }
        await applyEditorSettings(raw);
    });

    Kam.portfolio.PortfolioConfig.onProblems(({ file, problems }) => warn(`KAM Plans: ${file.fsPath || file.toString()}: ${problems.join(' ')}`));
    shared.lsp.DocumentUpdateHandler.onWatchedFilesChange(async (params) => {
        const configChanged = params.changes.some((c) => c.uri.endsWith(`/${CONFIG_FILE}`) && [FileChangeType.Created, FileChangeType.Changed, FileChangeType.Deleted].includes(c.type));
        if (!configChanged) return;
        await shared.workspace.WorkspaceManager.ready;
        await Kam.portfolio.PortfolioConfig.reload();
        await revalidateAll(shared);
        refreshEditor();
    });
}

/** Validates every plan again as it is (nothing is re-read or re-parsed): the review's rules changed, not the text. */
export async function revalidateAll(shared: LangiumSharedServices): Promise<void> {
    const builder = shared.workspace.DocumentBuilder;
    await shared.workspace.WorkspaceLock.write(async (token) => {
        const documents = shared.workspace.LangiumDocuments.all.toArray();
        for (const document of documents) builder.resetToState(document, DocumentState.IndexedReferences);
        await builder.build(documents, { validation: true }, token);
    });
}
