/**
 * The view model of the pictures: what the live preview, the HTML report and `kam report --format json`
 * show, computed once from the domain scorecards and the reviewer's findings. Pure data (JSON-safe),
 * no markup: the chart renderers in `charts/` draw it, the same way everywhere.
 */
import type { ReviewFinding } from '../domain/findings.js';
import { describeKpiProgress, dueStatus, isOpen, kpiProgress } from '../domain/progress.js';
import { countBySeverity } from '../domain/findings.js';
import type {
    ActionStatus, ExpectationKind, Fulfilment, InfluenceLevel, IsoDate, Kpi, RiskLevel, Stance, StakeholderRole, TeamMember,
} from '../domain/model.js';
import { QUADRANT_ADVICE, revenueConcentration, type Quadrant } from '../domain/portfolio.js';
import { formatAmount, formatMoney, formatScore, isValidIsoDate } from '../domain/quantities.js';
import type { Thresholds } from '../domain/thresholds.js';
import type { ReviewedAccount } from './summary-report.js';

/** One of our people, by id, with the full name from the team file when it is known. */
export interface PersonRef {
    id: string;
    name: string;
    title?: string;
}

export interface Fact {
    label: string;
    value: string;
}

export interface FactorBar {
    factor: string;
    title: string;
    /** Weight in percent. */
    weight: number;
    score?: number;
    /** Weighted contribution to the strategic value (for an unscored factor, its floor at the bottom of the scale). */
    contribution?: number;
}

export interface StrategicValueView {
    value?: number;
    display: string;
    scaleMin: number;
    scaleMax: number;
    factors: FactorBar[];
    /** The attractiveness threshold (keyThreshold) the value is compared with. */
    threshold: number;
}

export interface StakeholderNode {
    id: string;
    name: string;
    title?: string;
    roles: StakeholderRole[];
    influence?: InfluenceLevel;
    stance?: Stance;
    /** The id of the stakeholder this one reports to, only when that stakeholder is in the plan. */
    reportsTo?: string;
    owner?: PersonRef;
    trustedAdvisor?: number;
    strategicPartner?: number;
    /** Relationship index, mean of the two ratings. */
    index?: number;
    indexDisplay: string;
    lastContact?: IsoDate;
}

export interface RelationshipView {
    strength?: number;
    display: string;
    ratingIndex?: number;
    stageScore?: number;
    stage?: string;
    threshold: number;
    stakeholders: StakeholderNode[];
}

export const EXPECTATION_KINDS: ExpectationKind[] = ['product', 'communication', 'service'];

export interface ExpectationItem {
    description: string;
    fulfilment: Fulfilment;
    how?: string;
}

export interface ExpectationCell {
    kind: ExpectationKind;
    /** The worst fulfilment of the cell's expectations; 'none' when the stakeholder states none of this kind. */
    status: Fulfilment | 'none';
    items: ExpectationItem[];
}

export interface ExpectationRow {
    stakeholder: string;
    name: string;
    cells: ExpectationCell[];
}

export interface TimelineItem {
    kind: 'objective' | 'milestone' | 'action';
    label: string;
    /** The objective (or "Feedback responses") the item belongs to. */
    group: string;
    owner?: PersonRef;
    due?: IsoDate;
    status?: ActionStatus;
    overdue: boolean;
}

export interface TimelineView {
    today: IsoDate;
    /**
     * First and last date the axis must show (today included); undefined when nothing is dated.
     * Impossible dates (2027-02-30: the reviewer flags them) are left out; their items show as undated.
     */
    start?: IsoDate;
    end?: IsoDate;
    items: TimelineItem[];
}

export interface KpiView {
    objective: string;
    label: string;
    current: number;
    target: number;
    unit?: string;
    /** Which way the KPI has to move: as the plan states it, or inferred from current and target. */
    direction: 'increase' | 'decrease' | 'hold';
    /** The target is reached (or surpassed, when the plan states the direction). */
    onTarget: boolean;
    /** Human-readable gap: "−4 stops to go", "target reached", "+1% beyond target". */
    gapDisplay: string;
}

export interface RiskView {
    number: number;
    text: string;
    likelihood?: RiskLevel;
    impact?: RiskLevel;
    contingency?: string;
    owner?: PersonRef;
}

export interface FindingView extends ReviewFinding {
    uri?: string;
}

