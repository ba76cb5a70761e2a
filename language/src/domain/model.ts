/**
 * The plain domain model of a key-account portfolio, independent of the parser.
 * Everything the scores, the reviewer's portfolio checks and the reports need is here,
 * so the same numbers come out of the language server, the CLI and the reports.
 */
import type {
    AccountStatus, AccountStrategy, AccountTier, ActionStatus, Cadence, ContactChannel, ExpectationKind,
    FactorHorizon, FactorMeasure, Fulfilment, GateAnswer, InfluenceLevel, InteractionKind, ObjectiveStatus, OpportunityKind,
    OurRole, PeriodUnit, PipelineStage, RelationshipStage, RiskLevel, StakeholderRole, Stance, WhitespaceCell,
} from '../generated/ast.js';

export type {
    AccountStatus, AccountStrategy, AccountTier, ActionStatus, Cadence, ContactChannel, ExpectationKind,
    FactorHorizon, FactorMeasure, Fulfilment, GateAnswer, InfluenceLevel, InteractionKind, ObjectiveStatus, OpportunityKind,
    OurRole, PeriodUnit, PipelineStage, RelationshipStage, RiskLevel, StakeholderRole, Stance, WhitespaceCell,
};

/** An ISO calendar date, `2027-03-31`. */
export type IsoDate = string;

export interface Money {
    amount: number;
    currency: string;
}

export interface Factor {
    name: string;
    title: string;
    /** Weight in percent; a sound model's weights add up to 100. */
    weight: number;
    measure?: FactorMeasure;
    horizon?: FactorHorizon;
    /** What each score means for this factor (anchors), shown in hovers and reports. */
    description?: string;
}

export interface ScoringModel {
    name: string;
    title: string;
    scaleMin: number;
    scaleMax: number;
    factors: Factor[];
}

export interface TeamMember {
    name: string;
    fullName: string;
    title?: string;
    /** How many key accounts this person can look after properly. */
    capacity?: number;
}

export interface FactorScore {
    factor: string;
    score: number;
    rationale?: string;
}

export interface Expectation {
    kind: ExpectationKind;
    description: string;
    fulfilment: Fulfilment;
    how?: string;
}

export interface Stakeholder {
    name: string;
    fullName: string;
    title?: string;
    roles: StakeholderRole[];
    influence?: InfluenceLevel;
    stance?: Stance;
    reportsTo?: string;
    relationshipOwner?: string;
    /** "Is the account manager a trusted advisor?" as this person would answer, 1-10. */
    trustedAdvisor?: number;
    /** "Is the supplier a strategic partner?" as this person would answer, 1-10. */
    strategicPartner?: number;
    channel?: ContactChannel;
    cadence?: Cadence;
    lastContact?: IsoDate;
    expectations: Expectation[];
    /** What drives the person: personal motives, worries, what they are measured on. */
    notes: string[];
    /** What the person decides on: their decision criteria. */
    decisionCriteria: string[];
    /** When the person left the company or the decision-making unit: kept in history, out of the map and the scores. */
    left?: { date: IsoDate; reason?: string };
}

export interface Kpi {
    label: string;
    current: number;
    target: number;
    unit?: string;
    /** Stated in the plan; when absent, the direction is inferred from current and target. */
    direction?: KpiDirection;
    /** Earlier values, oldest first, so progress is a trend and not one number. */
    history: KpiReading[];
}

export interface KpiReading {
    date: IsoDate;
    value: number;
}

/** Whether a KPI is better high (on-time delivery) or low (line stops, lead times). */
export type KpiDirection = 'higher-is-better' | 'lower-is-better';

export interface Action {
    label: string;
    owner?: string;
    due?: IsoDate;
    status: ActionStatus;
}

export interface Milestone {
    label: string;
    due: IsoDate;
    status: ActionStatus;
}

