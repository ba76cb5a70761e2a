/**
 * Keeps the reviewer's settings in step with VS Code's `kam.*` configuration. Each change is
 * validated (zod, value by value); a bad value is named in a warning and its default is used.
 * Plans are re-validated so diagnostics and scores follow the new settings at once.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import type { KamServices } from '../../language/src/kam-module.js';
import { parseReviewSettings } from '../../language/src/analysis/review-settings.js';
import { KNOWN_CODES } from '../../language/src/validation/diagnostic-codes.js';

export function watchKamSettings(connection: Connection, shared: LangiumSharedServices, Kam: KamServices): void {
    let lastProblems = '';
    shared.workspace.ConfigurationProvider.onConfigurationSectionUpdate(async (update) => {
        if (update.section !== 'kam') return;
        const { settings, problems } = parseReviewSettings(update.configuration ?? {}, KNOWN_CODES);
        const reviewChanged = Kam.analysis.ReviewSettings.update(settings);
        const joined = problems.join('\n');
        if (problems.length && joined !== lastProblems) {
            // A notification, not a request: nothing to wait for, and no client can fail to answer it.
            void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `KAM Plans settings: ${problems.join(' ')}` });
        }
        lastProblems = joined;
        if (reviewChanged) await revalidateAll(shared);
        // Inlay hints and code lenses show numbers and switches that follow the settings: ask the editor to fetch them again.
        connection.languages.inlayHint.refresh().catch(() => undefined);
        connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
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
