/**
 * "KAM: Generate Summary Report": the plan in the active editor, or, from a folder in the explorer
 * or with no plan open, the whole portfolio. The user picks the output: Markdown beside the plan,
 * unsaved (nothing on disk is touched), or saved as a self-contained HTML page or as Markdown through
 * the save dialog (whose own overwrite question is the consent). A file written to a path given by
 * the caller, without a dialog, is never overwritten without asking.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { ClientCommands, SummaryReportRequest } from '../../../language/src/protocol.js';
import { exists } from '../file-exists.js';
import { isCancellation } from '../cancellation.js';
import { isPlanDocument } from '../plan-document.js';

export const GENERATE_SUMMARY_REPORT = ClientCommands.generateSummaryReport;

/** `beside`: Markdown opened unsaved beside the plan; `html` / `md`: a file, saved. */
export type SummaryReportOutput = 'beside' | 'html' | 'md';

export interface SummaryReportOptions {
    /** Skips the question "how?" (for key bindings, tests and other extensions). */
    output?: SummaryReportOutput;
    /** Where to save an `html` / `md` report without the save dialog; asks before overwriting. */
    to?: vscode.Uri | string;
    /** The portfolio report keeps the findings' codes, files and lines for the plans' authors. */
    detail?: boolean;
}

const OUTPUT_CHOICES: (vscode.QuickPickItem & { output: SummaryReportOutput })[] = [
    { label: '$(preview) Open Markdown beside', description: 'unsaved, for a pull request or a wiki', output: 'beside' },
    { label: '$(globe) Save as HTML…', description: 'one self-contained page with charts, printable to PDF', output: 'html' },
    { label: '$(markdown) Save as Markdown…', description: 'a .md file', output: 'md' },
];

export function registerSummaryReportCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand(GENERATE_SUMMARY_REPORT, async (target?: vscode.Uri | string, options: SummaryReportOptions = {}) => {
        try {
            const targetUri = typeof target === 'string' ? vscode.Uri.parse(target, true) : target;
            const params = await reportParams(targetUri);
            const output = options.output ?? (await vscode.window.showQuickPick(OUTPUT_CHOICES, { title: 'KAM: Generate Summary Report', placeHolder: 'How do you want the report?' }))?.output;
            if (!output) return undefined;
            const result = await vscode.window.withProgress(
                { location: vscode.ProgressLocation.Notification, cancellable: true, title: params.uri ? 'KAM: summarising the account plan…' : 'KAM: summarising the portfolio…' },
                (_progress, token) => client.sendRequest(SummaryReportRequest.type, { ...params, format: output === 'html' ? 'html' : 'md', detail: options.detail }, token),
            );
            if (output === 'beside') {
                const document = await vscode.workspace.openTextDocument({ language: 'markdown', content: result.content });
                await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: false });
                return document;
            }
            return await saveReport(result, output, params, options.to);
        } catch (error) {
            // The user cancelled the progress: nothing went wrong, so nothing to say.
            if (isCancellation(error)) return undefined;
            void vscode.window.showErrorMessage(`KAM: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}

function fileName(result: SummaryReportRequest.Result, output: 'html' | 'md'): string {
    const base = result.title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').toLowerCase() || 'kam-summary';
    return `${base}.${output}`;
}

/** Writes the report where the user says; returns the file, or undefined when they decline. */
async function saveReport(result: SummaryReportRequest.Result, output: 'html' | 'md', params: SummaryReportRequest.Params, to: vscode.Uri | string | undefined): Promise<vscode.Uri | undefined> {
    let destination: vscode.Uri | undefined;
    if (to) {
        destination = typeof to === 'string' ? vscode.Uri.parse(to, true) : to;
        if (await exists(destination)) {
            const answer = await vscode.window.showWarningMessage(`${destination.fsPath} exists. Overwrite it with the new report?`, { modal: true }, 'Overwrite');
            if (answer !== 'Overwrite') return undefined;
        }
    } else {
        const near = params.uri ? vscode.Uri.joinPath(vscode.Uri.parse(params.uri), '..') : params.folders?.[0] ? vscode.Uri.parse(params.folders[0]) : vscode.workspace.workspaceFolders?.[0]?.uri;
        // The save dialog asks before replacing an existing file: that answer is the user's consent.
        destination = await vscode.window.showSaveDialog({
            title: 'Save the KAM summary report',
            defaultUri: near ? vscode.Uri.joinPath(near, fileName(result, output)) : undefined,
            filters: output === 'html' ? { 'HTML page': ['html'] } : { Markdown: ['md'] },
        });
        if (!destination) return undefined;
    }
    // Through the workspace's file system: on disk, or the repository's own on vscode.dev and github.dev.
    await vscode.workspace.fs.writeFile(destination, new TextEncoder().encode(result.content));
    // A browser opens only a page on disk; in VS Code for the Web the file lives in the repository.
    const inBrowser = output === 'html' && destination.scheme === 'file';
    const open = inBrowser ? 'Open in Browser' : 'Open';
    const where = destination.scheme === 'file' ? destination.fsPath : vscode.workspace.asRelativePath(destination);
    void vscode.window.showInformationMessage(`KAM: saved the report of ${result.accountCount} account${result.accountCount === 1 ? '' : 's'} to ${where}.`, open).then(async (choice) => {
        if (choice !== open) return;
        if (inBrowser) await vscode.env.openExternal(destination);
        else await vscode.window.showTextDocument(destination);
    });
    return destination;
}

async function reportParams(target: vscode.Uri | undefined): Promise<SummaryReportRequest.Params> {
    if (target) {
        const stat = await vscode.workspace.fs.stat(target);
        return stat.type & vscode.FileType.Directory ? { folders: [target.toString()] } : { uri: target.toString() };
    }
    const editor = vscode.window.activeTextEditor;
    if (editor && isPlanDocument(editor.document)) return { uri: editor.document.uri.toString() };
    return {};
}
