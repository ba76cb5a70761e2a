/**
 * The portfolio as it stood at one revision, in the words the diff compares: each account's view
 * model (the same numbers the preview and the reports show, from the analyzer's scorecards and the
 * reviewer's findings) and the portfolio view (quadrants, Pareto). Pure data, JSON-safe, made by
 * whoever loaded the revision (the CLI from git, a web host from its own files).
 */
import type { IsoDate, Money } from '../domain/model.js';
import type { AccountScorecard } from '../domain/scorecard.js';
import { probabilityOf } from '../domain/pipeline.js';
import type { ReportContext } from '../reports/render-report.js';
import type { ReviewedAccount } from '../reports/summary-report.js';
import { accountView, portfolioView, type AccountView, type PortfolioView } from '../reports/view-model.js';

/** Which revision a snapshot is of, as people name it. */
export interface RevisionLabel {
    /** What was asked for: `main`, `v2026-Q3`, `HEAD~3`, `working tree`. */
    ref: string;
    /** The full commit id; none for the working tree. */
    commit?: string;
    /** The commit's date (yyyy-mm-dd); the review date for the working tree. */
    date?: IsoDate;
    /** The commit's subject line. */
    subject?: string;
}

export interface OpportunitySnapshot {
    text: string;
    kind?: string;
    value?: Money;
    stage?: string;
    /** The chance to win in percent, as the domain core reads it (stated, else the stage's usual one). */
    probability: number;
}

/** The account's pipeline: its opportunities, and the weighted total the scorecard computes (open ones, value × probability). */
export interface PipelineSnapshot {
    opportunities: OpportunitySnapshot[];
    /** The weighted pipeline in the account's revenue currency (converted where the portfolio gives rates). */
    total?: Money;
}

export function pipelineOf(card: AccountScorecard): PipelineSnapshot {
    const opportunities = card.plan.opportunities.map((o) => ({ text: o.text, kind: o.kind, value: o.value, stage: o.stage, probability: probabilityOf(o) }));
    const { currency, weighted } = card.pipeline;
    return { opportunities, total: currency && Number.isFinite(weighted) ? { amount: weighted, currency } : undefined };
}

export interface AccountSnapshot {
    view: AccountView;
    tier?: string;
    revenue?: Money;
    potentialRevenue?: Money;
    pipeline: PipelineSnapshot;
}

export interface PortfolioSnapshot {
    revision: RevisionLabel;
    accounts: AccountSnapshot[];
    portfolio: PortfolioView;
    /** Plans that could not be read whole at this revision (a syntax error): their numbers are provisional. */
    unreadable: Array<{ source: string; line: number }>;
}

/** The snapshot of reviewed accounts, as of `context.today`. */
export function snapshotOf(accounts: ReviewedAccount[], context: ReportContext, revision: RevisionLabel): PortfolioSnapshot {
    return {
        revision,
        accounts: accounts.map((a) => ({
            view: accountView(a, context),
            tier: a.card.plan.tier,
            revenue: a.card.plan.currentRevenue,
            potentialRevenue: a.card.plan.potentialRevenue,
            pipeline: pipelineOf(a.card),
        })),
        portfolio: portfolioView(accounts, context),
        unreadable: accounts.filter((a) => a.card.syntaxErrorLine !== undefined).map((a) => ({ source: a.source ?? a.card.plan.uri ?? a.card.plan.name, line: a.card.syntaxErrorLine! })),
    };
}
