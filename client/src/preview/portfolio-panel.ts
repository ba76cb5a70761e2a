/**
 * "KAM: Open Portfolio": the whole workspace as the portfolio matrix, the Pareto curve of revenue and
 * a sortable table of accounts. Refreshes (debounced) after any validation; a click on an account
 * opens its plan.
 */
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PortfolioPreviewRequest } from '../../../language/src/protocol.js';
import type { DocumentsValidatedHub } from '../documents-validated.js';
import type { FromWebview } from './messages.js';
import { columnFor, PreviewPanel, type PreviewContent } from './preview-panel.js';

export const OPEN_PORTFOLIO = 'kam.openPortfolio';

export class PortfolioPanel extends PreviewPanel {
    private static current: PortfolioPanel | undefined;
    private accountUris = new Set<string>();

    static show(client: BaseLanguageClient, hub: DocumentsValidatedHub): PortfolioPanel {
        if (PortfolioPanel.current) {
            PortfolioPanel.current.reveal();
            void PortfolioPanel.current.refresh();
        } else {
            PortfolioPanel.current = new PortfolioPanel(client, hub);
        }
        return PortfolioPanel.current;
    }

    private constructor(private readonly client: BaseLanguageClient, hub: DocumentsValidatedHub) {
        super('kam.portfolio', 'KAM Portfolio', hub, 600);
        this.onDispose(() => { PortfolioPanel.current = undefined; });
        void this.refresh();
    }

    protected shows(validated: string[]): boolean {
        return validated.length > 0;
    }

    protected async load(): Promise<PreviewContent> {
        const result = await this.client.sendRequest(PortfolioPreviewRequest.type, {});
        return { title: `Portfolio (${result.accountCount})`, html: result.html, accountUris: result.accountUris };
    }

    protected applied(content: PreviewContent): void {
        // Only after the panel's sequence check: a stale answer must not replace the clickable plans.
        this.accountUris = new Set(content.accountUris ?? []);
    }

    protected async onMessage(message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
        // Only plans of the portfolio on show: a webview cannot make us open anything else.
        if (message.type !== 'open' || !this.accountUris.has(message.uri)) return;
        const uri = vscode.Uri.parse(message.uri, true);
        await vscode.window.showTextDocument(uri, { viewColumn: columnFor(uri), preview: false });
    }
}

export function registerOpenPortfolioCommand(context: vscode.ExtensionContext, client: BaseLanguageClient, hub: DocumentsValidatedHub): void {
    context.subscriptions.push(vscode.commands.registerCommand(OPEN_PORTFOLIO, () => {
        PortfolioPanel.show(client, hub);
    }));
}
