/**
 * What the portfolio-level checks need to know about every plan: tier, owner, current revenue,
 * team capacities. Each document's summary is cached until that document changes (a Langium
 * DocumentCache), so an edit re-reads one file and the aggregate is a cheap sum over summaries,
 * never a re-analysis of the workspace.
 */
import { DocumentCache, WorkspaceCache, type LangiumDocument, type URI } from 'langium';
import type { PortfolioConfig } from '../workspace/portfolio-config.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { isAccount, isPlanFile, isTeam } from '../generated/ast.js';
import { parseAmount } from '../domain/quantities.js';
import { isKeyAccount, revenueConcentration, type RevenueConcentration } from '../domain/portfolio.js';
import type { ReviewSettingsHolder } from './review-settings.js';
import { one } from './single-entries.js';

interface DocumentSummary {
    accounts: Array<{ name: string; key: boolean; owner?: string; revenue?: number; currency?: string }>;
    members: Array<{ name: string; capacity?: number }>;
}

export interface PortfolioFacts {
    keyAccountCount: number;
    /** Key accounts per owner (the team member's name). */
    keyAccountsByOwner: Map<string, number>;
    /** Capacity per team member: their own, or the capacity-per-owner setting. */
    capacityByMember: Map<string, number>;
    teamCapacity: number;
    concentration: RevenueConcentration;
    /** Names of the accounts in the top fifth by revenue. */
    topFifth: Set<string>;
    /** Revenues are stated in more than one currency: they cannot be added up. */
    mixedCurrencies: boolean;
}

export class PortfolioFactsProvider {
    private readonly summaries: DocumentCache<'summary', DocumentSummary>;
    /** The aggregate per portfolio root, computed once per workspace state however many accounts are validated. */
    private readonly aggregate: WorkspaceCache<string, PortfolioFacts>;

    constructor(private readonly shared: LangiumSharedServices, private readonly settings: ReviewSettingsHolder, private readonly config: PortfolioConfig) {
        this.summaries = new DocumentCache(shared);
        this.aggregate = new WorkspaceCache(shared);
        // Capacities depend on the capacity-per-owner setting.
        settings.onReviewChange(() => this.aggregate.clear());
    }

    /** The facts of the portfolio a document belongs to: the plans under the same kam.config.json (or all plans without one). */
    facts(documentUri: URI): PortfolioFacts {
        return this.factsOfRoot(this.config.rootOf(documentUri));
    }

    /** The facts of one portfolio root (undefined: the plans outside any portfolio). */
    factsOfRoot(root: string | undefined): PortfolioFacts {
        return this.aggregate.get(root ?? '', () => this.computeFacts(root));
    }

    private computeFacts(root: string | undefined): PortfolioFacts {
        const accounts: DocumentSummary['accounts'] = [];
        const members: DocumentSummary['members'] = [];
        for (const document of this.shared.workspace.LangiumDocuments.all) {
            if (this.config.rootOf(document.uri) !== root) continue;
            const summary = this.summaries.get(document.uri, 'summary', () => summarize(document));
            accounts.push(...summary.accounts);
            members.push(...summary.members);
        }
        const { capacityPerOwner } = this.settings.forRoot(root).thresholds;
        const keyAccounts = accounts.filter((a) => a.key);
        const keyAccountsByOwner = new Map<string, number>();
        for (const a of keyAccounts) {
            if (a.owner) keyAccountsByOwner.set(a.owner, (keyAccountsByOwner.get(a.owner) ?? 0) + 1);
        }
        const capacityByMember = new Map(members.map((m) => [m.name, m.capacity ?? capacityPerOwner]));
        // Only people who can own key accounts count towards the team's capacity: those with a stated capacity, or who own one.
        const teamCapacity = members
            .filter((m) => m.capacity !== undefined || keyAccountsByOwner.has(m.name))
            .reduce((sum, m) => sum + (m.capacity ?? capacityPerOwner), 0);
        const concentration = revenueConcentration(accounts.filter((a) => a.revenue).map((a) => ({ name: a.name, revenue: a.revenue! })));
        return {
            keyAccountCount: keyAccounts.length,
            keyAccountsByOwner,
            capacityByMember,
            teamCapacity,
            concentration,
            topFifth: new Set(concentration.rows.slice(0, concentration.topFifthCount).map((r) => r.name)),
            mixedCurrencies: new Set(accounts.filter((a) => a.revenue).map((a) => a.currency)).size > 1,
        };
    }
}

function summarize(document: LangiumDocument): DocumentSummary {
    const root = document.parseResult.value;
    if (!isPlanFile(root)) return { accounts: [], members: [] };
    return {
        accounts: root.elements.filter(isAccount).map((a) => {
            // A half-typed `revenue current` has no amount yet: it counts as no revenue.
            const current = one(a.revenue)?.current;
            const revenue = current?.amount === undefined ? undefined : parseAmount(current.amount);
            return {
                name: a.name, key: isKeyAccount({ tier: one(a.tier), status: one(a.status) }), owner: one(a.owner)?.$refText,
                revenue: revenue !== undefined && Number.isFinite(revenue) ? revenue : undefined, currency: current?.currency,
            };
        }),
        members: root.elements.filter(isTeam).flatMap((t) => t.members.map((m) => ({ name: m.name, capacity: m.capacity }))),
    };
}
