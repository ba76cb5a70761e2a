/**
 * The server side of the typed KAM protocol (language/src/protocol.ts). Every request is answered:
 * parameters are checked with zod (a bad one gets InvalidParams with a clear message), the plans are
 * validated before they are read (a plan that was never opened, or whose build a keystroke
 * cancelled, is built first), and a failure inside is reported as a failed request, never left
 * unanswered.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import * as z from 'zod/mini';
import '../../language/src/analysis/zod-messages.js';
import type { KamServices } from '../../language/src/kam-module.js';
import { AccountPreviewRequest, DocumentsValidatedNotification, PortfolioPreviewRequest, SummaryReportRequest, bytesToBase64 } from '../../language/src/protocol.js';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { renderAccountReport, renderPortfolioReport } from '../../language/src/reports/render-report.js';
import { accountView, portfolioView, type AccountView } from '../../language/src/reports/view-model.js';
import type { PortfolioDiff } from '../../language/src/plan-diff/index.js';
import { accountBodyHtml, portfolioBodyHtml } from '../../language/src/reports/html-report.js';
import { escapeText } from '../../language/src/reports/charts/svg.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';

/** A document URI as the protocol sends it. */
export const documentUri = z.string({ error: 'must be a document URI (a string)' }).check(
    z.minLength(1, 'must be a document URI, not empty'),
    z.refine((text) => { try { return URI.parse(text).scheme !== ''; } catch { return false; } }, 'must be a document URI such as file:///path/plan.kam'));
const folders = z.optional(z.array(documentUri, { error: 'must be a list of folder URIs' }));

const schemas = {
    summaryReport: z.object({ uri: z.optional(documentUri), folders, format: z.optional(z.enum(['md', 'html', 'json', 'pptx'], { error: 'must be md, html, json or pptx' })), detail: z.optional(z.boolean({ error: 'must be true or false' })) }),
    accountPreview: z.object({ uri: documentUri }, { error: 'must be an object with the plan\'s uri' }),
    portfolioPreview: z.object({ folders }),
};

/** The parameters, checked; InvalidParams naming what is wrong otherwise. */
export function checked<T>(schema: z.ZodMiniType<T>, params: unknown, what: string): T {
    const parsed = schema.safeParse(params ?? {});
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? `${issue.path.join('.')} ` : '';
    throw new ResponseError(ErrorCodes.InvalidParams, `${what}: ${where}${issue?.message ?? 'invalid parameters'}.`);
}

/** What the host adds to the previews and reports (on the desktop: what the plans' git history knows). */
export interface AccountPreviewExtras {
    /** Escaped HTML to show below the account, or undefined for nothing (yet). */
    accountHtml(document: LangiumDocument, view: AccountView, index: number): Promise<string | undefined>;
    /**
     * What changed in the portfolio of this plan or folder since its last review (the review
     * baseline: a plan's own `last reviewed` date, else the newest `reviewTag`), for the review deck;
     * undefined when no review is known.
     */
    changesSinceLastReview?(uri: string, accounts: string[], token: CancellationToken): Promise<PortfolioDiff | undefined>;
}

export function registerKamProtocol(connection: Connection, shared: LangiumSharedServices, Kam: KamServices, extras?: AccountPreviewExtras): void {
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (documents) => {
        void connection.sendNotification(DocumentsValidatedNotification.type, { uris: documents.map((d) => d.uri.toString()) });
    });
    const plans = new PlanAccess(shared, Kam);

    connection.onRequest(SummaryReportRequest.type, (params, token) => guarded('The summary report', () =>
        summaryReport(plans, Kam, checked(schemas.summaryReport, params, 'kam/summaryReport'), token, extras)));
    connection.onRequest(AccountPreviewRequest.type, (params, token) => guarded('The preview', () =>
        accountPreview(plans, Kam, checked(schemas.accountPreview, params, 'kam/accountPreview'), token, extras)));
    connection.onRequest(PortfolioPreviewRequest.type, (params, token) => guarded('The portfolio preview', () =>
        portfolioPreview(plans, Kam, checked(schemas.portfolioPreview, params, 'kam/portfolioPreview'), token)));
}

/** Bad input and failures become clear errors for the client; the server itself never goes down. */
export async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof ResponseError) throw error;
        if (isCancellation(error)) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
        throw new ResponseError(LSPErrorCodes.RequestFailed, `${what} could not be built: ${error instanceof Error ? error.message : String(error)}`);
    }
}

function isCancellation(error: unknown): boolean {
    return typeof error === 'object' && error !== null && (error as { name?: unknown }).name === 'OperationCancelled'
        || String(error).includes('OperationCancelled');
}

/** Validated plans for the requests: built first if they are not (never opened, or a keystroke cancelled their build). */
export class PlanAccess {
    constructor(private readonly shared: LangiumSharedServices, private readonly Kam: KamServices) {}