export interface AccountView {
    kind: 'account';
    name: string;
    title: string;
    uri?: string;
    source?: string;
    today: IsoDate;
    quadrant?: Quadrant;
    quadrantAdvice?: string;
    owner?: PersonRef;
    backupOwner?: PersonRef;
    facts: Fact[];
    valueProposition?: string;
    strategicValue: StrategicValueView;
    relationship: RelationshipView;
    expectations: ExpectationRow[];
    timeline: TimelineView;
    kpis: KpiView[];
    risks: RiskView[];
    findings: FindingView[];
    /** The five elements of an action plan, each present or what is missing. */
    completeness: { present: number; total: number; elements: Array<{ label: string; present: boolean; missing?: string }> };
    /** The line of a syntax error inside the account: its numbers are provisional and it has no quadrant. */
    syntaxErrorLine?: number;
}

export interface PortfolioAccountRow {
    name: string;
    title: string;
    uri?: string;
    source?: string;
    owner?: PersonRef;
    tier?: string;
    revenue?: number;
    currency?: string;
    revenueDisplay: string;
    strategicValue?: number;
    strategicValueDisplay: string;
    relationship?: number;
    relationshipDisplay: string;
    quadrant?: Quadrant;
    errors: number;
    warnings: number;
}

export interface ParetoPoint {
    title: string;
    uri?: string;
    revenue: number;
    share: number;
    cumulativeShare: number;
}

export interface ParetoView {
    total: number;
    totalDisplay: string;
    /** The one currency when all revenues share it. */
    currency?: string;
    currencies: string[];
    rows: ParetoPoint[];
    topFifthCount: number;
    topFifthShare: number;
    accountsFor80Percent: number;
    limit: number;
    overLimit: boolean;
}

export interface PortfolioView {
    kind: 'portfolio';
    title: string;
    today: IsoDate;
    thresholds: Pick<Thresholds, 'keyThreshold' | 'strengthThreshold' | 'paretoLimit'>;
    counts: { accounts: number; errors: number; warnings: number };
    accounts: PortfolioAccountRow[];
    quadrants: { quadrant: Quadrant; advice: string; accounts: string[] }[];
    unplaced: string[];
    pareto: ParetoView;
    findings: { title: string; uri?: string; source?: string; findings: FindingView[] }[];
}

/** Full names of our people by id, from the team files. */
export type People = ReadonlyMap<string, TeamMember>;

export function peopleOf(members: TeamMember[]): People {
    return new Map(members.map((m) => [m.name, m]));
}

function person(id: string | undefined, people: People): PersonRef | undefined {
    if (!id) return undefined;
    const member = people.get(id);
    return { id, name: member?.fullName ?? id, title: member?.title };
}

const FULFILMENT_RANK: Record<Fulfilment, number> = { unmet: 0, 'at-risk': 1, unknown: 2, met: 3 };

function worst(items: ExpectationItem[]): Fulfilment | 'none' {
    if (items.length === 0) return 'none';
    return items.map((i) => i.fulfilment).sort((a, b) => FULFILMENT_RANK[a] - FULFILMENT_RANK[b])[0];
}

/** Overdue the one way the editor and the Markdown report count it (domain/progress.ts). */
function isOverdue(due: IsoDate | undefined, status: ActionStatus | undefined, today: IsoDate): boolean {
    return dueStatus(due, status, today)?.overdue ?? false;
}

export function kpiView(objective: string, kpi: Kpi): KpiView {
    const { direction, reached } = kpiProgress(kpi);
    return {
        objective, label: kpi.label, current: kpi.current, target: kpi.target, unit: kpi.unit, direction,
        onTarget: reached,
        gapDisplay: describeKpiProgress(kpi, { attainment: false }),
    };
}

/** Undated items, and those whose date is not on the calendar, come last. */
function sortDate(due: IsoDate | undefined): string {
    return due !== undefined && isValidIsoDate(due) ? due : '9999';
}

function timeline(account: ReviewedAccount, today: IsoDate, people: People): TimelineView {
    const plan = account.card.plan;
    const items: TimelineItem[] = [];
    for (const o of plan.objectives) {
        // An objective is open while any of its work is (or when it has none yet).
        const open = [...o.actions, ...o.milestones].some((a) => isOpen(a.status)) || (o.actions.length + o.milestones.length === 0);
        items.push({ kind: 'objective', label: o.title, group: o.title, owner: person(o.owner, people), due: o.due, overdue: isOverdue(o.due, open ? undefined : 'done', today) });
        const children: TimelineItem[] = [
            ...o.milestones.map((m): TimelineItem => ({ kind: 'milestone', label: m.label, group: o.title, due: m.due, status: m.status, overdue: isOverdue(m.due, m.status, today) })),
            ...o.actions.map((a): TimelineItem => ({ kind: 'action', label: a.label, group: o.title, owner: person(a.owner, people), due: a.due, status: a.status, overdue: isOverdue(a.due, a.status, today) })),
        ];
        items.push(...children.sort((a, b) => sortDate(a.due).localeCompare(sortDate(b.due))));
    }
    const responses = plan.feedback.flatMap((f) => f.responses).map((r): TimelineItem => ({
        kind: 'action', label: r.label, group: 'Feedback responses', owner: person(r.owner, people),
        due: r.due, status: r.status, overdue: isOverdue(r.due, r.status, today),
    }));
    if (responses.length) {
        items.push({ kind: 'objective', label: 'Feedback responses', group: 'Feedback responses', overdue: false }, ...responses);
    }
    const due = items.map((i) => i.due).filter((d): d is string => d !== undefined && isValidIsoDate(d));
    const dates = [today, ...due].sort();
    const dated = due.length > 0;
    return { today, start: dated ? dates[0] : undefined, end: dated ? dates[dates.length - 1] : undefined, items };
}

