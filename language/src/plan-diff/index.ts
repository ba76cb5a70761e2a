/**
 * The semantic diff of a portfolio between two revisions: snapshots (what each revision's plans
 * mean, from the analyzer and the view model), their comparison, and its rendering as a
 * pull-request comment (Markdown), a page with before/after charts (HTML) or JSON. Pure: whoever
 * loads the revisions (the CLI from git, a web host from its own store) passes the snapshots in.
 */
import { diffReportHtml } from './diff-html.js';
import { diffMarkdown } from './diff-markdown.js';
import type { PortfolioDiff } from './portfolio-diff.js';
import type { PortfolioSnapshot } from './snapshot.js';

export { diffPortfolios, type PortfolioDiff, type AccountDiff, type DiffOptions } from './portfolio-diff.js';
export { snapshotOf, pipelineOf, type PortfolioSnapshot, type AccountSnapshot, type RevisionLabel } from './snapshot.js';
export { diffMarkdown } from './diff-markdown.js';
export { diffBodyHtml, diffReportHtml } from './diff-html.js';

export type DiffFormat = 'md' | 'html' | 'json';

export function renderDiff(diff: PortfolioDiff, base: PortfolioSnapshot, head: PortfolioSnapshot, format: DiffFormat): string {
    if (format === 'md') return diffMarkdown(diff);
    if (format === 'html') return diffReportHtml(diff, base, head);
    return `${JSON.stringify(diff, null, 2)}\n`;
}
