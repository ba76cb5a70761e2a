/**
 * The webview's page: VS Code's theme variables, the shared chart and page stylesheets, and one
 * nonce'd script. The Content-Security-Policy allows nothing else: no remote content, no inline
 * handlers or styles, no other scripts. The body arrives later by message (escaped HTML from the server).
 */
import type * as vscode from 'vscode';
import { CHART_CSS, LIGHT_THEME_CSS, PAGE_CSS, SORTABLE_TABLE_SCRIPT, VSCODE_THEME_CSS } from '../../../language/src/reports/page-assets.js';

/** The chart buttons the preview adds (the HTML report has none: a browser can save its page). */
const PREVIEW_CSS = `
.kam-chart-actions { display: flex; gap: 6px; justify-content: flex-end; max-width: 980px; margin: 0 0 2px; }
.kam-chart-save { font: inherit; font-size: 11px; padding: 1px 8px; cursor: pointer; border-radius: 2px;
  color: var(--vscode-button-secondaryForeground, var(--kam-fg)); background: var(--vscode-button-secondaryBackground, var(--kam-surface));
  border: 1px solid var(--kam-border); }
.kam-chart-save:hover { background: var(--vscode-button-secondaryHoverBackground, var(--kam-surface)); }
`;

/** A saved chart stands alone: the light, printable palette and the chart styles travel inside it. */
const EXPORT_CSS = JSON.stringify(LIGHT_THEME_CSS.replace(/body \{[^}]*\}/, '') + CHART_CSS).replace(/</g, '\\u003c');

/**
 * Handles the extension's messages, clicks on findings and accounts (and Enter/Space on SVG bubbles),
 * and puts Save SVG / Save PNG buttons over every chart: the SVG is sent with its styles inlined, the
 * PNG is drawn from that SVG on a canvas at twice the size (sharp on a slide), over white.
 */
const PREVIEW_SCRIPT = `
(function () {
  var vscode = acquireVsCodeApi();
  var root = document.getElementById('kam-root');
  var EXPORT_CSS = ${EXPORT_CSS};
  function chartButtons() {
    root.querySelectorAll('svg.kam-chart').forEach(function (svg) {
      var previous = svg.previousElementSibling;
      if (previous && previous.classList.contains('kam-chart-actions')) return;
      var bar = document.createElement('div');
      bar.className = 'kam-chart-actions';
      ['svg', 'png'].forEach(function (format) {
        var b = document.createElement('button');
        b.type = 'button';
        b.className = 'kam-chart-save';
        b.setAttribute('data-kam-save', format);
        b.textContent = 'Save ' + format.toUpperCase();
        b.title = 'Save this chart as ' + (format === 'svg' ? 'an SVG image (scalable, for documents)' : 'a PNG image (for slides and mail)');
        bar.appendChild(b);
      });
      svg.parentNode.insertBefore(bar, svg);
    });
  }
  function standalone(svg) {
    var copy = svg.cloneNode(true);
    var style = document.createElementNS('http://www.w3.org/2000/svg', 'style');
    style.textContent = EXPORT_CSS;
    copy.insertBefore(style, copy.firstChild);
    return new XMLSerializer().serializeToString(copy);
  }
  function saveChart(button) {
    var svg = button.parentNode.nextElementSibling;
    if (!svg || !svg.matches('svg.kam-chart')) return;
    var format = button.getAttribute('data-kam-save');
    var name = svg.id || 'chart';
    var markup = standalone(svg);
    if (format === 'svg') { vscode.postMessage({ type: 'saveChart', format: 'svg', name: name, data: markup }); return; }
    var box = svg.viewBox.baseVal;
    var image = new Image();
    image.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = Math.ceil(box.width * 2);
      canvas.height = Math.ceil(box.height * 2);
      var context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      vscode.postMessage({ type: 'saveChart', format: 'png', name: name, data: canvas.toDataURL('image/png') });
    };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
  }
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') { root.innerHTML = m.html; root.removeAttribute('aria-busy'); chartButtons(); }
    else if (m.type === 'error') {
      root.textContent = '';
      var p = document.createElement('p');
      p.className = 'kam-warning-text';
      p.textContent = m.message;
      root.appendChild(p);
    }
  });
  function act(target) {
    var save = target.closest('[data-kam-save]');
    if (save) { saveChart(save); return; }
    var reveal = target.closest('[data-kam-reveal]');
    if (reveal) {
      vscode.postMessage({ type: 'reveal', uri: reveal.getAttribute('data-kam-reveal'), line: Number(reveal.getAttribute('data-line')), column: Number(reveal.getAttribute('data-column')) });
      return;
    }
    var open = target.closest('[data-kam-open]');
    if (open) vscode.postMessage({ type: 'open', uri: open.getAttribute('data-kam-open') });
  }
  document.addEventListener('click', function (event) { if (event.target instanceof Element) act(event.target); });
  document.addEventListener('keydown', function (event) {
    var t = event.target;
    if ((event.key === 'Enter' || event.key === ' ') && t instanceof Element && t.matches('[data-kam-open]:not(button)')) { event.preventDefault(); act(t); }
  });
  vscode.postMessage({ type: 'ready' });
})();
`;

/** 144 random bits as hex; Web Crypto is there on the desktop's Node and in the browser alike. */
export function nonce(): string {
    return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(18)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export function contentSecurityPolicy(webview: vscode.Webview, n: string): string {
    return [
        "default-src 'none'",
        `style-src ${webview.cspSource} 'nonce-${n}'`,
        `script-src 'nonce-${n}'`,
        `img-src ${webview.cspSource} data:`,
        `font-src ${webview.cspSource}`,
        "base-uri 'none'",
        "form-action 'none'",
    ].join('; ');
}

export function webviewHtml(webview: vscode.Webview, title: string): string {
    const n = nonce();
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview, n)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title.replace(/[<>&"']/g, '')}</title>
<style nonce="${n}">${VSCODE_THEME_CSS}${CHART_CSS}${PAGE_CSS}${PREVIEW_CSS}</style>
</head>
<body>
<main id="kam-root" aria-live="polite" aria-busy="true"><p class="kam-note">Loading…</p></main>
<script nonce="${n}">${PREVIEW_SCRIPT}${SORTABLE_TABLE_SCRIPT}</script>
</body>
</html>`;
}
