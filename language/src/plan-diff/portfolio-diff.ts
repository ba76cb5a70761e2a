/**
 * What changed in the plans' meaning between two snapshots of the portfolio: per account the
 * strategic value and relationship strength before → after with the factor scores, ratings and
 * stage that explain them, quadrant moves, completeness, revenue and pipeline, findings added and
 * resolved, stakeholders added / gone / changed, KPIs progressed or slipped, objectives moved, and
 * actions closed or newly overdue; for the portfolio the quadrant moves, the top movers and the
 * Pareto shift. Pure: it compares numbers the view model already holds and computes none of its own.
 *
 * Accounts are matched by name (the `account Name` id), so a plan moved to another file is the same
 * account; an account renamed inside a file that was itself renamed or kept is matched by its file
 * (the caller passes which files were renamed).
 */
import type { Money } from '../domain/model.js';
import type { Quadrant } from '../domain/portfolio.js';
import type { FindingView, KpiView, StakeholderNode, TimelineItem } from '../reports/view-model.js';
import type { AccountSnapshot, PortfolioSnapshot, RevisionLabel } from './snapshot.js';

/** A value before and after; `delta` when both are numbers (rounded to one decimal, as the values are). */
export interface Change<T> {
    before?: T;
    after?: T;
}

export interface NumberChange extends Change<number> {
    delta?: number;
}

export interface MoneyChange extends Change<Money> {
    /** after − before, when both are stated in the same currency. */
    delta?: number;
}

export interface FactorChange {
    factor: string;
    title: string;
    weight: NumberChange;
    score: NumberChange;
    /** The factor's weighted contribution to the strategic value. */
    contribution: NumberChange;
}

export interface StakeholderChange {
    id: string;
    name: string;
    stance?: Change<string>;
    influence?: Change<string>;
    trustedAdvisor?: NumberChange;
    strategicPartner?: NumberChange;
    /** The relationship index (mean of the two ratings). */
    index?: NumberChange;
    roles?: Change<string[]>;
}

export interface KpiChange {
    objective: string;
    label: string;
    unit?: string;
    current: NumberChange;
    target: NumberChange;
    /** Distance to the target before and after (0 once reached). */
    distance: NumberChange;
    reached: Change<boolean>;
}

export interface ObjectiveChange {
    title: string;
    due: Change<string>;
}

export interface ActionChange {
    group: string;
    label: string;
    status: Change<string>;
    due?: string;
}

export interface AccountDiff {
    name: string;
    title: string;
    kind: 'added' | 'removed' | 'changed' | 'unchanged';
    source: Change<string>;
    tier: Change<string>;
    strategicValue: NumberChange;
    relationship: NumberChange;
    /** What explains the relationship's change: the influence-weighted ratings and the stage. */
    ratingIndex: NumberChange;
    stage: Change<string>;
    quadrant: Change<Quadrant>;
    completeness: NumberChange & { total: number; gained: string[]; lost: string[] };
    revenue: MoneyChange;
    potentialRevenue: MoneyChange;
    /** The weighted pipeline, the opportunities new and gone, and those whose stage or probability moved. */
    pipeline: MoneyChange & { added: string[]; removed: string[]; moved: Array<{ text: string; stage: Change<string>; probability: NumberChange }> };
    factors: FactorChange[];
    stakeholders: { added: StakeholderNode[]; gone: StakeholderNode[]; changed: StakeholderChange[] };
    findings: { added: FindingView[]; resolved: FindingView[]; errors: NumberChange; warnings: NumberChange };
    kpis: { progressed: KpiChange[]; slipped: KpiChange[]; added: KpiView[]; removed: KpiView[] };
    objectives: { added: string[]; removed: string[]; slipped: ObjectiveChange[]; pulledIn: ObjectiveChange[] };
    actions: { closed: ActionChange[]; newlyOverdue: ActionChange[]; added: ActionChange[]; removed: ActionChange[] };
    /** A syntax error at either revision: the numbers on that side are provisional. */
    provisional: Change<number>;
}

export interface QuadrantMove {
    name: string;
    title: string;
    from?: Quadrant;
    to?: Quadrant;
}

export interface ParetoShift {
    topFifthShare: NumberChange;
    accountsFor80Percent: NumberChange;
    accounts: NumberChange;
    total: NumberChange;
    currency?: string;
    overLimit: Change<boolean>;
    limit: number;
}

