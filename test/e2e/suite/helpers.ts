/**
 * Helpers for the end-to-end suite: open plans of the example portfolio, and wait — on VS Code's
 * own events, with generous time limits — until the language server has had its say.
 * Bundled into every test file; state shared between them lives on globalThis.
 */
import * as vscode from 'vscode';

export const EXTENSION_ID = 'kam-plans.kam-plans';

/** The suite's last line: `KAM_E2E_RESULT {"passed":n,"failed":n,"pending":n}` (both runners read it). */
export const RESULT_MARKER = 'KAM_E2E_RESULT';

/** Long enough for a cold start of the language server on a slow CI machine. */
export const LANGUAGE_SERVER_TIMEOUT_MS = 90_000;

/** The workspace is a temporary copy of `examples/`: tests may edit it freely. */
export function workspaceRoot(): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new Error('The test workbench opened no folder: expected a copy of examples/.');
    return folder.uri;
}

export function planUri(relativePath: string): vscode.Uri {
    return vscode.Uri.joinPath(workspaceRoot(), ...relativePath.split('/'));
}

export async function openPlan(relativePath: string): Promise<vscode.TextDocument> {
    return vscode.workspace.openTextDocument(planUri(relativePath));
}

export async function showPlan(relativePath: string): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await openPlan(relativePath), { preview: false });
}

/** Resolves with the first event that satisfies `accept`; rejects after `timeoutMs` with `describe()` in the message. */
export function waitForEvent<T>(event: vscode.Event<T>, accept: (value: T) => boolean, timeoutMs: number, describe: () => string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
        const timer = setTimeout(() => {
            subscription.dispose();
            reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${describe()}`));
        }, timeoutMs);
        const subscription = event((value) => {
            let accepted: boolean;
            try {
                accepted = accept(value);
            } catch (error) {
                clearTimeout(timer);
                subscription.dispose();
                reject(error);
                return;
            }
            if (accepted) {
                clearTimeout(timer);
                subscription.dispose();
                resolve(value);
            }
        });
    });
}

/**
 * `promise`, or a telling failure after `timeoutMs`: for commands and requests that could wait
 * on something that never comes (a question to the user, a server that never answers).
 */
export function within<T>(promise: Thenable<T>, timeoutMs: number, what: string): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    return Promise.race([
        Promise.resolve(promise).finally(() => clearTimeout(timer)),
        new Promise<never>((_, reject) => {
            timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`)), timeoutMs);
        }),
    ]);
}

/** Runs a command, failing after LANGUAGE_SERVER_TIMEOUT_MS instead of hanging the suite. */
export function command<T>(id: string, ...args: unknown[]): Promise<T> {
    return within(vscode.commands.executeCommand<T>(id, ...args), LANGUAGE_SERVER_TIMEOUT_MS, `the command ${id}`);
}

// ------------------------------------------------------------------ diagnostics

/**
 * Which documents the language server has published diagnostics for since the suite started
 * (an empty list included: that is how a clean plan is reported). Started by the suite's index
 * before any test runs.
 */
interface PublishedDiagnostics {
    uris: Set<string>;
}

const TRACKER_KEY = Symbol.for('kam-plans.e2e.published-diagnostics');

export function startTrackingDiagnostics(): vscode.Disposable {
    const tracker: PublishedDiagnostics = { uris: new Set() };
    (globalThis as Record<symbol, unknown>)[TRACKER_KEY] = tracker;
    return vscode.languages.onDidChangeDiagnostics((event) => {
        for (const uri of event.uris) tracker.uris.add(uri.toString());
    });
}

function published(): PublishedDiagnostics {
    const tracker = (globalThis as Record<symbol, unknown>)[TRACKER_KEY] as PublishedDiagnostics | undefined;
    if (!tracker) throw new Error('startTrackingDiagnostics() was not called by the suite index.');
    return tracker;
}

export function codesOf(diagnostics: readonly vscode.Diagnostic[]): string[] {
    return diagnostics.map((d) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code)));
}

