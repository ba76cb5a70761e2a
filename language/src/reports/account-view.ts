/**
 * The view of one account: what the live preview, the HTML report and `kam report --format json`
 * show of a plan, computed once from its scorecard and the reviewer's findings.
 */
import { describeKpiProgress, dueStatus, formatKpiValue, isOpen, kpiProgress } from '../domain/progress.js';
import type {
    ActionStatus, ExpectationKind, Fulfilment, InfluenceLevel, IsoDate, Kpi, ObjectiveStatus, RiskLevel, Stance, StakeholderRole,
} from '../domain/model.js';
import { QUADRANT_ADVICE, type Quadrant } from '../domain/portfolio.js';
import { daysBetween, formatMoney, formatPercent, formatScore, isPlanDate } from '../domain/quantities.js';
import type { Thresholds } from '../domain/thresholds.js';
import type { ReviewedAccount } from './summary-report.js';
import { factorTitles, person, type Fact, type FindingView, type People, type PersonRef } from './view-shared.js';
import { plainFinding } from './plain-findings.js';
import { accountPlanSections, workItem, type AccountPlanSections, type WorkItem } from './account-plan-view.js';
import { contactHistoryOf, isCurrent, lastContactOf } from '../domain/contact.js';
import { isValidRating } from '../domain/relationship.js';

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
    /** The latest contact: a meeting or call up to today, or the date written on the person. */
    lastContact?: IsoDate;
    daysSinceContact?: number;
    /** "42 d ago", "today", "no contact recorded". */
    contactAgeDisplay: string;
    /** Meetings and calls with the person, latest first: why a relationship warmed or cooled. */
    contactHistory: Array<{ date: IsoDate; kind: string; title?: string }>;
    notes: string[];
    decisionCriteria: string[];
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
    /** An objective's own status, as its owner judges it. */
    objectiveStatus?: ObjectiveStatus;
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
    /** The gap with how much of the target is achieved: "67% there · −4 stops to go". */
    progressDisplay: string;
    /** Current and target with the unit, compact: "1.4M EUR", "92%". */
    currentDisplay: string;
    targetDisplay: string;
    /** Share of the way to the target, 0-100, measured in the KPI's direction; undefined when a zero makes it meaningless. */
    attainment?: number;
    /** Earlier values, oldest first: the trend up to `current`. */
    history: Array<{ date: IsoDate; value: number }>;
}

/** An objective agreed with the customer, its KPIs and the work under it, people by name. */
export interface ObjectiveView {
    title: string;
    status?: ObjectiveStatus;
    owner?: PersonRef;
    due?: IsoDate;
    /** The customer's people who agreed it, by name. */
    agreedWith: string[];
    kpis: KpiView[];
    milestones: WorkItem[];
    actions: WorkItem[];
}

export interface RiskView {
    number: number;
    text: string;
    likelihood?: RiskLevel;
    impact?: RiskLevel;
    contingency?: string;
    owner?: PersonRef;
}


export interface AccountView extends AccountPlanSections {
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
    objectives: ObjectiveView[];
    risks: RiskView[];
    findings: FindingView[];
    /** The five elements of an action plan, each present or what is missing. */
    completeness: { present: number; total: number; elements: Array<{ label: string; present: boolean; missing?: string }> };
    /** The line of a syntax error inside the account: its numbers are provisional and it has no quadrant. */
    syntaxErrorLine?: number;
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
    const { direction, reached, attainment } = kpiProgress(kpi);
    return {
        objective, label: kpi.label, current: kpi.current, target: kpi.target, unit: kpi.unit, direction,
        onTarget: reached,
        gapDisplay: describeKpiProgress(kpi, { attainment: false }),
        progressDisplay: describeKpiProgress(kpi),
        currentDisplay: formatKpiValue(kpi.current, kpi.unit),
        targetDisplay: formatKpiValue(kpi.target, kpi.unit),
        attainment,
        history: kpi.history.filter((r) => Number.isFinite(r.value)),
    };
}

/** A half-typed KPI (no number yet) is left out, as the inlay hints leave it out. */
function usableKpis(kpis: Kpi[]): Kpi[] {
    return kpis.filter((k) => !Number.isNaN(k.current) && !Number.isNaN(k.target));
}

/** "42 d ago": how long since the last contact, short enough for a box in the relationship map. */
function contactAge(days: number | undefined): string {
    if (days === undefined) return 'no contact recorded';
    if (days === 0) return 'today';
    return days < 0 ? `in ${-days} d` : `${days} d ago`;
}

/** Undated items, and those whose date is not on the calendar, come last. */
function sortDate(due: IsoDate | undefined): string {
    return due !== undefined && isPlanDate(due) ? due : '9999';
}

