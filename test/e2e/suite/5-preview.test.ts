import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN, WEAK_PLAN } from './example-plans.js';
import { clickInWebview, codesOf, command, diagnosticsOf, planUri, showPlan, waitForEvent, webviewContent, LANGUAGE_SERVER_TIMEOUT_MS } from './helpers.js';
import { inlayHintText, strategicValueIn, wholeDocument } from './plan-text.js';

/** Opens the plan and its preview beside it, as the editor title button does; resolves once the preview shows the plan. */
async function openPreview(plan: { path: string; title: string }): Promise<vscode.TextEditor> {
    const editor = await showPlan(plan.path);
    await diagnosticsOf(plan.path);
    await command('kam.openPreview', editor.document.uri.toString());
    await webviewContent(plan.title);
    return editor;
}

describe('KAM: Open Preview to the Side', () => {
    before(function () {
        // The webview is read from the browser side: only the offline runners (VS Code server, VS Code for the Web) have that channel.
        if (!process.env.KAM_E2E_CONTROL_URL) this.skip();
    });

    it(`shows ${STRONG_PLAN.title} with its strategic value and pictures`, async () => {
        const editor = await openPreview(STRONG_PLAN);
        const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, wholeDocument(editor.document));
        const value = hints.map(inlayHintText).map(strategicValueIn).find((v) => v !== undefined);
        assert.ok(value, 'no strategic value among the inlay hints');
        const view = await webviewContent(STRONG_PLAN.title, { screenshot: 'preview' });
        assert.ok(view, 'the runner did not answer');
        assert.ok(view.text.includes(value), `the preview does not show the strategic value ${value}:\n${view.text.slice(0, 1500)}`);
        for (const section of ['Strategic value', 'Relationship map', 'Expectations', 'Risks']) {
            assert.ok(view.text.includes(section), `the preview has no "${section}" section:\n${view.text.slice(0, 1500)}`);
        }
        assert.ok(view.svgCount >= 4, `the preview draws ${view.svgCount} charts, expected the breakdown, map, timeline and risk matrix`);
    });

    for (const theme of ['Default Dark Modern', 'Default High Contrast', 'Default Light Modern']) {
        it(`stays readable in the ${theme} theme`, async () => {
            await openPreview(STRONG_PLAN);
            await vscode.workspace.getConfiguration('workbench').update('colorTheme', theme, vscode.ConfigurationTarget.Global);
            const shot = `preview-${theme.toLowerCase().replace(/^default /, '').replace(/\s+/g, '-')}`;
            // The theme reaches the webview as new CSS variables, a little after the setting: the runner
            // waits until the webview's background has turned dark (or light).
            const wantDark = theme !== 'Default Light Modern';
            const view = await webviewContent(STRONG_PLAN.title, { screenshot: shot, background: wantDark ? 'dark' : 'light' });
            assert.ok(view, 'the runner did not answer');
            assert.equal(luminance(view.colors.background) < 0.2, wantDark, `the preview's background ${view.colors.background} does not follow the ${theme} theme`);
            const contrast = contrastRatio(view.colors.text, view.colors.background);
            assert.ok(contrast >= 4.5, `text ${view.colors.text} on ${view.colors.background}: contrast ${contrast.toFixed(1)}, below 4.5`);
        });
    }

    it('follows the plan as the user types', async () => {
        const editor = await openPreview(STRONG_PLAN);
        // Rename the account's display name: the preview must show the new one without being asked.
        const text = editor.document.getText();
        const at = text.indexOf(`"${STRONG_PLAN.title}"`);
        assert.ok(at >= 0, 'the display name is not in the plan');
        const range = new vscode.Range(editor.document.positionAt(at + 1), editor.document.positionAt(at + 1 + STRONG_PLAN.title.length));
        assert.ok(await editor.edit((edit) => edit.replace(range, 'Nordwind Logistics Renamed')));
        const view = await webviewContent('Nordwind Logistics Renamed');
        assert.ok(view?.text.includes('Nordwind Logistics Renamed'));
    });

    it('jumps to a finding\'s place in the plan when the user clicks it', async () => {
        const editor = await openPreview(WEAK_PLAN);
        const diagnostics = await diagnosticsOf(WEAK_PLAN.path, (d) => codesOf(d).includes('kam.missing-finance-contact'));
        const finding = diagnostics.find((d) => codesOf([d])[0] === 'kam.missing-finance-contact')!;
        // Move the cursor away first, so the jump is visible.
        editor.selection = new vscode.Selection(editor.document.lineCount - 1, 0, editor.document.lineCount - 1, 0);
        const moved = waitForEvent(vscode.window.onDidChangeTextEditorSelection,
            (e) => e.textEditor.document.uri.toString() === planUri(WEAK_PLAN.path).toString() && e.selections[0].start.line === finding.range.start.line,
            LANGUAGE_SERVER_TIMEOUT_MS, () => `the cursor to move to line ${finding.range.start.line + 1}`);
        await clickInWebview(WEAK_PLAN.title, 'kam.missing-finance-contact');
        const event = await moved;
        assert.equal(event.selections[0].start.line, finding.range.start.line);
    });
});

describe('KAM: Open Portfolio', () => {
    before(function () {
        if (!process.env.KAM_E2E_CONTROL_URL) this.skip();
    });

    it('shows every account of the workspace on the portfolio matrix', async () => {
        await command('kam.openPortfolio');
        const view = await webviewContent('Portfolio matrix', { screenshot: 'portfolio' });
        assert.ok(view, 'the runner did not answer');
        for (const account of [STRONG_PLAN.title, WEAK_PLAN.title]) {
            assert.ok(view.text.includes(account), `the portfolio does not list ${account}:\n${view.text.slice(0, 1500)}`);
        }
        assert.match(view.text, /Revenue concentration/);
        // The summary before the details: the weak plan needs attention, named before the matrix.
        const attention = view.text.indexOf('Needs attention');
        assert.ok(attention >= 0 && attention < view.text.indexOf('Portfolio matrix'), `the portfolio does not open with what needs attention:\n${view.text.slice(0, 1500)}`);
        assert.ok(view.text.indexOf(WEAK_PLAN.title, attention) < view.text.indexOf('Portfolio matrix'), `${WEAK_PLAN.title} is not among the accounts that need attention`);
        assert.ok(view.svgCount >= 2, `the portfolio draws ${view.svgCount} charts, expected the matrix and the Pareto curve`);
    });
});

/** Relative luminance of a CSS `rgb(…)`/`rgba(…)` colour (WCAG). */
function luminance(color: string): number {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrastRatio(a: string, b: string): number {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
}
