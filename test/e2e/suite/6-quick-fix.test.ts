import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { WEAK_PLAN } from './example-plans.js';
import { codesOf, command, describeDiagnostics, diagnosticsOf, showPlan } from './helpers.js';

describe('Quick fixes', () => {
    it(`maps a finance contact for ${WEAK_PLAN.title} from the light bulb`, async () => {
        const editor = await showPlan(WEAK_PLAN.path);
        const diagnostics = await diagnosticsOf(WEAK_PLAN.path, (d) => codesOf(d).includes('kam.missing-finance-contact'));
        const finding = diagnostics.find((d) => codesOf([d])[0] === 'kam.missing-finance-contact')!;
        const actions = await command<vscode.CodeAction[]>('vscode.executeCodeActionProvider', editor.document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find((a) => a.title === 'Add a finance stakeholder to map');
        assert.ok(fix?.edit, `no quick fix for the missing finance contact: ${JSON.stringify(actions.map((a) => a.title))}`);
        const before = editor.document.getText();
        const cleared = diagnosticsOf(WEAK_PLAN.path, (d) => !codesOf(d).includes('kam.missing-finance-contact'), 'the finding to go away');
        assert.ok(await vscode.workspace.applyEdit(fix.edit), 'VS Code refused the edit');
        const after = await cleared;
        const text = editor.document.getText();
        assert.match(text, /stakeholder financeContact "Finance contact \(to identify\)" \{\n\s+title "Finance"\n\s+role finance/);
        const lines = new Set(text.split('\n'));
        assert.deepEqual(before.split('\n').filter((line) => !lines.has(line)), [], 'the fix removed lines the user wrote');
        assert.ok(!codesOf(after).some((c) => c === 'parsing-error' || c === 'linking-error'), describeDiagnostics(after));
    });
});
