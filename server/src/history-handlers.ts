/**
 * The server side of the plans' history: *KAM: Compare with…* (the portfolio's tags and recent
 * commits, and the diff page between a revision and the plans as the editor has them now, unsaved
 * edits included), the review baseline of the code lens and hover, and the account preview's trend.
 * Git and every earlier revision's build run in the history worker (history-worker/): a revision is
 * a whole portfolio to parse, which in this thread would hold the keystrokes. This side adds the
 * live workspace's snapshot and the diff; the worker keeps the last compared revision's snapshot.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { CodeLensRefreshRequest, ErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import * as z from 'zod/mini';
import '../../language/src/analysis/zod-messages.js';
import type { KamServices } from '../../language/src/kam-module.js';
import { CompareWithRequest, DocumentsValidatedNotification, PlanRevisionsRequest } from '../../language/src/protocol.js';
import type { AccountTrend } from '../../language/src/plan-diff/account-trend.js';
import { trendChart } from '../../language/src/reports/charts/trend-chart.js';
import { el } from '../../language/src/reports/charts/svg.js';
import type { AccountView } from '../../language/src/reports/view-model.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import { diffBodyHtml, diffPortfolios, snapshotOf, type PortfolioSnapshot } from '../../language/src/plan-diff/index.js';
import { diffHeadline, revisionText } from '../../language/src/plan-diff/diff-words.js';
import { isPlanDate, isValidIsoDate } from '../../language/src/domain/quantities.js';
import { isAccount, isPlanFile } from '../../language/src/generated/ast.js';
import { HistoryError } from '../../history/src/history-error.js';
import { HistoryReader } from './history-worker/reader.js';
import { checked, documentUri, guarded, PlanAccess, type AccountPreviewExtras } from './kam-protocol-handlers.js';

const schemas = {
    revisions: z.object({ uri: z.optional(documentUri) }),
    compare: z.object({
        uri: z.optional(documentUri),
        revision: z.optional(z.string().check(z.minLength(1, 'must name a commit, branch or tag'))),
        since: z.optional(z.string().check(z.refine(isValidIsoDate, 'must be a date written as yyyy-mm-dd'))),
    }),
};

/** A git problem the user can fix (no commits, a shallow clone …): shown to them as it is. */
async function inWords<T>(run: () => Promise<T>): Promise<T> {
    try {
        return await run();
    } catch (error) {
        if (error instanceof HistoryError) throw new ResponseError(ErrorCodes.InvalidRequest, error.message);
        throw error;
    }
}

/** A plan on disk (git knows only those). */
const isLocalPlan = (d: LangiumDocument): boolean => d.uri.scheme === 'file' && isPlanFile(d.parseResult.value);

/** The plans' own `last reviewed` dates read from git at most this many (the newest). */
const REVIEW_DATES = 4;

/**
 * Keeps the review baseline (the code lens's and hover's "+0.8 since v2026-Q3") current: for an
 * account whose plan states `last reviewed`, the portfolio as committed by the end of that day; for
 * the others, the newest tag matching the portfolio's `reviewTag`. Looked up once the plans are
 * validated and again when the portfolio root, the pattern or a plan's date changes; then the lenses
 * are refreshed. A tag made while the server runs is seen after the next such change or a restart.
 */
/** A review the baseline knows: its name, the portfolio as it was then, and the accounts it is the last review of (all when undefined). */
interface KnownReview {
    review: string;
    snapshot: PortfolioSnapshot;
    accounts?: ReadonlySet<string>;
}

