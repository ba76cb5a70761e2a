import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN, WEAK_PLAN } from './example-plans.js';
import { codesOf, describeDiagnostics, diagnosticsOf, planUri } from './helpers.js';

/**
 * Files that change without being opened — a plan added by a colleague's commit, the portfolio's
 * settings edited — reach the language server: on the desktop it reads them from disk when the
 * editor's file watcher says so; in VS Code for the Web the client reads and sends them
 * (client/src/portfolio-feed.ts). Either way the portfolio's findings follow.
 */
describe('Portfolio files changed outside the editor', () => {
    it('reviews a plan written to the workspace with the rest of the portfolio, and forgets it when deleted', async () => {
        await diagnosticsOf(STRONG_PLAN.path, (d) => !codesOf(d).includes('kam.duplicate-name'), 'no kam.duplicate-name yet');
        const original = await vscode.workspace.fs.readFile(planUri(STRONG_PLAN.path));
        // A second plan for the same account, never opened in an editor.
        const copy = planUri('portfolio/accounts/nordwind-logistics-copy.kam');
        await vscode.workspace.fs.writeFile(copy, original);
        const duplicated = await diagnosticsOf(STRONG_PLAN.path, (d) => codesOf(d).includes('kam.duplicate-name'),
            'kam.duplicate-name, once the copy of the plan has reached the language server');
        assert.ok(duplicated.some((d) => d.message.includes(STRONG_PLAN.account)), describeDiagnostics(duplicated));

        await vscode.workspace.fs.delete(copy);
        const alone = await diagnosticsOf(STRONG_PLAN.path, (d) => !codesOf(d).includes('kam.duplicate-name'),
            'kam.duplicate-name gone, once the deletion has reached the language server');
        assert.ok(!codesOf(alone).includes('kam.duplicate-name'), describeDiagnostics(alone));
    });

    it('reads the portfolio\'s kam.config.json again when it changes', async () => {
        // Aldermoor's strategic value is 5.3: below the key threshold of 6 the examples' settings state.
        await diagnosticsOf(WEAK_PLAN.path, (d) => codesOf(d).includes('kam.key-below-threshold'), 'kam.key-below-threshold');
        const config = planUri('kam.config.json');
        const settings = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(config)));
        settings.thresholds.keyThreshold = 5;
        await vscode.workspace.fs.writeFile(config, new TextEncoder().encode(`${JSON.stringify(settings, null, 2)}\n`));
        const diagnostics = await diagnosticsOf(WEAK_PLAN.path, (d) => !codesOf(d).includes('kam.key-below-threshold') && codesOf(d).includes('kam.missing-finance-contact'),
            'the review with a key threshold of 5: no kam.key-below-threshold');
        assert.ok(!codesOf(diagnostics).includes('kam.key-below-threshold'), describeDiagnostics(diagnostics));
    });
});
