/**
 * What the portfolio-level checks need to know about every plan — tier, owner, current revenue, team
 * capacities, the names other files refer to — kept as a ledger that each document's change updates
 * by its own difference. An edit costs the same in a portfolio of 200 plans as in one of 20,000:
 * nothing here walks the workspace per keystroke.
 *
 * The ledger also knows which other plans a change concerns (the owner's other key accounts, the
 * team files, the accounts entering or leaving the top fifth by revenue, the elements whose name
 * became or stopped being a duplicate), so only those are validated again (portfolio-revalidation.ts).
 * Facts are kept per portfolio root (the folder of a kam.config.json, '' for plans under none).
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isAccount, isPlanFile, isScoringModel, isTeam } from '../generated/ast.js';
import { parseAmount } from '../domain/quantities.js';
import { isKeyAccount, revenueConcentration, type RevenueConcentration } from '../domain/portfolio.js';
import type { PortfolioConfig } from '../workspace/portfolio-config.js';
import type { ReviewSettings, ReviewSettingsHolder } from './review-settings.js';
import { CurrencyConverter, type CurrencySettings } from '../domain/currency.js';

interface AccountSummary {
    name: string;
    key: boolean;
    owner?: string;
    revenue?: number;
    currency?: string;
}

interface DocumentSummary {
    root: string;
    accounts: AccountSummary[];
    members: Array<{ name: string; capacity?: number }>;
    /** `Type:name` of the elements other files refer to by name (accounts, teams, members, models, factors). */
    globalNames: string[];
    hasTeam: boolean;
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
    /** Revenues are stated in more than one currency and the portfolio gives no reporting currency: they cannot be added up. */
    mixedCurrencies: boolean;
    /** The currency the concentration is counted in (the reporting currency, or the one currency all revenues share). */
    currency?: string;
    /** Currencies the portfolio's rates cannot convert into the reporting currency: their accounts are left out. */
    unconvertible: Set<string>;
}

interface RevenueFacts {
    concentration: RevenueConcentration;
    topFifth: Set<string>;
    mixedCurrencies: boolean;
    currency?: string;
    unconvertible: Set<string>;
}

/** One portfolio root's running totals. */
class RootLedger {
    readonly keyAccountsByOwner = new Map<string, number>();
    /** Documents holding key accounts of each owner: told when that owner's load changes. */
    readonly ownerDocuments = new Map<string, Set<string>>();
    /** Members by name, with the capacity each states (a name may be declared twice, by mistake). */
    readonly members = new Map<string, Array<number | undefined>>();
    readonly teamDocuments = new Set<string>();
    readonly revenueDocuments = new Map<string, AccountSummary[]>();
    keyAccountCount = 0;
    /** Counts the changes applied, so facts worked out from this ledger know when they are out of date. */
    version = 0;
    private concentrationCache?: RevenueFacts & { settings: string };

    revenueChanged(): void {
        this.concentrationCache = undefined;
    }

    /** Revenue concentration, in the reporting currency when the portfolio sets one (cached per currency settings). */
    revenue(currency: CurrencySettings): RevenueFacts {
        const key = JSON.stringify(currency);
        if (this.concentrationCache?.settings !== key) {
            const entries = [...this.revenueDocuments.values()].flat();
            const currencies = new Set(entries.map((a) => a.currency ?? ''));
            const converter = new CurrencyConverter(currency);
            const unconvertible = new Set(currency.reporting ? [...currencies].filter((c) => !converter.hasRate(c)) : []);
            const counted = currency.reporting
                ? entries.flatMap((a) => {
                    const amount = converter.toReporting({ amount: a.revenue!, currency: a.currency ?? '' });
                    return amount === undefined ? [] : [{ name: a.name, revenue: amount }];
                })
                : entries.map((a) => ({ name: a.name, revenue: a.revenue! }));
            const concentration = revenueConcentration(counted);
            this.concentrationCache = {
                settings: key,
                concentration,
                topFifth: new Set(concentration.rows.slice(0, concentration.topFifthCount).map((r) => r.name)),
                mixedCurrencies: !currency.reporting && currencies.size > 1,
                currency: currency.reporting ?? (currencies.size === 1 ? [...currencies][0] : undefined),
                unconvertible,
            };
        }
        return this.concentrationCache;
    }
}