/** Everything the pictures of one account need. */
export function accountView(account: ReviewedAccount, options: { today: IsoDate; thresholds: Pick<Thresholds, 'keyThreshold' | 'strengthThreshold'>; people?: People }): AccountView {
    const { card, findings } = account;
    const plan = card.plan;
    const people = options.people ?? new Map();
    const model = card.model;
    const contributions = new Map(card.strategicValue.contributions.map((c) => [c.factor.name, c]));
    // An unscored factor counts at the bottom of the scale: show that floor, so the bars add up to the value.
    const { unscored, unscoredContribution } = card.strategicValue;
    const unscoredWeight = unscored.reduce((sum, f) => sum + f.weight, 0);
    const floor = (f: { name: string; weight: number }) => unscored.some((u) => u.name === f.name) && unscoredWeight > 0 ? (f.weight * unscoredContribution) / unscoredWeight : undefined;
    const factors: FactorBar[] = (model?.factors ?? []).map((f) => {
        const c = contributions.get(f.name);
        return { factor: f.name, title: f.title, weight: f.weight, score: c?.score, contribution: c?.contribution ?? floor(f) };
    });
    const stakeholderIds = new Set(plan.stakeholders.map((s) => s.name));
    const indexes = new Map(card.relationship.stakeholders.map((s) => [s.stakeholder, s.index]));
    const owner = person(plan.owner, people);
    const backupOwner = person(plan.backupOwner, people);
    const facts: Fact[] = [
        ['Industry', plan.industry], ['Tier', plan.tier], ['Status', plan.status], ['Strategy', plan.strategy],
        ['Owner', owner?.name], ['Backup owner', backupOwner?.name ?? 'none'],
        ['Current revenue', plan.currentRevenue && formatMoney(plan.currentRevenue)],
        ['Potential revenue', plan.potentialRevenue && formatMoney(plan.potentialRevenue)],
        ['Profitability', plan.profitability === undefined ? undefined : `${plan.profitability}%`],
        ['Relationship stage', plan.relationshipStage],
    ].filter((f): f is [string, string] => f[1] !== undefined).map(([label, value]) => ({ label, value }));
    let riskNumber = 0;
    return {
        kind: 'account',
        name: plan.name,
        title: plan.title,
        uri: plan.uri,
        source: account.source,
        today: options.today,
        quadrant: card.quadrant,
        quadrantAdvice: card.quadrant && QUADRANT_ADVICE[card.quadrant],
        completeness: {
            present: card.completeness.present, total: card.completeness.total,
            elements: card.completeness.elements.map((e) => ({ label: e.label, present: e.present, missing: e.missing })),
        },
        syntaxErrorLine: card.syntaxErrorLine,
        owner,
        backupOwner,
        facts,
        valueProposition: plan.valueProposition,
        strategicValue: {
            value: card.strategicValue.value,
            display: formatScore(card.strategicValue.value),
            scaleMin: model?.scaleMin ?? 1,
            scaleMax: model?.scaleMax ?? 10,
            factors,
            threshold: options.thresholds.keyThreshold,
        },
        relationship: {
            strength: card.relationship.value,
            display: formatScore(card.relationship.value),
            ratingIndex: card.relationship.ratingIndex,
            stageScore: card.relationship.stageScore,
            stage: plan.relationshipStage,
            threshold: options.thresholds.strengthThreshold,
            stakeholders: plan.stakeholders.map((s) => {
                const index = indexes.get(s);
                return {
                    id: s.name, name: s.fullName, title: s.title, roles: s.roles, influence: s.influence, stance: s.stance,
                    reportsTo: s.reportsTo && s.reportsTo !== s.name && stakeholderIds.has(s.reportsTo) ? s.reportsTo : undefined,
                    owner: person(s.relationshipOwner, people),
                    trustedAdvisor: s.trustedAdvisor, strategicPartner: s.strategicPartner,
                    index, indexDisplay: formatScore(index), lastContact: s.lastContact,
                };
            }),
        },
        expectations: plan.stakeholders.filter((s) => s.expectations.length > 0).map((s) => ({
            stakeholder: s.name,
            name: s.fullName,
            cells: EXPECTATION_KINDS.map((kind) => {
                const items = s.expectations.filter((e) => e.kind === kind).map((e) => ({ description: e.description, fulfilment: e.fulfilment, how: e.how }));
                return { kind, status: worst(items), items };
            }),
        })),
        timeline: timeline(account, options.today, people),
        // A half-typed KPI (no number yet) is left out, as the inlay hints leave it out.
        kpis: plan.objectives.flatMap((o) => o.kpis.filter((k) => !Number.isNaN(k.current) && !Number.isNaN(k.target)).map((k) => kpiView(o.title, k))),
        risks: plan.risks.map((r) => ({ number: ++riskNumber, text: r.text, likelihood: r.likelihood, impact: r.impact, contingency: r.contingency, owner: person(r.owner, people) })),
        findings: findings.slice().sort((a, b) => a.line - b.line || a.column - b.column).map((f) => ({ ...f, uri: plan.uri })),
    };
}