export interface PortfolioDiff {
    kind: 'portfolio-diff';
    base: RevisionLabel;
    head: RevisionLabel;
    thresholds: { keyThreshold: number; strengthThreshold: number };
    counts: { added: number; removed: number; changed: number; unchanged: number };
    /** Changed, added and removed accounts, the biggest movers first; unchanged ones are left out. */
    accounts: AccountDiff[];
    quadrantMoves: QuadrantMove[];
    /** Up to five accounts whose strategic value and relationship strength moved most. */
    topMovers: Array<{ name: string; title: string; strategicValue: NumberChange; relationship: NumberChange }>;
    pareto: ParetoShift;
    findings: { errors: NumberChange; warnings: NumberChange };
    /** Plans that could not be read whole at a revision. */
    unreadable: Change<Array<{ source: string; line: number }>>;
}

/** One decimal, halves away from zero, without −0: the precision of the values compared. */
function round1(n: number): number {
    const r = Math.sign(n) * Math.round(Math.abs(n) * 10) / 10;
    return r === 0 ? 0 : r;
}

export function numberChange(before: number | undefined, after: number | undefined): NumberChange {
    const ok = (n: number | undefined) => n !== undefined && Number.isFinite(n);
    return { before, after, delta: ok(before) && ok(after) ? round1(after! - before!) : undefined };
}

function moneyChange(before: Money | undefined, after: Money | undefined): MoneyChange {
    return { before, after, delta: before && after && before.currency === after.currency ? after.amount - before.amount : undefined };
}

function differs<T>(a: T | undefined, b: T | undefined): boolean {
    return JSON.stringify(a) !== JSON.stringify(b);
}

function change<T>(before: T | undefined, after: T | undefined): Change<T> | undefined {
    return differs(before, after) ? { before, after } : undefined;
}

function numberMoved(c: NumberChange): boolean {
    return c.before !== c.after && !(Number.isNaN(c.before) && Number.isNaN(c.after));
}

/**
 * A finding is the same finding when its code and its words are, numbers aside: "stale for 45
 * days" a month later is the same stale contact, not a new one and a resolved one. Lines are never
 * compared (an edit above moves them).
 */
function findingKey(f: FindingView): string {
    return `${f.code}\u0000${f.message.replace(/\d+(?:[.,]\d+)?/g, '#')}`;
}

/** Items of `a` not matched one for one by an item of `b` with the same key. */
function unmatched<T>(a: T[], b: T[], key: (t: T) => string): T[] {
    const counts = new Map<string, number>();
    for (const t of b) counts.set(key(t), (counts.get(key(t)) ?? 0) + 1);
    return a.filter((t) => {
        const k = key(t);
        const n = counts.get(k) ?? 0;
        if (n === 0) return true;
        counts.set(k, n - 1);
        return false;
    });
}

function byKey<T>(items: T[], key: (t: T) => string): Map<string, T> {
    const map = new Map<string, T>();
    for (const t of items) if (!map.has(key(t))) map.set(key(t), t);
    return map;
}

function factorChanges(before: AccountSnapshot | undefined, after: AccountSnapshot | undefined): FactorChange[] {
    const b = byKey(before?.view.strategicValue.factors ?? [], (f) => f.factor);
    const a = byKey(after?.view.strategicValue.factors ?? [], (f) => f.factor);
    const names = [...new Set([...b.keys(), ...a.keys()])];
    return names.map((name): FactorChange => {
        const fb = b.get(name);
        const fa = a.get(name);
        return {
            factor: name, title: (fa ?? fb)!.title,
            weight: numberChange(fb?.weight, fa?.weight),
            score: numberChange(fb?.score, fa?.score),
            contribution: numberChange(fb?.contribution, fa?.contribution),
        };
    }).filter((f) => numberMoved(f.weight) || numberMoved(f.score) || numberMoved(f.contribution))
        .sort((x, y) => Math.abs(y.contribution.delta ?? 0) - Math.abs(x.contribution.delta ?? 0));
}

function stakeholderChanges(before: StakeholderNode[], after: StakeholderNode[]): AccountDiff['stakeholders'] {
    const b = byKey(before, (s) => s.id);
    const a = byKey(after, (s) => s.id);
    const changed: StakeholderChange[] = [];
    for (const [id, s] of a) {
        const old = b.get(id);
        if (!old) continue;
        const c: StakeholderChange = {
            id, name: s.name,
            stance: change(old.stance, s.stance),
            influence: change(old.influence, s.influence),
            trustedAdvisor: differs(old.trustedAdvisor, s.trustedAdvisor) ? numberChange(old.trustedAdvisor, s.trustedAdvisor) : undefined,
            strategicPartner: differs(old.strategicPartner, s.strategicPartner) ? numberChange(old.strategicPartner, s.strategicPartner) : undefined,
            index: differs(old.index, s.index) ? numberChange(old.index, s.index) : undefined,
            roles: differs([...old.roles].sort(), [...s.roles].sort()) ? { before: old.roles, after: s.roles } : undefined,
        };
        if (c.stance || c.influence || c.trustedAdvisor || c.strategicPartner || c.index || c.roles) changed.push(c);
    }
    return {
        added: after.filter((s) => !b.has(s.id)),
        gone: before.filter((s) => !a.has(s.id)),
        changed,
    };
}

