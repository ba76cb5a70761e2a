#!/usr/bin/env node
// Runs the end-to-end suite (out/test/e2e/suite) inside a real VS Code, with no internet:
// VS Code's server from the npm package code-server (installed by test/e2e/install-vscode-server.sh)
// runs this extension in a Node extension host; Debian's Chromium, driven by playwright-core, shows
// the workbench. The suite's console arrives through codeAutomationLog, its exit code through
// codeAutomationExit. See test/e2e/README.md.
//
// Writes test-output/e2e/: workbench.png (a plan with its squiggles, every run), e2e.log (the
// suite's output and the runner's), server.log and browser.log. The last line on stdout is
// "N passed, N failed"; the exit code is non-zero when a test failed, nothing ran or the run broke.
//
// Environment: KAM_E2E_TIMEOUT_MS (whole run, default 600000), KAM_E2E_GREP (mocha grep),
// KAM_E2E_CHROMIUM (default KAM_CHROMIUM, else /usr/bin/chromium), KAM_E2E_DIR (default <repo>/.e2e),
// KAM_E2E_WORKSPACE (folder copied as the workspace, default examples/), KAM_E2E_KEEP=1 (keep temp dirs),
// KAM_E2E_VIRTUAL=1 with KAM_E2E_VSIX (the workspace opened as a virtual one, `kam-e2e-vfs:` served
// by the fixture extension test/e2e/virtual-workspace/, as Remote Repositories serves `vscode-vfs:`;
// the workbench loads one development extension, so the fixture is that one and KAM Plans is
// installed from its package; output in test-output/e2e-virtual, the suite without its
// desktop-only tests).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromiumPath, e2eDir, freePort, root, RUN_TIMEOUT_MS, withTimeout, WorkbenchRun, workspaceSource } from './workbench-run.mjs';

const serverPrefix = path.join(e2eDir, 'vscode-server');
const serverMain = path.join(serverPrefix, 'node_modules/code-server/lib/vscode/out/server-main.js');
const nodeBinFile = path.join(serverPrefix, '.node-bin');
const suiteIndex = path.join(root, 'out/test/e2e/suite/index.cjs');
const extensionMain = path.join(root, 'out/client/extension.cjs');
/** Test the packaged extension as a user installs it, instead of the sources (`npm run test:e2e:vsix`). */
const vsix = process.env.KAM_E2E_VSIX ? path.resolve(root, process.env.KAM_E2E_VSIX) : undefined;
const virtual = process.env.KAM_E2E_VIRTUAL === '1';
const virtualWorkspaceExtension = path.join(root, 'test/e2e/virtual-workspace');
const outputDir = path.join(root, virtual ? 'test-output/e2e-virtual' : 'test-output/e2e');

const SERVER_START_TIMEOUT_MS = 120_000;

const run = new WorkbenchRun({ outputDir });
run.installSignalHandlers();

// ------------------------------------------------------------------ the server, to clean up
let serverProcess;

/** The server runs in its own process group: extension host and language server go with it. */
function killGroup(child, signal) {
    try {
        process.kill(-child.pid, signal);
    } catch {
        try { child.kill(signal); } catch { /* already gone */ }
    }
}

process.once('exit', () => {
    // Last resort (e.g. an exception we did not catch): never leave a server behind.
    if (serverProcess?.exitCode === null) killGroup(serverProcess, 'SIGKILL');
});

function serverNode() {
    if (fs.existsSync(nodeBinFile)) {
        const bin = fs.readFileSync(nodeBinFile, 'utf8').trim();
        if (fs.existsSync(bin)) return bin;
    }
    return process.execPath; // must be the Node the server's native modules were built for (24)
}

function checkPrerequisites() {
    const missing = [];
    if (!fs.existsSync(serverMain)) missing.push(`the VS Code server (${path.relative(root, serverMain)}): run bash test/e2e/install-vscode-server.sh`);
    if (!fs.existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}): run bash test/e2e/install-vscode-server.sh`);
    if (!fs.existsSync(extensionMain)) missing.push(`the built extension (${path.relative(root, extensionMain)}): run node esbuild.mjs`);
    if (!fs.existsSync(suiteIndex)) missing.push(`the compiled suite (${path.relative(root, suiteIndex)}): run node test/e2e/build-suite.mjs`);
    if (!fs.existsSync(workspaceSource)) missing.push(`the workspace to open (${workspaceSource})`);
    if (vsix && !fs.existsSync(vsix)) missing.push(`the extension package ${vsix} (npm run package)`);
    if (virtual && !vsix) missing.push('KAM_E2E_VSIX with KAM_E2E_VIRTUAL: the workbench loads one development extension, the virtual workspace\'s (npm run test:e2e:virtual)');
    return missing;
}

/** A path on the server's machine as a URI the web workbench understands. */
function remoteUri(authority, fsPath) {
    return new URL(`vscode-remote://${authority}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`).href;
}

