/**
 * The stylesheets and the one small script shared by the live preview (a VS Code webview) and the
 * self-contained HTML report. Charts and pages use only CSS classes and `--kam-*` variables; the two
 * variable sets below map them to VS Code's theme colours (light, dark and high contrast alike) or to
 * a light printable palette. No imports: the client bundles this file as it is.
 */

/** Colours for the HTML report: a light theme that prints well. */
export const LIGHT_THEME_CSS = `
:root {
  --kam-fg: #1f2328; --kam-muted: #57606a; --kam-bg: #ffffff; --kam-surface: #f6f8fa; --kam-grid: #d0d7de;
  --kam-accent: #0969da; --kam-good: #1a7f37; --kam-warn: #bf8700; --kam-bad: #cf222e; --kam-orange: #bc4c00;
  --kam-purple: #8250df; --kam-neutral: #8c959f; --kam-link: #0969da; --kam-focus: #0969da; --kam-border: #d0d7de;
  --kam-font: system-ui, -apple-system, "Segoe UI", "Noto Sans", "DejaVu Sans", sans-serif;
}
body { background: var(--kam-bg); }
`;

/** Colours for the webview: VS Code's own theme variables, so every theme (and high contrast) applies. */
export const VSCODE_THEME_CSS = `
:root {
  --kam-fg: var(--vscode-editor-foreground); --kam-muted: var(--vscode-descriptionForeground);
  --kam-bg: var(--vscode-editor-background); --kam-surface: var(--vscode-editorWidget-background, var(--vscode-editor-background));
  --kam-grid: var(--vscode-charts-lines); --kam-accent: var(--vscode-charts-blue); --kam-good: var(--vscode-charts-green);
  --kam-warn: var(--vscode-charts-yellow); --kam-bad: var(--vscode-charts-red); --kam-orange: var(--vscode-charts-orange);
  --kam-purple: var(--vscode-charts-purple); --kam-neutral: var(--vscode-descriptionForeground);
  --kam-link: var(--vscode-textLink-foreground); --kam-focus: var(--vscode-focusBorder);
  --kam-border: var(--vscode-contrastBorder, var(--vscode-charts-lines));
  --kam-font: var(--vscode-font-family);
}
body { background: var(--kam-bg); }
`;