/** How far a KPI is from its target: 0 once reached. */
function distance(k: KpiView): number {
    return k.onTarget ? 0 : Math.abs(k.target - k.current);
}

function kpiChanges(before: KpiView[], after: KpiView[]): AccountDiff['kpis'] {
    const key = (k: KpiView) => `${k.objective}\u0000${k.label}`;
    const b = byKey(before, key);
    const a = byKey(after, key);
    const progressed: KpiChange[] = [];
    const slipped: KpiChange[] = [];
    for (const [k, kpi] of a) {
        const old = b.get(k);
        if (!old) continue;
        const c: KpiChange = {
            objective: kpi.objective, label: kpi.label, unit: kpi.unit,
            current: numberChange(old.current, kpi.current), target: numberChange(old.target, kpi.target),
            distance: { before: distance(old), after: distance(kpi), delta: distance(kpi) - distance(old) },
            reached: { before: old.onTarget, after: kpi.onTarget },
        };
        if (c.distance.delta! < 0) progressed.push(c);
        else if (c.distance.delta! > 0) slipped.push(c);
    }
    return { progressed, slipped, added: after.filter((k) => !b.has(key(k))), removed: before.filter((k) => !a.has(key(k))) };
}

function objectiveChanges(before: TimelineItem[], after: TimelineItem[]): AccountDiff['objectives'] {
    const objectives = (items: TimelineItem[]) => items.filter((i) => i.kind === 'objective' && i.group !== 'Feedback responses');
    const b = byKey(objectives(before), (o) => o.label);
    const a = byKey(objectives(after), (o) => o.label);
    const slipped: ObjectiveChange[] = [];
    const pulledIn: ObjectiveChange[] = [];
    for (const [title, o] of a) {
        const old = b.get(title);
        if (!old || old.due === o.due || !old.due || !o.due) continue;
        (o.due > old.due ? slipped : pulledIn).push({ title, due: { before: old.due, after: o.due } });
    }
    return { added: [...a.keys()].filter((t) => !b.has(t)), removed: [...b.keys()].filter((t) => !a.has(t)), slipped, pulledIn };
}

const CLOSED = new Set(['done', 'cancelled']);

function actionChanges(before: TimelineItem[], after: TimelineItem[]): AccountDiff['actions'] {
    const actions = (items: TimelineItem[]) => items.filter((i) => i.kind === 'action' || i.kind === 'milestone');
    const key = (i: TimelineItem) => `${i.group}\u0000${i.kind}\u0000${i.label}`;
    const b = byKey(actions(before), key);
    const a = byKey(actions(after), key);
    const toChange = (i: TimelineItem, old?: TimelineItem): ActionChange => ({ group: i.group, label: i.label, status: { before: old?.status, after: i.status }, due: i.due });
    const closed: ActionChange[] = [];
    const newlyOverdue: ActionChange[] = [];
    for (const [k, item] of a) {
        const old = b.get(k);
        if (old && !CLOSED.has(old.status ?? '') && CLOSED.has(item.status ?? '')) closed.push(toChange(item, old));
        if (item.overdue && !old?.overdue) newlyOverdue.push(toChange(item, old));
    }
    return {
        closed, newlyOverdue,
        added: [...a.entries()].filter(([k]) => !b.has(k)).map(([, i]) => toChange(i)),
        removed: [...b.entries()].filter(([k]) => !a.has(k)).map(([, i]) => ({ group: i.group, label: i.label, status: { before: i.status }, due: i.due })),
    };
}

function opportunityMoves(before: AccountSnapshot | undefined, after: AccountSnapshot | undefined): AccountDiff['pipeline']['moved'] {
    const then = byKey(before?.pipeline.opportunities ?? [], (o) => o.text);
    return (after?.pipeline.opportunities ?? []).flatMap((o) => {
        const old = then.get(o.text);
        if (!old || (old.stage === o.stage && old.probability === o.probability)) return [];
        return [{ text: o.text, stage: { before: old.stage, after: o.stage }, probability: numberChange(old.probability, o.probability) }];
    });
}

