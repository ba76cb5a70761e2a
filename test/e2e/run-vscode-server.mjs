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
// KAM_E2E_WORKSPACE (folder copied as the workspace, default examples/), KAM_E2E_KEEP=1 (keep temp dirs).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '../..');
const e2eDir = process.env.KAM_E2E_DIR || path.join(root, '.e2e');
const serverPrefix = path.join(e2eDir, 'vscode-server');
const serverMain = path.join(serverPrefix, 'node_modules/code-server/lib/vscode/out/server-main.js');
const nodeBinFile = path.join(serverPrefix, '.node-bin');
const suiteIndex = path.join(root, 'out/test/e2e/suite/index.cjs');
const extensionMain = path.join(root, 'out/client/extension.cjs');
const workspaceSource = path.resolve(root, process.env.KAM_E2E_WORKSPACE || 'examples');
/** Test the packaged extension as a user installs it, instead of the sources (`npm run test:e2e:vsix`). */
const vsix = process.env.KAM_E2E_VSIX ? path.resolve(root, process.env.KAM_E2E_VSIX) : undefined;
const chromiumPath = process.env.KAM_E2E_CHROMIUM || process.env.KAM_CHROMIUM || '/usr/bin/chromium';
const outputDir = path.join(root, 'test-output/e2e');

const RUN_TIMEOUT_MS = Number(process.env.KAM_E2E_TIMEOUT_MS || 600_000);
const SERVER_START_TIMEOUT_MS = 120_000;
/** How long a webview may take to render what a test looks for. */
const WEBVIEW_TIMEOUT_MS = 60_000;
const SCREENSHOT_SQUIGGLE_TIMEOUT_MS = 60_000;
const RESULT_MARKER = 'KAM_E2E_RESULT';
/** The suite's own console lines carry this prefix (suite/index.ts), the workbench's don't. */
const SUITE_PREFIX = '[kam-e2e] ';

const started = Date.now();
fs.mkdirSync(outputDir, { recursive: true });
const logFile = fs.createWriteStream(path.join(outputDir, 'e2e.log'));
const browserLog = fs.createWriteStream(path.join(outputDir, 'browser.log'));

function say(line) {
    process.stdout.write(`${line}\n`);
    logFile.write(`${line}\n`);
}
function note(line) {
    say(`[e2e ${((Date.now() - started) / 1000).toFixed(1)}s] ${line}`);
}

// ------------------------------------------------------------------ state to clean up
let serverProcess;
let context;
let controlServer;
let tempDir;
let cleaningUp;
let page;
/** What the suite reported: { passed, failed, pending }. */
let result;
let screenshotTaken = false;

async function cleanup() {
    cleaningUp ??= (async () => {
        await context?.close().catch(() => undefined);
        if (serverProcess && serverProcess.exitCode === null && serverProcess.signalCode === null) {
            const exited = new Promise((resolve) => serverProcess.once('exit', resolve));
            killGroup(serverProcess, 'SIGTERM');
            const timer = setTimeout(() => killGroup(serverProcess, 'SIGKILL'), 5_000);
            await exited;
            clearTimeout(timer);
        }
        controlServer?.close();
        if (tempDir && process.env.KAM_E2E_KEEP !== '1') fs.rmSync(tempDir, { recursive: true, force: true });
        else if (tempDir) note(`kept ${tempDir}`);
    })();
    return cleaningUp;
}

/** The server runs in its own process group: extension host and language server go with it. */
function killGroup(child, signal) {
    try {
        process.kill(-child.pid, signal);
    } catch {
        try { child.kill(signal); } catch { /* already gone */ }
    }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(signal, async () => {
        interrupted = true;
        note(`${signal}: stopping`);
        await cleanup();
        finish({ passed: 0, failed: 0 }, `interrupted by ${signal}`);
    });
}
process.once('exit', () => {
    // Last resort (e.g. an exception we did not catch): never leave a server behind.
    if (serverProcess?.exitCode === null) killGroup(serverProcess, 'SIGKILL');
});

function finish(result, problem) {
    let { passed, failed } = result;
    if (problem) {
        say(`e2e run broken: ${problem}`);
        failed += 1; // a run that did not finish is a failure, whatever passed before
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    logFile.write(`run took ${seconds} s\n`);
    process.stdout.write(`e2e: run took ${seconds} s; logs and screenshot in ${path.relative(process.cwd(), outputDir) || '.'}\n`);
    say(`${passed} passed, ${failed} failed`);
    logFile.end();
    browserLog.end();
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

// ------------------------------------------------------------------ helpers
function freePort() {
    return new Promise((resolve, reject) => {
        const probe = net.createServer();
        probe.unref();
        probe.once('error', reject);
        probe.listen(0, '127.0.0.1', () => {
            const { port } = probe.address();
            probe.close(() => resolve(port));
        });
    });
}

function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms); }),
    ]);
}

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
    return missing;
}

