/**
 * Drives `kam lsp --stdio` as an editor would while someone types badly: every mutant plan is
 * opened, every request the server offers is sent (standard and KAM's own), bursts of edits arrive
 * back to back, and each answer is checked. What counts as a finding:
 *   crash        the server process exited
 *   unanswered   a request got no answer (a generous liveness limit, not a speed budget)
 *   internal     an internal error or a failed request where an answer was due
 *   malformed    an answer showing `undefined`, `NaN`, `Infinity`, `[object Object]` or an exponent
 *   formatter    formatting a plan without syntax errors lost a word or was not idempotent
 *   stale        after a burst of edits, the last text was never diagnosed
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
    DidOpenTextDocumentNotification, DocumentFormattingRequest, DocumentHighlightRequest, DocumentSymbolRequest, ErrorCodes, FoldingRangeRequest,
    HoverRequest, InlayHintRequest, LSPErrorCodes, PrepareRenameRequest, ReferencesRequest, RenameRequest, SemanticTokensRequest, WorkspaceSymbolRequest,
    type Diagnostic, type Position, type TextEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { AccountPreviewRequest, PortfolioPreviewRequest, SummaryReportRequest } from '../../language/src/protocol.js';
import { LspTestClient } from '../helpers/lsp-client.js';
import { MUTATIONS, mutant, random, type Mutant, type Rng } from './mutate.js';

export const FINDING_KINDS = ['crash', 'unanswered', 'internal', 'malformed', 'formatter', 'stale'] as const;
export type FindingKind = typeof FINDING_KINDS[number];

export interface Finding {
    kind: FindingKind;
    /** The LSP method (or `formatting`, `diagnostics`). */
    method: string;
    detail: string;
    mutant: Mutant;
}

export interface FuzzOptions {
    count: number;
    seed: number;
    /** Every n-th mutant is followed by a burst of edits 0-30 ms apart. */
    burstEvery?: number;
    /** A request not answered within this many ms is unanswered (liveness, not speed). */
    answerLimitMs?: number;
    /** Where to write minimal reproductions; none when undefined. */
    reproductionsDir?: string;
    onProgress?: (done: number, findings: Finding[]) => void;
}

export interface FuzzReport {
    mutants: number;
    requests: number;
    findings: Finding[];
    counts: Record<FindingKind, number>;
    /** How long answers took, per method, in ms (for the record; never asserted). */
    latency: Record<string, { count: number; median: number; p95: number; max: number }>;
}

const ROOT = path.resolve(__dirname, '../..');
const MALFORMED = /\bundefined\b|\bNaN\b|\bInfinity\b|\[object Object\]|\d(\.\d+)?e[+-]\d+/;
/** Answers that are well-formed refusals, not failures. */
const ACCEPTED_ERRORS = new Set<number>([LSPErrorCodes.RequestCancelled, LSPErrorCodes.ContentModified, LSPErrorCodes.ServerCancelled]);

/** The plans mutants start from: the examples and every fixture. */
export function seedPlans(): Array<{ name: string; text: string }> {
    const seeds: Array<{ name: string; text: string }> = [];
    for (const dir of ['examples', 'test/fixtures']) {
        for (const file of fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.kam')).sort()) {
            seeds.push({ name: `${dir}/${file}`, text: fs.readFileSync(path.join(ROOT, dir, file), 'utf8').replace(/\/\/\s*\$TEST\$[^\n]*/g, '').replace(/[»«]/g, '') });
        }
    }
    return seeds;
}

/** A workspace like a real portfolio: the examples, their kam.config.json, one folder for the mutants. */
function workspaceFolder(): string {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-fuzz-'));
    fs.cpSync(path.join(ROOT, 'examples'), folder, { recursive: true });
    fs.mkdirSync(path.join(folder, 'fuzz'));
    return folder;
}

export class LspFuzzer {
    private client!: LspTestClient;
    private folder!: string;
    private requests = 0;
    private next = 0;
    /** Reproductions written so far: each gets its own file name. */
    private reproductions = 0;
    private readonly durations = new Map<string, number[]>();
    private readonly answerLimit: number;

