// Desktop only (`.desktop.test.ts`): the server reads the plans' history with the git command line, on Node.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { STRONG_PLAN } from './example-plans.js';
import { command, diagnosticsOf, showPlan, webviewContent, workspaceRoot } from './helpers.js';
import { inlayHintText, strategicValueIn, wholeDocument } from './plan-text.js';

async function strategicValueShown(editor: vscode.TextEditor): Promise<string> {
    const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', editor.document.uri, wholeDocument(editor.document));
    const value = hints.map(inlayHintText).map(strategicValueIn).find((v) => v !== undefined);
    assert.ok(value, 'no strategic value among the inlay hints');
    return value;
}

describe('KAM: Compare with…', () => {
    const root = () => workspaceRoot().fsPath;
    const git = (...args: string[]) => execFileSync('git', args, {
        cwd: root(),
        encoding: 'utf8',
        env: { ...process.env, GIT_AUTHOR_NAME: 'KAM e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'KAM e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com', GIT_AUTHOR_DATE: '2026-09-30T12:00:00Z', GIT_COMMITTER_DATE: '2026-09-30T12:00:00Z' },
    });

    before(async function () {
        // The panel is read from the browser side: only the offline runner (VS Code server) has that channel.
        if (!process.env.KAM_E2E_CONTROL_URL) this.skip();
        // VS Code's own git extension would start watching the repository made here and still be
        // running git in it when the test removes it: it stays out of this test.
        await vscode.workspace.getConfiguration('git').update('enabled', false, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
        // The workspace is the suite's copy of examples/: it was not a repository before this test.
        fs.rmSync(path.join(root(), '.git'), { recursive: true, force: true });
        await vscode.workspace.getConfiguration('git').update('enabled', undefined, vscode.ConfigurationTarget.Global);
    });

    it('shows an account\'s strategic value at the tagged review and as the plan stands now, unsaved edits included', async () => {
        git('init', '-q');
        git('add', '-A');
        git('commit', '-q', '-m', 'The plans at the Q3 review');
        git('tag', 'qbr-2026-q3');

        const editor = await showPlan(STRONG_PLAN.path);
        await diagnosticsOf(STRONG_PLAN.path);
        const before = await strategicValueShown(editor);
        // The account lost its reference value since the review (not saved: the live side is the editor's).
        const text = editor.document.getText();
        const at = text.indexOf('referenceValue 7');
        assert.ok(at >= 0, 'the plan has no referenceValue 7');
        const range = new vscode.Range(editor.document.positionAt(at), editor.document.positionAt(at + 'referenceValue 7'.length));
        assert.ok(await editor.edit((edit) => edit.replace(range, 'referenceValue 1')));
        let after = before;
        for (let tries = 0; tries < 50 && after === before; tries++) {
            await new Promise((resolve) => setTimeout(resolve, 200));
            after = await strategicValueShown(editor);
        }
        assert.notEqual(after, before, 'the strategic value did not move with the edit');

        const panel = await command<unknown>('kam.compareWith', { uri: editor.document.uri.toString(), revision: 'qbr-2026-q3' });
        assert.ok(panel, 'the command opened no panel');
        const view = await webviewContent('what changed', { screenshot: 'compare-with' });
        assert.ok(view, 'the runner did not answer');
        assert.ok(view.text.includes('qbr-2026-q3'), `the page does not say what it compares with:\n${view.text.slice(0, 1500)}`);
        assert.ok(view.text.includes(STRONG_PLAN.title), `the page does not name ${STRONG_PLAN.title}:\n${view.text.slice(0, 1500)}`);
        for (const value of [before, after]) {
            assert.ok(view.text.includes(value), `the page does not show the strategic value ${value}:\n${view.text.slice(0, 2000)}`);
        }
    });
});
