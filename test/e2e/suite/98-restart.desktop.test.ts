// Desktop only (`.desktop.test.ts`): there the language server is a Node process of its own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { WEAK_PLAN } from './example-plans.js';
import { restartLanguageServer } from './helpers.js';

/** Files under `folder` (any depth) whose name matches `pattern`. */
function filesUnder(folder: string, pattern: RegExp): string[] {
    if (!fs.existsSync(folder)) return [];
    return (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => pattern.test(path.basename(f)));
}

describe('KAM: Restart Language Server on the desktop', () => {
    it('shuts the server process down so that it keeps its compiled code for the next start', async () => {
        // Diagnosed again after the restart (97-restart.test.ts says what comes back): the new server has started.
        await restartLanguageServer(WEAK_PLAN.path);

        // The runner says where VS Code keeps its data, the extensions' storage among it (test/e2e/run-vscode-server.mjs).
        const dataFolder = process.env.KAM_E2E_VSCODE_DATA;
        if (dataFolder) {
            const caches = filesUnder(dataFolder, /^server-.*\.bin$/);
            assert.equal(caches.length, 1, `the stopped server kept no compiled code under ${dataFolder}: ${caches.join(', ')}`);
            assert.match(caches[0], /globalStorage[\\/]kam-plans\.kam-plans[\\/]code[\\/]/);
        }
    });
});
