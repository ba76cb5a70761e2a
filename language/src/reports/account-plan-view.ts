/**
 * The parts of an account's view an account manager steers by beyond the scores: contracts and
 * renewal, the review rhythm and sign-off, our account team, meetings and calls, the pipeline,
 * whitespace, competitors and the people who left. Computed from the scorecard (every number comes
 * from the domain core); pure data for the preview, the HTML report and JSON.
 */
import type { AccountScorecard } from '../domain/scorecard.js';
import type { ActionStatus, GateAnswer, InteractionKind, IsoDate, OurRole, PipelineStage, Stakeholder, WhitespaceCell } from '../domain/model.js';
import { dueStatus } from '../domain/progress.js';
import { gateAnswers } from '../domain/will-and-skill.js';
import { isUsableNotice, noticeDeadlineOf, renewalDateOf } from '../domain/contracts.js';
import { expectedCloseOf, isOpenOpportunity, probabilityOf } from '../domain/pipeline.js';
import { whitespaceSummary } from '../domain/whitespace.js';
import { formatMoney, formatPercent } from '../domain/quantities.js';
import { pipelineText, renewalText, rhythmText } from './account-calendar.js';
import { person, type People, type PersonRef } from './view-shared.js';

export interface ContractRow {
    title: string;
    start?: IsoDate;
    end?: IsoDate;
    renewal?: IsoDate;
    notice?: string;
    noticeDeadline?: IsoDate;
    value?: string;
}

export interface OpportunityRow {
    text: string;
    kind?: string;
    /** As written; undefined when the plan gives no stage (counted as identified). */
    stage?: PipelineStage;
    probability: number;
    value?: string;
    /** Value × probability, for open opportunities in the account's currency. */
    weighted?: string;
    close?: IsoDate;
    closePassed: boolean;
    owner?: PersonRef;
    with?: string;
}

export interface InteractionRow {
    kind: InteractionKind;
    date: IsoDate;
    title?: string;
    /** The customer's people, by name. */
    attendees: string[];
    ourSide: string[];
    agreed: string[];
    nextSteps: Array<{ label: string; owner?: string; due?: IsoDate; status: string }>;
    /** After today: planned, not yet held. */
    planned: boolean;
}

/** A piece of work with an owner and a date: an action, a milestone, a response to feedback. */
export interface WorkItem {
    label: string;
    owner?: PersonRef;
    due?: IsoDate;
    status: ActionStatus;
    overdue: boolean;
}

export interface FeedbackRow {
    text: string;
    /** The stakeholder who gave it, by name. */
    from?: string;
    received?: IsoDate;
    /** What we do about it, with owner and timeline [A]. */
    responses: WorkItem[];
}

/** What the customer is trying to do: the insight a key account manager must have [B]. */
export interface CustomerInsight {
    goals: string[];
    markets: string[];
    strategies: string[];
    organisation: string[];
}

export interface AccountPlanSections {
    /** Revenue and the pipeline in the account's currency, formatted: the headline a review opens with. */
    money: {
        current?: string;
        potential?: string;
        /** Open opportunities weighted by their chance to win; the unweighted total; the growth still unplanned. */
        pipeline?: { weighted: string; open: string; openCount: number; won?: string; gapToPotential?: string };
    };
    /** One sentence each, the same as in the hover and the Markdown report. */
    calendar: { renewal?: string; reviews?: string; pipeline?: string };
    contracts: ContractRow[];
    signOff?: { by: string[]; date?: IsoDate };
    ourTeam: Array<{ role: OurRole; person: PersonRef; counterparts: string[] }>;
    interactions: InteractionRow[];
    opportunities: OpportunityRow[];
    whitespace?: { units: string[]; rows: Array<{ product: string; cells: WhitespaceCell[] }>; coverage?: string };
    competitors: Array<{ name: string; share?: string; strengths: string[]; weaknesses: string[]; differentiators: string[]; warningSigns: string[] }>;
    customer: CustomerInsight;
    /** The four will-and-skill gates and the plan's answers; undefined when the plan does not assess them. */
    gates?: { answers: Array<{ question: string; answer: GateAnswer }>; passed: number };
    feedback: FeedbackRow[];
    /** People who left the company or the decision-making unit: history, out of the map. */
    formerContacts: Array<{ name: string; title?: string; left: IsoDate; reason?: string }>;
}