function completenessChange(before: AccountSnapshot | undefined, after: AccountSnapshot | undefined): AccountDiff['completeness'] {
    const present = (s: AccountSnapshot | undefined) => new Set(s?.view.completeness.elements.filter((e) => e.present).map((e) => e.label) ?? []);
    const b = present(before);
    const a = present(after);
    return {
        ...numberChange(before?.view.completeness.present, after?.view.completeness.present),
        total: (after ?? before)!.view.completeness.total,
        gained: before ? [...a].filter((l) => !b.has(l)) : [],
        lost: after ? [...b].filter((l) => !a.has(l)) : [],
    };
}

function accountDiff(before: AccountSnapshot | undefined, after: AccountSnapshot | undefined): AccountDiff {
    const vb = before?.view;
    const va = after?.view;
    const v = (va ?? vb)!;
    const findingsBefore = vb?.findings ?? [];
    const findingsAfter = va?.findings ?? [];
    const count = (fs: FindingView[], severity: string) => fs.filter((f) => f.severity === severity).length;
    const pipelineTitles = (s?: AccountSnapshot) => s?.pipeline.opportunities.map((o) => o.text) ?? [];
    const diff: AccountDiff = {
        name: v.name,
        title: v.title,
        kind: !before ? 'added' : !after ? 'removed' : 'unchanged',
        source: { before: vb?.source, after: va?.source },
        tier: { before: before?.tier, after: after?.tier },
        strategicValue: numberChange(vb?.strategicValue.value, va?.strategicValue.value),
        relationship: numberChange(vb?.relationship.strength, va?.relationship.strength),
        ratingIndex: numberChange(vb?.relationship.ratingIndex, va?.relationship.ratingIndex),
        stage: { before: vb?.relationship.stage, after: va?.relationship.stage },
        quadrant: { before: vb?.quadrant, after: va?.quadrant },
        completeness: completenessChange(before, after),
        revenue: moneyChange(before?.revenue, after?.revenue),
        potentialRevenue: moneyChange(before?.potentialRevenue, after?.potentialRevenue),
        pipeline: {
            ...moneyChange(before?.pipeline.total, after?.pipeline.total),
            added: unmatched(pipelineTitles(after), pipelineTitles(before), (t) => t),
            removed: unmatched(pipelineTitles(before), pipelineTitles(after), (t) => t),
            moved: opportunityMoves(before, after),
        },
        factors: before && after ? factorChanges(before, after) : [],
        stakeholders: stakeholderChanges(vb?.relationship.stakeholders ?? [], va?.relationship.stakeholders ?? []),
        findings: {
            added: unmatched(findingsAfter, findingsBefore, findingKey),
            resolved: unmatched(findingsBefore, findingsAfter, findingKey),
            errors: numberChange(count(findingsBefore, 'error'), count(findingsAfter, 'error')),
            warnings: numberChange(count(findingsBefore, 'warning'), count(findingsAfter, 'warning')),
        },
        kpis: kpiChanges(vb?.kpis ?? [], va?.kpis ?? []),
        objectives: objectiveChanges(vb?.timeline.items ?? [], va?.timeline.items ?? []),
        actions: actionChanges(vb?.timeline.items ?? [], va?.timeline.items ?? []),
        provisional: { before: vb?.syntaxErrorLine, after: va?.syntaxErrorLine },
    };
    if (before && after && hasChanges(diff)) diff.kind = 'changed';
    return diff;
}

function hasChanges(d: AccountDiff): boolean {
    const moved = [d.strategicValue, d.relationship, d.ratingIndex, d.completeness].some(numberMoved);
    const changedValues = [d.source, d.tier, d.stage, d.quadrant, d.provisional].some((c) => differs(c.before, c.after))
        || [d.revenue, d.potentialRevenue, d.pipeline].some((m) => differs(m.before, m.after));
    const lists = [d.factors, d.pipeline.added, d.pipeline.removed, d.pipeline.moved, d.stakeholders.added, d.stakeholders.gone, d.stakeholders.changed,
        d.findings.added, d.findings.resolved, d.kpis.progressed, d.kpis.slipped, d.kpis.added, d.kpis.removed,
        d.objectives.added, d.objectives.removed, d.objectives.slipped, d.objectives.pulledIn,
        d.actions.closed, d.actions.newlyOverdue, d.actions.added, d.actions.removed];
    return moved || changedValues || lists.some((l) => l.length > 0);
}

/** How much an account moved: its strategic value and relationship changes together (added or removed accounts last). */
function movement(d: Pick<AccountDiff, 'strategicValue' | 'relationship'>): number {
    return Math.abs(d.strategicValue.delta ?? 0) + Math.abs(d.relationship.delta ?? 0);
}

