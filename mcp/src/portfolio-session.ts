/**
 * The portfolio an MCP session answers from: loaded by the CLI's loader into the same Langium
 * services, and loaded again when a plan or kam.config.json on disk changed since (the user keeps
 * editing while the assistant asks), so every answer is about the plans as they are now.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { reviewDocument, toFinding } from '../../language/src/analysis/review.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import type { ReviewFinding } from '../../language/src/domain/findings.js';
import type { ReportContext } from '../../language/src/reports/render-report.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { didYouMean } from '../../language/src/syntax/grammar-vocabulary.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import { findConfigRoot, loadPortfolio, type LoadedPortfolio } from '../../cli/src/portfolio-workspace.js';
import { PlanFinder } from '../../cli/src/plan-files.js';

export interface SessionOptions {
    /** The portfolio root (or a folder inside it). */
    root: string;
    /** Review as of this date (`kam mcp --today`). */
    today?: string;
    /** Where loading notes and settings problems go (standard error: standard output is the protocol). */
    warn: (message: string) => void;
}

/** A finding with the plan (and account) it is in. */
export interface LocatedFinding extends ReviewFinding {
    file: string;
    account?: string;
}

export interface PortfolioSnapshot {
    portfolio: LoadedPortfolio;
    /** Every account with its findings, each named by its path in the portfolio. */
    accounts: ReviewedAccount[];
    /** Every finding of every plan, also those outside an account (a team file, the scoring model). */
    findings: LocatedFinding[];
    context: ReportContext;
    /** A plan's path in the portfolio → its document. */
    documents: Map<string, LangiumDocument>;
}

/** A request the tools cannot answer as asked (an unknown account…): said to the assistant as a tool error. */
export class ToolInputError extends Error {}

export class PortfolioSession {
    private snapshot: PortfolioSnapshot | undefined;
    private fingerprint = '';

    constructor(private readonly options: SessionOptions) {}

    /** Where the portfolio is and the date it is reviewed as of (for the tools that read its history). */
    get location(): { root: string; today?: string } {
        return { root: this.options.root, today: this.options.today };
    }

    /** The portfolio as it is on disk now: loaded again only when a plan or setting changed. */
    async current(): Promise<PortfolioSnapshot> {
        const fingerprint = this.fingerprintOf();
        if (!this.snapshot || fingerprint !== this.fingerprint) {
            this.snapshot = await this.load();
            this.fingerprint = fingerprint;
        }
        return this.snapshot;
    }

    private async load(): Promise<PortfolioSnapshot> {
        const portfolio = await loadPortfolio([this.options.root], { today: this.options.today, allowEmpty: true });
        portfolio.notes.forEach((n) => this.options.warn(n));
        portfolio.settingsProblems.forEach((p) => this.options.warn(p));
        const config = portfolio.services.portfolio.PortfolioConfig;
        const root = URI.file(portfolio.root);
        const analyzer = portfolio.services.analysis.PlanAnalyzer;
        const documents = new Map<string, LangiumDocument>();
        const accounts: ReviewedAccount[] = [];
        const findings: LocatedFinding[] = [];
        for (const document of portfolio.requested) {
            const file = config.sourceOf(document.uri, root);
            documents.set(file, document);
            const reviewed = reviewDocument(analyzer, document, file);
            accounts.push(...reviewed);
            for (const diagnostic of document.diagnostics ?? []) {
                const finding = toFinding(diagnostic);
                const account = reviewed.find((a) => a.findings.some((f) => f.line === finding.line && f.column === finding.column && f.code === finding.code));
                findings.push({ ...finding, file, account: account?.card.plan.name });
            }
        }
        return { portfolio, accounts, findings, context: reportContextFor(portfolio.services, portfolio.requested[0]?.uri), documents };
    }

    /**
     * Which plans exist and when each (and each kam.config.json on the way) was last changed: the
     * plans of the whole portfolio the loader reads, from the root that holds kam.config.json — a
     * session started on `portfolio/accounts` answers from the scoring model and team file above it.
     */
    private fingerprintOf(): string {
        const finder = new PlanFinder();
        let plans: string[];
        try {
            const folder = path.resolve(this.options.root);
            const portfolioRoot = findConfigRoot(folder) ?? folder;
            plans = portfolioRoot === folder ? finder.folder(folder) : [...new Set([...finder.folder(folder), ...finder.folder(portfolioRoot)])];
        } catch {
            return 'unreadable';
        }
        const configs: string[] = [];
        for (let dir = path.resolve(this.options.root); ; dir = path.dirname(dir)) {
            configs.push(path.join(dir, CONFIG_FILE));
            if (path.dirname(dir) === dir) break;
        }
        return [...plans, ...configs].map((file) => {
            try {
                const stats = fs.statSync(file);
                return `${file}:${stats.mtimeMs}:${stats.size}`;
            } catch {
                return `${file}:-`;
            }
        }).join('\n');
    }
}

/** The account named by its identifier or title (case aside), or a clear error naming the choices. */
export function findAccount(snapshot: PortfolioSnapshot, name: string): ReviewedAccount {
    const exact = snapshot.accounts.find((a) => a.card.plan.name === name || a.card.plan.title === name);
    if (exact) return exact;
    const lower = name.toLowerCase();
    const loose = snapshot.accounts.find((a) => a.card.plan.name.toLowerCase() === lower || a.card.plan.title.toLowerCase() === lower);
    if (loose) return loose;
    const names = snapshot.accounts.map((a) => a.card.plan.name);
    const suggestion = didYouMean(name, names);
    const listed = names.slice(0, 30).join(', ') + (names.length > 30 ? `, … (${names.length} in all)` : '');
    throw new ToolInputError(`No account named "${name}" in the portfolio${suggestion ? ` — did you mean "${suggestion}"?` : '.'} Accounts: ${listed || 'none'}.`);
}
