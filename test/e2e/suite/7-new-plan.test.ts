import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codesOf, command, diagnosticsOf, workspaceRoot } from './helpers.js';

describe('KAM: New Account Plan', () => {
    const folder = () => vscode.Uri.joinPath(workspaceRoot(), 'portfolio', 'accounts');

    it('writes a plan from the template, opens it, and never overwrites it', async () => {
        const created = await command<vscode.Uri | undefined>('kam.newAccountPlan', folder(), 'Saltmarsh Ferries');
        assert.ok(created, 'the command created no file');
        const editor = vscode.window.activeTextEditor;
        assert.equal(editor?.document.uri.toString(), created.toString(), 'the new plan is not the active editor');
        assert.match(editor!.document.getText(), /account \w+ "Saltmarsh Ferries"/);
        const diagnostics = await diagnosticsOf(vscode.workspace.asRelativePath(created, false));
        assert.ok(!codesOf(diagnostics).some((c) => c === 'parsing-error' || c === 'lexing-error' || c === 'linking-error'),
            `the template does not parse cleanly: ${codesOf(diagnostics).join(', ')}`);

        // The user writes into the plan and saves; asking again for the same name must not lose that.
        await editor!.edit((edit) => edit.insert(new vscode.Position(0, 0), '// Met the ferry operator at the port authority dinner.\n'));
        await editor!.document.save();
        const saved = editor!.document.getText();
        await command('kam.newAccountPlan', folder(), 'Saltmarsh Ferries');
        const onDisk = new TextDecoder().decode(await vscode.workspace.fs.readFile(created));
        assert.equal(onDisk, saved, 'the existing plan was overwritten');
    });
});
