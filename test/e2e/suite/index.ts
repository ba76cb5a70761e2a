/**
 * Entry point of the end-to-end suite inside VS Code's extension host (`extensionTestsPath`):
 * runs every compiled `*.test.cjs` next to this file with mocha. Both runners use it:
 * test/e2e/run-vscode-server.mjs (VS Code server + Chromium) and test/e2e/run-electron.mjs.
 *
 * Output goes through console.log, which VS Code forwards to the runner. The last line is
 * machine-readable: `KAM_E2E_RESULT {"passed":n,"failed":n,"pending":n}`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as util from 'node:util';
import { RESULT_MARKER, startTrackingDiagnostics } from './helpers.js';
import { recordWorkspaceState, restoreWorkspace } from './workspace-state.js';

export { RESULT_MARKER };
/** Marks the suite's lines among the workbench's own logging (see run-vscode-server.mjs). */
const SUITE_PREFIX = '[kam-e2e] ';

/**
 * Under the VS Code server runner the suite's console shares one channel with the workbench's own
 * logging, so the suite's lines carry a prefix there. (The extension host does not let anyone
 * replace console.log, so mocha's reporter is pointed at this function instead.)
 */
function suiteLog(...args: unknown[]): void {
    const text = util.format(...args);
    console.log(process.env.KAM_E2E_CONTROL_URL ? text.split('\n').map((line) => SUITE_PREFIX + line).join('\n') : text);
}

export async function run(): Promise<void> {
    const tracking = startTrackingDiagnostics();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Mocha = require('mocha') as typeof import('mocha');
    Mocha.reporters.Base.consoleLog = suiteLog;
    const mocha = new Mocha({
        ui: 'bdd',
        reporter: 'spec',
        color: false,
        // Per test; each wait inside a test has its own, more telling, time limit.
        timeout: 180_000,
        slow: 10_000,
        grep: process.env.KAM_E2E_GREP || undefined,
        // Every test starts from the untouched copy of examples/ (workspace-state.ts), and the
        // suite ends with it, so that closing the workbench asks nothing.
        rootHooks: {
            beforeAll: [async function recordTheWorkspace() { await recordWorkspaceState(); }],
            beforeEach: [async function restoreTheWorkspace() { await restoreWorkspace(); }],
            afterAll: [async function restoreTheWorkspaceAtTheEnd() { await restoreWorkspace(); }],
        },
    });
    // Over a virtual workspace (KAM_E2E_VIRTUAL) the desktop-only tests (a local CSV file, git, an MCP
    // server on a folder) do not apply, as in the browser: the suite the web runs.
    const files = fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.cjs') && !(process.env.KAM_E2E_VIRTUAL && f.endsWith('.desktop.test.cjs'))).sort();
    for (const file of files) mocha.addFile(path.join(__dirname, file));

    const stats = await new Promise<{ passed: number; failed: number; pending: number }>((resolve) => {
        try {
            const runner = mocha.run(() => resolve({
                passed: runner.stats?.passes ?? 0,
                failed: runner.stats?.failures ?? 0,
                pending: runner.stats?.pending ?? 0,
            }));
        } catch (error) {
            suiteLog('The suite could not be loaded:', error);
            resolve({ passed: 0, failed: 1, pending: 0 });
        }
    });
    tracking.dispose();
    suiteLog(`${RESULT_MARKER} ${JSON.stringify(stats)}`);
    if (stats.failed > 0) throw new Error(`${stats.failed} end-to-end test(s) failed.`);
    if (stats.passed === 0) throw new Error('No end-to-end test ran.');
}
