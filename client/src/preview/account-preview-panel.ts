/**
 * "KAM: Open Preview to the Side": the pictures of the plan in the active editor, beside it. One
 * panel; it follows the active `.kam` editor and refreshes (debounced) whenever the server has
 * validated that document, so it updates as the user types.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { AccountPreviewRequest, ClientCommands } from '../../../language/src/protocol.js';
import type { DocumentsValidatedHub } from '../documents-validated.js';
import { isPlanDocument } from '../plan-document.js';
import type { FromWebview } from './messages.js';
import { columnFor, PreviewPanel, type PreviewContent } from './preview-panel.js';

export const OPEN_PREVIEW = ClientCommands.openPreview;

export class AccountPreviewPanel extends PreviewPanel {
    private static current: AccountPreviewPanel | undefined;
    private uri: vscode.Uri;

    /** Shows the preview of `uri`, creating the panel or moving the existing one to this document. */
    static show(client: BaseLanguageClient, hub: DocumentsValidatedHub, uri: vscode.Uri): AccountPreviewPanel {
        if (AccountPreviewPanel.current) {
            AccountPreviewPanel.current.setDocument(uri);
            AccountPreviewPanel.current.reveal();
        } else {
            AccountPreviewPanel.current = new AccountPreviewPanel(client, hub, uri);
        }
        return AccountPreviewPanel.current;
    }

    static get active(): AccountPreviewPanel | undefined {
        return AccountPreviewPanel.current;
    }

    private constructor(private readonly client: BaseLanguageClient, hub: DocumentsValidatedHub, uri: vscode.Uri) {
        super('kam.preview', 'KAM Preview', hub, 250);
        this.uri = uri;
        this.track(vscode.window.onDidChangeActiveTextEditor((editor) => {
            // Not a `git:` diff side or any other document the server never receives.
            if (editor && isPlanDocument(editor.document)) this.setDocument(editor.document.uri);
        }));
        this.onDispose(() => { AccountPreviewPanel.current = undefined; });
        void this.refresh();
    }

    get documentUri(): vscode.Uri {
        return this.uri;
    }

    setDocument(uri: vscode.Uri): void {
        if (uri.toString() === this.uri.toString()) return;
        this.uri = uri;
        this.refreshWhenVisible();
    }

    protected shows(validated: string[]): boolean {
        return validated.includes(this.uri.toString());
    }

    protected async load(): Promise<PreviewContent> {
        const result = await this.client.sendRequest(AccountPreviewRequest.type, { uri: this.uri.toString() });
        return { title: `Preview: ${result.title}`, html: result.html };
    }

    protected async onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
        // Only places in the document this panel shows: a webview cannot make us open anything else.
        if (message.type !== 'reveal' || message.uri !== this.uri.toString()) return;
        const position = new vscode.Position(message.line - 1, message.column - 1);
        await vscode.window.showTextDocument(this.uri, { viewColumn: columnFor(this.uri), selection: new vscode.Range(position, position), preserveFocus: false });
    }
}

/** `kam.openPreview [uri]`: a URI string (the code lens) or a vscode.Uri (menus); default the active `.kam` editor. */
export function registerOpenPreviewCommand(context: vscode.ExtensionContext, client: BaseLanguageClient, hub: DocumentsValidatedHub): void {
    context.subscriptions.push(vscode.commands.registerCommand(OPEN_PREVIEW, (target?: vscode.Uri | string) => {
        let uri: vscode.Uri | undefined;
        try {
            uri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target instanceof vscode.Uri ? target : undefined;
        } catch {
            void vscode.window.showErrorMessage(`KAM: "${String(target)}" is not a document URI.`);
            return undefined;
        }
        const editor = vscode.window.activeTextEditor;
        uri ??= editor && isPlanDocument(editor.document) ? editor.document.uri : undefined;
        if (!uri) {
            void vscode.window.showInformationMessage('KAM: open a .kam plan to preview it.');
            return undefined;
        }
        AccountPreviewPanel.show(client, hub, uri);
        return uri.toString();
    }));
}
