/**
 * What the account preview and the portfolio panel share: one webview panel beside the editor, its
 * page (webview-html.ts), typed messages, a debounced refresh when the server has validated a
 * document the panel shows, and answers that arrive out of order dropped.
 */
import * as vscode from 'vscode';
import type { DocumentsValidatedHub } from '../documents-validated.js';
import { parseFromWebview, type FromWebview, type ToWebview } from './messages.js';
import { webviewHtml } from './webview-html.js';

export interface PreviewContent {
    title: string;
    html: string;
}

export abstract class PreviewPanel implements vscode.Disposable {
    protected readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    private latest: ToWebview | undefined;
    private sequence = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private disposed = false;

    protected constructor(viewType: string, title: string, hub: DocumentsValidatedHub, private readonly debounceMs: number) {
        this.panel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: true,
            enableFindWidget: true,
            localResourceRoots: [],
        });
        this.panel.webview.html = webviewHtml(this.panel.webview, title);
        this.disposables.push(
            this.panel.onDidDispose(() => this.dispose()),
            this.panel.webview.onDidReceiveMessage((raw) => {
                const message = parseFromWebview(raw);
                if (message?.type === 'ready') {
                    // A new page (first show, or re-shown after being hidden): give it the latest content.
                    if (this.latest) void this.panel.webview.postMessage(this.latest);
                } else if (message) {
                    void this.onMessage(message);
                }
            }),
            hub.onDidValidate((uris) => {
                if (this.shows(uris)) this.scheduleRefresh();
            }),
        );
    }

    /** Whether a validation of these documents changes what the panel shows. */
    protected abstract shows(validated: string[]): boolean;
    /** Asks the server for the content. */
    protected abstract load(): Promise<PreviewContent>;
    protected abstract onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void>;

    scheduleRefresh(): void {
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), this.debounceMs);
    }

    async refresh(): Promise<void> {
        if (this.disposed) return;
        const mine = ++this.sequence;
        let message: ToWebview;
        try {
            const content = await this.load();
            if (mine !== this.sequence || this.disposed) return;
            this.panel.title = content.title;
            message = { type: 'update', html: content.html };
        } catch (error) {
            if (mine !== this.sequence || this.disposed) return;
            message = { type: 'error', message: `The preview could not be built: ${error instanceof Error ? error.message : String(error)}` };
        }
        this.latest = message;
        await this.panel.webview.postMessage(message);
    }

    reveal(): void {
        this.panel.reveal(vscode.ViewColumn.Beside, true);
    }

    protected onDispose(listener: () => void): void {
        this.disposables.push({ dispose: listener });
    }

    protected track(disposable: vscode.Disposable): void {
        this.disposables.push(disposable);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        if (this.timer) clearTimeout(this.timer);
        this.panel.dispose();
        for (const d of this.disposables.splice(0)) d.dispose();
    }
}

/** An editor column to open a plan in: the one that already shows it, else the first. */
export function columnFor(uri: vscode.Uri): vscode.ViewColumn {
    return vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString())?.viewColumn ?? vscode.ViewColumn.One;
}
