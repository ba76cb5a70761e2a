/**
 * The accounts that need attention first, worst first, from the portfolio view's own rows: key
 * accounts below the key threshold, then by errors and warnings, with the reasons in words.
 * Interim: a shared attention view model (language/src/reports/attention-view.ts) is being written;
 * when it lands, the portfolio deck takes its rows from there and this file goes.
 */
import type { PortfolioAccountRow, PortfolioView } from '../../language/src/reports/view-model.js';

export interface AttentionRow {
    row: PortfolioAccountRow;
    reasons: string[];
}

function plural(n: number, word: string): string {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function accountsNeedingAttention(view: PortfolioView, limit = 10): AttentionRow[] {
    const threshold = view.thresholds.keyThreshold;
    const unplannedRenewals = new Map(view.renewals.filter((r) => !r.planned).map((r) => [r.title, r]));
    const belowThreshold = (r: PortfolioAccountRow) => r.tier === 'key' && r.strategicValue !== undefined && r.strategicValue < threshold;
    return view.accounts
        .map((row) => {
            const reasons: string[] = [];
            if (belowThreshold(row)) reasons.push(`a key account below the key threshold (${row.strategicValueDisplay} < ${threshold})`);
            const renewal = unplannedRenewals.get(row.title);
            if (renewal) reasons.push(`renews on ${renewal.date} (in ${plural(renewal.daysTo, 'day')}) with nothing planned for it`);
            if (row.errors) reasons.push(plural(row.errors, 'error'));
            if (row.warnings) reasons.push(plural(row.warnings, 'warning'));
            return { row, reasons };
        })
        .filter((a) => a.reasons.length > 0)
        .sort((a, b) => Number(belowThreshold(b.row)) - Number(belowThreshold(a.row)) || b.row.errors - a.row.errors || b.row.warnings - a.row.warnings
            || a.row.title.localeCompare(b.row.title))
        .slice(0, limit);
}
