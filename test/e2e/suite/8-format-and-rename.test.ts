import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN } from './example-plans.js';
import { command, diagnosticsOf, planUri, showPlan, waitForEvent, LANGUAGE_SERVER_TIMEOUT_MS } from './helpers.js';

describe('Formatting and renaming', () => {
    it('formats a plan on save, back to its tidy layout, keeping every comment', async () => {
        const editor = await showPlan(STRONG_PLAN.path);
        await diagnosticsOf(STRONG_PLAN.path);
        const tidy = editor.document.getText();
        // Mess up the indentation of the account's first entries, as a hurried edit would.
        const lines = [4, 5, 6, 7].map((n) => editor.document.lineAt(n));
        assert.ok(await editor.edit((edit) => {
            for (const line of lines) edit.replace(line.range, `${' '.repeat(line.lineNumber % 3)}\t ${line.text.trim()}`);
        }));
        assert.notEqual(editor.document.getText(), tidy);
        const saved = waitForEvent(vscode.workspace.onDidSaveTextDocument, (d) => d.uri.toString() === editor.document.uri.toString(),
            LANGUAGE_SERVER_TIMEOUT_MS, () => 'the plan to be saved');
        await vscode.commands.executeCommand('workbench.action.files.save');
        await saved;
        assert.equal(editor.document.getText(), tidy, 'format on save did not restore the layout');
        assert.ok(tidy.includes('//'), 'the plan has comments to keep');
    });

    it('renames a team member in the team file and in every plan that names them', async () => {
        const team = await vscode.workspace.openTextDocument(planUri('portfolio/team.kam'));
        await diagnosticsOf('portfolio/team.kam');
        const at = team.getText().indexOf('member katrin');
        assert.ok(at >= 0, 'the team file has no member katrin');
        const position = team.positionAt(at + 'member '.length);
        const edit = await command<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', team.uri, position, 'katrinVogel');
        const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri));
        assert.ok(files.includes('portfolio/team.kam'), `the team file is not renamed: ${files.join(', ')}`);
        assert.ok(files.includes(STRONG_PLAN.path), `${STRONG_PLAN.path} (owner katrin) is not renamed: ${files.join(', ')}`);
        for (const [, edits] of edit.entries()) {
            for (const e of edits) assert.equal(e.newText, 'katrinVogel');
        }
    });
});