/** A path on the server's machine as a URI the web workbench understands. */
function remoteUri(authority, fsPath) {
    return new URL(`vscode-remote://${authority}${fsPath.split(path.sep).map(encodeURIComponent).join('/')}`).href;
}

// ------------------------------------------------------------------ the run
const missing = checkPrerequisites();
if (missing.length) {
    for (const m of missing) say(`missing: ${m}`);
    finish({ passed: 0, failed: 0 }, 'prerequisites missing');
}

try {
    await main();
} catch (error) {
    if (interrupted) await new Promise(() => undefined); // the signal handler finishes the run
    note(`error: ${error?.stack ?? error}`);
    await saveScreenshot('workbench', 'after a broken run', { wait: false }).catch(() => undefined);
    await cleanup();
    finish(resultSoFar(), error?.message ?? String(error));
}

function resultSoFar() {
    return result ?? { passed: 0, failed: 0 };
}

async function main() {
    tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-e2e-'));
    const workspace = path.join(tempDir, 'workspace');
    fs.cpSync(workspaceSource, workspace, { recursive: true });
    // VS Code for the web auto-saves an edit after a second by default, the desktop never: a test's
    // unsaved edit would reach the disk, or not, depending on the machine's load. Behave like the
    // desktop (and keep this settings folder out of the explorer in the screenshots).
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'),
        `${JSON.stringify({ 'files.autoSave': 'off', 'files.exclude': { '.vscode': true } }, null, 4)}\n`);
    const dirs = Object.fromEntries(['server-data', 'extensions', 'user-data', 'chromium'].map((d) => {
        fs.mkdirSync(path.join(tempDir, d), { recursive: true });
        return [d, path.join(tempDir, d)];
    }));

    // The suite asks for screenshots here (helpers.ts: requestScreenshot).
    controlServer = http.createServer(async (request, response) => {
        const url = new URL(request.url, 'http://127.0.0.1');
        const routes = {
            '/screenshot': () => saveScreenshot(url.searchParams.get('name') || 'workbench', 'requested by the suite'),
            // What a user sees inside a webview (the preview, the portfolio), read from the browser side.
            '/webview': () => readWebview(url.searchParams.get('contains') ?? '', url.searchParams.get('name'), url.searchParams.get('background')),
            '/webview-click': () => clickInWebview(url.searchParams.get('contains') ?? '', url.searchParams.get('text') ?? ''),
        };
        const route = request.method === 'POST' ? routes[url.pathname] : undefined;
        if (!route) {
            response.writeHead(404).end();
            return;
        }
        try {
            const result = await route();
            response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(result));
        } catch (error) {
            response.writeHead(500).end(String(error?.message ?? error));
        }
    });
    await new Promise((resolve) => controlServer.listen(0, '127.0.0.1', resolve));
    const controlUrl = `http://127.0.0.1:${controlServer.address().port}`;

    // ---------------------------------------------------------------- VS Code server
    const port = await freePort();
    const authority = `127.0.0.1:${port}`;
    const env = { ...process.env, KAM_E2E_CONTROL_URL: controlUrl, ...(vsix ? { KAM_E2E_INSTALLED_FROM_VSIX: '1' } : {}) };
    for (const key of Object.keys(env)) {
        // Started from a VS Code terminal or an npm script: don't let the outer editor leak in.
        if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE' || key === 'NODE_OPTIONS') delete env[key];
    }
    const node = serverNode();
    let developmentPath = root;
    if (vsix) {
        // Install the package the way `code --install-extension` does, and load the suite from a
        // host extension of its own, so the sources cannot stand in for what the package lacks.
        note(`installing ${path.relative(root, vsix)} into the VS Code server`);
        const install = spawnSync(node, [serverMain, '--install-extension', vsix, '--extensions-dir', dirs.extensions,
            '--server-data-dir', dirs['server-data'], '--user-data-dir', dirs['user-data'], '--accept-server-license-terms'],
        { cwd: tempDir, env, encoding: 'utf8', timeout: 120_000 });
        fs.writeFileSync(path.join(outputDir, 'install-vsix.log'), `${install.stdout}\n${install.stderr}`);
        if (install.status !== 0) throw new Error(`installing ${vsix} failed (exit ${install.status}); see test-output/e2e/install-vsix.log`);
        developmentPath = path.join(tempDir, 'test-host');
        fs.mkdirSync(developmentPath);
        fs.writeFileSync(path.join(developmentPath, 'package.json'), JSON.stringify({
            name: 'kam-plans-e2e-host', publisher: 'kam-plans-tests', version: '0.0.0', engines: { vscode: '*' },
        }));
    }
    note(`starting VS Code server (${path.relative(root, serverMain)}) on port ${port} with ${node}`);
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
    note('VS Code server listening');

    // ---------------------------------------------------------------- Chromium
    // Webviews need a service worker on <uuid>.localhost: allow third-party cookies in this profile.
    fs.mkdirSync(path.join(dirs.chromium, 'Default'), { recursive: true });
    fs.writeFileSync(path.join(dirs.chromium, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
    context = await chromium.launchPersistentContext(dirs.chromium, {
        executablePath: chromiumPath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
        viewport: { width: 1440, height: 900 },
        timeout: 60_000,
        // Our own signal handlers stop the browser and the server together.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
    });
    page = context.pages()[0] ?? await context.newPage();
    page.on('console', (message) => browserLog.write(`[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => browserLog.write(`[pageerror] ${error.stack ?? error}\n`));
    page.on('crash', () => note('the workbench page crashed'));

    let exitCode;
    let resolveExit;
    const suiteExited = new Promise((resolve) => { resolveExit = resolve; });
    let resolveResult;
    const resultArrived = new Promise((resolve) => { resolveResult = resolve; });

    await page.exposeFunction('codeAutomationLog', (type, args) => {
        const text = formatLog(Array.isArray(args) ? args : [args]);
        for (const line of text.split('\n')) {
            if (line.startsWith(SUITE_PREFIX)) {
                const suiteLine = line.slice(SUITE_PREFIX.length);
                const marker = suiteLine.indexOf(RESULT_MARKER);
                if (marker >= 0) {
                    result = JSON.parse(suiteLine.slice(marker + RESULT_MARKER.length).trim());
                    resolveResult();
                } else {
                    say(`  ${suiteLine}`);
                }
            } else if (type === 'error' && /kam/i.test(line)) {
                say(`  [workbench ${type}] ${line}`); // e.g. the extension failed to activate
            } else {
                logFile.write(`  [workbench ${type}] ${line}\n`);
            }
        }
    });
    await page.exposeFunction('codeAutomationExit', (code) => {
        exitCode = code;
        resolveExit(code);
    });

    const payload = [
        ['extensionDevelopmentPath', remoteUri(authority, developmentPath)],
        ['extensionTestsPath', remoteUri(authority, suiteIndex)],
        ['skipWelcome', 'true'],
        ['skipReleaseNotes', 'true'],
    ];
    const url = `http://${authority}/?folder=${encodeURIComponent(remoteUri(authority, workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    note(`opening the workbench on a copy of ${path.relative(root, workspaceSource) || '.'}`);
    browserLog.write(`${url}\n`);
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

    const outcome = await withTimeout(Promise.race([
        suiteExited.then(() => undefined),
        serverExited,
        new Promise((resolve) => page.once('crash', () => resolve('the workbench page crashed'))),
        new Promise((resolve) => context.once('close', () => resolve('the browser closed'))),
    ]), RUN_TIMEOUT_MS, 'the suite to finish (KAM_E2E_TIMEOUT_MS)');
    if (outcome) throw new Error(outcome);

    // The result line is logged just before the exit; give the log channel a moment to deliver it.
    if (!result) await withTimeout(resultArrived, 10_000, 'the result line').catch(() => undefined);
    note(`the suite exited with code ${exitCode}`);
    if (!screenshotTaken) await saveScreenshot('workbench', 'after the suite (the suite asked for none)', { wait: false }).catch((e) => note(`no screenshot: ${e.message}`));
    await cleanup();

    if (!result) finish({ passed: 0, failed: 0 }, `the suite exited (code ${exitCode}) without a result line`);
    if (exitCode !== 0 && result.failed === 0) finish(result, `the suite exited with code ${exitCode}`);
    finish(result);
}

/** The colours the user reads: the body's text on its background (the theme's, through CSS variables). */
function colorsOf(body) {
    return body.evaluate((element) => {
        const style = getComputedStyle(element);
        const heading = element.querySelector('h1');
        return { text: style.color, background: style.backgroundColor, heading: heading ? getComputedStyle(heading).color : style.color };
    });
}

/** Relative luminance (WCAG) of a CSS `rgb(…)` colour. */
function luminance(color) {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * The body of the first webview whose text contains `contains` (and, with `background`, whose
 * background is `dark` or `light`), re-reading the webviews until one does or WEBVIEW_TIMEOUT_MS
 * has passed. A webview lives in `iframe.webview` → `iframe#active-frame`; it renders, and takes a
 * new theme, asynchronously, and its frames cannot be watched from the page, hence the re-reading.
 */
async function findWebview(contains, background) {
    const deadline = Date.now() + WEBVIEW_TIMEOUT_MS;
    let seen = [];
    while (Date.now() < deadline) {
        seen = [];
        const frames = page.locator('iframe.webview');
        for (let i = 0; i < await frames.count(); i++) {
            const body = frames.nth(i).contentFrame().locator('iframe#active-frame').contentFrame().locator('body');
            const text = await body.innerText({ timeout: 2_000 }).catch(() => '');
            const colors = background && text.includes(contains) ? await colorsOf(body).catch(() => undefined) : undefined;
            seen.push(text.slice(0, 80).replace(/\s+/g, ' ') + (colors ? ` (background ${colors.background})` : ''));
            if (!text.includes(contains)) continue;
            if (!background || (colors && (luminance(colors.background) < 0.2) === (background === 'dark'))) return { body, text };
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const what = background ? `shows "${contains}" on a ${background} background` : `shows "${contains}"`;
    throw new Error(`no webview ${what} after ${WEBVIEW_TIMEOUT_MS / 1000} s; webviews seen: ${JSON.stringify(seen)}`);
}

async function readWebview(contains, name, background) {
    const { body, text } = await findWebview(contains, background ?? undefined);
    const svgCount = await body.locator('svg').count();
    const colors = await colorsOf(body);
    if (name) {
        const file = path.join(outputDir, `${name}.png`);
        await page.screenshot({ path: file });
        note(`screenshot ${path.relative(root, file)} (webview showing "${contains}", ${svgCount} charts)`);
    }
    return { text: text.slice(0, 20_000), svgCount, colors };
}

/** Clicks, as a user would, the button of the list item that shows `text` (or the text itself when it has none). */
async function clickInWebview(contains, text) {
    const { body } = await findWebview(contains);
    const item = body.locator('li', { hasText: text }).first();
    const button = item.getByRole('button').first();
    const target = await button.count() ? button : body.getByText(text, { exact: false }).first();
    await target.click({ timeout: 10_000 });
    return { clicked: await target.innerText() };
}

/** Console arguments as the console would print them ("%s passing", "%c" styles dropped). */
function formatLog(args) {
    return util.format(...args.map((arg) => (arg && typeof arg === 'object' && 'stack' in arg ? String(arg.stack ?? arg.message) : arg)));
}

/**
 * Saves test-output/e2e/<name>.png once the editor has drawn its squiggles (or after a minute
 * without any), and says how many squiggles and inlay hints it saw.
 */
async function saveScreenshot(name, why, { wait = true } = {}) {
    if (!page) throw new Error('no page yet');
    const file = path.join(outputDir, `${name}.png`);
    const squiggles = page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info');
    // The inlay hint after the account name; the editor draws its spaces as U+00A0, hence \s.
    const hint = page.locator('.monaco-editor .view-lines').getByText(/strategic\s+value/i);
    if (wait) {
        await squiggles.first().waitFor({ state: 'visible', timeout: SCREENSHOT_SQUIGGLE_TIMEOUT_MS })
            .catch(() => note(`no squiggles in the editor after ${SCREENSHOT_SQUIGGLE_TIMEOUT_MS / 1000} s`));
        await hint.first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => note('no strategic value inlay hint drawn after 15 s'));
        // The code lens above the account ("Strategic value … | Open preview | Generate report").
        await page.locator('.monaco-editor .codelens-decoration').getByText(/Open preview/).first()
            .waitFor({ state: 'visible', timeout: 15_000 }).catch(() => note('no code lens drawn after 15 s'));
    }
    await page.screenshot({ path: file });
    screenshotTaken = true;
    const seen = { path: file, squiggles: await squiggles.count(), inlayHints: await hint.count() };
    note(`screenshot ${path.relative(root, file)} (${why}): ${seen.squiggles} squiggles, ${seen.inlayHints} strategic value hints`);
    return seen;
}
