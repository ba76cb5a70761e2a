import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN, WEAK_PLAN } from './example-plans.js';
import { codesOf, command, describeDiagnostics, diagnosticsOf, openPlan, showPlan } from './helpers.js';
import { accountNameRange, hoverText, inlayHintText, nameRange, strategicValueIn, wholeDocument } from './plan-text.js';

describe('Working on a plan in the editor', () => {
    let plan: vscode.TextDocument;

    beforeEach(async () => {
        plan = await openPlan(STRONG_PLAN.path);
        await diagnosticsOf(STRONG_PLAN.path); // the language server has built the plan
    });

    it('shows the strategic value in the account heading', async () => {
        const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', plan.uri, wholeDocument(plan));
        const hint = hints.find((h) => /strategic value/i.test(inlayHintText(h)));
        assert.ok(hint, `no strategic value among the inlay hints: ${JSON.stringify(hints.map(inlayHintText))}`);
        assert.ok(strategicValueIn(inlayHintText(hint)), `the hint carries no number: "${inlayHintText(hint)}"`);
        // `account nordwind "Nordwind Logistics" {`: after the name (or the title), on the same line.
        const name = accountNameRange(plan, STRONG_PLAN.account);
        assert.ok(hint.position.line === name.end.line && hint.position.character >= name.end.character,
            `hint at ${hint.position.line + 1}:${hint.position.character + 1}, expected in the heading after the account name at ${name.end.line + 1}:${name.end.character + 1}`);
    });

    it('breaks the strategic value down by factor on hover over the account name', async () => {
        const name = accountNameRange(plan, STRONG_PLAN.account);
        const hovers = await command<vscode.Hover[]>('vscode.executeHoverProvider', plan.uri, name.start.translate(0, 1));
        const text = hoverText(hovers);
        assert.match(text, /Strategic value/, `hover without the score breakdown:\n${text}`);
        assert.ok(text.includes(STRONG_PLAN.title), `hover does not name the account:\n${text}`);
        assert.match(text, /\|\s*Factor\s*\|\s*Weight\s*\|\s*Score\s*\|\s*Contribution\s*\|/, `hover has no factor table:\n${text}`);

        const hints = await command<vscode.InlayHint[]>('vscode.executeInlayHintProvider', plan.uri, wholeDocument(plan));
        const hinted = hints.map(inlayHintText).map(strategicValueIn).find((v) => v !== undefined);
        assert.equal(strategicValueIn(text), hinted, 'the hover and the inlay hint disagree on the strategic value');
    });

    describe(`mapping the missing finance contact of ${WEAK_PLAN.title}`, () => {
        let editor: vscode.TextEditor;
        let rolePosition: vscode.Position;

        // Each test types `role ` itself, on the original plan (the suite restores it before every test).
        beforeEach(async () => {
            editor = await showPlan(WEAK_PLAN.path);
            await diagnosticsOf(WEAK_PLAN.path, (d) => codesOf(d).includes('kam.missing-finance-contact'), 'kam.missing-finance-contact');
            // Type a new line `role ` at the top of the stakeholder's block.
            const stakeholder = nameRange(editor.document, 'stakeholder', WEAK_PLAN.stakeholder);
            const braceLine = editor.document.lineAt(stakeholder.start.line);
            const indent = /^\s*/.exec(braceLine.text)![0] + '    ';
            const typed = `\n${indent}role `;
            assert.ok(await editor.edit((edit) => edit.insert(braceLine.range.end, typed)), 'the edit was refused');
            rolePosition = new vscode.Position(braceLine.lineNumber + 1, indent.length + 'role '.length);
        });

        it('offers the stakeholder roles after `role `', async () => {
            const list = await command<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, rolePosition);
            const labels = list.items.map((item) => (typeof item.label === 'string' ? item.label : item.label.label));
            for (const role of ['executive', 'finance', 'champion', 'user']) {
                assert.ok(labels.includes(role), `"${role}" not offered after "role ": ${JSON.stringify(labels)}`);
            }
            assert.ok(!labels.includes('stakeholder'), `a keyword that cannot follow "role" is offered: ${JSON.stringify(labels)}`);
        });

        it('clears kam.missing-finance-contact once a stakeholder has `role finance`', async () => {
            // While `role ` is half-typed the plan has a syntax error and the review of what is missing
            // waits; once `finance` is typed the whole review is back, without the missing finance contact.
            const cleared = diagnosticsOf(WEAK_PLAN.path, (d) => !codesOf(d).includes('kam.missing-finance-contact') && codesOf(d).includes('kam.objective-without-owner'),
                'the full review without kam.missing-finance-contact');
            assert.ok(await editor.edit((edit) => edit.insert(rolePosition, 'finance')), 'the edit was refused');
            const diagnostics = await cleared;
            assert.ok(!codesOf(diagnostics).includes('kam.missing-finance-contact'), describeDiagnostics(diagnostics));
            assert.ok(codesOf(diagnostics).includes('kam.objective-without-owner'), `the other findings should remain:\n${describeDiagnostics(diagnostics)}`);
        });
    });
});
