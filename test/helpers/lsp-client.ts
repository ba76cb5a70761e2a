/**
 * An LSP client for tests: starts `kam lsp --stdio` in its own process, as Neovim or Helix would,
 * answers the server's requests (configuration, registrations, refreshes), records what the server
 * publishes, and waits on events instead of sleeping.
 */
import * as path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import {
    ConfigurationRequest, ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification, MessageType, PublishDiagnosticsNotification, RegistrationRequest,
    ShowMessageNotification, ShutdownRequest, type ClientCapabilities, type InitializeResult, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { URI } from 'langium';

export interface LspClientOptions {
    /** The workspace folder the server opens. */
    folder: string;
    /** What the client answers for the `kam` section of `workspace/configuration`; undefined: no such capability. */
    kamSettings?: () => unknown;
    /** Milliseconds the editor takes to answer `workspace/configuration` (a slow editor). */
    configurationDelayMs?: number;
    capabilities?: ClientCapabilities;
    /** Extra arguments for node (e.g. `--max-old-space-size`). */
    nodeArgs?: string[];
    /** What node runs: `kam lsp --stdio` unless given (VS Code's entry: `out/server/start.cjs --stdio`). */
    entry?: string[];
    /** The server's environment (this process's unless given). */
    env?: NodeJS.ProcessEnv;
    /** The workspace folder's URI when it is on no disk (a virtual workspace, `vscode-vfs://…`); `folder` is then only its name. */
    rootUri?: string;
}

/** How long a server may take to exit after the client's `exit`, as VS Code's client waits, before it is killed. */
const EXIT_GRACE_MS = 5000;

export class LspTestClient {
    readonly connection: ProtocolConnection;
    readonly published = new Map<string, PublishDiagnosticsParams>();
    /** How many times diagnostics were published for each file. */
    readonly publishCount = new Map<string, number>();
    readonly messages: string[] = [];
    /** Errors the server logged (window/logMessage of type Error): an exception it caught and survived. */
    readonly loggedErrors: string[] = [];
    readonly server: ChildProcess;
    /** Everything the server wrote to stderr. */
    stderr = '';
    private waiters: Array<() => boolean> = [];
    private exited: number | null | undefined;
    /** Resolves when the server process has exited. */
    readonly gone: Promise<void>;
    initializeResult?: InitializeResult;

    private constructor(readonly options: LspClientOptions) {
        const entry = options.entry ?? [path.resolve(__dirname, '../../bin/kam.cjs'), 'lsp', '--stdio'];
        this.server = spawn(process.execPath, [...(options.nodeArgs ?? []), ...entry], { stdio: ['pipe', 'pipe', 'pipe'], env: options.env ?? process.env });
        this.server.stderr!.on('data', (chunk) => { this.stderr += String(chunk); });
        this.gone = new Promise((resolve) => this.server.on('exit', (code) => { this.exited = code; this.notify(); resolve(); }));
        this.connection = createProtocolConnection(new StreamMessageReader(this.server.stdout!), new StreamMessageWriter(this.server.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
            this.published.set(params.uri, params);
            this.publishCount.set(params.uri, (this.publishCount.get(params.uri) ?? 0) + 1);
            this.notify();
        });
        this.connection.onNotification(LogMessageNotification.type, (params) => {
            if (params.type === MessageType.Error) this.loggedErrors.push(params.message);
        });
        this.connection.onNotification(ShowMessageNotification.type, (params) => {
            this.messages.push(params.message);
            this.notify();
        });
        if (options.kamSettings) {
            const settings = options.kamSettings;
            const delay = options.configurationDelayMs ?? 0;
            this.connection.onRequest(ConfigurationRequest.type, async (params) => {
                if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
                return params.items.map((item) => (item.section === 'kam' ? settings() : null));
            });
        }
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest('workspace/inlayHint/refresh', () => undefined);
        this.connection.onRequest('workspace/codeLens/refresh', () => undefined);
        this.connection.onRequest('workspace/semanticTokens/refresh', () => undefined);
        this.connection.listen();
    }

    /** Starts the server and completes the initialize handshake. */
    static async start(options: LspClientOptions): Promise<LspTestClient> {
        const client = new LspTestClient(options);
        const rootUri = options.rootUri ?? URI.file(options.folder).toString();
        client.initializeResult = await client.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(options.folder) }],
            capabilities: options.capabilities ?? {
                workspace: { configuration: options.kamSettings !== undefined, workspaceFolders: true, didChangeWatchedFiles: { dynamicRegistration: true } },
                textDocument: { hover: { contentFormat: ['markdown'] } },
            },
        });
        await client.connection.sendNotification(InitializedNotification.type, {});
        return client;
    }

    uri(file: string): string {
        if (this.options.rootUri) return URI.parse(`${this.options.rootUri}/${file}`).toString();
        return URI.file(path.join(this.options.folder, file)).toString();
    }

    /** Resolves once `condition` returns a value for what the server has sent. */
    eventually<T>(condition: () => T | undefined): Promise<T> {
        return new Promise((resolve, reject) => {
            const check = () => {
                if (this.exited !== undefined) {
                    reject(new Error(`The language server exited (${this.exited}): ${this.stderr}`));
                    return true;
                }
                const value = condition();
                if (value !== undefined) {
                    resolve(value);
                    return true;
                }
                return false;
            };
            if (!check()) this.waiters.push(check);
        });
    }

    /** Resolves with the next diagnostics the server publishes for a file (after this call). */
    nextPublish(uri: string): Promise<PublishDiagnosticsParams> {
        const seen = this.published.get(uri);
        return this.eventually(() => {
            const now = this.published.get(uri);
            return now !== seen ? now : undefined;
        });
    }

    /** The diagnostics last published for each of these files, once all of them have been published. */
    diagnosticsOf(files: string[]): Promise<Map<string, PublishDiagnosticsParams>> {
        // Checked after every message the server sends: keep it cheap for 2,000 files.
        const uris = new Map(files.map((f) => [this.uri(f), f]));
        const missing = new Set([...uris.keys()].filter((u) => !this.published.has(u)));
        return this.eventually(() => {
            for (const uri of missing) {
                if (!this.published.has(uri)) return undefined;
                missing.delete(uri);
            }
            return new Map([...uris].map(([uri, f]) => [f, this.published.get(uri)!]));
        });
    }

    /** Shuts the server down as an editor does: `shutdown`, `exit`, then a wait for it to end (it writes its code cache then); killed if it does not. */
    async stop(): Promise<void> {
        try {
            if (this.exited === undefined) {
                await this.connection.sendRequest(ShutdownRequest.type);
                await this.connection.sendNotification(ExitNotification.type);
                let timer: NodeJS.Timeout | undefined;
                await Promise.race([this.gone, new Promise((resolve) => { timer = setTimeout(resolve, EXIT_GRACE_MS); })]);
                clearTimeout(timer);
            }
        } catch {
            // already gone
        } finally {
            this.connection.dispose();
            if (this.exited === undefined) this.server.kill();
        }
    }

    private notify(): void {
        this.waiters = this.waiters.filter((w) => !w());
    }
}