/** The charts: only classes and variables, so one SVG is themed by either palette. */
export const CHART_CSS = `
.kam-chart { max-width: 100%; height: auto; overflow: visible; }
.kam-chart text { fill: var(--kam-fg); font-family: var(--kam-font); }
.kam-chart .kam-muted { fill: var(--kam-muted); }
.kam-chart .kam-strong { font-weight: 600; }
.kam-chart .kam-small { font-size: 11px; }
.kam-track { fill: var(--kam-grid); fill-opacity: 0.5; }
.kam-bar { fill: var(--kam-accent); }
.kam-seg { stroke: var(--kam-bg); stroke-width: 1; }
.kam-seg-0 { fill: var(--kam-accent); } .kam-seg-1 { fill: var(--kam-purple); } .kam-seg-2 { fill: var(--kam-good); }
.kam-seg-3 { fill: var(--kam-orange); } .kam-seg-4 { fill: var(--kam-warn); } .kam-seg-5 { fill: var(--kam-bad); }
.kam-threshold { stroke: var(--kam-fg); stroke-width: 1.5; stroke-dasharray: 5 3; }
.kam-grid { stroke: var(--kam-grid); stroke-width: 1; }
.kam-frame { fill: none; stroke: var(--kam-grid); }
.kam-edge { fill: none; stroke: var(--kam-muted); stroke-width: 1.5; }
.kam-arrow { fill: var(--kam-muted); }
.kam-stance-champion { --kam-stance: var(--kam-good); } .kam-stance-supporter { --kam-stance: var(--kam-accent); }
.kam-stance-neutral { --kam-stance: var(--kam-neutral); } .kam-stance-skeptic { --kam-stance: var(--kam-orange); }
.kam-stance-blocker { --kam-stance: var(--kam-bad); } .kam-stance-unknown { --kam-stance: var(--kam-grid); }
.kam-node-box { fill: var(--kam-surface); stroke: var(--kam-stance); }
.kam-stance-unknown .kam-node-box { stroke-dasharray: 4 3; stroke: var(--kam-muted); }
.kam-node-stripe { fill: var(--kam-stance); }
.kam-chart .kam-node-name { font-size: 13px; font-weight: 600; }
.kam-chart .kam-node-line { font-size: 11px; }
.kam-fulfil-met { --kam-fulfil: var(--kam-good); } .kam-fulfil-at-risk { --kam-fulfil: var(--kam-warn); }
.kam-fulfil-unmet { --kam-fulfil: var(--kam-bad); } .kam-fulfil-unknown { --kam-fulfil: var(--kam-neutral); }
.kam-cell-box { fill: var(--kam-fulfil); fill-opacity: 0.2; stroke: var(--kam-fulfil); stroke-width: 1.5; }
.kam-fulfil-none .kam-cell-box { fill: none; stroke: var(--kam-grid); stroke-dasharray: 3 3; }
.kam-chart .kam-cell-label { font-weight: 600; }
.kam-band { fill: var(--kam-surface); fill-opacity: 0.7; }
.kam-marker { fill: var(--kam-accent); stroke: var(--kam-bg); stroke-width: 1; }
.kam-item-objective .kam-marker { fill: var(--kam-purple); }
.kam-item-milestone .kam-marker { fill: var(--kam-orange); }
.kam-status-done .kam-marker { fill: var(--kam-good); } .kam-status-cancelled .kam-marker { fill: var(--kam-neutral); }
.kam-status-blocked .kam-marker { fill: var(--kam-warn); }
.kam-overdue .kam-marker { fill: var(--kam-bad); stroke: var(--kam-fg); stroke-width: 1.5; }
.kam-chart .kam-overdue-label { fill: var(--kam-bad); font-weight: 600; }
.kam-today { stroke: var(--kam-bad); stroke-width: 1.5; stroke-dasharray: 2 2; }
.kam-chart .kam-today-label { fill: var(--kam-bad); }
.kam-target { stroke: var(--kam-fg); stroke-width: 3; }
.kam-on-target .kam-bar { fill: var(--kam-good); }
.kam-kpi-kept { fill: var(--kam-neutral); fill-opacity: 0.6; }
.kam-kpi-to-cut .kam-kpi-excess { fill: var(--kam-orange); }
.kam-chart .kam-excess-label { fill: var(--kam-orange); font-weight: 600; }
.kam-chart .kam-good-label { fill: var(--kam-good); font-weight: 600; }
.kam-heat-low { --kam-heat: var(--kam-good); } .kam-heat-medium { --kam-heat: var(--kam-warn); } .kam-heat-high { --kam-heat: var(--kam-bad); }
.kam-heat-box { fill: var(--kam-heat); fill-opacity: 0.18; stroke: var(--kam-bg); stroke-width: 2; }
.kam-risk-dot circle { fill: var(--kam-fg); }
.kam-chart .kam-dot-label { fill: var(--kam-bg); font-size: 11px; font-weight: 700; }
.kam-quadrant-strategic { --kam-q: var(--kam-good); } .kam-quadrant-star { --kam-q: var(--kam-accent); }
.kam-quadrant-status { --kam-q: var(--kam-purple); } .kam-quadrant-streamline { --kam-q: var(--kam-neutral); }
.kam-quadrant-unknown { --kam-q: var(--kam-grid); }
.kam-quadrant-box { fill: var(--kam-q); fill-opacity: 0.07; }
.kam-chart .kam-quadrant-label { fill: var(--kam-muted); font-size: 11px; font-weight: 600; }
.kam-bubble-fill { fill: var(--kam-q); fill-opacity: 0.5; stroke: var(--kam-q); stroke-width: 2; }
.kam-bubble-fill.kam-no-revenue { fill-opacity: 0; stroke-dasharray: 2 2; }
.kam-chart .kam-bubble-label { font-size: 11.5px; paint-order: stroke; stroke: var(--kam-bg); stroke-width: 3px; stroke-linejoin: round; }
.kam-bubble-fill.kam-point { fill-opacity: 0.8; stroke-width: 1; }
.kam-legend-bubble { fill: var(--kam-neutral); fill-opacity: 0.35; stroke: var(--kam-neutral); stroke-width: 1.5; }
.kam-legend-swatch { fill: var(--kam-q); fill-opacity: 0.5; stroke: var(--kam-q); stroke-width: 1.5; }
.kam-legend-bubble.kam-no-revenue { fill-opacity: 0; stroke-dasharray: 2 2; }
[data-kam-open] { cursor: pointer; }
.kam-bubble:focus { outline: none; }
.kam-bubble:focus .kam-bubble-fill, .kam-bubble:hover .kam-bubble-fill { stroke: var(--kam-focus); stroke-width: 4; }
.kam-top-fifth .kam-bar { fill: var(--kam-purple); }
.kam-cumulative { fill: none; stroke: var(--kam-fg); stroke-width: 2; }
.kam-cumulative-point { fill: var(--kam-fg); }
.kam-fifth { stroke: var(--kam-muted); stroke-width: 1.5; stroke-dasharray: 4 3; }
.kam-fifth.kam-over-limit, .kam-limit { stroke: var(--kam-bad); stroke-dasharray: 4 3; }
.kam-legend .kam-node-stripe { stroke: var(--kam-border); }
.kam-facing { fill: none; stroke: var(--kam-accent); stroke-width: 1.5; stroke-dasharray: 6 4; }
.kam-our-box { fill: var(--kam-bg); stroke: var(--kam-accent); stroke-width: 1.5; }
.kam-trend-line { fill: none; stroke: var(--kam-fg); stroke-width: 1.5; stroke-opacity: 0.7; }
.kam-trend-dot { fill: var(--kam-bg); stroke: var(--kam-fg); stroke-width: 1.5; }
.kam-trail-line { stroke: var(--kam-fg); stroke-width: 1.5; stroke-opacity: 0.7; }
.kam-trail-start { fill: none; stroke: var(--kam-fg); stroke-width: 1.2; stroke-opacity: 0.7; }
.kam-trail-head { fill: var(--kam-fg); fill-opacity: 0.8; }
.kam-history-line { fill: none; stroke-width: 2; }
.kam-history-value .kam-history-line { stroke: var(--kam-accent); } .kam-history-value .kam-history-point { fill: var(--kam-accent); }
.kam-history-relationship .kam-history-line { stroke: var(--kam-purple); stroke-dasharray: 6 3; } .kam-history-relationship .kam-history-point { fill: var(--kam-purple); }
.kam-history-point.kam-provisional { fill: var(--kam-bg); stroke: var(--kam-bad); stroke-width: 2; }
.kam-chart .kam-history-value-label { fill: var(--kam-accent); font-weight: 600; }
.kam-chart .kam-history-relationship-label { fill: var(--kam-purple); font-weight: 600; }
.kam-threshold-strength { stroke: var(--kam-muted); }
.kam-up { color: var(--kam-good); font-weight: 600; } .kam-down { color: var(--kam-bad); font-weight: 600; }
.kam-side-by-side { display: flex; flex-wrap: wrap; gap: 16px; align-items: flex-start; }
.kam-side-by-side > div { flex: 1 1 420px; min-width: 0; }
.kam-side-by-side h3 { font-size: 1em; margin: 0.4em 0; color: var(--kam-muted); }
`;

