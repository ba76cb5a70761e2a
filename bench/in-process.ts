/**
 * Measurements inside one process, on the same services the language server runs (the portfolio
 * served from memory): the workspace build against a bare parse, and what one keystroke costs until
 * the edited plan's diagnostics and inlay hints are ready. Shared by `npm run bench` and the tests in
 * test/performance (the edit-cost ratio at two portfolio sizes, the documents an edit re-checks).
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { createKamServices, type KamServices } from '../language/src/kam-module.js';
import { keepPortfolioFindingsCurrent } from '../language/src/workspace/portfolio-revalidation.js';
import { MemoryFileSystem } from '../test/helpers/memory-file-system.js';
import { realisticPortfolio } from './realistic-portfolio.js';

export interface Workspace {
    Kam: KamServices;
    fileSystem: MemoryFileSystem;
    plans: URI[];
    buildMs: number;
    phases: Array<[string, number]>;
}

const ROOT = 'memory:///portfolio/';

export function elapsed(start: number): number {
    return performance.now() - start;
}

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

export function percentile(values: number[], q: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Builds (parses, links, validates) a realistic portfolio of `plans` plans, as the server does at start. */
export async function buildPortfolio(plans: number): Promise<Workspace> {
    const fileSystem = new MemoryFileSystem();
    const uris: URI[] = [];
    for (const [file, text] of realisticPortfolio(plans)) {
        const uri = URI.parse(ROOT + file);
        fileSystem.files.set(uri.toString(), text);
        if (file.endsWith('.kam')) uris.push(uri);
    }
    const { shared, Kam } = createKamServices({ fileSystemProvider: () => fileSystem });
    keepPortfolioFindingsCurrent(shared, Kam);
    Kam.analysis.ReviewSettings.setOverrideLayer({ today: '2026-11-24' });
    const builder = shared.workspace.DocumentBuilder;
    const phases: Array<[string, number]> = [];
    const start = performance.now();
    let phaseStart = start;
    const listeners = [DocumentState.IndexedContent, DocumentState.ComputedScopes, DocumentState.Linked, DocumentState.IndexedReferences, DocumentState.Validated]
        .map((state) => builder.onBuildPhase(state, () => {
            phases.push([state === DocumentState.IndexedContent ? 'Parsed and IndexedContent' : DocumentState[state], elapsed(phaseStart)]);
            phaseStart = performance.now();
        }));
    const documents = await Promise.all(uris.map((u) => shared.workspace.LangiumDocuments.getOrCreateDocument(u)));
    await builder.build(documents, { validation: true });
    listeners.forEach((l) => l.dispose());
    const plansOnly = uris.filter((u) => u.path.includes('/accounts/'));
    return { Kam, fileSystem, plans: plansOnly, buildMs: elapsed(start), phases };
}

/**
 * Parses every plan of a portfolio once, with nothing else: the yardstick of the build. The results
 * are kept until the end, as a build keeps them (a parse whose results are thrown away at once is
 * cheaper than any build could be: the garbage collector never copies them).
 */
export function bareParseMs(plans: number): number {
    const { Kam } = createKamServices({ fileSystemProvider: () => new MemoryFileSystem() });
    const parser = Kam.parser.LangiumParser;
    const texts = [...realisticPortfolio(plans).entries()].filter(([file]) => file.endsWith('.kam')).map(([, text]) => text);
    const kept: unknown[] = [];
    const start = performance.now();
    for (const text of texts) kept.push(parser.parse(text));
    const ms = elapsed(start);
    kept.length = 0;
    return ms;
}

/**
 * One keystroke in a plan: a score changes, Langium's update runs, and the plan's diagnostics and
 * inlay hints are ready (the portfolio's other plans are re-checked in the background afterwards).
 * Returns the milliseconds until then.
 */
export async function editOnce(workspace: Workspace, plan: URI, round: number): Promise<number> {
    const shared = workspace.Kam.shared;
    const key = plan.toString();
    const text = workspace.fileSystem.files.get(key)!;
    // `currentRevenue 5` → another score, different each round.
    workspace.fileSystem.files.set(key, text.replace(/(currentRevenue )(\d+)/, (_m, p: string) => `${p}${1 + (round % 10)}`));
    const start = performance.now();
    await shared.workspace.WorkspaceLock.write((token) => shared.workspace.DocumentBuilder.update([plan], [], token));
    const document = shared.workspace.LangiumDocuments.getDocument(plan) as LangiumDocument;
    const end = document.textDocument.positionAt(document.textDocument.getText().length);
    await workspace.Kam.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: key }, range: { start: { line: 0, character: 0 }, end } });
    return elapsed(start);
}

/** Lets background work (re-checks of other plans) finish between edits, as the writer's pauses would. */
export async function settle(workspace: Workspace): Promise<void> {
    await workspace.Kam.shared.workspace.WorkspaceLock.read(async () => undefined);
}

/**
 * The median edit in two portfolios, the edits made in turn (one here, one there), so that a machine
 * slowing down or speeding up affects both alike; a few edits first, so both are measured with warm
 * code. For the ratio of an edit's cost at two sizes (the benchmark's row and test/performance).
 */
export async function interleavedEditMedians(small: Workspace, large: Workspace, edits: number): Promise<{ small: number; large: number }> {
    const times = { small: [] as number[], large: [] as number[] };
    for (let i = 0; i < 5 + edits; i++) {
        const inSmall = await editOnce(small, small.plans[(i * 37) % small.plans.length], i);
        await settle(small);
        const inLarge = await editOnce(large, large.plans[(i * 37) % large.plans.length], i);
        await settle(large);
        if (i >= 5) {
            times.small.push(inSmall);
            times.large.push(inLarge);
        }
    }
    return { small: median(times.small), large: median(times.large) };
}
