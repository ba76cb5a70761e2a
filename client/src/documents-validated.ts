/**
 * The server sends `kam/documentsValidated` after every validation pass. The language client keeps
 * one handler per notification method, so this hub registers it once and fans it out to everybody
 * who listens (the previews, and anything else in the client that needs to know).
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DocumentsValidatedNotification } from '../../language/src/protocol.js';

export class DocumentsValidatedHub implements vscode.Disposable {
    private readonly emitter = new vscode.EventEmitter<string[]>();
    /** Fires with the URIs (strings) of the documents the server has just validated. */
    readonly onDidValidate = this.emitter.event;

    constructor(client: BaseLanguageClient) {
        client.onNotification(DocumentsValidatedNotification.type, (params) => this.emitter.fire(params.uris));
    }

    dispose(): void {
        this.emitter.dispose();
    }
}