function timeline(account: ReviewedAccount, today: IsoDate, people: People): TimelineView {
    const plan = account.card.plan;
    const items: TimelineItem[] = [];
    for (const o of plan.objectives) {
        // An objective is open while any of its work is (or when it has none yet).
        const open = [...o.actions, ...o.milestones].some((a) => isOpen(a.status)) || (o.actions.length + o.milestones.length === 0);
        // Achieved and dropped objectives are closed whatever their actions say.
        const closed = !open || o.status === 'achieved' || o.status === 'dropped';
        items.push({ kind: 'objective', label: o.title, group: o.title, owner: person(o.owner, people), due: o.due, objectiveStatus: o.status, overdue: isOverdue(o.due, closed ? 'done' : undefined, today) });
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
    const due = items.map((i) => i.due).filter((d): d is string => d !== undefined && isPlanDate(d));
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
    const titles = factorTitles(card);
    const contributions = new Map(card.strategicValue.contributions.map((c) => [c.factor.name, c]));
    // An unscored factor counts at the bottom of the scale: show that floor, so the bars add up to the value.
    const { unscored, unscoredContribution } = card.strategicValue;
    const unscoredWeight = unscored.reduce((sum, f) => sum + f.weight, 0);
    const floor = (f: { name: string; weight: number }) => unscored.some((u) => u.name === f.name) && unscoredWeight > 0 ? (f.weight * unscoredContribution) / unscoredWeight : undefined;
    const factors: FactorBar[] = (model?.factors ?? []).map((f) => {
        const c = contributions.get(f.name);
        return { factor: f.name, title: f.title, weight: f.weight, score: c?.score, contribution: c?.contribution ?? floor(f) };
    });
    const currentIds = new Set(plan.stakeholders.filter(isCurrent).map((s) => s.name));
    const indexes = new Map(card.relationship.stakeholders.map((s) => [s.stakeholder, s.index]));
    const owner = person(plan.owner, people);
    const backupOwner = person(plan.backupOwner, people);
    const facts: Fact[] = [
        ['Industry', plan.industry], ['Tier', plan.tier], ['Status', plan.status], ['Strategy', plan.strategy],
        ['Owner', owner?.name], ['Backup owner', backupOwner?.name ?? 'none'],
        ['Current revenue', plan.currentRevenue && formatMoney(plan.currentRevenue)],
        ['Potential revenue', plan.potentialRevenue && formatMoney(plan.potentialRevenue)],
        ['Profitability', plan.profitability === undefined ? undefined : formatPercent(plan.profitability)],
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
            // Who left is history: listed under former contacts, not drawn on the map.
            stakeholders: plan.stakeholders.filter(isCurrent).map((s) => {
                const index = indexes.get(s);
                const last = lastContactOf(s, plan.interactions, card.today);
                const daysSince = last && isPlanDate(last.date) ? daysBetween(last.date, card.today) : undefined;
                return {
                    id: s.name, name: s.fullName, title: s.title, roles: s.roles, influence: s.influence, stance: s.stance,
                    reportsTo: s.reportsTo && s.reportsTo !== s.name && currentIds.has(s.reportsTo) ? s.reportsTo : undefined,
                    owner: person(s.relationshipOwner, people),
                    // A rating off the 1-10 scale is not used (the reviewer says so): the pictures show none.
                    trustedAdvisor: isValidRating(s.trustedAdvisor) ? s.trustedAdvisor : undefined,
                    strategicPartner: isValidRating(s.strategicPartner) ? s.strategicPartner : undefined,
                    index, indexDisplay: formatScore(index), lastContact: last?.date,
                    daysSinceContact: daysSince,
                    contactAgeDisplay: contactAge(daysSince),
                    contactHistory: contactHistoryOf(s, plan.interactions).filter((i) => i.date <= card.today)
                        .map((i) => ({ date: i.date, kind: i.kind, title: i.title })),
                    notes: s.notes, decisionCriteria: s.decisionCriteria,
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
        kpis: plan.objectives.flatMap((o) => usableKpis(o.kpis).map((k) => kpiView(o.title, k))),
        objectives: plan.objectives.map((o) => ({
            title: o.title, status: o.status, owner: person(o.owner, people), due: o.due,
            agreedWith: o.agreedWith.map((id) => plan.stakeholders.find((s) => s.name === id)?.fullName ?? id),
            kpis: usableKpis(o.kpis).map((k) => kpiView(o.title, k)),
            milestones: o.milestones.map((m) => workItem(m, options.today, people)),
            actions: o.actions.map((a) => workItem(a, options.today, people)),
        })),
        risks: plan.risks.map((r) => ({ number: ++riskNumber, text: r.text, likelihood: r.likelihood, impact: r.impact, contingency: r.contingency, owner: person(r.owner, people) })),
        findings: findings.slice().sort((a, b) => a.line - b.line || a.column - b.column).map((f) => ({ ...f, uri: plan.uri, plain: plainFinding(f, plan.title, titles) })),
        ...accountPlanSections(card, people),
    };
}