export class PortfolioFactsProvider {
    private readonly summaries = new Map<string, DocumentSummary>();
    private readonly roots = new Map<string, RootLedger>();
    /** How often each global name is declared in the workspace, and by which documents. */
    private readonly names = new Map<string, Set<string>>();
    /** Other documents whose findings a change made out of date, collected until a validation pass takes them. */
    private readonly stale = new Set<string>();
    /** What other documents showed before this build's changes (see `capture`). */
    private watched?: { owners: Map<string, string>; teams: Map<string, string>; revenue: Map<string, { topFifth: Set<string>; shown: string }>; names: Map<string, number> };
    /** Each root's facts as last worked out, with the ledger's version and the settings they were worked out from. */
    private readonly factsByRoot = new Map<string, { version: number; settings: ReviewSettings; facts: PortfolioFacts }>();
    /** Documents this build changed: they are validated with the new facts anyway. */
    private changedDocuments = new Set<string>();
    /**
     * No build has reached validation yet (a document is validated only after its build's `settle`):
     * no other document shows anything a change could make out of date, so the first build's
     * thousands of changes are not captured one by one.
     */
    private nothingValidatedYet = true;

    constructor(shared: LangiumSharedServices, private readonly settings: ReviewSettingsHolder, private readonly config: PortfolioConfig) {
        const builder = shared.workspace.DocumentBuilder;
        // After a document is parsed and indexed, before anything is validated: the facts are current for validation.
        builder.onDocumentPhase(DocumentState.IndexedContent, (document) => this.refresh(document));
        builder.onBuildPhase(DocumentState.IndexedContent, () => this.settle());
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) this.forget(uri.toString());
        });
        config.onReload(() => {
            // Documents may belong to other roots now: count everything again (rare: a kam.config.json changed).
            const documents = shared.workspace.LangiumDocuments.all.toArray();
            for (const uri of [...this.summaries.keys()]) this.forget(uri);
            for (const document of documents) this.refresh(document);
            this.watched = undefined;
            this.changedDocuments = new Set();
            this.stale.clear();
        });
    }

    /** The facts of the portfolio a document belongs to. */
    facts(documentUri: URI): PortfolioFacts {
        return this.factsOfRoot(this.config.rootOf(documentUri));
    }

    /** The facts of one portfolio root (undefined: the plans outside any portfolio). */
    factsOfRoot(root: string | undefined): PortfolioFacts {
        const ledger = this.ledger(root ?? '');
        const settings = this.settings.forRoot(root);
        // Asked by every account's checks: worked out again only when the ledger or the settings changed.
        const known = this.factsByRoot.get(root ?? '');
        if (known && known.version === ledger.version && known.settings === settings) return known.facts;
        const { capacityPerOwner } = settings.thresholds;
        const capacityByMember = new Map<string, number>();
        for (const [name, capacities] of ledger.members) capacityByMember.set(name, capacities.find((c) => c !== undefined) ?? capacityPerOwner);
        // Only people who can own key accounts count towards the team's capacity: those with a stated capacity, or who own one.
        let teamCapacity = 0;
        for (const [name, capacities] of ledger.members) {
            const stated = capacities.find((c) => c !== undefined);
            if (stated !== undefined || ledger.keyAccountsByOwner.has(name)) teamCapacity += stated ?? capacityPerOwner;
        }
        const { concentration, topFifth, mixedCurrencies, currency, unconvertible } = ledger.revenue(settings.currency);
        const facts: PortfolioFacts = {
            keyAccountCount: ledger.keyAccountCount,
            keyAccountsByOwner: ledger.keyAccountsByOwner,
            capacityByMember,
            teamCapacity,
            concentration,
            topFifth,
            mixedCurrencies,
            currency,
            unconvertible,
        };
        this.factsByRoot.set(root ?? '', { version: ledger.version, settings, facts });
        return facts;
    }

    /** How many elements of the workspace declare this `Type:name`. */
    nameCount(key: string): number {
        return this.names.get(key)?.size ?? 0;
    }

    /**
     * Settles changes no build has settled: an update that only deletes documents indexes nothing,
     * so its deletions wait here. Call with no build running (under the workspace lock).
     */
    settlePending(): void {
        this.settle();
    }

    /** Takes the documents whose findings changes made out of date since the last call. */
    takeStale(): Set<string> {
        const taken = new Set(this.stale);
        this.stale.clear();
        return taken;
    }

    private ledger(root: string): RootLedger {
        let ledger = this.roots.get(root);
        if (!ledger) this.roots.set(root, ledger = new RootLedger());
        return ledger;
    }

    private refresh(document: LangiumDocument): void {
        const uri = document.uri.toString();
        const before = this.summaries.get(uri);
        const after = summarize(document, this.config.rootOf(uri) ?? '');
        if (before && sameSummary(before, after)) return;
        if (!this.nothingValidatedYet) this.capture(before, after);
        if (before) this.apply(uri, before, -1);
        this.apply(uri, after, +1);
        this.summaries.set(uri, after);
        this.changedDocuments.add(uri);
    }

    private forget(uri: string): void {
        const before = this.summaries.get(uri);
        if (!before) return;
        if (!this.nothingValidatedYet) this.capture(before, undefined);
        this.apply(uri, before, -1);
        this.summaries.delete(uri);
        this.changedDocuments.add(uri);
    }

    /**
     * Before a change is applied: what other documents may show about the facts it touches, kept
     * once per build (the first change of a build sees the state the other documents were validated
     * against). Compared with the facts after the whole build's changes in `settle`.
     */
    private capture(before: DocumentSummary | undefined, after: DocumentSummary | undefined): void {
        const watched = this.watched ??= { owners: new Map(), teams: new Map(), revenue: new Map(), names: new Map() };
        const revenueTouched = !sameRevenue(before, after);
        for (const summary of [before, after]) {
            if (!summary) continue;
            const root = summary.root;
            if (!watched.teams.has(root)) watched.teams.set(root, this.teamStatus(root));
            if (revenueTouched && !watched.revenue.has(root)) watched.revenue.set(root, this.revenueStatus(root));
            const owners = [...summary.accounts.filter((a) => a.key && a.owner).map((a) => a.owner!), ...summary.members.map((m) => m.name)];
            for (const owner of owners) {
                const key = `${root}\u0000${owner}`;
                if (!watched.owners.has(key)) watched.owners.set(key, this.ownerLoad(root, owner));
            }
            for (const name of summary.globalNames) if (!watched.names.has(name)) watched.names.set(name, this.nameCount(name));
        }
    }

    /** After a build's documents are indexed: every other document whose findings depend on a fact that moved. */
    private settle(): void {
        this.nothingValidatedYet = false;
        const watched = this.watched;
        const changed = this.changedDocuments;
        this.watched = undefined;
        this.changedDocuments = new Set();
        if (!watched) return;
        const add = (uris: Iterable<string> | undefined) => {
            for (const uri of uris ?? []) if (!changed.has(uri)) this.stale.add(uri);
        };
        for (const [key, load] of watched.owners) {
            const [root, owner] = key.split('\u0000');
            if (this.ownerLoad(root, owner) !== load) add(this.ledger(root).ownerDocuments.get(owner));
        }
        for (const [root, status] of watched.teams) if (this.teamStatus(root) !== status) add(this.ledger(root).teamDocuments);
        for (const [root, before] of watched.revenue) {
            const now = this.revenueStatus(root);
            const ledger = this.ledger(root);
            // The share every top-fifth account names changed: all of them, and those that left; else those that moved in or out.
            if (now.shown !== before.shown) add(this.documentsOfAccounts(ledger, new Set([...before.topFifth, ...now.topFifth])));
            else if (!sameSet(before.topFifth, now.topFifth)) add(this.documentsOfAccounts(ledger, symmetricDifference(before.topFifth, now.topFifth)));
        }
        for (const [name, count] of watched.names) if ((count > 1) !== (this.nameCount(name) > 1)) add(this.names.get(name));
    }

    /** "held/capacity" of one owner. */
    private ownerLoad(root: string, owner: string): string {
        const ledger = this.ledger(root);
        const stated = ledger.members.get(owner)?.find((c) => c !== undefined);
        return `${ledger.keyAccountsByOwner.get(owner) ?? 0}/${stated ?? this.settings.forRoot(root === '' ? undefined : root).thresholds.capacityPerOwner}`;
    }

    /** "key accounts/team capacity" of a root. */
    private teamStatus(root: string): string {
        const facts = this.factsOfRoot(root === '' ? undefined : root);
        return `${facts.keyAccountCount}/${facts.teamCapacity}`;
    }

    /** The top fifth by revenue and what the concentration finding says about it. */
    private revenueStatus(root: string): { topFifth: Set<string>; shown: string } {
        const ledger = this.ledger(root);
        const settings = this.settings.forRoot(root === '' ? undefined : root);
        const { concentration, topFifth, mixedCurrencies, unconvertible } = ledger.revenue(settings.currency);
        return {
            topFifth,
            shown: `${concentration.topFifthShare.toFixed(0)}|${concentration.topFifthCount}|${concentration.rows.length}|${concentration.topFifthShare > settings.thresholds.paretoLimit}|${mixedCurrencies}|${[...unconvertible].sort().join(',')}`,
        };
    }

    private documentsOfAccounts(ledger: RootLedger, accounts: Set<string>): string[] {
        return [...ledger.revenueDocuments].filter(([, list]) => list.some((a) => accounts.has(a.name))).map(([uri]) => uri);
    }

    private apply(uri: string, summary: DocumentSummary, sign: 1 | -1): void {
        const ledger = this.ledger(summary.root);
        ledger.version++;
        for (const account of summary.accounts) {
            if (!account.key) continue;
            ledger.keyAccountCount += sign;
            if (account.owner) {
                const held = (ledger.keyAccountsByOwner.get(account.owner) ?? 0) + sign;
                if (held > 0) ledger.keyAccountsByOwner.set(account.owner, held);
                else ledger.keyAccountsByOwner.delete(account.owner);
                const documents = ledger.ownerDocuments.get(account.owner) ?? new Set<string>();
                if (sign > 0) documents.add(uri);
                else documents.delete(uri);
                if (documents.size) ledger.ownerDocuments.set(account.owner, documents);
                else ledger.ownerDocuments.delete(account.owner);
            }
        }
        for (const member of summary.members) {
            const capacities = ledger.members.get(member.name) ?? [];
            if (sign > 0) capacities.push(member.capacity);
            else capacities.splice(capacities.indexOf(member.capacity), 1);
            if (capacities.length) ledger.members.set(member.name, capacities);
            else ledger.members.delete(member.name);
        }
        if (summary.hasTeam) {
            if (sign > 0) ledger.teamDocuments.add(uri);
            else ledger.teamDocuments.delete(uri);
        }
        const withRevenue = summary.accounts.filter((a) => a.revenue !== undefined && a.revenue > 0);
        if (withRevenue.length) {
            if (sign > 0) ledger.revenueDocuments.set(uri, withRevenue);
            else ledger.revenueDocuments.delete(uri);
            ledger.revenueChanged();
        }
        for (const name of summary.globalNames) {
            const documents = this.names.get(name) ?? new Set<string>();
            if (sign > 0) documents.add(uri);
            else documents.delete(uri);
            if (documents.size) this.names.set(name, documents);
            else this.names.delete(name);
        }
    }
}

