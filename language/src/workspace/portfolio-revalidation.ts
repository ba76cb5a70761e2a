/**
 * Keeps portfolio-wide findings current on every plan. Owner and team capacity, revenue
 * concentration and duplicate names are reported on many files, but Langium re-validates only the
 * files that changed (and those whose references did). So after each validation pass the
 * portfolio's facts are compared with those the whole workspace was last validated against; only
 * when they differ (a tier, an owner, a capacity, who is in the top fifth, a duplicated name —
 * not on ordinary keystrokes) are the other plans validated again, as they are, without re-parsing.
 *
 * The other plans are marked unvalidated at once and the build that validates them goes through
 * Langium's own `update`: if the writer's next keystroke cancels it, that keystroke's build picks
 * them up (it rebuilds every document below Validated), so no plan is ever left without diagnostics.
 */
import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { KamServices } from '../kam-module.js';

/** Everything the cross-file checks depend on, as one comparable string. */
function portfolioSignature(shared: LangiumSharedServices, Kam: KamServices): string {
    const roots = [undefined, ...Kam.portfolio.PortfolioConfig.roots()];
    const perRoot = roots.map((root) => {
        const facts = Kam.validation.KamValidator.portfolio.factsOfRoot(root);
        const { paretoLimit } = Kam.analysis.ReviewSettings.forRoot(root).thresholds;
        return [
            root ?? '', [...facts.keyAccountsByOwner].sort(), [...facts.capacityByMember].sort(), facts.keyAccountCount, facts.teamCapacity,
            [...facts.topFifth].sort(), facts.concentration.topFifthShare > paretoLimit, facts.mixedCurrencies,
        ];
    });
    const names = new Map<string, number>();
    for (const d of shared.workspace.IndexManager.allElements()) {
        const key = `${d.type}:${d.name}`;
        names.set(key, (names.get(key) ?? 0) + 1);
    }
    return JSON.stringify([perRoot, [...names].filter(([, n]) => n > 1).map(([k]) => k).sort()]);
}

export function keepPortfolioFindingsCurrent(shared: LangiumSharedServices, Kam: KamServices): void {
    const builder = shared.workspace.DocumentBuilder;
    let settled: string | undefined;
    builder.onBuildPhase(DocumentState.Validated, (built) => {
        const signature = portfolioSignature(shared, Kam);
        if (settled === undefined || settled === signature) {
            settled = signature;
            return;
        }
        settled = signature;
        const justValidated = new Set(built.map((d) => d.uri.toString()));
        const others = shared.workspace.LangiumDocuments.all.filter((d) => !justValidated.has(d.uri.toString()) && d.state >= DocumentState.IndexedReferences).toArray();
        if (others.length === 0) return;
        for (const document of others) builder.resetToState(document, DocumentState.IndexedReferences);
        // After the current build has finished: an update with no changes builds every document below Validated.
        setImmediate(() => {
            void shared.workspace.WorkspaceLock.write((token) => builder.update([], [], token)).catch(() => undefined);
        });
    });
}