/** The page around the charts: headings, facts, tables, the reviewer's list, focus rings, print. */
export const PAGE_CSS = `
body { color: var(--kam-fg); font-family: var(--kam-font); font-size: 14px; line-height: 1.45; margin: 0; padding: 16px 24px 40px; }
main { max-width: 980px; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.15em; margin: 1.6em 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid var(--kam-border); }
.kam-meta { color: var(--kam-muted); margin: 0 0 1em; }
.kam-headline { font-size: 1.1em; margin: 0.3em 0 0.8em; }
.kam-headline strong { font-size: 1.15em; }
.kam-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; border: 1px solid var(--kam-border); font-weight: 600; }
.kam-facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 4px 20px; margin: 0.5em 0 1em; }
.kam-facts div { display: flex; gap: 8px; }
.kam-facts dt { color: var(--kam-muted); min-width: 8.5em; }
.kam-facts dd { margin: 0; font-weight: 600; }
.kam-figure { margin: 0.5em 0; overflow-x: auto; }
.kam-note { color: var(--kam-muted); }
.kam-warning-text { color: var(--kam-bad); font-weight: 600; }
.kam-good-text { color: var(--kam-good); font-weight: 600; }
.kam-insight { margin: 0.4em 0 1em; }
.kam-insight dt { color: var(--kam-muted); font-weight: 600; margin-top: 0.5em; }
.kam-insight dd { margin: 2px 0 2px 1.2em; }
.kam-insight dd::before { content: "• "; color: var(--kam-muted); }
.kam-calendar { list-style: none; padding-left: 0; margin: 0.4em 0 1em; }
.kam-calendar li { margin: 2px 0; }
.kam-calendar strong { display: inline-block; min-width: 6.5em; color: var(--kam-muted); font-weight: 600; }
.kam-whitespace td.kam-ws { text-align: center; font-weight: 600; }
.kam-ws-bought { background: color-mix(in srgb, var(--kam-good) 22%, transparent); }
.kam-ws-pipeline { background: color-mix(in srgb, var(--kam-accent) 18%, transparent); }
.kam-ws-open { background: color-mix(in srgb, var(--kam-warn) 20%, transparent); }
.kam-ws-not-relevant { color: var(--kam-muted); font-weight: 400 !important; }
.kam-date { white-space: nowrap; }
.kam-planned { color: var(--kam-muted); font-style: italic; }
.kam-checklist { list-style: none; padding-left: 0; margin: 0.3em 0; }
.kam-checklist li { margin: 2px 0; }
.kam-check-done { color: var(--kam-good); }
.kam-check-done strong { color: var(--kam-fg, inherit); }
.kam-check-missing { color: var(--kam-bad); }
table.kam-table { border-collapse: collapse; margin: 0.5em 0; width: 100%; }
.kam-table th, .kam-table td { border: 1px solid var(--kam-border); padding: 4px 8px; text-align: left; vertical-align: top; }
.kam-table th { background: var(--kam-surface); }
.kam-table td.kam-num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.kam-table th button { all: inherit; cursor: pointer; border: none; padding: 0; }
.kam-table th button::after { content: " ↕"; color: var(--kam-muted); }
.kam-table th[aria-sort="ascending"] button::after { content: " ↑"; }
.kam-table th[aria-sort="descending"] button::after { content: " ↓"; }
.kam-link { background: none; border: none; padding: 0; font: inherit; color: var(--kam-link); text-decoration: underline; cursor: pointer; text-align: left; }
:focus-visible { outline: 2px solid var(--kam-focus); outline-offset: 2px; }
ul.kam-findings { list-style: none; padding: 0; margin: 0.3em 0; }
.kam-findings li { margin: 3px 0; }
.kam-attention-counts { margin: 0.3em 0 0.6em; padding-left: 1.2em; }
.kam-attention-counts li { margin: 2px 0; }
ul.kam-reasons { margin: 0; padding-left: 1.1em; }
.kam-plain-findings li { padding-left: 5.5em; text-indent: -5.5em; }
.kam-plain-findings .kam-severity { text-indent: 0; }
details.kam-author-detail { margin-top: 1.2em; }
details.kam-author-detail > summary { cursor: pointer; color: var(--kam-muted); font-weight: 600; }
.kam-severity { display: inline-block; min-width: 5.5em; font-weight: 600; }
.kam-severity-error { color: var(--kam-bad); }
.kam-severity-warning { color: var(--kam-orange); }
.kam-code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); color: var(--kam-muted); }
.kam-account + .kam-account { margin-top: 2.5em; border-top: 3px solid var(--kam-border); padding-top: 1em; }
@media print {
  body { padding: 0; font-size: 11pt; }
  main { max-width: none; }
  section, figure, tr { break-inside: avoid; }
  .kam-account + .kam-account { break-before: page; border: none; }
  .kam-table th button::after { content: ""; }
}
`;

/** Sorting the portfolio table by a column header (click, Enter or Space on the header's button). */
export const SORTABLE_TABLE_SCRIPT = `
(function () {
  function sortBy(button) {
    var th = button.closest('th');
    var table = button.closest('table');
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = button.getAttribute('data-kam-type') === 'number';
    var ascending = th.getAttribute('aria-sort') !== 'ascending';
    table.querySelectorAll('th[aria-sort]').forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    var body = table.tBodies[0];
    var key = function (row) {
      var cell = row.cells[index];
      var value = cell.hasAttribute('data-sort-value') ? cell.getAttribute('data-sort-value') : cell.textContent.trim();
      return numeric ? (value === '' ? -Infinity : Number(value)) : value.toLowerCase();
    };
    Array.prototype.slice.call(body.rows)
      .sort(function (a, b) { var x = key(a), y = key(b); return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1); })
      .forEach(function (row) { body.appendChild(row); });
  }
  document.addEventListener('click', function (event) {
    var target = event.target;
    var button = target && target.closest ? target.closest('[data-kam-sort]') : null;
    if (button) sortBy(button);
  });
})();
`;
