/**
 * Whitespace: our products across the customer's business units or sites. Each cell is bought,
 * in the pipeline, open (nobody has tried) or not relevant. Coverage is what is bought of what is
 * relevant; the open cells are where cross-selling starts.
 */
import type { Whitespace, WhitespaceCell } from './model.js';

export interface WhitespaceSummary {
    counts: Record<WhitespaceCell, number>;
    /** Bought cells as a share (%) of relevant ones; undefined when nothing is relevant. */
    coverage: number | undefined;
    /** Rows whose cell count differs from the number of units. */
    misshapenRows: Array<{ product: string; cells: number }>;
}

export function whitespaceSummary(whitespace: Whitespace): WhitespaceSummary {
    const counts: Record<WhitespaceCell, number> = { bought: 0, pipeline: 0, open: 0, 'not-relevant': 0 };
    for (const row of whitespace.rows) for (const cell of row.cells) counts[cell]++;
    const relevant = counts.bought + counts.pipeline + counts.open;
    return {
        counts,
        coverage: relevant === 0 ? undefined : (100 * counts.bought) / relevant,
        misshapenRows: whitespace.rows.filter((r) => r.cells.length !== whitespace.units.length).map((r) => ({ product: r.product, cells: r.cells.length })),
    };
}
