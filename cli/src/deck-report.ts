/**
 * `kam report … --format pptx -o deck.pptx [--since REV]`: the review deck of one account or of the
 * portfolio (deck/), written through the same careful writer as every report. A deck is binary, so
 * it needs --out; with --since it adds what changed since a git revision or date, compared as
 * `kam diff` compares (history/ and the plan diff).
 */
import type { PortfolioDiff } from '../../language/src/plan-diff/index.js';
import type { ReportContext } from '../../language/src/reports/render-report.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { accountView, portfolioView } from '../../language/src/reports/view-model.js';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';
import { CliError } from './errors.js';
import { writeReportFile } from './report-file.js';
import { terminalLine } from './terminal-text.js';
import type { Output } from './main.js';

export interface DeckReportOptions {
    out?: string;
    force?: boolean;
    since?: string;
    today?: string;
}

/** The portfolio now against `since` (a revision, or the end of a day), as `kam diff` compares it. */
async function changesSince(since: string, root: string, today: string | undefined, io: Output): Promise<PortfolioDiff> {
    const { HistoryError, PlanHistory } = await import('../../history/src/index.js');
    try {
        const history = await PlanHistory.open(root, { root });
        const base = isValidIsoDate(since) ? await history.revisionAtDate(since) : await history.revision(since);
        const { before, after, diff } = await history.compare(base, undefined, today);
        [...before.notes, ...after.notes].forEach((n) => io.err(`warning: ${terminalLine(n)}`));
        return diff;
    } catch (error) {
        if (error instanceof HistoryError) throw new CliError(`--since ${since}: ${error.message}`);
        throw error;
    }
}

export async function writeDeckReport(
    accounts: ReviewedAccount[], single: boolean, context: ReportContext,
    run: { root: string; inputs: Set<string> }, options: DeckReportOptions, io: Output,
): Promise<void> {
    const diff = options.since === undefined ? undefined : await changesSince(options.since, run.root, options.today, io);
    const { accountReviewDeck, portfolioReviewDeck } = await import('../../deck/src/index.js');
    const bytes = single
        ? await accountReviewDeck(accounts.map((a) => accountView(a, context)), { diff })
        : await portfolioReviewDeck(portfolioView(accounts, context), { diff });
    writeReportFile(options.out!, bytes, { force: options.force, inputs: run.inputs });
    io.err(terminalLine(`Wrote ${options.out} (${single ? 'account' : 'portfolio'} review deck, ${accounts.length} account${accounts.length === 1 ? '' : 's'}${diff ? `, changes since ${options.since}` : ''}).`));
}
