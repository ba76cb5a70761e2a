/**
 * A workspace folder the server cannot read (a path that does not exist, a folder without
 * permission) leaves the Problems panel empty and says nothing: Langium logs the failure and goes
 * on. The user is told once, when the workspace has been loaded, which folder and why. Node only:
 * in the browser the client feeds the portfolio's files, and an empty folder is not an error.
 */
import * as fs from 'node:fs';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { MessageType, ShowMessageNotification, type Connection, type InitializeParams } from 'vscode-languageserver';
import { fsReason } from '../../cli/src/errors.js';

export function warnAboutUnreadableFolders(connection: Connection, shared: LangiumSharedServices): void {
    let folders: string[] = [];
    shared.lsp.LanguageServer.onInitialize((params: InitializeParams) => {
        folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    });
    void shared.workspace.WorkspaceManager.ready.then(() => {
        for (const folder of folders) {
            const uri = URI.parse(folder);
            const problem = folderProblem(uri);
            // A notification, as the server's other warnings: nothing to answer.
            if (problem) void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: `KAM Plans: no plans checked in the workspace folder ${uri.fsPath}: ${problem}.` });
        }
    });
}

/** Why a workspace folder cannot be read (`it does not exist (ENOENT)`), or undefined when it can or is not on this disk. */
export function folderProblem(folder: URI): string | undefined {
    if (folder.scheme !== 'file') return undefined;
    try {
        if (!fs.statSync(folder.fsPath).isDirectory()) return 'it is a file, not a folder';
        fs.opendirSync(folder.fsPath).closeSync();
        return undefined;
    } catch (error) {
        return fsReason(error);
    }
}