function keepReviewBaseline(connection: Connection, shared: LangiumSharedServices, Kam: KamServices, reader: HistoryReader): { reviews(): KnownReview[] } {
    let known: KnownReview[] = [];
    let first: LangiumDocument | undefined;
    let refreshLenses = false;
    shared.lsp.LanguageServer.onInitialize((params) => {
        refreshLenses = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    });
    let looked: string | undefined;
    let running = Promise.resolve();
    // Each plan's stated review dates, read from the syntax tree of the documents each pass validated
    // (no scoring), and how many plans state each account's review on each date: kept as plans are
    // built and deleted, so a keystroke costs the same at 200 plans as at 20,000.
    const statedReviews = new Map<string, { key: string; stated: Array<[string, string]> }>();
    const reviewsByDate = new Map<string, Map<string, number>>();
    let reviewDates: Array<[date: string, accounts: string[]]> = [];
    let reviewDatesWritten = '';
    let reviewDatesVersion = 0;
    let datesChanged = true;
    const count = (stated: Array<[string, string]>, by: 1 | -1) => {
        for (const [account, date] of stated) {
            if (!isValidIsoDate(date)) continue;
            const accounts = reviewsByDate.get(date) ?? new Map<string, number>();
            const n = (accounts.get(account) ?? 0) + by;
            if (n > 0) accounts.set(account, n);
            else accounts.delete(account);
            if (accounts.size) reviewsByDate.set(date, accounts);
            else reviewsByDate.delete(date);
        }
    };
    const state = (uri: string, stated: Array<[string, string]>) => {
        const before = statedReviews.get(uri);
        const key = stated.length ? JSON.stringify(stated) : undefined;
        if (before?.key === key) return;
        if (before) count(before.stated, -1);
        if (key) {
            count(stated, 1);
            statedReviews.set(uri, { key, stated });
        } else {
            statedReviews.delete(uri);
        }
        datesChanged = true;
    };
    shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
        for (const uri of deleted) state(uri.toString(), []);
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built) => {
        for (const d of built) {
            const root = d.parseResult.value;
            state(d.uri.toString(), isPlanFile(root) ? root.elements.filter(isAccount).flatMap((a): Array<[string, string]> => (a.lastReviewed && a.name && isPlanDate(a.lastReviewed) ? [[a.name, a.lastReviewed]] : [])) : []);
        }
        // A plan of the portfolio, for its folder and settings: kept while it exists, so a keystroke never lists the workspace.
        if (!first || !shared.workspace.LangiumDocuments.hasDocument(first.uri)) {
            first = built.find(isLocalPlan) ?? shared.workspace.LangiumDocuments.all.find(isLocalPlan);
        }
        if (!first) return;
        const plan = first;
        const pattern = Kam.analysis.ReviewSettings.settingsFor(plan.uri).reviewTag;
        if (datesChanged) {
            // The newest review dates, each with the accounts it is the last review of (thousands of names: written out only when they change).
            const newest = [...reviewsByDate.keys()].sort().reverse().slice(0, REVIEW_DATES).map((date): [string, string[]] => [date, [...reviewsByDate.get(date)!.keys()].sort()]);
            const written = JSON.stringify(newest);
            if (written !== reviewDatesWritten) {
                reviewDates = newest;
                reviewDatesWritten = written;
                reviewDatesVersion++;
            }
            datesChanged = false;
        }
        const key = JSON.stringify([Kam.portfolio.PortfolioConfig.rootOf(plan.uri) ?? path.dirname(plan.uri.fsPath), pattern ?? '', reviewDatesVersion]);
        if (key === looked) return;
        looked = key;
        const dates = reviewDates;
        running = running.then(async () => {
            let reviews: KnownReview[] = [];
            if (pattern || dates.length) {
                try {
                    const found = await reader.call('reviews', { folder: path.dirname(plan.uri.fsPath), pattern, dates });
                    reviews = found.reviews.map((r) => ({ review: r.review, snapshot: r.snapshot, accounts: r.accounts && new Set(r.accounts) }));
                    for (const note of found.notes) connection.console.info(note);
                } catch (error) {
                    connection.console.warn(`KAM: the last reviews could not be read from git: ${error instanceof Error ? error.message : String(error)}`);
                }
            }
            Kam.analysis.ReviewBaseline.set(reviews);
            known = reviews;
            if (refreshLenses) await connection.sendRequest(CodeLensRefreshRequest.type);
        }).catch(() => undefined);
    });
    return { reviews: () => known };
}

/** Commits of history the account preview draws. */
const PREVIEW_COMMITS = 12;
/** How often the preview asks git whether HEAD moved (a preview refreshes after every validation). */
const HEAD_CHECK_MS = 5000;

/**
 * The account preview's trend: each account's strategic value and relationship strength at the
 * newest commits that touched its portfolio, then now. The history is read once per portfolio and
 * HEAD, in the background (the preview shows the trend from its next refresh, which the server
 * prompts by telling the panels the plans were validated), and again when HEAD moves.
 */
class PreviewTrends implements AccountPreviewExtras {
    private readonly portfolios = new Map<string, { head?: string; checked: number; trends?: Map<string, AccountTrend>; reading?: Promise<void> }>();

    constructor(private readonly connection: Connection, private readonly shared: LangiumSharedServices, private readonly Kam: KamServices, private readonly reader: HistoryReader) {}

    async accountHtml(document: LangiumDocument, view: AccountView, index: number): Promise<string | undefined> {
        if (document.uri.scheme !== 'file') return undefined;
        const folder = path.dirname(document.uri.fsPath);
        const root = this.Kam.portfolio.PortfolioConfig.rootOf(document.uri);
        const key = root ? URI.parse(root).fsPath : folder;
        const entry = this.portfolios.get(key) ?? { checked: 0 };
        this.portfolios.set(key, entry);
        if (!entry.reading && Date.now() - entry.checked > HEAD_CHECK_MS) {
            entry.checked = Date.now();
            entry.reading = this.read(key, entry).finally(() => { entry.reading = undefined; });
        }
        const points = entry.trends?.get(view.name)?.points;
        if (!points?.length) return undefined;
        const trend = [...points].reverse().map((p) => ({ label: p.date, detail: p.subject, strategicValue: p.strategicValue ?? undefined, relationship: p.relationship ?? undefined, provisional: p.provisional }));
        trend.push({ label: 'now', detail: 'the plan as it is', strategicValue: view.strategicValue.value, relationship: view.relationship.strength, provisional: view.syntaxErrorLine !== undefined });
        const id = `h-trend-${index}`;
        return el('section', { 'aria-labelledby': id, class: 'kam-history-section' },
            el('h2', { id }, 'Over time'),
            el('p', { class: 'kam-note' }, `Strategic value and relationship strength at the ${points.length} newest commit${points.length === 1 ? '' : 's'} that changed the portfolio, and now.`),
            el('div', { class: 'kam-figure' }, trendChart(trend, `chart-trend-${index}`, { keyThreshold: view.strategicValue.threshold, strengthThreshold: view.relationship.threshold }))).markup;
    }

