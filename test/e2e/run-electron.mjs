#!/usr/bin/env node
// Runs the end-to-end suite in desktop VS Code with @vscode/test-electron, the ecosystem's standard
// runner. It downloads VS Code from Microsoft's update server (into .vscode-test/), so it needs the
// internet: on a machine without it, it fails at once (ENOTFOUND) — use test/e2e/run-vscode-server.mjs
// there. On Linux without a display, run it under xvfb-run. See test/e2e/README.md.
//
// Environment: KAM_VSCODE_VERSION (default "stable"; e.g. 1.139.1), KAM_E2E_GREP (mocha grep),
// KAM_E2E_WORKSPACE (folder copied as the workspace, default examples/).
// Prints "N passed, N failed" last; exits non-zero when a test failed or none ran.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Writable } from 'node:stream';
import { runTests } from '@vscode/test-electron';

const root = path.resolve(import.meta.dirname, '../..');
const suiteIndex = path.join(root, 'out/test/e2e/suite/index.cjs');
const workspaceSource = path.resolve(root, process.env.KAM_E2E_WORKSPACE || 'examples');
const RESULT_MARKER = 'KAM_E2E_RESULT';

if (!fs.existsSync(suiteIndex)) {
    console.error(`missing ${path.relative(root, suiteIndex)}: run node esbuild.mjs && node test/e2e/build-suite.mjs`);
    console.log('0 passed, 1 failed');
    process.exit(1);
}

// The tests edit plans: give them a copy of the examples, never the repository's files.
const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-e2e-electron-'));
const workspace = path.join(tempDir, 'workspace');
fs.cpSync(workspaceSource, workspace, { recursive: true });

// Pass VS Code's output through, and pick the suite's result line out of it.
let result;
let pending = '';
const stdout = new Writable({
    write(chunk, _encoding, callback) {
        process.stdout.write(chunk);
        pending += chunk.toString();
        const lines = pending.split('\n');
        pending = lines.pop();
        for (const line of lines) {
            const at = line.indexOf(RESULT_MARKER);
            if (at >= 0) {
                try { result = JSON.parse(line.slice(at + RESULT_MARKER.length).trim()); } catch { /* a partial line */ }
            }
        }
        callback();
    },
});

let exitCode;
let problem;
try {
    exitCode = await runTests({
        version: process.env.KAM_VSCODE_VERSION || 'stable',
        extensionDevelopmentPath: root,
        extensionTestsPath: suiteIndex,
        // KAM_E2E_VSCODE_DATA: VS Code's data folder, where the suite finds the extension's global storage (the server's code cache).
        extensionTestsEnv: { KAM_E2E_VSCODE_DATA: path.join(tempDir, 'user-data'), ...(process.env.KAM_E2E_GREP ? { KAM_E2E_GREP: process.env.KAM_E2E_GREP } : {}) },
        launchArgs: [
            workspace,
            '--disable-extensions', // other installed extensions; the one under development still loads
            '--disable-workspace-trust',
            '--skip-welcome',
            '--skip-release-notes',
            '--disable-gpu',
            '--user-data-dir', path.join(tempDir, 'user-data'),
        ],
        stdout,
    });
} catch (error) {
    // runTests rejects when VS Code cannot be downloaded (ENOTFOUND offline) or exits non-zero.
    problem = error?.message ?? String(error);
    exitCode = error?.code ?? 1;
} finally {
    fs.rmSync(tempDir, { recursive: true, force: true });
}

const passed = result?.passed ?? 0;
let failed = result?.failed ?? 0;
if (problem && !result) console.error(`test-electron: ${problem}`);
if (!result || (exitCode !== 0 && failed === 0)) failed += 1; // the run itself broke
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
