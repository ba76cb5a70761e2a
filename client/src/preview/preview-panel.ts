/**
 * What the account preview and the portfolio panel share: one webview panel beside the editor, its
 * page (webview-html.ts), typed messages, a debounced refresh when the server has validated a
 * document the panel shows (only while the panel is visible: a hidden one is marked stale and
 * refreshed when it is shown again), and answers that arrive out of order dropped.
 */
import * as vscode from 'vscode';
import type { DocumentsValidatedHub } from '../documents-validated.js';
import { saveChart } from './chart-export.js';
import { parseFromWebview, type FromWebview, type SaveChartMessage, type ToWebview } from './messages.js';
import { webviewHtml } from './webview-html.js';

export interface PreviewContent {
    title: string;
    html: string;
    /** The plans the page may ask to open (the portfolio's accounts). */
    accountUris?: string[];
}

export abstract class PreviewPanel implements vscode.Disposable {
    protected readonly panel: vscode.WebviewPanel;
    private readonly disposables: vscode.Disposable[] = [];
    private latest: ToWebview | undefined;
    private sequence = 0;
    private timer: ReturnType<typeof setTimeout> | undefined;
    private disposed = false;
    /** Something the panel shows changed while it was hidden. */
    private stale = false;

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
                } else if (message?.type === 'saveChart') {
                    void this.saveChart(message);
                } else if (message) {
                    void this.onMessage(message);
                }
            }),
            hub.onDidValidate((uris) => {
                if (this.shows(uris)) this.scheduleRefresh();
            }),
            this.panel.onDidChangeViewState(() => {
                if (this.panel.visible && this.stale) void this.refresh();
            }),
        );
    }

    /** Whether a validation of these documents changes what the panel shows. */
    protected abstract shows(validated: string[]): boolean;
    /** Asks the server for the content. */
    protected abstract load(): Promise<PreviewContent>;
    protected abstract onMessage(message: Exclude<FromWebview, { type: 'ready' } | SaveChartMessage>): Promise<void>;
    /** Takes the content that is about to be shown (never a stale answer). */
    protected applied(_content: PreviewContent): void {}

    /** A refresh after the debounce, if the panel is visible then; otherwise it is marked stale. */
    scheduleRefresh(): void {
        if (this.timer) clearTimeout(this.timer);
        if (!this.panel.visible) {
            this.stale = true;
            return;
        }
        this.timer = setTimeout(() => {
            this.timer = undefined;
            if (this.panel.visible) void this.refresh();
            else this.stale = true;
        }, this.debounceMs);
    }

    /** Refreshes now if the panel is visible, else when it is shown again. */
    protected refreshWhenVisible(): void {
        if (this.panel.visible) void this.refresh();
        else this.stale = true;
    }

    async refresh(): Promise<void> {
        if (this.disposed) return;
        this.stale = false;
        const mine = ++this.sequence;
        let message: ToWebview;
        try {
            const content = await this.load();
            if (mine !== this.sequence || this.disposed) return;
            this.applied(content);
            this.panel.title = content.title;
            message = { type: 'update', html: content.html };
        } catch (error) {
            if (mine !== this.sequence || this.disposed) return;
            message = { type: 'error', message: `The preview could not be built: ${error instanceof Error ? error.message : String(error)}` };
        }
        this.latest = message;
        await this.panel.webview.postMessage(message);
    }

    /** A chart's Save SVG / Save PNG button: a save dialog beside the workspace, written through the workspace's file system. */
    private async saveChart(message: SaveChartMessage): Promise<void> {
        try {
            await saveChart(message, {
                askWhere: (fileName, filter) => vscode.window.showSaveDialog({
                    defaultUri: vscode.workspace.workspaceFolders?.[0] ? vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, fileName) : undefined,
                    filters: { [filter.label]: filter.extensions },
                    saveLabel: 'Save chart',
                }),
                write: async (uri, bytes) => vscode.workspace.fs.writeFile(uri, bytes),
                tell: (text, uri) => void vscode.window.showInformationMessage(`${text} ${uri.scheme === 'file' ? uri.fsPath : uri.toString()}`),
            });
        } catch (error) {
            void vscode.window.showErrorMessage(`The chart could not be saved: ${error instanceof Error ? error.message : String(error)}`);
        }
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