    /** Reads the history when HEAD moved (or the first time); then prompts the previews to refresh. */
    private async read(folder: string, entry: { head?: string; trends?: Map<string, AccountTrend> }): Promise<void> {
        try {
            const read = await this.reader.call('trends', { folder, knownHead: entry.head, commits: PREVIEW_COMMITS });
            if (!read.trends) return;
            entry.head = read.head;
            entry.trends = new Map(read.trends);
            const prefix = URI.file(folder).toString();
            const uris = this.shared.workspace.LangiumDocuments.all.map((d) => d.uri.toString()).filter((u) => u.startsWith(`${prefix}/`)).toArray();
            await this.connection.sendNotification(DocumentsValidatedNotification.type, { uris });
        } catch (error) {
            // Outside git, or git missing: the preview simply has no trend.
            if (!(error instanceof HistoryError)) this.connection.console.warn(`KAM: the plans' history could not be read for the preview: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}

/** Registers the history requests; returns what the account preview adds (its trend). */
export function registerHistoryProtocol(connection: Connection, shared: LangiumSharedServices, Kam: KamServices): AccountPreviewExtras {
    const reader = new HistoryReader();
    connection.onShutdown(() => reader.dispose());
    const baseline = keepReviewBaseline(connection, shared, Kam, reader);
    const plans = new PlanAccess(shared, Kam);

    /** The folder whose history is asked for: the given folder or plan's, else the first plan's. */
    const folderOf = (uri: string | undefined): string => {
        const given = uri ?? shared.workspace.LangiumDocuments.all.find((d) => d.uri.scheme === 'file')?.uri.toString();
        if (!given) throw new ResponseError(ErrorCodes.InvalidParams, 'Open a folder with plans to compare it with an earlier revision.');
        const file = URI.parse(given).fsPath;
        return fs.existsSync(file) && fs.statSync(file).isDirectory() ? file : path.dirname(file);
    };

    connection.onRequest(PlanRevisionsRequest.type, (params) => guarded('The list of revisions', () => inWords(async () => {
        const { uri } = checked(schemas.revisions, params, 'kam/planRevisions');
        return reader.call('revisions', { folder: folderOf(uri) });
    })));

    connection.onRequest(CompareWithRequest.type, (params, token) => guarded('The comparison', () => inWords(async () => {
        const request = checked(schemas.compare, params, 'kam/compareWith');
        const { root, revision, snapshot, renamed } = await reader.call('compareBase', { folder: folderOf(request.uri), revision: request.revision, since: request.since });
        const base = { ...snapshot, revision: { ...snapshot.revision, ref: revision.ref } };
        const head = await liveSnapshot(plans, Kam, root, token);
        const diff = diffPortfolios(base, head, { renamedFiles: new Map(renamed) });
        return { title: `Since ${revisionText(diff.base)}`, html: diffBodyHtml(diff, base, head), headline: diffHeadline(diff) };
    })));
    const trends = new PreviewTrends(connection, shared, Kam, reader);
    return {
        accountHtml: (document, view, index) => trends.accountHtml(document, view, index),
        async changesSinceLastReview(uri, accounts, token) {
            // An account's deck: the review that is that account's last; the portfolio's: the review tag's (else the newest review).
            const reviews = baseline.reviews();
            const review = accounts.length
                ? reviews.find((r) => !r.accounts || accounts.some((a) => r.accounts!.has(a)))
                : reviews.find((r) => !r.accounts) ?? reviews[0];
            if (!review) return undefined;
            const root = Kam.portfolio.PortfolioConfig.rootOf(URI.parse(uri));
            const head = await liveSnapshot(plans, Kam, root ? URI.parse(root).fsPath : folderOf(uri), token);
            const base = { ...review.snapshot, revision: { ...review.snapshot.revision, ref: review.review } };
            return diffPortfolios(base, head, { renamedFiles: new Map() });
        },
    };
}

/** The portfolio under `root` as the editor has it now. */
async function liveSnapshot(plans: PlanAccess, Kam: KamServices, root: string, token: CancellationToken): Promise<PortfolioSnapshot> {
    const accounts = await plans.portfolio([URI.file(root).toString()], token);
    const first = accounts[0]?.card.plan.uri;
    const context = reportContextFor(Kam, first ? URI.parse(first) : undefined);
    // Paths from the portfolio root, as the revision's snapshot names them.
    const rootUri = URI.file(root);
    for (const a of accounts) if (a.card.plan.uri) a.source = Kam.portfolio.PortfolioConfig.sourceOf(URI.parse(a.card.plan.uri), rootUri);
    return snapshotOf(accounts, context, { ref: 'the plans as they are now', date: context.today });
}