export interface Objective {
    name: string;
    title: string;
    owner?: string;
    due?: IsoDate;
    agreedWith: string[];
    /** As the owner judges it; absent means not stated. */
    status?: ObjectiveStatus;
    kpis: Kpi[];
    milestones: Milestone[];
    actions: Action[];
}

export interface Feedback {
    text: string;
    from?: string;
    received?: IsoDate;
    /** Every response, in the order written: often an interim one and a permanent one. */
    responses: Action[];
}

export interface Risk {
    text: string;
    likelihood?: RiskLevel;
    impact?: RiskLevel;
    contingency?: string;
    owner?: string;
}

export interface Opportunity {
    text: string;
    kind?: OpportunityKind;
    value?: Money;
    stakeholder?: string;
    owner?: string;
    due?: IsoDate;
    /** Where it stands in the sales pipeline. */
    stage?: PipelineStage;
    /** Chance to win, in percent, as written; the stage's usual probability when absent. */
    probability?: number;
    /** Expected close date. */
    close?: IsoDate;
}

export interface Competitor {
    name: string;
    share?: number;
    strengths: string[];
    weaknesses: string[];
    /** What sets us apart from this competitor. */
    differentiators: string[];
    warningSigns: string[];
}

/** A contract with the customer; for a key account the renewal date is *the* date. */
export interface Contract {
    title?: string;
    start?: IsoDate;
    end?: IsoDate;
    renewal?: IsoDate;
    /** Notice period, as written (`90 days`, `3 months`). */
    notice?: { amount: number; unit: PeriodUnit };
    /** Annual contract value. */
    value?: Money;
}

/** The plan agreed with the customer: who on their side, and when. */
export interface SignOff {
    by: string[];
    date?: IsoDate;
}

/** One of our people in a role on this account, facing their counterparts at the customer. */
export interface AccountTeamRole {
    role: OurRole;
    member: string;
    counterparts: string[];
}

/** A meeting or call: who attended on both sides, what was agreed, the next steps. */
export interface Interaction {
    kind: InteractionKind;
    date: IsoDate;
    title?: string;
    /** The customer's people who took part. */
    attendees: string[];
    /** Our people who took part. */
    ourSide: string[];
    agreed: string[];
    nextSteps: Action[];
}

/** Our products across the customer's business units or sites. */
export interface Whitespace {
    units: string[];
    rows: Array<{ product: string; cells: WhitespaceCell[] }>;
}

export interface WillAndSkillGates {
    valuesOurSolutions: GateAnswer;
    multiLevelTrust: GateAnswer;
    coCreation: GateAnswer;
    preferredOverRivals: GateAnswer;
}

export interface CustomerProfile {
    goals: string[];
    markets: string[];
    strategies: string[];
    organisation: string[];
}

export interface AccountPlan {
    name: string;
    title: string;
    /** Where the plan lives, for reports and links back to the source. */
    uri?: string;
    industry?: string;
    tier?: AccountTier;
    status?: AccountStatus;
    strategy?: AccountStrategy;
    owner?: string;
    backupOwner?: string;
    currentRevenue?: Money;
    potentialRevenue?: Money;
    /** Profit margin in percent. */
    profitability?: number;
    relationshipStage?: RelationshipStage;
    valueProposition?: string;
    scoringModel?: string;
    scores: FactorScore[];
    gates?: WillAndSkillGates;
    customer: CustomerProfile;
    stakeholders: Stakeholder[];
    objectives: Objective[];
    feedback: Feedback[];
    risks: Risk[];
    opportunities: Opportunity[];
    competitors: Competitor[];
    /** The group this account belongs to (another account), for roll-ups. */
    parent?: string;
    contracts: Contract[];
    /** The plan's own rhythm: how often it is reviewed, when last, when next. */
    reviewCadence?: Cadence;
    lastReviewed?: IsoDate;
    nextReview?: IsoDate;
    /** Every sign-off written, in order; the latest counts. */
    signOffs: SignOff[];
    accountTeam: AccountTeamRole[];
    interactions: Interaction[];
    whitespace?: Whitespace;
}
