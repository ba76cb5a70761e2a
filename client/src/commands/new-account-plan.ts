/**
 * "KAM: New Account Plan": asks for the account's name, writes a new plan from the template into
 * the workspace and opens it. The plan goes into the folder picked in the explorer, else beside the
 * plan in the active editor, else the first workspace folder. An existing file is never replaced.
 */
import * as vscode from 'vscode';
import { accountFileName, accountPlanTemplate, validateAccountName } from '../../../language/src/templates/account-plan.js';
import { isValidIsoDate, todayIso } from '../../../language/src/domain/quantities.js';
import { exists } from '../file-exists.js';
import { isPlanDocument } from '../plan-document.js';

export const NEW_ACCOUNT_PLAN = 'kam.newAccountPlan';

export function registerNewAccountPlanCommand(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand(NEW_ACCOUNT_PLAN, async (target?: vscode.Uri | string, name?: string) => {
        try {
            return await newAccountPlan(typeof target === 'string' ? vscode.Uri.parse(target, true) : target, name);
        } catch (error) {
            void vscode.window.showErrorMessage(`KAM: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}

/** Creates the plan; returns its URI, or undefined when the user cancels or the file exists. */
async function newAccountPlan(target: vscode.Uri | undefined, givenName: string | undefined): Promise<vscode.Uri | undefined> {
    const folder = await targetFolder(target);
    if (!folder) {
        void vscode.window.showErrorMessage('KAM: open a folder first; new plans are written into the workspace.');
        return undefined;
    }
    const displayName = givenName ?? await vscode.window.showInputBox({
        title: 'KAM: New Account Plan',
        prompt: 'The account\'s name, as the customer writes it',
        placeHolder: 'Nordwind Logistics',
        validateInput: validateAccountName,
    });
    if (displayName === undefined || validateAccountName(displayName)) return undefined;
    const file = vscode.Uri.joinPath(folder, accountFileName(displayName));
    if (await exists(file)) {
        void vscode.window.showWarningMessage(`KAM: ${vscode.workspace.asRelativePath(file)} already exists; it was left as it is.`);
        return undefined;
    }
    // A shape-valid but impossible `kam.today` (2026-02-30) falls back to the real date.
    const configured = vscode.workspace.getConfiguration('kam').get<string>('today');
    const today = configured && isValidIsoDate(configured) ? configured : todayIso();
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(file, { overwrite: false, contents: new TextEncoder().encode(accountPlanTemplate({ displayName, today })) });
    if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage(`KAM: could not create ${vscode.workspace.asRelativePath(file)}; nothing was overwritten.`);
        return undefined;
    }
    await vscode.window.showTextDocument(file, { preview: false });
    return file;
}

async function targetFolder(target: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (target) {
        const stat = await vscode.workspace.fs.stat(target);
        return stat.type & vscode.FileType.Directory ? target : vscode.Uri.joinPath(target, '..');
    }
    const active = vscode.window.activeTextEditor?.document;
    if (active && isPlanDocument(active) && active.uri.scheme !== 'untitled') return vscode.Uri.joinPath(active.uri, '..');
    return vscode.workspace.workspaceFolders?.[0]?.uri;
}
