/**
 * How far V8 lets the old generation grow before its next full collection, while a whole portfolio
 * is read and checked (the CLI's and MCP's `loadPortfolio`, the language server's first build).
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
 * The setting is the process's (V8's flags are global), read by V8 at each full collection.
 */
import * as v8 from 'node:v8';

/** Plans up to which the build grows the heap in larger steps. */
export const LARGEST_PORTFOLIO_FOR_LARGER_STEPS = 5_000;

/**
 * Before reading a portfolio of `plans` plans (undefined: not known yet, as when a server starts):
 * larger steps, for a portfolio of a size they pay off for. Set before V8's first full collection
 * (at about 40 MB), which sets the next one.
 */
export function growHeapForPortfolioBuild(plans?: number): void {
    setGrowingPercent(heapGrowingPercentFor(plans));
}

/** V8's `--heap-growing-percent` for a build of `plans` plans (0: V8's heuristics). */
export function heapGrowingPercentFor(plans?: number): number {
    return plans === undefined || plans <= LARGEST_PORTFOLIO_FOR_LARGER_STEPS ? 1_900 : 0;
}

/** After the build: V8's own growth (0: V8's heuristics). */
export function growHeapAsV8Decides(): void {
    setGrowingPercent(0);
}

function setGrowingPercent(percent: number): void {
    v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
}
