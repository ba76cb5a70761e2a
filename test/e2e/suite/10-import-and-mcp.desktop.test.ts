// Desktop only (`.desktop.test.ts`): the import and the MCP server run on Node; the web build leaves this file out.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { registerMcpServerDefinitions } from '../../../client/src/mcp-server-definitions.js';
import { codesOf, command, diagnosticsOf, EXTENSION_ID, workspaceRoot } from './helpers.js';

const CSV = 'Kunde;Kundennummer;Umsatz (EUR);Potenzial;Marge %;Branche\n'
    + 'Saltmarsh Ferries;1;4.200.000;7.500.000;35 %;Shipping\n'
    + 'Harbour Cold Store;2;1.300.000;1.400.000;22 %;Logistics\n'
    + 'Quayside Bakeries;3;120.000;900.000;41 %;Food\n'
    + 'Broken Row;4\n';

describe('KAM: Import Customers from CSV', () => {
    it('writes the report and the candidates\' plans, which parse, and never overwrites a plan', async () => {
        const root = workspaceRoot();
        const csv = vscode.Uri.joinPath(root, 'customers.csv');
        await vscode.workspace.fs.writeFile(csv, new TextEncoder().encode(CSV));
        const report = vscode.Uri.joinPath(root, 'customers-candidates.html');
        const plans = vscode.Uri.joinPath(root, 'portfolio', 'candidates');
        const result = await command<{ report?: vscode.Uri; plans: vscode.Uri[]; kept: vscode.Uri[] } | undefined>('kam.importCustomers', csv, { reportTo: report, scaffoldTo: plans });
        assert.ok(result, 'the command gave no result');
        const html = new TextDecoder().decode(await vscode.workspace.fs.readFile(report));
        assert.match(html, /Key-account candidates from customers\.csv/);
        assert.match(html, /line 5 \(left out\)/);
        assert.ok(result.plans.length >= 1, 'no plan was scaffolded');
        const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(result.plans[0]));
        assert.match(text, /revenue current 4\.2M EUR potential 7\.5M EUR/);
        const diagnostics = await diagnosticsOf(vscode.workspace.asRelativePath(result.plans[0], false));
        assert.ok(!codesOf(diagnostics).some((c) => c === 'parsing-error' || c === 'lexing-error' || c === 'linking-error'), `a scaffolded plan does not parse cleanly: ${codesOf(diagnostics).join(', ')}`);
        assert.ok(codesOf(diagnostics).includes('kam.no-owner'), 'the reviewer does not ask for what the export cannot know');

        const again = await command<{ plans: vscode.Uri[]; kept: vscode.Uri[] }>('kam.importCustomers', csv, { reportTo: vscode.Uri.joinPath(root, 'again.md'), scaffoldTo: plans });
        assert.equal(again.plans.length, 0);
        assert.deepEqual(again.kept.map(String), result.plans.map(String));
        assert.equal(new TextDecoder().decode(await vscode.workspace.fs.readFile(result.plans[0])), text);
    });
});

describe('The portfolio for VS Code\'s MCP support', () => {
    it('offers each workspace folder as an MCP server, started with the editor\'s Node, that answers', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID)!;
        let provider: { provideMcpServerDefinitions(token: vscode.CancellationToken): unknown[] } | undefined;
        class Definition {
            constructor(readonly label: string, readonly command: string, readonly args: string[], readonly env: Record<string, string>) {}
        }
        const context = { subscriptions: [] as vscode.Disposable[], asAbsolutePath: (p: string) => vscode.Uri.joinPath(extension.extensionUri, p).fsPath, extension };
        const registered = registerMcpServerDefinitions(context as unknown as vscode.ExtensionContext, {
            lm: { registerMcpServerDefinitionProvider: (_id, p) => { provider = p; return { dispose: () => undefined }; } },
            McpStdioServerDefinition: Definition as never,
        });
        assert.ok(registered && provider, 'no provider was registered');
        const [definition] = provider!.provideMcpServerDefinitions(new vscode.CancellationTokenSource().token) as Definition[];
        assert.equal(definition.label, `KAM Plans: ${vscode.workspace.workspaceFolders![0].name}`);
        const client = new Client({ name: 'kam-e2e', version: '1.0.0' });
        await client.connect(new StdioClientTransport({ command: definition.command, args: definition.args, env: { ...process.env, ...definition.env } as Record<string, string>, stderr: 'pipe' }));
        try {
            const answer = await client.callTool({ name: 'query_portfolio', arguments: { quadrant: 'Strategic' } });
            assert.ok(((answer.structuredContent as { count: number }).count) >= 1, JSON.stringify(answer));
        } finally {
            await client.close();
            context.subscriptions.forEach((d) => d.dispose());
        }
        // Where this VS Code has the API, the extension itself registered the provider at activation.
        const lm = (vscode as unknown as { lm?: { registerMcpServerDefinitionProvider?: unknown } }).lm;
        if (typeof lm?.registerMcpServerDefinitionProvider === 'function') assert.ok(extension.isActive);
    });
});
