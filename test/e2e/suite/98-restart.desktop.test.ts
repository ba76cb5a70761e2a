// Desktop only (`.desktop.test.ts`): there the language server is a Node process of its own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { WEAK_PLAN } from './example-plans.js';
import { codesOf, diagnosticsOf, LANGUAGE_SERVER_TIMEOUT_MS, planUri, waitForEvent } from './helpers.js';

/** Files under `folder` (any depth) whose name matches `pattern`. */
function filesUnder(folder: string, pattern: RegExp): string[] {
    if (!fs.existsSync(folder)) return [];
    return (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => pattern.test(path.basename(f)));
}

describe('KAM: Restart Language Server', () => {
    it('shuts the server down, keeping its compiled code for the next start, and diagnoses the plans again', async () => {
        const uri = planUri(WEAK_PLAN.path);
        const before = codesOf(await diagnosticsOf(WEAK_PLAN.path));
        assert.ok(before.length > 0, 'the weak plan has no findings to see again');
        // The stopped server's findings go; the new server's come.
        let cleared = false;
        const again = waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
            const now = vscode.languages.getDiagnostics(uri);
            if (now.length === 0) cleared = true;
            return cleared && now.length > 0;
        }, LANGUAGE_SERVER_TIMEOUT_MS, () => `${WEAK_PLAN.path} was not diagnosed again after the restart`);
        await vscode.commands.executeCommand('kam.restartLanguageServer');
        await again;
        assert.deepEqual(codesOf(vscode.languages.getDiagnostics(uri)), before);

        // The runner says where VS Code keeps its data, the extensions' storage among it (test/e2e/run-vscode-server.mjs).
        const dataFolder = process.env.KAM_E2E_VSCODE_DATA;
        if (dataFolder) {
            const caches = filesUnder(dataFolder, /^server-.*\.bin$/);
            assert.equal(caches.length, 1, `the stopped server kept no compiled code under ${dataFolder}: ${caches.join(', ')}`);
            assert.match(caches[0], /globalStorage[\\/]kam-plans\.kam-plans[\\/]code[\\/]/);
        }
    });
});
