/**
 * Keeps portfolio-wide findings current on every plan. Owner and team capacity, revenue
 * concentration and duplicate names are reported on many files, but Langium re-validates only the
 * files that changed (and those whose references did). So after each validation pass the
 * portfolio's facts are compared with those the whole workspace was last validated against; only
 * when they differ (a tier, an owner, a capacity, who is in the top fifth, a duplicated name —
 * not on ordinary keystrokes) are the other plans validated again, as they are, without re-parsing.
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
    let revalidating = false;
    builder.onBuildPhase(DocumentState.Validated, (built) => {
        if (revalidating) return;
        const signature = portfolioSignature(shared, Kam);
        if (settled === undefined || settled === signature) {
            settled ??= signature;
            return;
        }
        const justValidated = new Set(built.map((d) => d.uri.toString()));
        // After the current build has finished; a newer edit may cancel this, and the next pass retries.
        setImmediate(() => {
            void shared.workspace.WorkspaceLock.write(async (token) => {
                const others = shared.workspace.LangiumDocuments.all.filter((d) => !justValidated.has(d.uri.toString())).toArray();
                revalidating = true;
                try {
                    for (const document of others) builder.resetToState(document, DocumentState.IndexedReferences);
                    await builder.build(others, { validation: true }, token);
                    settled = signature;
                } finally {
                    revalidating = false;
                }
            }).catch(() => undefined);
        });
    });
}
