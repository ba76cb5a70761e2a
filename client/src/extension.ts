/**
 * The VS Code extension: starts the KAM language server and adds the commands that turn plans
 * into reports. All numbers come from the server; the client only asks and shows.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerSummaryReportCommand } from './commands/summary-report.js';
import { registerNewAccountPlanCommand } from './commands/new-account-plan.js';
import { DocumentsValidatedHub } from './documents-validated.js';
import { registerOpenPreviewCommand } from './preview/account-preview-panel.js';
import { registerOpenPortfolioCommand } from './preview/portfolio-panel.js';
import { registerCompareWithCommand } from './preview/compare-panel.js';
import { declaredSettings, explicitKamSettings } from './editor-settings.js';
import { ClientCommands } from '../../language/src/protocol.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = startLanguageClient(context);
    registerSummaryReportCommand(context, client);
    registerNewAccountPlanCommand(context);
    const validated = new DocumentsValidatedHub(client);
    context.subscriptions.push(validated);
    registerOpenPreviewCommand(context, client, validated);
    registerOpenPortfolioCommand(context, client, validated);
    registerCompareWithCommand(context, client, validated);
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const settingNames = declaredSettings(context.extension.packageJSON);
    const serverModule = context.asAbsolutePath(path.join('out', 'server', 'main.cjs'));
    const serverOptions: ServerOptions = {
        // A larger young generation: a portfolio's plans are many small objects that live as long as the server.
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=32'] } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', '--max-semi-space-size=32'] } },
    };
    const clientOptions: LanguageClientOptions = {
        // Plans on disk and unsaved ones; not diff views or other virtual documents.
        documentSelector: [{ scheme: 'file', language: 'kam' }, { scheme: 'untitled', language: 'kam' }],
        // Plans, and the portfolio settings every face shares.
        synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.kam'), vscode.workspace.createFileSystemWatcher('**/kam.config.json')] },
        outputChannelName: 'KAM Plans',
        // The lenses may run these commands of ours; editors that declare none get lenses the server runs.
        initializationOptions: { clientCommands: [ClientCommands.openPreview, ClientCommands.generateSummaryReport] } satisfies ClientCommands.InitializationOptions,
        middleware: {
            workspace: {
                // Only what the user set reaches the reviewer: an untouched default never overrides kam.config.json.
                configuration: async (params, token, next) => {
                    const answers = await next(params, token);
                    if (!Array.isArray(answers)) return answers;
                    return params.items.map((item, i) => (item.section === 'kam'
                        ? explicitKamSettings(settingNames, item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined)
                        : answers[i]));
                },
            },
        },
    };
    return new LanguageClient('kam', 'KAM Plans', serverOptions, clientOptions);
}
