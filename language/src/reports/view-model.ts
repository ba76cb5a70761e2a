/**
 * The view model of the pictures: what the live preview, the HTML report and `kam report --format json`
 * show, computed once from the domain scorecards and the reviewer's findings. Pure data (JSON-safe),
 * no markup: the chart renderers in `charts/` draw it, the same way everywhere. One module per view:
 * account-view.ts, portfolio-view.ts, and what they share in view-shared.ts.
 */
export * from './view-shared.js';
export * from './account-view.js';
export * from './portfolio-view.js';
export * from './attention-view.js';
