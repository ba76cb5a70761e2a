/**
 * One entry point for every summary report, whatever asks for it (the server's `kam/summaryReport`,
 * `kam report`): the same reviewed accounts become Markdown, a self-contained HTML file, or the JSON
 * view model.
 */
import type { IsoDate } from '../domain/model.js';
import type { Thresholds } from '../domain/thresholds.js';
import type { CurrencySettings } from '../domain/currency.js';
import { accountReportHtml, portfolioReportHtml, portfolioReportHtmlParts } from './html-report.js';
import { accountSummaryMarkdown, portfolioSummaryMarkdown, type ReviewedAccount } from './summary-report.js';
import { accountView, portfolioView, type People } from './view-model.js';
import { attentionView } from './attention-view.js';

export type ReportKind = 'md' | 'html' | 'json';

export interface ReportContext {
    today: IsoDate;
    thresholds: Thresholds;
    people?: People;
    /** The portfolio's reporting currency and rates, for totals across currencies. */
    currency?: CurrencySettings;
    /** Keep the findings' codes, files and lines for the plans' authors (the portfolio report's last section); a director's report leaves them out. */
    detail?: boolean;
}

/** One page per account (a file may hold several plans). */
export function renderAccountReport(accounts: ReviewedAccount[], format: ReportKind, context: ReportContext): string {
    if (format === 'md') return accounts.map((a) => accountSummaryMarkdown(a, context.today, context.people, context.thresholds, context.detail)).join('\n---\n\n');
    const views = accounts.map((a) => accountView(a, context));
    return format === 'html' ? accountReportHtml(views, { detail: context.detail }) : `${JSON.stringify({ kind: 'accounts', accounts: views }, null, 2)}\n`;
}

/** The whole portfolio (or the accounts under some folders). */
export function renderPortfolioReport(accounts: ReviewedAccount[], format: ReportKind, context: ReportContext): string {
    if (format === 'md') return portfolioSummaryMarkdown(accounts, context);
    const view = portfolioView(accounts, context);
    if (format === 'html') return portfolioReportHtml(view, { detail: context.detail });
    // The summary first, as in the other formats; the view model keeps every code and line (it is data, not a page).
    const { kind, title, today, ...details } = view;
    return `${JSON.stringify({ kind, title, today, attention: attentionView(view), ...details }, null, 2)}\n`;
}

/**
 * `renderPortfolioReport` in parts, for a writer that hands each part on as it is made (`kam report`):
 * the HTML page a section (or an account's findings) at a time; Markdown and JSON in one part.
 */
export function renderPortfolioReportParts(accounts: ReviewedAccount[], format: ReportKind, context: ReportContext): Iterable<string> {
    if (format !== 'html') return [renderPortfolioReport(accounts, format, context)];
    return portfolioReportHtmlParts(portfolioView(accounts, context), { detail: context.detail });
}