    constructor(private readonly options: FuzzOptions) {
        this.answerLimit = options.answerLimitMs ?? 30_000;
    }

    async run(): Promise<FuzzReport> {
        this.folder = workspaceFolder();
        await this.restart();
        const rng = random(this.options.seed);
        const seeds = seedPlans();
        const findings: Finding[] = [];
        try {
            for (let i = 0; i < this.options.count; i++) {
                const m = mutant(seeds, rng);
                const burst = this.options.burstEvery !== undefined && i % this.options.burstEvery === this.options.burstEvery - 1;
                let found = await this.exercise(m, rng, burst);
                if (found.length && this.options.reproductionsDir) found = await this.reproduce(found);
                findings.push(...found);
                if (found.some((f) => f.kind === 'crash')) await this.restart();
                this.options.onProgress?.(i + 1, findings);
            }
        } finally {
            await this.client.stop();
            fs.rmSync(this.folder, { recursive: true, force: true });
        }
        return this.report(this.options.count, findings);
    }

    private report(mutants: number, findings: Finding[]): FuzzReport {
        const counts = Object.fromEntries(FINDING_KINDS.map((k) => [k, findings.filter((f) => f.kind === k).length])) as Record<FindingKind, number>;
        const latency: FuzzReport['latency'] = {};
        for (const [method, values] of [...this.durations].sort()) {
            const sorted = [...values].sort((a, b) => a - b);
            const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
            latency[method] = { count: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
        }
        return { mutants, requests: this.requests, findings, counts, latency };
    }

    /** Runs known mutants (saved reproductions) through the same checks. */
    async replay(mutants: Mutant[]): Promise<FuzzReport> {
        this.folder = workspaceFolder();
        await this.restart();
        const findings: Finding[] = [];
        try {
            for (const m of mutants) {
                const found = await this.exercise(m, random(1), true);
                findings.push(...found);
                if (found.some((f) => f.kind === 'crash')) await this.restart();
            }
        } finally {
            await this.client.stop();
            fs.rmSync(this.folder, { recursive: true, force: true });
        }
        return this.report(mutants.length, findings);
    }

    private async restart(): Promise<void> {
        await this.client?.stop();
        this.client = await LspTestClient.start({ folder: this.folder, kamSettings: () => null });
        await this.client.eventually(() => (this.client.published.size > 0 ? true : undefined));
    }

    /** Opens the mutant, sends every request, optionally a burst of edits, and closes it. */
    private async exercise(m: Mutant, rng: Rng, burst: boolean): Promise<Finding[]> {
        const findings: Finding[] = [];
        const uri = this.client.uri(`fuzz/mutant-${this.next++}.kam`);
        const note = (kind: FindingKind, method: string, detail: string) => findings.push({ kind, method, detail: detail.slice(0, 500), mutant: m });
        const loggedBefore = this.client.loggedErrors.length;
        try {
            const published = this.client.nextPublish(uri);
            await this.client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'kam', version: 1, text: m.text } });
            const opened = performance.now();
            const diagnostics = await this.within(published, 'diagnostics');
            if (diagnostics === TIMEOUT) {
                // Late or lost? Another limit's wait tells a slow build from one that never comes.
                const late = await this.within(published, 'diagnostics');
                note('stale', 'diagnostics', late === TIMEOUT
                    ? `the opened plan was never diagnosed (${Math.round(2 * this.answerLimit / 1000)} s)`
                    : `the opened plan was diagnosed only after ${Math.round((performance.now() - opened) / 1000)} s`);
            }
            for (const d of diagnostics === TIMEOUT ? [] : diagnostics.diagnostics) {
                const message = String(d.message);
                // Langium's words for a check that threw.
                if (message.startsWith('An error occurred during validation')) note('internal', 'publishDiagnostics', message);
                else if (MALFORMED.test(message)) note('malformed', 'publishDiagnostics', message);
            }
            await this.requestAll(uri, m.text, diagnostics === TIMEOUT ? [] : diagnostics.diagnostics, rng, note);
            if (diagnostics !== TIMEOUT && !diagnostics.diagnostics.some(isSyntaxError)) await this.checkFormatter(uri, m.text, note);
            if (burst) await this.burst(uri, m, rng, note);
            await this.client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        } catch (error) {
            note(this.serverGone() ? 'crash' : 'internal', 'session', error instanceof Error ? error.message : String(error));
        }
        if (this.serverGone() && !findings.some((f) => f.kind === 'crash')) note('crash', 'session', this.client.stderr.slice(-500));
        // An exception the server caught and logged (an unhandled rejection in a build, say) is internal even if every answer came.
        for (const logged of this.client.loggedErrors.slice(loggedBefore)) note('internal', 'log', logged);
        return findings;
    }

    private serverGone(): boolean {
        return this.client.server.exitCode !== null || this.client.server.signalCode !== null;
    }

    private async requestAll(uri: string, text: string, diagnostics: Diagnostic[], rng: Rng, note: (kind: FindingKind, method: string, detail: string) => void): Promise<void> {
        const caps = this.client.initializeResult!.capabilities;
        const document = TextDocument.create(uri, 'kam', 1, text);
        const positions = samplePositions(document, rng, 4);
        const textDocument = { uri };
        const whole = { start: { line: 0, character: 0 }, end: document.positionAt(text.length) };
        const calls: Array<[string, () => Promise<unknown>, boolean?]> = [];
        const c = this.client.connection;
        for (const position of positions) {
            if (caps.hoverProvider) calls.push(['textDocument/hover', () => c.sendRequest(HoverRequest.type, { textDocument, position })]);
            if (caps.completionProvider) calls.push(['textDocument/completion', () => c.sendRequest(CompletionRequest.type, { textDocument, position })]);
            if (caps.definitionProvider) calls.push(['textDocument/definition', () => c.sendRequest(DefinitionRequest.type, { textDocument, position })]);
            if (caps.referencesProvider) calls.push(['textDocument/references', () => c.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })]);
            if (caps.documentHighlightProvider) calls.push(['textDocument/documentHighlight', () => c.sendRequest(DocumentHighlightRequest.type, { textDocument, position })]);
        }
        if (caps.renameProvider) {
            const position = positions[0];
            calls.push(['textDocument/prepareRename', () => c.sendRequest(PrepareRenameRequest.type, { textDocument, position })]);
            const newName = ['renamed', 'has space', '', '1bad', 'due', 'anna'][Math.floor(rng() * 6)];
            // A refused name is a well-formed answer (InvalidParams with the reason).
            calls.push(['textDocument/rename', () => c.sendRequest(RenameRequest.type, { textDocument, position, newName }), true]);
        }
        if (caps.documentSymbolProvider) calls.push(['textDocument/documentSymbol', () => c.sendRequest(DocumentSymbolRequest.type, { textDocument })]);
        if (caps.foldingRangeProvider) calls.push(['textDocument/foldingRange', () => c.sendRequest(FoldingRangeRequest.type, { textDocument })]);
        if (caps.semanticTokensProvider) calls.push(['textDocument/semanticTokens/full', () => c.sendRequest(SemanticTokensRequest.type, { textDocument })]);
        if (caps.inlayHintProvider) calls.push(['textDocument/inlayHint', () => c.sendRequest(InlayHintRequest.type, { textDocument, range: whole })]);
        if (caps.codeLensProvider) calls.push(['textDocument/codeLens', () => c.sendRequest(CodeLensRequest.type, { textDocument })]);
        if (caps.documentFormattingProvider) calls.push(['textDocument/formatting', () => c.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 4, insertSpaces: true } })]);
        if (caps.codeActionProvider) {
            for (const diagnostic of diagnostics.slice(0, 10)) {
                calls.push(['textDocument/codeAction', () => c.sendRequest(CodeActionRequest.type, { textDocument, range: diagnostic.range, context: { diagnostics: [diagnostic] } })]);
            }
        }
        if (caps.workspaceSymbolProvider) {
            const query = (text.match(/[a-z]{3,}/) ?? [''])[0];
            calls.push(['workspace/symbol', () => c.sendRequest(WorkspaceSymbolRequest.type, { query })]);
        }
        // KAM's own requests; "this file holds no account plan" is a well-formed refusal.
        calls.push([AccountPreviewRequest.method, () => c.sendRequest(AccountPreviewRequest.type, { uri }), true]);
        const format = (['md', 'html', 'json'] as const)[Math.floor(rng() * 3)];
        calls.push([`${SummaryReportRequest.method} (${format})`, () => c.sendRequest(SummaryReportRequest.type, { uri, format }), true]);
        if (rng() < 0.15) calls.push([PortfolioPreviewRequest.method, () => c.sendRequest(PortfolioPreviewRequest.type, {}), true]);

        await Promise.all(calls.map(async ([method, send, refusalAllowed]) => {
            this.requests++;
            const started = performance.now();
            const answer = await this.within(send().then((result) => ({ result }), (error: unknown) => ({ error })), method);
            const kind = method.replace(/ \(.*\)$/, '');
            this.durations.set(kind, [...(this.durations.get(kind) ?? []), performance.now() - started]);
            if (answer === TIMEOUT) {
                note(this.serverGone() ? 'crash' : 'unanswered', method, `no answer within ${this.answerLimit} ms`);
                return;
            }
            if ('error' in answer) {
                const code = (answer.error as { code?: number }).code;
                if (code !== undefined && ACCEPTED_ERRORS.has(code)) return;
                if (refusalAllowed && code === ErrorCodes.InvalidParams) return;
                note(this.serverGone() ? 'crash' : 'internal', method, `${code}: ${(answer.error as Error).message}`);
                return;
            }
            // The JSON report is for tools: its numbers are JSON numbers (1e-7 is fine there); its texts are checked.
            const shown = method.endsWith('(json)') ? JSON.parse((answer.result as { content: string }).content) : answer.result;
            const bad = malformedString(shown);
            if (bad !== undefined) note('malformed', method, bad);
        }));
    }

    /** A plan without syntax errors formats losslessly and a second run changes nothing. */
    private async checkFormatter(uri: string, text: string, note: (kind: FindingKind, method: string, detail: string) => void): Promise<void> {
        const c = this.client.connection;
        const options = { tabSize: 4, insertSpaces: true };
        const edits = await this.within(c.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }), 'formatting');
        if (edits === TIMEOUT || !edits) return;
        const formatted = TextDocument.applyEdits(TextDocument.create(uri, 'kam', 1, text), edits as TextEdit[]);
        if (formatted.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) {
            note('formatter', 'formatting', 'formatting changed more than whitespace');
            return;
        }
        await c.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: formatted }] });
        const again = await this.within(c.sendRequest(DocumentFormattingRequest.type, { textDocument: { uri }, options }), 'formatting');
        if (again === TIMEOUT || !again) return;
        const twice = TextDocument.applyEdits(TextDocument.create(uri, 'kam', 2, formatted), again as TextEdit[]);
        if (twice !== formatted) note('formatter', 'formatting', 'formatting a formatted plan changed it again');
    }

    /** Edits 0-30 ms apart, then the last text must be diagnosed. */
    private async burst(uri: string, m: Mutant, rng: Rng, note: (kind: FindingKind, method: string, detail: string) => void): Promise<void> {
        let text = m.text;
        const names = Object.keys(MUTATIONS).filter((n) => n !== 'longLine' && n !== 'deepNesting');
        const edits = 3 + Math.floor(rng() * 4);
        let published: Promise<unknown> | undefined;
        for (let i = 0; i < edits; i++) {
            text = MUTATIONS[names[Math.floor(rng() * names.length)]](text, rng);
            if (i === edits - 1) published = this.client.nextPublish(uri);
            await this.client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 10 + i }, contentChanges: [{ text }] });
            await new Promise((resolve) => setTimeout(resolve, Math.floor(rng() * 31)));
        }
        if ((await this.within(published!, 'diagnostics')) === TIMEOUT) note('stale', 'diagnostics', `the last of ${edits} quick edits was never diagnosed`);
    }

    private async within<T>(promise: Promise<T>, _what: string): Promise<T | typeof TIMEOUT> {
        let timer: NodeJS.Timeout | undefined;
        const limit = new Promise<typeof TIMEOUT>((resolve) => { timer = setTimeout(() => resolve(TIMEOUT), this.answerLimit); });
        try {
            return await Promise.race([promise, limit, this.client.gone.then((): typeof TIMEOUT => TIMEOUT)]);
        } finally {
            clearTimeout(timer);
        }
    }

    /** Shrinks each finding's mutant to the fewest lines that still show it, and writes it down. */
    private async reproduce(findings: Finding[]): Promise<Finding[]> {
        const dir = this.options.reproductionsDir!;
        fs.mkdirSync(dir, { recursive: true });
        const out: Finding[] = [];
        for (const finding of findings) {
            let lines = finding.mutant.text.split('\n');
            const stillFails = async (candidate: string[]) => {
                if (this.serverGone()) await this.restart();
                const again = await this.exercise({ ...finding.mutant, text: candidate.join('\n') }, random(1), false);
                return again.some((f) => f.kind === finding.kind && f.method === finding.method);
            };
            for (let chunk = Math.ceil(lines.length / 2), tries = 0; chunk >= 1 && tries < 60; chunk = Math.floor(chunk / 2)) {
                for (let start = 0; start < lines.length && tries < 60; tries++) {
                    const candidate = [...lines.slice(0, start), ...lines.slice(start + chunk)];
                    if (candidate.length && await stillFails(candidate)) lines = candidate;
                    else start += chunk;
                }
            }
            const minimal = { ...finding, mutant: { ...finding.mutant, text: lines.join('\n') } };
            const name = `${finding.kind}-${finding.method.replace(/[^\w]+/g, '_')}-${this.reproductions++}`;
            fs.writeFileSync(path.join(dir, `${name}.kam`), minimal.mutant.text);
            fs.writeFileSync(path.join(dir, `${name}.json`), JSON.stringify({ kind: minimal.kind, method: minimal.method, detail: minimal.detail, seed: minimal.mutant.seed, applied: minimal.mutant.applied }, null, 2));
            out.push(minimal);
        }
        if (this.serverGone()) await this.restart();
        return out;
    }
}

