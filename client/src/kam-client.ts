/**
 * What the desktop and the web extension share: the language client's options (document selector,
 * settings middleware, the commands lenses may run) and every command and panel. Each entry
 * (extension.ts on Node, web/extension.ts in the browser) only starts its own kind of language
 * client — a Node process over IPC, or a web worker — and hands it here.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { registerSummaryReportCommand } from './commands/summary-report.js';
import { registerNewAccountPlanCommand } from './commands/new-account-plan.js';
import { DocumentsValidatedHub } from './documents-validated.js';
import { registerOpenPreviewCommand } from './preview/account-preview-panel.js';
import { registerOpenPortfolioCommand } from './preview/portfolio-panel.js';
import { declaredSettings, explicitKamSettings } from './editor-settings.js';
import { planDocumentSelector } from './plan-document.js';
import { ClientCommands } from '../../language/src/protocol.js';

/** The language client's options for either host; `extra` adds the host's own (file watchers …). */
export function kamClientOptions(context: vscode.ExtensionContext, extra: Partial<LanguageClientOptions> = {}): LanguageClientOptions {
    const settingNames = declaredSettings(context.extension.packageJSON);
    return {
        documentSelector: planDocumentSelector(),
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
        ...extra,
    };
}

/** The commands, the previews and the fan-out of `kam/documentsValidated`, on a client of either host. */
/** Registers what both hosts offer; returns the hub of `kam/documentsValidated` for what a host adds. */
export function registerKamFeatures(context: vscode.ExtensionContext, client: BaseLanguageClient): DocumentsValidatedHub {
    registerSummaryReportCommand(context, client);
    registerNewAccountPlanCommand(context);
    const validated = new DocumentsValidatedHub(client);
    context.subscriptions.push(validated);
    registerOpenPreviewCommand(context, client, validated);
    registerOpenPortfolioCommand(context, client, validated);
    registerRestartCommand(context, client);
    return validated;
}

/**
 * KAM: Restart Language Server: the server is shut down as when the window closes (on the desktop
 * it keeps its compiled code for the next start), then started again — a new process, or in the
 * browser a new web worker fed the portfolio again (portfolio-feed.ts) — and the portfolio is
 * read and diagnosed afresh.
 */
function registerRestartCommand(context: vscode.ExtensionContext, client: BaseLanguageClient): void {
    context.subscriptions.push(vscode.commands.registerCommand('kam.restartLanguageServer', () =>
        vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'KAM: restarting the language server' }, async () => {
            // Node's client has restart() (stop, a pause in debug mode, start); the browser's has stop and start.
            const restartable = client as BaseLanguageClient & { restart?: () => Promise<void> };
            if (restartable.restart) return restartable.restart();
            await client.stop();
            await client.start();
        })));
}
