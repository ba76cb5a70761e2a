import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STRONG_PLAN, WEAK_PLAN } from './example-plans.js';
import { codesOf, describeDiagnostics, diagnosticsOf, planUri, restartLanguageServer } from './helpers.js';

/**
 * KAM: Restart Language Server, in both hosts: on the desktop a new server process reads the
 * portfolio from disk; in VS Code for the Web a new web worker, which the client feeds the whole
 * portfolio again (client/src/portfolio-feed.ts). Either way nothing is lost: the same findings
 * come back, cross-file references resolve, and files changed afterwards still reach the server.
 */
describe('KAM: Restart Language Server', () => {
    it('diagnoses the plans again with the whole portfolio, and follows its files afterwards', async () => {
        const before = codesOf(await diagnosticsOf(WEAK_PLAN.path));
        assert.ok(before.length > 0, 'the weak plan has no findings to see again');
        const after = await restartLanguageServer(WEAK_PLAN.path);
        assert.deepEqual(codesOf(after), before, describeDiagnostics(after));
        // The team and the scoring model are in other files: their references resolve in the new server.
        assert.ok(!codesOf(after).includes('linking-error'), describeDiagnostics(after));

        // A plan written after the restart reaches the new server: a second plan for the same account.
        const copy = planUri('portfolio/accounts/nordwind-logistics-after-restart.kam');
        await vscode.workspace.fs.writeFile(copy, await vscode.workspace.fs.readFile(planUri(STRONG_PLAN.path)));
        try {
            const duplicated = await diagnosticsOf(STRONG_PLAN.path, (d) => codesOf(d).includes('kam.duplicate-name'),
                'kam.duplicate-name, once the copy written after the restart has reached the new server');
            assert.ok(duplicated.some((d) => d.message.includes(STRONG_PLAN.account)), describeDiagnostics(duplicated));
        } finally {
            await vscode.workspace.fs.delete(copy);
        }
        await diagnosticsOf(STRONG_PLAN.path, (d) => !codesOf(d).includes('kam.duplicate-name'), 'kam.duplicate-name gone with the copy');
    });
});
