// What both offline end-to-end runners share: the VS Code workbench in Debian's Chromium (driven by
// playwright-core), the suite's output and exit code through codeAutomationLog/codeAutomationExit,
// the control channel on which the suite asks for what only the browser can see (screenshots, the
// content of a webview, a click in it), the logs in test-output/, the cleanup and the closing line
// "N passed, N failed". The runners add only their host: run-vscode-server.mjs (VS Code server,
// Node extension host) and run-vscode-web.mjs (VS Code for the Web, worker extension host).
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as util from 'node:util';
import { chromium } from 'playwright-core';

/** What both runners take from the environment (see test/e2e/README.md). */
export const root = path.resolve(import.meta.dirname, '../..');
export const e2eDir = process.env.KAM_E2E_DIR || path.join(root, '.e2e');
export const workspaceSource = path.resolve(root, process.env.KAM_E2E_WORKSPACE || 'examples');
export const chromiumPath = process.env.KAM_E2E_CHROMIUM || process.env.KAM_CHROMIUM || '/usr/bin/chromium';
export const RUN_TIMEOUT_MS = Number(process.env.KAM_E2E_TIMEOUT_MS || 600_000);

/** How long a webview may take to render what a test looks for. */
const WEBVIEW_TIMEOUT_MS = 60_000;
const SCREENSHOT_SQUIGGLE_TIMEOUT_MS = 60_000;
const RESULT_MARKER = 'KAM_E2E_RESULT';
/** The suite's own console lines carry this prefix (suite/index.ts, suite/web-index.ts), the workbench's don't. */
const SUITE_PREFIX = '[kam-e2e] ';

export function freePort() {
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

export function withTimeout(promise, ms, what) {
    let timer;
    return Promise.race([
        promise.finally(() => clearTimeout(timer)),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms); }),
    ]);
}

/** Console arguments as the console would print them ("%s passing", "%c" styles dropped). */
function formatLog(args) {
    return util.format(...args.map((arg) => (arg && typeof arg === 'object' && 'stack' in arg ? String(arg.stack ?? arg.message) : arg)));
}

