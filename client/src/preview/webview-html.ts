/**
 * The webview's page: VS Code's theme variables, the shared chart and page stylesheets, and one
 * nonce'd script. The Content-Security-Policy allows nothing else: no remote content, no inline
 * handlers or styles, no other scripts. The body arrives later by message (escaped HTML from the server).
 */
import type * as vscode from 'vscode';
import { CHART_CSS, PAGE_CSS, SORTABLE_TABLE_SCRIPT, VSCODE_THEME_CSS } from '../../../language/src/reports/page-assets.js';

/** Handles the extension's messages, clicks on findings and accounts (and Enter/Space on SVG bubbles). */
const PREVIEW_SCRIPT = `
(function () {
  var vscode = acquireVsCodeApi();
  var root = document.getElementById('kam-root');
  window.addEventListener('message', function (event) {
    var m = event.data;
    if (!m || typeof m !== 'object') return;
    if (m.type === 'update') { root.innerHTML = m.html; root.removeAttribute('aria-busy'); }
    else if (m.type === 'error') {
      root.textContent = '';
      var p = document.createElement('p');
      p.className = 'kam-warning-text';
      p.textContent = m.message;
      root.appendChild(p);
    }
  });
  function act(target) {
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
<style nonce="${n}">${VSCODE_THEME_CSS}${CHART_CSS}${PAGE_CSS}</style>
</head>
<body>
<main id="kam-root" aria-live="polite" aria-busy="true"><p class="kam-note">Loading…</p></main>
<script nonce="${n}">${PREVIEW_SCRIPT}${SORTABLE_TABLE_SCRIPT}</script>
</body>
</html>`;
}
