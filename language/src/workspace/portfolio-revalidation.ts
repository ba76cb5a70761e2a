/**
 * Keeps portfolio-wide findings current on every plan. Owner and team capacity, revenue
 * concentration and duplicate names are reported on many files, but Langium re-validates only the
 * files that changed (and those whose references did). The portfolio facts ledger
 * (analysis/portfolio-facts.ts) knows which other plans a change concerns — an owner's other key
 * accounts, the team files, the accounts entering or leaving the top fifth, the elements whose name
 * became a duplicate — so after each validation pass exactly those are validated again, as they
 * are, without re-parsing.
 *
 * They are marked unvalidated at once and the build that validates them goes through Langium's own
 * `update`: if the writer's next keystroke cancels it, that keystroke's build picks them up (it
 * rebuilds every document below Validated), so no plan is ever left without diagnostics.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { KamServices } from '../kam-module.js';

export function keepPortfolioFindingsCurrent(shared: LangiumSharedServices, Kam: KamServices): void {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const ledger = Kam.validation.KamValidator.portfolio;
    /** Marks the other plans a change concerns as unvalidated; true when there are any. */
    const resetStale = (built: LangiumDocument[]): boolean => {
        const stale = ledger.takeStale();
        for (const document of built) stale.delete(document.uri.toString());
        const others = [...stale].map((uri) => documents.getDocument(URI.parse(uri))).filter((d): d is LangiumDocument => d !== undefined && d.state >= DocumentState.IndexedReferences);
        for (const document of others) builder.resetToState(document, DocumentState.IndexedReferences);
        return others.length > 0;
    };
    builder.onBuildPhase(DocumentState.Validated, (built) => {
        if (!resetStale(built)) return;
        // After the current build has finished: an update with no changes builds every document below Validated.
        // (setTimeout, not setImmediate: the same code runs in a browser's web worker.)
        setTimeout(() => {
            void shared.workspace.WorkspaceLock.write((token) => builder.update([], [], token)).catch(() => undefined);
        });
    });
    // A plan deleted (a duplicate, a key account of a full owner …) changes the facts too, but an
    // update that only deletes builds nothing, so no validation pass would take the stale plans:
    // once that update is done (the lock), they are validated again here. Always through an update:
    // taking the lock cancels a build in progress, which only an update picks up again.
    builder.onUpdate((_changed, deleted) => {
        if (deleted.length === 0) return;
        setTimeout(() => {
            void shared.workspace.WorkspaceLock.write((token) => {
                ledger.settlePending();
                resetStale([]);
                return builder.update([], [], token);
            }).catch(() => undefined);
        });
    });
}