/** Relative luminance (WCAG) of a CSS `rgb(…)` colour. */
function luminance(color) {
    const [r, g, b] = (color.match(/[\d.]+/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The colours the user reads: the body's text on its background (the theme's, through CSS variables). */
function colorsOf(body) {
    return body.evaluate((element) => {
        const style = getComputedStyle(element);
        const heading = element.querySelector('h1');
        return { text: style.color, background: style.backgroundColor, heading: heading ? getComputedStyle(heading).color : style.color };
    });
}

export class WorkbenchRun {
    /** @param {{ outputDir: string }} options */
    constructor({ outputDir }) {
        this.root = root;
        this.outputDir = outputDir;
        this.started = Date.now();
        fs.mkdirSync(outputDir, { recursive: true });
        this.logFile = fs.createWriteStream(path.join(outputDir, 'e2e.log'));
        this.browserLog = fs.createWriteStream(path.join(outputDir, 'browser.log'));
        /** What the suite reported: { passed, failed, pending }. */
        this.result = undefined;
        this.screenshotTaken = false;
        this.cleanups = [];
        this.interrupted = false;
    }

    say(line) {
        process.stdout.write(`${line}\n`);
        this.logFile.write(`${line}\n`);
    }

    note(line) {
        this.say(`[e2e ${((Date.now() - this.started) / 1000).toFixed(1)}s] ${line}`);
    }

    /**
     * A temporary folder (removed at the end unless KAM_E2E_KEEP=1) holding `workspace`, a copy of
     * the workspace source, whose `.vscode/settings.json` turns auto-save off: VS Code for the web
     * auto-saves an edit after a second by default, the desktop never, so a test's unsaved edit would
     * reach the disk, or not, depending on the machine's load. The folder stays out of the explorer
     * in the screenshots. `settings` adds the runner's own.
     */
    copyWorkspace(prefix, settings = {}) {
        const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
        this.onCleanup(() => {
            if (process.env.KAM_E2E_KEEP !== '1') fs.rmSync(tempDir, { recursive: true, force: true });
            else this.note(`kept ${tempDir}`);
        });
        const workspace = path.join(tempDir, 'workspace');
        fs.cpSync(workspaceSource, workspace, { recursive: true });
        fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
        fs.writeFileSync(path.join(workspace, '.vscode', 'settings.json'),
            `${JSON.stringify({ 'files.autoSave': 'off', 'files.exclude': { '.vscode': true }, ...settings }, null, 4)}\n`);
        return { tempDir, workspace };
    }

    /** Work to do at the end, whatever happens (last registered, first done). */
    onCleanup(step) {
        this.cleanups.unshift(step);
    }

    cleanup() {
        this.cleaningUp ??= (async () => {
            await this.context?.close().catch(() => undefined);
            this.controlServer?.close();
            for (const step of this.cleanups) await Promise.resolve().then(step).catch((error) => this.note(`cleanup: ${error?.message ?? error}`));
        })();
        return this.cleaningUp;
    }

    /** Ctrl-C and friends stop everything and count as a failed run. */
    installSignalHandlers() {
        for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
            process.once(signal, async () => {
                this.interrupted = true;
                this.note(`${signal}: stopping`);
                await this.cleanup();
                this.finish({ passed: 0, failed: 0 }, `interrupted by ${signal}`);
            });
        }
    }

    resultSoFar() {
        return this.result ?? { passed: 0, failed: 0 };
    }

    finish(result, problem) {
        let { passed, failed } = result;
        if (problem) {
            this.say(`e2e run broken: ${problem}`);
            failed += 1; // a run that did not finish is a failure, whatever passed before
        }
        const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
        this.logFile.write(`run took ${seconds} s\n`);
        process.stdout.write(`e2e: run took ${seconds} s; logs and screenshot in ${path.relative(process.cwd(), this.outputDir) || '.'}\n`);
        this.say(`${passed} passed, ${failed} failed`);
        this.logFile.end();
        this.browserLog.end();
        process.exit(failed > 0 || passed === 0 ? 1 : 0);
    }

    /** Runs `main` unless something it needs is missing (then one line each, and a failed run). */
    async perform(missing, main) {
        if (missing.length) {
            for (const m of missing) this.say(`missing: ${m}`);
            this.finish({ passed: 0, failed: 0 }, 'prerequisites missing');
        }
        try {
            await main();
        } catch (error) {
            await this.fail(error);
        }
    }

    /** The end of a run that threw: a screenshot of what was on screen, cleanup, one failure more. */
    async fail(error) {
        if (this.interrupted) await new Promise(() => undefined); // the signal handler finishes the run
        this.note(`error: ${error?.stack ?? error}`);
        await this.saveScreenshot('workbench', 'after a broken run', { wait: false }).catch(() => undefined);
        await this.cleanup();
        this.finish(this.resultSoFar(), error?.message ?? String(error));
    }

    /**
     * The channel on which the suite asks for what only the browser can see (helpers.ts: askRunner).
     * CORS allows any origin: in VS Code for the Web the suite runs in a worker of the workbench's page.
     */
    async startControlServer() {
        this.controlServer = http.createServer(async (request, response) => {
            const url = new URL(request.url, 'http://127.0.0.1');
            const routes = {
                '/screenshot': () => this.saveScreenshot(url.searchParams.get('name') || 'workbench', 'requested by the suite'),
                // What a user sees inside a webview (the preview, the portfolio), read from the browser side.
                '/webview': () => this.readWebview(url.searchParams.get('contains') ?? '', url.searchParams.get('name'), url.searchParams.get('background')),
                '/webview-click': () => this.clickInWebview(url.searchParams.get('contains') ?? '', url.searchParams.get('text') ?? ''),
            };
            const cors = { 'access-control-allow-origin': '*' };
            const route = request.method === 'POST' ? routes[url.pathname] : undefined;
            if (!route) {
                response.writeHead(request.method === 'OPTIONS' ? 204 : 404, { ...cors, 'access-control-allow-methods': 'POST' }).end();
                return;
            }
            try {
                const result = await route();
                response.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JSON.stringify(result));
            } catch (error) {
                response.writeHead(500, cors).end(String(error?.message ?? error));
            }
        });
        await new Promise((resolve) => this.controlServer.listen(0, '127.0.0.1', resolve));
        return `http://127.0.0.1:${this.controlServer.address().port}`;
    }

    /** Debian's Chromium on a fresh profile in which webviews work. */
    async openBrowser({ chromiumPath, profileDir }) {
        // Webviews need a service worker on <uuid>.localhost: allow third-party cookies in this profile.
        fs.mkdirSync(path.join(profileDir, 'Default'), { recursive: true });
        fs.writeFileSync(path.join(profileDir, 'Default', 'Preferences'), JSON.stringify({ profile: { cookie_controls_mode: 0 } }));
        this.context = await chromium.launchPersistentContext(profileDir, {
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
        this.page = this.context.pages()[0] ?? await this.context.newPage();
        this.page.on('console', (message) => this.browserLog.write(`[${message.type()}] ${message.text()}\n`));
        this.page.on('pageerror', (error) => this.browserLog.write(`[pageerror] ${error.stack ?? error}\n`));
        this.page.on('crash', () => this.note('the workbench page crashed'));
        return this.page;
    }

    /**
     * Opens the workbench at `url` with the suite's output channel in place, and waits until the
     * suite exits (or `hostFailed` resolves with a reason, or the time is up). Then a screenshot if
     * the suite asked for none, cleanup, and the end of the run.
     */
    async runSuite(url, { timeoutMs, hostFailed }) {
        const { page, context } = this;
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
                        this.result = JSON.parse(suiteLine.slice(marker + RESULT_MARKER.length).trim());
                        resolveResult();
                    } else {
                        this.say(`  ${suiteLine}`);
                    }
                } else if (type === 'error' && /kam/i.test(line)) {
                    this.say(`  [workbench ${type}] ${line}`); // e.g. the extension failed to activate
                } else {
                    this.logFile.write(`  [workbench ${type}] ${line}\n`);
                }
            }
        });
        await page.exposeFunction('codeAutomationExit', (code) => {
            exitCode = code;
            resolveExit(code);
        });

        this.browserLog.write(`${url}\n`);
        await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });

        const outcome = await withTimeout(Promise.race([
            suiteExited.then(() => undefined),
            hostFailed ?? new Promise(() => undefined),
            new Promise((resolve) => page.once('crash', () => resolve('the workbench page crashed'))),
            new Promise((resolve) => context.once('close', () => resolve('the browser closed'))),
        ]), timeoutMs, 'the suite to finish (KAM_E2E_TIMEOUT_MS)');
        if (outcome) throw new Error(outcome);

        // The result line is logged just before the exit; give the log channel a moment to deliver it.
        if (!this.result) await withTimeout(resultArrived, 10_000, 'the result line').catch(() => undefined);
        this.note(`the suite exited with code ${exitCode}`);
        if (!this.screenshotTaken) await this.saveScreenshot('workbench', 'after the suite (the suite asked for none)', { wait: false }).catch((e) => this.note(`no screenshot: ${e.message}`));
        await this.cleanup();

        if (!this.result) this.finish({ passed: 0, failed: 0 }, `the suite exited (code ${exitCode}) without a result line`);
        if (exitCode !== 0 && this.result.failed === 0) this.finish(this.result, `the suite exited with code ${exitCode}`);
        this.finish(this.result);
    }

    /**
     * The body of the first webview whose text contains `contains` (and, with `background`, whose
     * background is `dark` or `light`), re-reading the webviews until one does or WEBVIEW_TIMEOUT_MS
     * has passed. A webview lives in `iframe.webview` → `iframe#active-frame`; it renders, and takes a
     * new theme, asynchronously, and its frames cannot be watched from the page, hence the re-reading.
     */
    async findWebview(contains, background) {
        const deadline = Date.now() + WEBVIEW_TIMEOUT_MS;
        let seen = [];
        while (Date.now() < deadline) {
            seen = [];
            const frames = this.page.locator('iframe.webview');
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

    async readWebview(contains, name, background) {
        const { body, text } = await this.findWebview(contains, background ?? undefined);
        const svgCount = await body.locator('svg').count();
        const colors = await colorsOf(body);
        if (name) {
            const file = path.join(this.outputDir, `${name}.png`);
            await this.page.screenshot({ path: file });
            this.note(`screenshot ${path.relative(this.root, file)} (webview showing "${contains}", ${svgCount} charts)`);
        }
        return { text: text.slice(0, 20_000), svgCount, colors };
    }

    /** Clicks, as a user would, the button of the list item that shows `text` (or the text itself when it has none). */
    async clickInWebview(contains, text) {
        const { body } = await this.findWebview(contains);
        const item = body.locator('li', { hasText: text }).first();
        const button = item.getByRole('button').first();
        const target = await button.count() ? button : body.getByText(text, { exact: false }).first();
        await target.click({ timeout: 10_000 });
        return { clicked: await target.innerText() };
    }

    /**
     * Saves <outputDir>/<name>.png once the editor has drawn its squiggles (or after a minute
     * without any), and says how many squiggles and inlay hints it saw.
     */
    async saveScreenshot(name, why, { wait = true } = {}) {
        const { page } = this;
        if (!page) throw new Error('no page yet');
        const file = path.join(this.outputDir, `${name}.png`);
        const squiggles = page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning, .monaco-editor .squiggly-info');
        // The inlay hint after the account name; the editor draws its spaces as U+00A0, hence \s.
        const hint = page.locator('.monaco-editor .view-lines').getByText(/strategic\s+value/i);
        if (wait) {
            await squiggles.first().waitFor({ state: 'visible', timeout: SCREENSHOT_SQUIGGLE_TIMEOUT_MS })
                .catch(() => this.note(`no squiggles in the editor after ${SCREENSHOT_SQUIGGLE_TIMEOUT_MS / 1000} s`));
            await hint.first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => this.note('no strategic value inlay hint drawn after 15 s'));
            // The code lens above the account ("Strategic value … | Open preview | Generate report").
            await page.locator('.monaco-editor .codelens-decoration').getByText(/Open preview/).first()
                .waitFor({ state: 'visible', timeout: 15_000 }).catch(() => this.note('no code lens drawn after 15 s'));
        }
        await page.screenshot({ path: file });
        this.screenshotTaken = true;
        const seen = { path: file, squiggles: await squiggles.count(), inlayHints: await hint.count() };
        this.note(`screenshot ${path.relative(this.root, file)} (${why}): ${seen.squiggles} squiggles, ${seen.inlayHints} strategic value hints`);
        return seen;
    }
}