function summarize(document: LangiumDocument, root: string): DocumentSummary {
    const value = document.parseResult?.value;
    if (!isPlanFile(value)) return { root, accounts: [], members: [], globalNames: [], hasTeam: false };
    const globalNames: string[] = [];
    const accounts: AccountSummary[] = [];
    const members: DocumentSummary['members'] = [];
    let hasTeam = false;
    for (const element of value.elements) {
        if (element.name !== undefined) globalNames.push(`${element.$type}:${element.name}`);
        if (isAccount(element)) {
            // A half-typed `revenue current` has no amount yet: it counts as no revenue.
            const current = element.revenue?.current;
            const revenue = current?.amount === undefined ? undefined : parseAmount(current.amount);
            accounts.push({
                name: element.name ?? '', key: isKeyAccount({ tier: element.tier, status: element.status }), owner: element.owner?.$refText,
                revenue: revenue !== undefined && Number.isFinite(revenue) ? revenue : undefined, currency: current?.currency,
            });
        } else if (isTeam(element)) {
            hasTeam = true;
            for (const m of element.members) {
                if (m.name === undefined) continue;
                members.push({ name: m.name, capacity: m.capacity !== undefined && Number.isFinite(m.capacity) ? m.capacity : undefined });
                globalNames.push(`TeamMember:${m.name}`);
            }
        } else if (isScoringModel(element)) {
            for (const f of element.factors) if (f.name !== undefined) globalNames.push(`Factor:${f.name}`);
        }
    }
    return { root, accounts, members, globalNames, hasTeam };
}

function sameSummary(a: DocumentSummary, b: DocumentSummary): boolean {
    return JSON.stringify(a) === JSON.stringify(b);
}

function sameRevenue(a: DocumentSummary | undefined, b: DocumentSummary | undefined): boolean {
    const of = (s: DocumentSummary | undefined) => JSON.stringify(s?.accounts.filter((x) => x.revenue !== undefined).map((x) => [x.name, x.revenue, x.currency]) ?? []);
    return of(a) === of(b) && a?.root === b?.root;
}

function sameSet<T>(a: Set<T>, b: Set<T>): boolean {
    return a.size === b.size && [...a].every((x) => b.has(x));
}

function symmetricDifference<T>(a: Set<T>, b: Set<T>): Set<T> {
    return new Set([...a].filter((x) => !b.has(x)).concat([...b].filter((x) => !a.has(x))));
}
