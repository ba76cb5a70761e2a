import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN, WEAK_PLAN } from './example-plans.js';
import { codesOf, describeDiagnostics, diagnosticsOf, requestScreenshot, showPlan } from './helpers.js';

const hasExpectedFindings = (diagnostics: readonly vscode.Diagnostic[]) =>
    WEAK_PLAN.expectedCodes.every((code) => codesOf(diagnostics).includes(code));

describe('The plan reviewer', () => {
    it(`flags what the ${WEAK_PLAN.title} plan is missing`, async () => {
        const diagnostics = await diagnosticsOf(WEAK_PLAN.path, hasExpectedFindings, `the findings ${WEAK_PLAN.expectedCodes.join(', ')}`);
        for (const code of WEAK_PLAN.expectedCodes) {
            const finding = diagnostics.find((d) => codesOf([d])[0] === code);
            assert.ok(finding, `${code} missing from:\n${describeDiagnostics(diagnostics)}`);
            assert.equal(finding.severity, vscode.DiagnosticSeverity.Warning, `${code} should be a warning`);
            assert.ok(finding.message.length > 20, `${code} has no real explanation: "${finding.message}"`);
        }
    });

    it(`finds no errors in the ${STRONG_PLAN.title} reference plan`, async () => {
        const diagnostics = await diagnosticsOf(STRONG_PLAN.path);
        const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
        assert.equal(errors.length, 0, `errors in the reference plan:\n${describeDiagnostics(errors)}`);
    });

    it('underlines the findings in the editor and lists them under Problems', async function () {
        await showPlan(WEAK_PLAN.path);
        await diagnosticsOf(WEAK_PLAN.path, hasExpectedFindings, `the findings ${WEAK_PLAN.expectedCodes.join(', ')}`);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar'); // the Chat view: room for the plan
        await showPlan(WEAK_PLAN.path); // the editor keeps the focus, as after a click into the plan
        const screenshot = await requestScreenshot('workbench');
        if (!screenshot) this.skip(); // this runner cannot look at the screen
        assert.ok(screenshot.squiggles > 0, `no squiggles drawn in the editor (screenshot: ${screenshot.path})`);
    });
});
