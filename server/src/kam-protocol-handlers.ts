/** The server side of the typed KAM protocol (language/src/protocol.ts). */
import { DocumentState, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import type { KamServices } from '../../language/src/kam-module.js';
import { AccountPreviewRequest, DocumentsValidatedNotification, PortfolioPreviewRequest, SummaryReportRequest } from '../../language/src/protocol.js';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { renderAccountReport, renderPortfolioReport } from '../../language/src/reports/render-report.js';
import { accountView, portfolioView } from '../../language/src/reports/view-model.js';
import { accountBodyHtml, portfolioBodyHtml } from '../../language/src/reports/html-report.js';
import { escapeText } from '../../language/src/reports/charts/svg.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';

export function registerKamProtocol(connection: Connection, shared: LangiumSharedServices, Kam: KamServices): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
        void connection.sendNotification(DocumentsValidatedNotification.type, { uris: documents.map((d) => d.uri.toString()) });
    });

    connection.onRequest(SummaryReportRequest.type, (params, token) => guarded('The summary report', () => summaryReport(shared, Kam, params, token)));
    connection.onRequest(AccountPreviewRequest.type, (params) => guarded('The preview', () => accountPreview(shared, Kam, params)));
    connection.onRequest(PortfolioPreviewRequest.type, (params, token) => guarded('The portfolio preview', () => portfolioPreview(shared, Kam, params, token)));
}

/** Bad input and failures become clear errors for the client; the server itself never goes down. */
async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof ResponseError) throw error;
        throw new ResponseError(-32603, `${what} could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
}


function parseUri(text: unknown): URI {
    if (typeof text !== 'string' || text.length === 0) throw new ResponseError(-32602, 'A document URI (a string) is required.');
    try {
        return URI.parse(text);
    } catch {
        throw new ResponseError(-32602, `"${text}" is not a URI.`);
    }
}

/** The validated document's accounts with their findings; a clear error for a document the server does not know. */
async function reviewedDocument(shared: LangiumSharedServices, Kam: KamServices, uriText: unknown): Promise<{ uri: URI; accounts: ReviewedAccount[] }> {
    await shared.workspace.WorkspaceManager.ready;
    const uri = parseUri(uriText);
    const documents = shared.workspace.LangiumDocuments;
    if (!documents.hasDocument(uri)) throw new ResponseError(-32602, `${uri.fsPath} is not a KAM plan the server knows.`);
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
    return { uri, accounts: reviewDocument(Kam.analysis.PlanAnalyzer, documents.getDocument(uri)!) };
}

/** Every validated account under the folders (the whole workspace without folders), in a stable order. */
async function reviewedPortfolio(shared: LangiumSharedServices, Kam: KamServices, folders: unknown, token?: CancellationToken): Promise<ReviewedAccount[]> {
    await shared.workspace.WorkspaceManager.ready;
    await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated);
    const scope = Array.isArray(folders) ? folders.map(parseUri) : undefined;
    const documents = Kam.analysis.PlanAnalyzer.planDocuments(scope);
    const accounts: ReviewedAccount[] = [];
    for (const d of documents) {
        if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
        const folder = (shared.workspace.WorkspaceManager as KamWorkspaceManager).workspaceFolderOf(d.uri);
        accounts.push(...reviewDocument(Kam.analysis.PlanAnalyzer, d, Kam.portfolio.PortfolioConfig.sourceOf(d.uri, folder)));
    }
    return accounts;
}

async function accountPreview(shared: LangiumSharedServices, Kam: KamServices, params: AccountPreviewRequest.Params): Promise<AccountPreviewRequest.Result> {
    const { uri, accounts } = await reviewedDocument(shared, Kam, params?.uri);
    const context = reportContextFor(Kam, uri);
    const views = accounts.map((a) => accountView(a, context));
    const name = uri.path.split('/').pop() ?? uri.toString();
    return {
        uri: uri.toString(),
        title: views.length === 1 ? views[0].title : name,
        accountCount: views.length,
        html: views.length
            ? views.map((v, i) => accountBodyHtml(v, { interactive: true }, i)).join('\n')
            : `<p class="kam-note">${escapeText(name)} holds no account plan: open an account's <code>.kam</code> file to see its pictures.</p>`,
    };
}

async function portfolioPreview(shared: LangiumSharedServices, Kam: KamServices, params: PortfolioPreviewRequest.Params, token: CancellationToken): Promise<PortfolioPreviewRequest.Result> {
    const accounts = await reviewedPortfolio(shared, Kam, params?.folders, token);
    const view = portfolioView(accounts, reportContextFor(Kam, firstPlan(accounts)));
    return {
        title: view.title,
        html: portfolioBodyHtml(view, { interactive: true }),
        accountUris: view.accounts.map((a) => a.uri).filter((u): u is string => Boolean(u)),
        accountCount: view.counts.accounts,
    };
}

async function summaryReport(shared: LangiumSharedServices, Kam: KamServices, params: SummaryReportRequest.Params, token?: CancellationToken): Promise<SummaryReportRequest.Result> {
    const format = params?.format ?? 'md';
    if (!['md', 'html', 'json'].includes(format)) throw new ResponseError(-32602, `Unknown report format "${String(format)}": use md, html or json.`);
    if (params?.uri) {
        const { uri, accounts } = await reviewedDocument(shared, Kam, params.uri);
        if (accounts.length === 0) throw new ResponseError(-32602, `${uri.fsPath} holds no account plan.`);
        return {
            title: accounts.length === 1 ? `${accounts[0].card.plan.title} — summary` : 'Account summaries',
            format,
            content: renderAccountReport(accounts, format, reportContextFor(Kam, uri)),
            accountCount: accounts.length,
        };
    }
    const accounts = await reviewedPortfolio(shared, Kam, params?.folders, token);
    return {
        title: 'Portfolio summary',
        format,
        content: renderPortfolioReport(accounts, format, reportContextFor(Kam, firstPlan(accounts))),
        accountCount: accounts.length,
    };
}

/** The plan a portfolio report takes its portfolio's settings from. */
function firstPlan(accounts: ReviewedAccount[]): URI | undefined {
    const uri = accounts[0]?.card.plan.uri;
    return uri ? URI.parse(uri) : undefined;
}
