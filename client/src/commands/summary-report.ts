/**
 * "KAM: Generate Summary Report": the plan in the active editor, or, from a folder in the explorer
 * or with no plan open, the whole portfolio. The Markdown opens beside the plan, unsaved, so
 * nothing on disk is overwritten.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SummaryReportRequest } from '../../../language/src/protocol.js';

export const GENERATE_SUMMARY_REPORT = 'kam.generateSummaryReport';

export function registerSummaryReportCommand(context: vscode.ExtensionContext, client: LanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand(GENERATE_SUMMARY_REPORT, async (target?: vscode.Uri) => {
        const params = await reportParams(target);
        try {
            const result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, title: params.uri ? 'KAM: summarising the account plan…' : 'KAM: summarising the portfolio…' },
                () => client.sendRequest(SummaryReportRequest.type, params),
            );
            const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.content });
            await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
            return document;
        } catch (error) {
            void vscode.window.showErrorMessage(`KAM: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}

async function reportParams(target: vscode.Uri | undefined): Promise<SummaryReportRequest.Params> {
    if (target) {
        const stat = await vscode.workspace.fs.stat(target);
        return stat.type & vscode.FileType.Directory ? { folders: [target.toString()] } : { uri: target.toString() };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.languageId === 'kam') return { uri: editor.document.uri.toString() };
    return {};
}