const TIMEOUT = Symbol('timeout');

function isSyntaxError(d: Diagnostic): boolean {
    const code = String(d.code ?? (d.data as { code?: string } | undefined)?.code);
    return code === 'parsing-error' || code === 'lexing-error';
}

/** A few places a cursor might be: line starts, words, line ends, the end of the file. */
function samplePositions(document: TextDocument, rng: Rng, count: number): Position[] {
    const lines = document.lineCount;
    const positions: Position[] = [document.positionAt(document.getText().length)];
    for (let i = 0; i < count; i++) {
        const line = Math.floor(rng() * lines);
        const text = document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');
        positions.push({ line, character: Math.floor(rng() * (text.length + 1)) });
    }
    return positions;
}

/** The first string anywhere in an answer that would show the user something malformed. */
function malformedString(value: unknown, depth = 0): string | undefined {
    if (depth > 50) return undefined;
    if (typeof value === 'string') {
        const match = MALFORMED.exec(value);
        return match ? `…${value.slice(Math.max(0, match.index - 120), match.index + 80)}…` : undefined;
    }
    if (typeof value === 'number') return Number.isFinite(value) ? undefined : String(value);
    if (Array.isArray(value)) {
        for (const item of value) {
            const found = malformedString(item, depth + 1);
            if (found !== undefined) return found;
        }
        return undefined;
    }
    if (value && typeof value === 'object') {
        for (const item of Object.values(value)) {
            const found = malformedString(item, depth + 1);
            if (found !== undefined) return found;
        }
    }
    return undefined;
}