// ------------------------------------------------------------------ the run
await run.perform(checkPrerequisites(), main);

async function main() {
    const { tempDir, workspace } = run.copyWorkspace('kam-e2e-');
    const dirs = Object.fromEntries(['server-data', 'extensions', 'user-data', 'chromium'].map((d) => {
        fs.mkdirSync(path.join(tempDir, d), { recursive: true });
        return [d, path.join(tempDir, d)];
    }));

    // The suite asks for screenshots and webview contents here (helpers.ts: askRunner).
    const controlUrl = await run.startControlServer();

    // ---------------------------------------------------------------- VS Code server
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    // KAM_E2E_VSCODE_DATA: VS Code's data folders, where the suite finds the extension's global storage (the server's code cache).
    const env = { ...process.env, KAM_E2E_CONTROL_URL: controlUrl, KAM_E2E_VSCODE_DATA: tempDir, ...(vsix ? { KAM_E2E_INSTALLED_FROM_VSIX: '1' } : {}) };
    for (const key of Object.keys(env)) {
        // Started from a VS Code terminal or an npm script: don't let the outer editor leak in.
        if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') delete env[key];
    }
    const node = serverNode();
    let developmentPath = root;
    if (vsix) {
        // Install the package the way `code --install-extension` does, and load the suite from a
        // host extension of its own, so the sources cannot stand in for what the package lacks.
        run.note(`installing ${path.relative(root, vsix)} into the VS Code server`);
        const install = spawnSync(node, [serverMain, '--install-extension', vsix, '--extensions-dir', dirs.extensions,
            '--server-data-dir', dirs['server-data'], '--user-data-dir', dirs['user-data'], '--accept-server-license-terms'],
        { cwd: tempDir, env, encoding: 'utf8', timeout: 120_000 });
        fs.writeFileSync(path.join(outputDir, 'install-vsix.log'), `${install.stdout}\n${install.stderr}`);
        if (install.status !== 0) throw new Error(`installing ${vsix} failed (exit ${install.status}); see test-output/e2e/install-vsix.log`);
        if (virtual) developmentPath = virtualWorkspaceExtension;
        else {
            developmentPath = path.join(tempDir, 'test-host');
            fs.mkdirSync(developmentPath);
            fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({
                name: 'kam-plans-e2e-host', publisher: 'kam-plans-tests', version: '0.0.0', engines: { vscode: '*' },
            }));
        }
    }
    run.note(`starting VS Code server (${path.relative(root, serverMain)}) on port ${port} with ${node}`);
    const serverLog = fs.createWriteStream(path.join(outputDir, 'server.log'));
    serverProcess = spawn(node, [
        serverMain,
        '--host', '127.0.0.1', '--port', String(port),
        '--without-connection-token', '--accept-server-license-terms',
        '--enable-smoke-test-driver', '--disable-telemetry', '--disable-workspace-trust',
        '--server-data-dir', dirs['server-data'], '--extensions-dir', dirs.extensions, '--user-data-dir', dirs['user-data'],
    ], { cwd: tempDir, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    serverProcess.stdout.pipe(serverLog);
    serverProcess.stderr.pipe(serverLog);
    const serverExited = new Promise((resolve) => serverProcess.once('exit', (code, signal) => resolve(`the VS Code server exited (${signal ?? code}); see test-output/e2e/server.log`)));
    // Before the temporary folders go (cleanup steps run last registered first).
    run.onCleanup(async () => {
        if (serverProcess.exitCode !== null || serverProcess.signalCode !== null) return;
        const exited = new Promise((resolve) => serverProcess.once('exit', resolve));
        killGroup(serverProcess, 'SIGTERM');
        const timer = setTimeout(() => killGroup(serverProcess, 'SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
    });

    await withTimeout(Promise.race([
        new Promise((resolve) => {
            let seen = '';
            serverProcess.stdout.on('data', (chunk) => {
                seen += chunk;
                if (/Extension host agent listening on/.test(seen)) resolve();
                seen = seen.slice(-200);
            });
        }),
        serverExited.then((why) => { throw new Error(why); }),
    ]), SERVER_START_TIMEOUT_MS, 'the VS Code server to listen');
    run.note('VS Code server listening');

    // ---------------------------------------------------------------- Chromium
    await run.openBrowser({ chromiumPath, profileDir: dirs.chromium });
    const payload = [
        ['extensionDevelopmentPath', remoteUri(authority, developmentPath)],
        ['extensionTestsPath', remoteUri(authority, suiteIndex)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
    ];
    const folder = virtual ? `kam-e2e-vfs://e2e${workspace.split(path.sep).map(encodeURIComponent).join('/')}` : remoteUri(authority, workspace);
    const url = `http://${authority}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    run.note(`opening the workbench on a copy of ${path.relative(root, workspaceSource) || '.'}`);
    await run.runSuite(url, { timeoutMs: RUN_TIMEOUT_MS, hostFailed: serverExited });
}
