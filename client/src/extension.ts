/**
 * The VS Code extension on the desktop (and in a remote or Codespaces window): starts the KAM
 * language server as a Node process and adds the commands that turn plans into reports. All
 * numbers come from the server; the client only asks and shows. The browser's entry is web/extension.ts.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { kamClientOptions, registerKamFeatures } from './kam-client.js';
import { fedPlanSchemes, usePlanSchemes } from './plan-document.js';
import { feedPortfolio } from './portfolio-feed.js';
import { PortfolioFilesNotification } from '../../language/src/protocol.js';
// Desktop only: the import reads files with Node, the MCP server is a Node process, plan history reads git.
import { registerImportCustomersCommand } from './commands/import-customers.js';
import { registerMcpServerDefinitions } from './mcp-server-definitions.js';
import { registerCompareWithCommand } from './preview/compare-panel.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
    // A virtual workspace (Remote Repositories' vscode-vfs:) is on no disk the server could read: it is fed, as in the browser.
    const fedSchemes = fedPlanSchemes(vscode.workspace.workspaceFolders ?? []);
    if (fedSchemes) usePlanSchemes(fedSchemes);
    client = startLanguageClient(context, fedSchemes !== undefined);
    const validated = registerKamFeatures(context, client);
    registerCompareWithCommand(context, client, validated);
    registerImportCustomersCommand(context);
    registerMcpServerDefinitions(context);
    await client.start();
    if (fedSchemes) await feedPortfolio(context, client);
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext, fed: boolean): LanguageClient {
    // start.cjs loads the server's bundle with the code it compiled in an earlier start, kept in the
    // extension's own storage (removed with the extension). The client adds this to its own environment.
    const serverModule = context.asAbsolutePath(path.join('out', 'server', 'start.cjs'));
    const env: Record<string, string> = { KAM_CACHE_DIR: context.globalStorageUri.fsPath };
    if (fed) env[PortfolioFilesNotification.fedServerEnv] = '1';
    const serverOptions: ServerOptions = {
        // The young generation at most 32 MiB a semi-space for the editing session (V8 takes up to 64 on a
        // machine with much memory: pages touched and kept); the first build holds it at 16 (cli/src/heap-growth.ts).
        run: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--max-semi-space-size=32'], env } },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009', '--max-semi-space-size=32'], env } },
    };
    // Plans on disk and unsaved ones (not diff views or other virtual documents), and the portfolio
    // settings every face shares: the server reads them from disk when they change (a fed server is
    // sent them by the feed instead).
    const clientOptions = kamClientOptions(context, fed ? {} : {
        synchronize: { fileEvents: [vscode.workspace.createFileSystemWatcher('**/*.kam'), vscode.workspace.createFileSystemWatcher('**/kam.config.json')] },
    });
    return new LanguageClient('kam', 'KAM Plans', serverOptions, clientOptions);
}