export interface DiffOptions {
    /**
     * Plan files renamed between the revisions (old path → new path, in the snapshots' `source`
     * terms): an account that is no longer found by name is matched to the account in its renamed
     * (or same) file, if that file's account is otherwise unmatched.
     */
    renamedFiles?: ReadonlyMap<string, string>;
}

/** Pairs accounts: by name first, then an unmatched account by its (possibly renamed) file. */
function pairAccounts(base: AccountSnapshot[], head: AccountSnapshot[], options: DiffOptions): Array<[AccountSnapshot | undefined, AccountSnapshot | undefined]> {
    const headByName = byKey(head, (a) => a.view.name);
    const pairs: Array<[AccountSnapshot | undefined, AccountSnapshot | undefined]> = [];
    const matchedHead = new Set<AccountSnapshot>();
    const unmatchedBase: AccountSnapshot[] = [];
    for (const b of base) {
        const h = headByName.get(b.view.name);
        if (h && !matchedHead.has(h)) {
            pairs.push([b, h]);
            matchedHead.add(h);
        } else unmatchedBase.push(b);
    }
    const unmatchedHeadBySource = new Map<string, AccountSnapshot[]>();
    for (const h of head) {
        if (matchedHead.has(h) || !h.view.source) continue;
        unmatchedHeadBySource.set(h.view.source, [...(unmatchedHeadBySource.get(h.view.source) ?? []), h]);
    }
    for (const b of unmatchedBase) {
        const source = b.view.source && (options.renamedFiles?.get(b.view.source) ?? b.view.source);
        const candidates = source ? unmatchedHeadBySource.get(source) : undefined;
        // Only one account on each side of that file: otherwise which became which is a guess.
        const sameFileBase = unmatchedBase.filter((o) => o.view.source === b.view.source);
        if (candidates?.length === 1 && sameFileBase.length === 1) {
            pairs.push([b, candidates[0]]);
            matchedHead.add(candidates[0]);
            unmatchedHeadBySource.delete(source!);
        } else pairs.push([b, undefined]);
    }
    for (const h of head) if (!matchedHead.has(h)) pairs.push([undefined, h]);
    return pairs;
}

export function diffPortfolios(base: PortfolioSnapshot, head: PortfolioSnapshot, options: DiffOptions = {}): PortfolioDiff {
    const all = pairAccounts(base.accounts, head.accounts, options).map(([b, h]) => accountDiff(b, h));
    const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
    for (const d of all) counts[d.kind]++;
    const order = { changed: 0, added: 1, removed: 2, unchanged: 3 };
    const accounts = all.filter((d) => d.kind !== 'unchanged')
        .sort((a, b) => order[a.kind] - order[b.kind] || movement(b) - movement(a) || a.title.localeCompare(b.title));
    const pb = base.portfolio.pareto;
    const ph = head.portfolio.pareto;
    const severity = (s: PortfolioSnapshot) => s.portfolio.counts;
    return {
        kind: 'portfolio-diff',
        base: base.revision,
        head: head.revision,
        thresholds: { keyThreshold: head.portfolio.thresholds.keyThreshold, strengthThreshold: head.portfolio.thresholds.strengthThreshold },
        counts,
        accounts,
        quadrantMoves: all.filter((d) => d.kind === 'changed' && d.quadrant.before !== d.quadrant.after)
            .map((d) => ({ name: d.name, title: d.title, from: d.quadrant.before, to: d.quadrant.after })),
        topMovers: all.filter((d) => d.kind === 'changed' && movement(d) > 0)
            .sort((a, b) => movement(b) - movement(a) || a.title.localeCompare(b.title)).slice(0, 5)
            .map((d) => ({ name: d.name, title: d.title, strategicValue: d.strategicValue, relationship: d.relationship })),
        pareto: {
            topFifthShare: numberChange(pb.topFifthShare, ph.topFifthShare),
            accountsFor80Percent: numberChange(pb.accountsFor80Percent, ph.accountsFor80Percent),
            accounts: numberChange(pb.rows.length, ph.rows.length),
            total: { before: pb.total, after: ph.total, delta: ph.total - pb.total },
            currency: pb.currency === ph.currency ? ph.currency : undefined,
            overLimit: { before: pb.overLimit, after: ph.overLimit },
            limit: ph.limit,
        },
        findings: { errors: numberChange(severity(base).errors, severity(head).errors), warnings: numberChange(severity(base).warnings, severity(head).warnings) },
        unreadable: { before: base.unreadable, after: head.unreadable },
    };
}
