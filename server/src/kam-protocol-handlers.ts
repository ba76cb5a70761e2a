/** The server side of the typed KAM protocol (language/src/protocol.ts). */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ResponseError, type Connection } from 'vscode-languageserver';
import type { KamServices } from '../../language/src/kam-module.js';
import { DocumentsValidatedNotification, SummaryReportRequest } from '../../language/src/protocol.js';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { accountSummaryMarkdown, portfolioSummaryMarkdown } from '../../language/src/reports/summary-report.js';

export function registerKamProtocol(connection: Connection, shared: LangiumSharedServices, Kam: KamServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
        void connection.sendNotification(DocumentsValidatedNotification.type, { uris: documents.map((d) => d.uri.toString()) });
    });

    connection.onRequest(SummaryReportRequest.type, async (params) => {
        try {
            return await summaryReport(shared, Kam, params);
        } catch (error) {
            if (error instanceof ResponseError) throw error;
            throw new ResponseError(-32603, `The summary report could not be built: ${error instanceof Error ? error.message : String(error)}`);
        }
    });
}

async function summaryReport(shared: LangiumSharedServices, Kam: KamServices, params: SummaryReportRequest.Params): Promise<SummaryReportRequest.Result> {
    await shared.workspace.WorkspaceManager.ready;
    const analyzer = Kam.analysis.PlanAnalyzer;
    const settings = Kam.analysis.ReviewSettings;
    const documents = shared.workspace.LangiumDocuments;
    if (params.uri) {
        const uri = URI.parse(params.uri);
        if (!documents.hasDocument(uri)) throw new ResponseError(-32602, `${uri.fsPath} is not a KAM plan the server knows.`);
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
        const document = documents.getDocument(uri)!;
        const accounts = reviewDocument(analyzer, document);
        if (accounts.length === 0) throw new ResponseError(-32602, `${uri.fsPath} holds no account plan.`);
        return {
            title: accounts.length === 1 ? `${accounts[0].card.plan.title} — summary` : 'Account summaries',
            format: 'md',
            content: accounts.map((a) => accountSummaryMarkdown(a, settings.today())).join('\n---\n\n'),
            accountCount: accounts.length,
        };
    }
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    const scope = params.folders?.map((f) => URI.parse(f));
    const inScope = (d: LangiumDocument) => !scope || scope.some((s) => d.uri.toString().startsWith(s.toString()));
    const accounts = documents.all.filter(inScope).toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()))
        .flatMap((d) => reviewDocument(analyzer, d, d.uri.path.split('/').pop()));
    return {
        title: 'Portfolio summary',
        format: 'md',
        content: portfolioSummaryMarkdown(accounts, settings.settings.thresholds),
        accountCount: accounts.length,
    };
}