/** The whole portfolio: the matrix, the Pareto curve, the table of accounts and the review at a glance. */
export function portfolioView(accounts: ReviewedAccount[], options: { today: IsoDate; thresholds: Thresholds; people?: People; title?: string }): PortfolioView {
    const people = options.people ?? new Map();
    const { thresholds } = options;
    const sorted = accounts.slice().sort((a, b) => (b.card.strategicValue.value ?? -1) - (a.card.strategicValue.value ?? -1) || a.card.plan.name.localeCompare(b.card.plan.name));
    const rows: PortfolioAccountRow[] = sorted.map(({ card, findings, source }) => {
        const c = countBySeverity(findings);
        const p = card.plan;
        return {
            name: p.name, title: p.title, uri: p.uri, source, owner: person(p.owner, people), tier: p.tier,
            revenue: p.currentRevenue?.amount, currency: p.currentRevenue?.currency, revenueDisplay: formatMoney(p.currentRevenue),
            strategicValue: card.strategicValue.value, strategicValueDisplay: formatScore(card.strategicValue.value),
            relationship: card.relationship.value, relationshipDisplay: formatScore(card.relationship.value),
            quadrant: card.quadrant, errors: c.error, warnings: c.warning,
        };
    });
    const counts = countBySeverity(accounts.flatMap((a) => a.findings));
    const withRevenue = rows.filter((r) => r.revenue !== undefined);
    const byKey = new Map(withRevenue.map((r, i) => [String(i), r]));
    const concentration = revenueConcentration(withRevenue.map((r, i) => ({ name: String(i), revenue: r.revenue! })));
    const currencies = [...new Set(withRevenue.map((r) => r.currency!))].sort();
    const currency = currencies.length === 1 ? currencies[0] : undefined;
    const quadrants: Quadrant[] = ['Strategic', 'Star', 'Status', 'Streamline'];
    return {
        kind: 'portfolio',
        title: options.title ?? 'Key account portfolio',
        today: options.today,
        thresholds: { keyThreshold: thresholds.keyThreshold, strengthThreshold: thresholds.strengthThreshold, paretoLimit: thresholds.paretoLimit },
        counts: { accounts: accounts.length, errors: counts.error, warnings: counts.warning },
        accounts: rows,
        quadrants: quadrants.map((q) => ({ quadrant: q, advice: QUADRANT_ADVICE[q], accounts: rows.filter((r) => r.quadrant === q).map((r) => r.title) })),
        unplaced: rows.filter((r) => !r.quadrant).map((r) => r.title),
        pareto: {
            total: concentration.total,
            totalDisplay: `${formatAmount(concentration.total)}${currency ? ` ${currency}` : ''}`,
            currency,
            currencies,
            rows: concentration.rows.map((r) => {
                const row = byKey.get(r.name)!;
                return { title: row.title, uri: row.uri, revenue: r.revenue, share: r.share, cumulativeShare: r.cumulativeShare };
            }),
            topFifthCount: concentration.rows.length ? concentration.topFifthCount : 0,
            topFifthShare: concentration.topFifthShare,
            accountsFor80Percent: concentration.accountsFor80Percent,
            limit: thresholds.paretoLimit,
            overLimit: concentration.rows.length > 0 && concentration.topFifthShare > thresholds.paretoLimit,
        },
        findings: sorted
            .map((a) => ({ title: a.card.plan.title, uri: a.card.plan.uri, source: a.source, findings: a.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => ({ ...f, uri: a.card.plan.uri })) }))
            .filter((a) => a.findings.length > 0),
    };
}
