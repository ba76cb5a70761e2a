/**
 * How V8 sizes the heap while a whole portfolio is read and checked (the CLI's and MCP's
 * `loadPortfolio`, the language server's first build, each revision history/ builds from git for
 * `kam diff`, `kam history`, the deck's `--since` and MCP's what changed): the old generation's
 * steps, the young generation's size, and no pretenuring.
 *
 * The old generation: how far V8 lets it grow before its next full collection.
 *
 * Why: a portfolio's syntax trees and findings only accumulate during its build, so a full
 * collection in the middle frees almost nothing, and costs a pause and slower young collections
 * while it marks. V8 sets the next collection at up to 4 × what survived the last one, and its
 * first comes early (at 20–40 MB, the language server's before it reads a plan): 2,000 plans then
 * take two or three. Steps of 20 × leave one: `kam validate` 0.95 × (paired, 12 runs), the server's
 * start to every plan diagnosed 0.96 ×, peak memory unchanged. At 20,000 plans larger steps cost more
 * than they save (1.05 ×, and one run in three reached 2.5 GiB): above
 * LARGEST_PORTFOLIO_FOR_LARGER_STEPS plans, V8 decides. After the build V8 decides again: an editing
 * session's memory is V8's business.
 *
 * The setting is the process's (V8's flags are global), read by V8 at each full collection. So only
 * the main thread sets them: the history worker (server/src/history-worker/) builds revisions with
 * the CLI's buildWorkspace, and its hold on the young generation would otherwise hold the editor's
 * for the rest of the session, and its exit set V8's values back in the middle of a build.
 */
import * as v8 from 'node:v8';
import { isMainThread } from 'node:worker_threads';

/** Plans up to which the build grows the heap in larger steps. */
export const LARGEST_PORTFOLIO_FOR_LARGER_STEPS = 5_000;

/**
 * Before reading a portfolio of `plans` plans (undefined: not known yet, as when a server starts):
 * larger steps, for a portfolio of a size they pay off for, and no pretenuring (withoutPretenuring).
 * Set before V8's first full collection (at about 40 MB), which sets the next one.
 */
export function growHeapForPortfolioBuild(plans?: number): void {
    setGrowingPercent(heapGrowingPercentFor(plans));
    withoutPretenuring();
}

/**
 * No allocation-site pretenuring while plans are built. V8 moves the objects made at a place in
 * the code straight to the old generation once most of the first hundred or two made there have
 * survived a young collection, and a plan's lexer tokens are all alive while it is parsed: whether
 * a run's tokens (and dozens of other short-lived objects, a trace of V8's decisions shows) were
 * taken for long-lived ones depended on where its first young collections fell. When they were,
 * they died in the old generation by the million: at 20,000 plans about 1 GB, four full
 * collections freeing 35–50 % each, the peak 2.0–2.4 GiB; in `kam diff` a revision's lexing took
 * 4 × as long. Without it: 20,000 plans 0.69 × (peak 2,326 → 1,872 MiB), `kam diff` 0.96 × (peak
 * 669 → 569 MiB), 2,000 plans `kam validate` 0.96 ×, the server's start 1.00 × (paired).
 */
function withoutPretenuring(): void {
    setV8Flag('--no-allocation-site-pretenuring');
}

/** V8's `--heap-growing-percent` for a build of `plans` plans (0: V8's heuristics). */
export function heapGrowingPercentFor(plans?: number): number {
    return plans === undefined || plans <= LARGEST_PORTFOLIO_FOR_LARGER_STEPS ? 1_900 : 0;
}

/** After the build: V8's own growth (0: V8's heuristics). */
export function growHeapAsV8Decides(): void {
    setGrowingPercent(0);
    setV8Flag('--allocation-site-pretenuring');
}

function setGrowingPercent(percent: number): void {
    setV8Flag(`--heap-growing-percent=${percent}`);
}

/**
 * Sets one of V8's flags, and V8's own values back when the process exits. Why: V8 stamps the code
 * it caches with the flags in force when the cache is made — at exit, by bin/load-bundle.cjs — and
 * rejects a cache whose stamp differs from the flags a run starts with. With the young generation
 * still held at exit, every `kam validate` of a portfolio large enough to hold it found its cache
 * rejected, compiled everything afresh and wrote a new cache (measured 2,000 plans: 1.05–1.08 ×).
 * Prepended, so it runs before the listener that writes the cache.
 */
function setV8Flag(flag: string): void {
    if (!isMainThread) return;
    v8.setFlagsFromString(flag);
    if (restoresAtExit) return;
    restoresAtExit = true;
    process.prependListener('exit', restoreV8Defaults);
}

let restoresAtExit = false;

/** V8's own values of every flag set here (`--heap-growing-percent` 0: V8's heuristics; pretenuring on). */
function restoreV8Defaults(): void {
    v8.setFlagsFromString('--heap-growing-percent=0');
    v8.setFlagsFromString('--allocation-site-pretenuring');
    v8.setFlagsFromString(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
}

/**
 * The young generation's semi-space, MiB, beyond which a portfolio's build does not let it grow.
 *
 * Why: V8 sizes the young generation from the machine's memory (two semi-spaces of up to 64 MiB on
 * a 24 GiB machine) and grows it while most young objects survive, as a portfolio's trees do. A
 * larger one copies no fewer survivors (each is copied once within it and once out of it), but
 * its pages are first touched and then kept: 128 MiB more to fault in and hold. Held at 16 MiB,
 * `kam validate` on 2,000 plans took 0.90 × the time, peak memory 383 → 297 MiB, the server's
 * start 0.88 × (paired, 10 runs each; 8 MiB was 1.04 × of 16, 32 MiB 1.07 ×).
 *
 * `--max-semi-space-size` would say it, but V8 reads it only when the process starts (a flag of
 * `node`, which `kam` cannot set once running: set at run time it changed nothing). The growth
 * factor is read at each growth: once the young generation has reached the cap, a factor of 1
 * keeps it there.
 */
export const YOUNG_SEMI_SPACE_MIB = 16;

/** V8's own `--semi-space-growth-factor` (no API reads a flag back), restored after a server's first build. */
const V8_GROWTH_FACTOR = 2;
let youngGenerationHeld = false;

/**
 * Called after each plan is read: once the young generation has grown to YOUNG_SEMI_SPACE_MIB, it
 * grows no further (until youngGenerationAsV8Decides). Cheap once held: V8 reaches the cap within
 * the first few dozen plans.
 */
export function holdYoungGeneration(): void {
    if (youngGenerationHeld || !isMainThread) return;
    const newSpace = v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space');
    if (!newSpace) {
        // A V8 without a young generation of two semi-spaces: nothing to hold.
        youngGenerationHeld = true;
        return;
    }
    // The new space's size counts both semi-spaces.
    if (newSpace.space_size >= 2 * YOUNG_SEMI_SPACE_MIB * 1024 * 1024) {
        setV8Flag('--semi-space-growth-factor=1');
        youngGenerationHeld = true;
    }
}

/** After the language server's first build: the young generation grows as V8 decides. */
export function youngGenerationAsV8Decides(): void {
    if (!youngGenerationHeld) return;
    setV8Flag(`--semi-space-growth-factor=${V8_GROWTH_FACTOR}`);
    youngGenerationHeld = false;
}