export function accountPlanSections(card: AccountScorecard, people: People): AccountPlanSections {
    const plan = card.plan;
    const byId = new Map(plan.stakeholders.map((s) => [s.name, s]));
    const stakeholderName = (id: string) => byId.get(id)?.fullName ?? id;
    const currency = card.pipeline.currency;
    const latestSignOff = plan.signOffs.at(-1);
    const whitespace = plan.whitespace;
    const p = card.pipeline;
    const money = (amount: number) => formatMoney({ amount, currency: p.currency! });
    return {
        money: {
            current: plan.currentRevenue && formatMoney(plan.currentRevenue),
            potential: plan.potentialRevenue && formatMoney(plan.potentialRevenue),
            pipeline: p.currency && (p.openCount > 0 || p.won > 0 || p.gapToPotential !== undefined) ? {
                weighted: money(p.weighted), open: money(p.open), openCount: p.openCount,
                won: p.won > 0 ? money(p.won) : undefined,
                gapToPotential: p.gapToPotential === undefined ? undefined : money(p.gapToPotential),
            } : undefined,
        },
        calendar: { renewal: renewalText(card), reviews: rhythmText(card), pipeline: pipelineText(card) },
        contracts: plan.contracts.map((c) => ({
            title: c.title ?? 'Contract', start: c.start, end: c.end, renewal: renewalDateOf(c),
            notice: isUsableNotice(c.notice) ? `${c.notice.amount} ${c.notice.unit}` : undefined, noticeDeadline: noticeDeadlineOf(c), value: c.value && formatMoney(c.value),
        })),
        signOff: latestSignOff && { by: latestSignOff.by.map(stakeholderName), date: latestSignOff.date },
        ourTeam: plan.accountTeam.map((r) => ({ role: r.role, person: person(r.member, people)!, counterparts: r.counterparts.map(stakeholderName) })),
        interactions: plan.interactions.slice().sort((a, b) => b.date.localeCompare(a.date)).map((i) => ({
            kind: i.kind, date: i.date, title: i.title, attendees: i.attendees.map(stakeholderName),
            ourSide: i.ourSide.map((id) => person(id, people)!.name), agreed: i.agreed,
            nextSteps: i.nextSteps.map((s) => ({ label: s.label, owner: person(s.owner, people)?.name, due: s.due, status: s.status })),
            planned: i.date > card.today,
        })),
        opportunities: plan.opportunities.map((o) => {
            const open = isOpenOpportunity(o);
            const probability = probabilityOf(o);
            const close = expectedCloseOf(o);
            const counted = o.value && currency && o.value.currency === currency;
            return {
                text: o.text, kind: o.kind, stage: o.stage, probability,
                value: o.value && formatMoney(o.value),
                weighted: open && counted ? formatMoney({ amount: (o.value!.amount * probability) / 100, currency: currency! }) : undefined,
                close, closePassed: open && close !== undefined && close < card.today,
                owner: person(o.owner, people), with: o.stakeholder && stakeholderName(o.stakeholder),
            };
        }),
        whitespace: whitespace && whitespace.units.length ? {
            units: whitespace.units, rows: whitespace.rows,
            coverage: whitespaceCoverage(whitespace),
        } : undefined,
        competitors: plan.competitors.map((c) => ({
            name: c.name, share: c.share === undefined ? undefined : formatPercent(c.share),
            strengths: c.strengths, weaknesses: c.weaknesses, differentiators: c.differentiators, warningSigns: c.warningSigns,
        })),
        customer: { goals: plan.customer.goals, markets: plan.customer.markets, strategies: plan.customer.strategies, organisation: plan.customer.organisation },
        gates: plan.gates && gatesView(plan.gates),
        feedback: plan.feedback.map((f) => ({
            text: f.text, from: f.from && stakeholderName(f.from), received: f.received,
            responses: f.responses.map((r) => workItem(r, card.today, people)),
        })),
        formerContacts: plan.stakeholders.filter((s): s is Stakeholder & { left: NonNullable<Stakeholder['left']> } => s.left !== undefined)
            .map((s) => ({ name: s.fullName, title: s.title, left: s.left.date, reason: s.left.reason })),
    };
}

function whitespaceCoverage(whitespace: NonNullable<AccountScorecard['plan']['whitespace']>): string | undefined {
    const { coverage, counts } = whitespaceSummary(whitespace);
    if (coverage === undefined) return undefined;
    return `${Math.round(coverage)}% of relevant cells bought · ${counts.pipeline} in the pipeline · ${counts.open} open`;
}

/** An action with its owner by name and whether it is late, the one way every report counts it (domain/progress.ts). */
export function workItem(a: { label: string; owner?: string; due?: IsoDate; status: ActionStatus }, today: IsoDate, people: People): WorkItem {
    return { label: a.label, owner: person(a.owner, people), due: a.due, status: a.status, overdue: dueStatus(a.due, a.status, today)?.overdue ?? false };
}

function gatesView(gates: NonNullable<AccountScorecard['plan']['gates']>): NonNullable<AccountPlanSections['gates']> {
    const answers = gateAnswers(gates);
    return { answers, passed: answers.filter((a) => a.answer === 'yes').length };
}
