/**
 * "KAM: Import Customers from CSV…": a CRM export → the import report (the same pure functions as
 * `kam import`, import/src, over the same kam.config.json), saved where the user says; then, if the
 * user wants, a plan for each candidate in a folder they pick. Plans are created, never overwritten.
 * The import needs no language service, so it runs here rather than in the language server; its
 * code (CSV parser, encodings, zod) is its own bundle, out/client/import.cjs, loaded on first use so
 * the extension activates as fast as before.
 */
import * as vscode from 'vscode';
import type * as CustomerImport from '../../../import/src/index.js';
import { isValidIsoDate, todayIso } from '../../../language/src/domain/quantities.js';
import { oneLine } from '../../../language/src/domain/plain-text.js';
import { accountFileName } from '../../../language/src/templates/account-plan.js';
import { declaredSettings, explicitKamSettings } from '../editor-settings.js';
import { exists } from '../file-exists.js';

export const IMPORT_CUSTOMERS = 'kam.importCustomers';

export interface ImportCustomersOptions {
    /** Where to save the report without the save dialog (tests, other extensions); never overwritten. */
    reportTo?: vscode.Uri | string;
    /** Scaffold plans into this folder without asking (tests, other extensions). */
    scaffoldTo?: vscode.Uri | string;
}

export interface ImportCustomersResult {
    report?: vscode.Uri;
    plans: vscode.Uri[];
    kept: vscode.Uri[];
}

let loaded: typeof CustomerImport | undefined;

function customerImport(context: vscode.ExtensionContext): typeof CustomerImport {
    loaded ??= require(context.asAbsolutePath('out/client/import.cjs')) as typeof CustomerImport;
    return loaded;
}

const asUri = (u: vscode.Uri | string | undefined) => (typeof u === 'string' ? vscode.Uri.parse(u, true) : u);

export function registerImportCustomersCommand(context: vscode.ExtensionContext): void {
    context.subscriptions.push(vscode.commands.registerCommand(IMPORT_CUSTOMERS, async (target?: vscode.Uri | string, options: ImportCustomersOptions = {}) => {
        try {
            return await importCustomersCommand(context, asUri(target), options);
        } catch (error) {
            void vscode.window.showErrorMessage(`KAM: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}

/** The nearest kam.config.json above the export, within its workspace folder. */
async function configFor(csv: vscode.Uri, CONFIG_FILE: string): Promise<{ raw: unknown; file?: vscode.Uri }> {
    const folder = vscode.workspace.getWorkspaceFolder(csv);
    for (let dir = vscode.Uri.joinPath(csv, '..'); folder && dir.path.startsWith(folder.uri.path); dir = vscode.Uri.joinPath(dir, '..')) {
        const file = vscode.Uri.joinPath(dir, CONFIG_FILE);
        if (await exists(file)) {
            const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
            try {
                return { raw: JSON.parse(text), file };
            } catch (error) {
                throw new Error(`${vscode.workspace.asRelativePath(file)} is not valid JSON (${error instanceof Error ? error.message : String(error)}).`);
            }
        }
        if (dir.path === folder.uri.path) break;
    }
    return { raw: undefined };
}

async function importCustomersCommand(context: vscode.ExtensionContext, target: vscode.Uri | undefined, options: ImportCustomersOptions): Promise<ImportCustomersResult | undefined> {
    const csv = target ?? (await vscode.window.showOpenDialog({
        title: 'KAM: Import Customers from CSV', openLabel: 'Import', canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, filters: { 'CRM export': ['csv', 'txt', 'tsv'], 'All files': ['*'] },
    }))?.[0];
    if (!csv) return undefined;
    const { candidatePlan, CONFIG_FILE, EncodingError, ExportError, importContext, importCustomers, renderImportReport } = customerImport(context);
    const config = await configFor(csv, CONFIG_FILE);
    const editor = explicitKamSettings(declaredSettings(context.extension.packageJSON), csv);
    const settings: CustomerImport.ImportContext = importContext(config.raw, editor);
    if (settings.problems.length && config.file) void vscode.window.showWarningMessage(`KAM: ${vscode.workspace.asRelativePath(config.file)}: ${settings.problems.join(' ')}`);
    const today = settings.today && isValidIsoDate(settings.today) ? settings.today : todayIso();
    const source = csv.path.split('/').pop() ?? 'export.csv';
    let result;
    try {
        result = importCustomers(await vscode.workspace.fs.readFile(csv), { source, today, settings: settings.settings, keyThreshold: settings.keyThreshold, paretoLimit: settings.paretoLimit });
    } catch (error) {
        if (error instanceof ExportError || error instanceof EncodingError) throw new Error(`${source}: ${error.message}`);
        throw error;
    }
    const { view } = result;
    const report = asUri(options.reportTo) ?? await vscode.window.showSaveDialog({
        title: 'KAM: Save the import report', saveLabel: 'Save report',
        defaultUri: vscode.Uri.joinPath(csv, '..', `${source.replace(/\.[^.]+$/, '')}-key-account-candidates.html`),
        filters: { 'HTML page': ['html'], Markdown: ['md'] },
    });
    const outcome: ImportCustomersResult = { plans: [], kept: [] };
    if (report) {
        if (options.reportTo && await exists(report)) throw new Error(`${vscode.workspace.asRelativePath(report)} exists; it was left as it is.`);
        await vscode.workspace.fs.writeFile(report, new TextEncoder().encode(renderImportReport(view, report.path.endsWith('.md') ? 'md' : 'html')));
        outcome.report = report;
    }
    const summary = `${view.read.customers} customers read${view.read.leftOut ? ` (${view.read.leftOut} records left out, see the report's Problems)` : ''}; ${view.candidates.length} key-account candidate${view.candidates.length === 1 ? '' : 's'}.`;
    let folder = asUri(options.scaffoldTo);
    if (!folder && view.candidates.length > 0) {
        const choice = await vscode.window.showInformationMessage(`KAM: ${summary}`, ...(report ? ['Open Report'] : []), 'Scaffold Plans…');
        if (choice === 'Open Report' && report) await vscode.commands.executeCommand('vscode.open', report);
        if (choice === 'Scaffold Plans…') {
            folder = (await vscode.window.showOpenDialog({ title: 'KAM: Folder for the candidates\' plans', openLabel: 'Write plans here', canSelectFiles: false, canSelectFolders: true, defaultUri: vscode.Uri.joinPath(csv, '..') }))?.[0];
        }
    } else if (!folder) {
        void vscode.window.showInformationMessage(`KAM: ${summary}`);
    }
    if (folder) {
        for (const candidate of result.analysis.candidates) {
            const file = vscode.Uri.joinPath(folder, accountFileName(oneLine(candidate.row.name)));
            const edit = new vscode.WorkspaceEdit();
            edit.createFile(file, { overwrite: false, ignoreIfExists: true, contents: new TextEncoder().encode(candidatePlan(candidate, { today, source, settings: settings.settings })) });
            if (await exists(file) || !(await vscode.workspace.applyEdit(edit))) outcome.kept.push(file);
            else outcome.plans.push(file);
        }
        void vscode.window.showInformationMessage(`KAM: wrote ${outcome.plans.length} plan${outcome.plans.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(folder)}`
            + `${outcome.kept.length ? `; ${outcome.kept.length} existed and were left as they are` : ''}. The reviewer's warnings say what each still needs.`);
    }
    return outcome;
}
