/**
 * The portfolio for VS Code's own AI assistants: where the editor has MCP support
 * (`vscode.lm.registerMcpServerDefinitionProvider`, VS Code 1.101+), each workspace folder is offered
 * as an MCP server, the bundled `out/mcp/server.cjs` run by the editor's own Node. On older
 * editors nothing happens. The types are declared here: the extension builds against VS Code 1.95.
 */
import * as vscode from 'vscode';

interface McpStdioServerDefinitionConstructor {
    new (label: string, command: string, args?: string[], env?: Record<string, string | number | null>, version?: string): unknown;
}

interface McpServerDefinitionProvider {
    onDidChangeMcpServerDefinitions?: vscode.Event<void>;
    provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[];
}

interface McpApi {
    lm?: { registerMcpServerDefinitionProvider?: (id: string, provider: McpServerDefinitionProvider) => vscode.Disposable };
    McpStdioServerDefinition?: McpStdioServerDefinitionConstructor;
}

/** The id package.json declares under contributes.mcpServerDefinitionProviders. */
export const MCP_PROVIDER_ID = 'kam-plans.portfolio';

/** Registers the provider when the API exists; answers whether it did. */
export function registerMcpServerDefinitions(context: vscode.ExtensionContext, api: McpApi = vscode as unknown as McpApi): boolean {
    const register = api.lm?.registerMcpServerDefinitionProvider;
    const Definition = api.McpStdioServerDefinition;
    if (typeof register !== 'function' || typeof Definition !== 'function') return false;
    const changed = new vscode.EventEmitter<void>();
    const server = context.asAbsolutePath('out/mcp/server.cjs');
    const version = String((context.extension.packageJSON as { version?: string }).version ?? '');
    context.subscriptions.push(changed, vscode.workspace.onDidChangeWorkspaceFolders(() => changed.fire()));
    context.subscriptions.push(register.call(api.lm, MCP_PROVIDER_ID, {
        onDidChangeMcpServerDefinitions: changed.event,
        provideMcpServerDefinitions: () => (vscode.workspace.workspaceFolders ?? [])
            .filter((folder) => folder.uri.scheme === 'file')
            // The editor's Node (Electron run as Node), so nothing else needs installing.
            .map((folder) => new Definition(`KAM Plans: ${folder.name}`, process.execPath, [server, folder.uri.fsPath], { ELECTRON_RUN_AS_NODE: '1' }, version)),
    }));
    return true;
}