export function describeDiagnostics(diagnostics: readonly vscode.Diagnostic[]): string {
    if (diagnostics.length === 0) return '(none)';
    return diagnostics
        .map((d) => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${vscode.DiagnosticSeverity[d.severity]} ${codesOf([d])[0]}: ${d.message}`)
        .join('\n');
}

/**
 * Opens the plan (if needed) and waits until the language server has published diagnostics for it
 * at least once, and those satisfy `accept` (default: any result, even none). Returns them.
 */
export async function diagnosticsOf(
    relativePath: string,
    accept: (diagnostics: readonly vscode.Diagnostic[]) => boolean = () => true,
    expectation = 'the language server to validate it',
): Promise<vscode.Diagnostic[]> {
    const uri = planUri(relativePath);
    const key = uri.toString();
    const settled = () => published().uris.has(key) && accept(vscode.languages.getDiagnostics(uri));
    // Subscribe before opening, so that the first publication cannot slip past.
    const change = waitForEvent(vscode.languages.onDidChangeDiagnostics, () => settled(), LANGUAGE_SERVER_TIMEOUT_MS,
        () => `${relativePath}: ${expectation}. Diagnostics so far:\n${describeDiagnostics(vscode.languages.getDiagnostics(uri))}`);
    await vscode.workspace.openTextDocument(uri);
    if (!settled()) await change;
    else change.catch(() => undefined); // nobody waits for it any more; its time-out must not be reported
    return vscode.languages.getDiagnostics(uri);
}

/**
 * Runs KAM: Restart Language Server and resolves once `relativePath`'s findings went with the old
 * server and came back from the new one; returns them.
 */
export async function restartLanguageServer(relativePath: string): Promise<vscode.Diagnostic[]> {
    const uri = planUri(relativePath);
    await diagnosticsOf(relativePath);
    let cleared = false;
    const again = waitForEvent(vscode.languages.onDidChangeDiagnostics, () => {
        const now = vscode.languages.getDiagnostics(uri);
        if (now.length === 0) cleared = true;
        return cleared && now.length > 0;
    }, LANGUAGE_SERVER_TIMEOUT_MS, () => `${relativePath} was not diagnosed again after the restart`);
    await vscode.commands.executeCommand('kam.restartLanguageServer');
    await again;
    return vscode.languages.getDiagnostics(uri);
}

// ------------------------------------------------------------------ requests to the test runner

/**
 * POSTs to the runner's control channel; undefined under a runner without one (test-electron).
 * `fetch`, so that the suite runs in VS Code for the Web's worker extension host too (the web
 * runner answers with CORS headers, its page being on another origin).
 */
async function askRunner<T>(route: string, params: Record<string, string>): Promise<T | undefined> {
    const base = controlUrl();
    if (!base) return undefined;
    const query = new URLSearchParams(params).toString();
    let response: Response;
    try {
        response = await fetch(`${base}${route}?${query}`, { method: 'POST', signal: AbortSignal.timeout(120_000) });
    } catch (error) {
        throw new Error(`the test runner did not answer ${route}: ${error instanceof Error ? error.message : String(error)}`);
    }
    const text = await response.text();
    if (response.status !== 200) throw new Error(`${route} failed: ${response.status} ${text}`);
    return JSON.parse(text) as T;
}

/** The runner's control channel: in the environment (Node extension host), else set by the web suite's index. */
export function controlUrl(): string | undefined {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.KAM_E2E_CONTROL_URL;
}

/**
 * Asks the runner (test/e2e/run-vscode-server.mjs, run-vscode-web.mjs) to take a screenshot of the workbench as it is
 * now. The runner waits until squiggles are drawn, saves the picture and answers with what it saw.
 * Returns undefined when the suite runs under a runner without this channel (test-electron).
 */
export async function requestScreenshot(name: string): Promise<{ path: string; squiggles: number } | undefined> {
    return askRunner('/screenshot', { name });
}

/**
 * What the user sees in the webview that shows `contains`, read from the browser side inside the
 * webview's frame (waits for it to render); with `screenshot`, the runner also saves a picture.
 */
export interface WebviewContent {
    text: string;
    svgCount: number;
    /** Computed CSS colours, e.g. `rgb(31, 31, 31)`. */
    colors: { text: string; background: string; heading: string };
}

export interface WebviewWait {
    /** Also save a screenshot of the workbench under this name. */
    screenshot?: string;
    /** Wait until the webview's background is dark (relative luminance < 0.2) or light, e.g. after a theme change. */
    background?: 'dark' | 'light';
}

export async function webviewContent(contains: string, wait: WebviewWait = {}): Promise<WebviewContent | undefined> {
    return askRunner('/webview', {
        contains,
        ...(wait.screenshot ? { name: wait.screenshot } : {}),
        ...(wait.background ? { background: wait.background } : {}),
    });
}

/** In the webview that shows `contains`, clicks the button of the item showing `text` (the way to a finding's place). */
export async function clickInWebview(contains: string, text: string): Promise<{ clicked: string } | undefined> {
    return askRunner('/webview-click', { contains, text });
}