    /** One validated document, or InvalidParams for a file the server does not know. */
    async document(uriText: string, token: CancellationToken): Promise<LangiumDocument> {
        await this.shared.workspace.WorkspaceManager.ready;
        const uri = URI.parse(uriText);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) throw new ResponseError(ErrorCodes.InvalidParams, `${uri.fsPath || uriText} is not a KAM plan the server knows.`);
        await this.validated([documents.getDocument(uri)!], token);
        return documents.getDocument(uri)!;
    }

    /** Every plan under the folders (the whole workspace without folders), validated, in a stable order. */
    async portfolio(folderUris: string[] | undefined, token: CancellationToken): Promise<ReviewedAccount[]> {
        await this.shared.workspace.WorkspaceManager.ready;
        const scope = folderUris?.map((f) => URI.parse(f));
        const documents = this.Kam.analysis.PlanAnalyzer.planDocuments(scope);
        await this.validated(documents, token);
        const manager = this.shared.workspace.WorkspaceManager as KamWorkspaceManager;
        const accounts: ReviewedAccount[] = [];
        for (const d of this.Kam.analysis.PlanAnalyzer.planDocuments(scope)) {
            if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Cancelled.');
            accounts.push(...reviewDocument(this.Kam.analysis.PlanAnalyzer, d, this.Kam.portfolio.PortfolioConfig.sourceOf(d.uri, manager.workspaceFolderOf(d.uri))));
        }
        return accounts;
    }

    private async validated(documents: LangiumDocument[], token: CancellationToken): Promise<void> {
        const builder = this.shared.workspace.DocumentBuilder;
        for (let attempt = 0; attempt < 3; attempt++) {
            await builder.waitUntil(DocumentState.Validated, token);
            if (documents.every((d) => d.state >= DocumentState.Validated)) return;
            // Some plan is below Validated while the builder is idle: build what is missing.
            await this.shared.workspace.WorkspaceLock.write((buildToken) => builder.update([], [], buildToken));
        }
        if (documents.some((d) => d.state < DocumentState.Validated)) {
            throw new ResponseError(LSPErrorCodes.ContentModified, 'The plans are being edited; ask again in a moment.');
        }
    }
}

async function accountPreview(plans: PlanAccess, Kam: KamServices, params: AccountPreviewRequest.Params, token: CancellationToken, extras?: AccountPreviewExtras): Promise<AccountPreviewRequest.Result> {
    const document = await plans.document(params.uri, token);
    const accounts = reviewDocument(Kam.analysis.PlanAnalyzer, document);
    const context = reportContextFor(Kam, document.uri);
    const views = accounts.map((a) => accountView(a, context));
    const name = document.uri.path.split('/').pop() || document.uri.toString();
    return {
        uri: document.uri.toString(),
        title: views.length === 1 ? views[0].title : name,
        accountCount: views.length,
        html: views.length
            ? (await Promise.all(views.map(async (v, i) => accountBodyHtml(v, { interactive: true }, i) + ((await extras?.accountHtml(document, v, i)) ?? '')))).join('\n')
            : `<p class="kam-note">${escapeText(name)} holds no account plan: open an account's <code>.kam</code> file to see its pictures.</p>`,
    };
}

async function portfolioPreview(plans: PlanAccess, Kam: KamServices, params: PortfolioPreviewRequest.Params, token: CancellationToken): Promise<PortfolioPreviewRequest.Result> {
    const accounts = await plans.portfolio(params.folders, token);
    const view = portfolioView(accounts, reportContextFor(Kam, firstPlan(accounts)));
    return {
        title: view.title,
        // The editor's user writes the plans: the findings keep their lines (folded), each a jump to the place.
        html: portfolioBodyHtml(view, { interactive: true, detail: true }),
        accountUris: view.accounts.map((a) => a.uri).filter((u): u is string => Boolean(u)),
        accountCount: view.counts.accounts,
    };
}

async function summaryReport(plans: PlanAccess, Kam: KamServices, params: SummaryReportRequest.Params, token: CancellationToken, extras?: AccountPreviewExtras): Promise<SummaryReportRequest.Result> {
    const format = params.format ?? 'md';
    if (params.uri) {
        const document = await plans.document(params.uri, token);
        const accounts = reviewDocument(Kam.analysis.PlanAnalyzer, document);
        if (accounts.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, `${document.uri.fsPath || params.uri} holds no account plan.`);
        const context = reportContextFor(Kam, document.uri);
        const title = accounts.length === 1 ? `${accounts[0].card.plan.title} — ${format === 'pptx' ? 'review' : 'summary'}` : format === 'pptx' ? 'Account reviews' : 'Account summaries';
        if (format === 'pptx') {
            const diff = await extras?.changesSinceLastReview?.(params.uri, accounts.map((a) => a.card.plan.name), token);
            // The deck (pptxgenjs, jszip) loaded by the first deck asked for, not at every start of the server.
            const { accountReviewDeck } = await import('../../deck/src/index.js');
            const deck = await accountReviewDeck(accounts.map((a) => accountView(a, context)), { diff });
            return { title, format, content: bytesToBase64(deck), encoding: 'base64', accountCount: accounts.length };
        }
        return { title, format, content: renderAccountReport(accounts, format, context), accountCount: accounts.length };
    }
    const accounts = await plans.portfolio(params.folders, token);
    const context = { ...reportContextFor(Kam, firstPlan(accounts)), detail: params.detail };
    if (format === 'pptx') {
        const where = params.folders?.[0] ?? accounts[0]?.card.plan.uri;
        const diff = where ? await extras?.changesSinceLastReview?.(where, [], token) : undefined;
        const { portfolioReviewDeck } = await import('../../deck/src/index.js');
        const deck = await portfolioReviewDeck(portfolioView(accounts, context), { diff });
        return { title: 'Portfolio review', format, content: bytesToBase64(deck), encoding: 'base64', accountCount: accounts.length };
    }
    return { title: 'Portfolio summary', format, content: renderPortfolioReport(accounts, format, context), accountCount: accounts.length };
}

/** The plan a portfolio report takes its portfolio's settings from. */
function firstPlan(accounts: ReviewedAccount[]): URI | undefined {
    const uri = accounts[0]?.card.plan.uri;
    return uri ? URI.parse(uri) : undefined;
}
