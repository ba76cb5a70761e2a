import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN } from './example-plans.js';
import { command, diagnosticsOf, showPlan, workspaceRoot } from './helpers.js';
import { escapeRegExp, inlayHintText, strategicValueIn, wholeDocument } from './plan-text.js';

describe('KAM: Generate Summary Report', () => {
    it(`summarises the ${STRONG_PLAN.title} plan in a Markdown document beside it`, async () => {
        const editor = await showPlan(STRONG_PLAN.path);
        await diagnosticsOf(STRONG_PLAN.path);
        const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, wholeDocument(editor.document));
        const value = hints.map(inlayHintText).map(strategicValueIn).find((v) => v !== undefined);
        assert.ok(value, 'no strategic value hint to compare the report with');

        // As a user who picks "Open Markdown beside" in the command's question (the option skips it).
        const report = await command<vscode.TextDocument | undefined>('kam.generateSummaryReport', undefined, { output: 'beside' });
        assert.ok(report, 'the command opened no report (it shows an error message instead: see the "KAM Plans" output)');
        assert.equal(report.languageId, 'markdown');
        assert.ok(vscode.window.visibleTextEditors.some((e) => e.document === report), 'the report is not shown');
        assert.ok(report.isUntitled, 'the report should be unsaved, so that nothing on disk is overwritten');

        const text = report.getText();
        assert.ok(text.includes(`# ${STRONG_PLAN.title}`), `report without the account title:\n${text.slice(0, 500)}`);
        assert.match(text, /^## Strategic value$/m, 'report without the strategic value section');
        assert.match(text, new RegExp(`Strategic value\\**\\s+\\**${escapeRegExp(value)}\\b`), `the report does not give the strategic value ${value}:\n${text.slice(0, 800)}`);
    });

    it(`saves the ${STRONG_PLAN.title} review deck as PowerPoint through the workspace's file system`, async () => {
        await showPlan(STRONG_PLAN.path);
        await diagnosticsOf(STRONG_PLAN.path);
        // As a user who picks "Save as PowerPoint…" and a file name (the options skip both questions).
        const to = vscode.Uri.joinPath(workspaceRoot(), 'review-deck.pptx');
        const saved = await command<vscode.Uri | undefined>('kam.generateSummaryReport', undefined, { output: 'pptx', to });
        assert.equal(saved?.toString(), to.toString(), 'the command saved no deck (it shows an error message instead: see the "KAM Plans" output)');
        const bytes = await vscode.workspace.fs.readFile(to);
        // A zip (what PowerPoint opens) holding the slides and a native chart, decoded from the server's base64.
        assert.equal(new TextDecoder().decode(bytes.subarray(0, 2)), 'PK', 'the deck is not a zip file');
        const text = new TextDecoder('latin1').decode(bytes);
        assert.ok(text.includes('ppt/slides/slide1.xml'), 'the deck has no slides');
        assert.ok(text.includes('ppt/charts/chart'), 'the deck has no native chart');
        await vscode.workspace.fs.delete(to);
    });
});
