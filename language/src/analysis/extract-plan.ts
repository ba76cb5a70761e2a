/** Turns the parsed syntax tree into the plain domain model the scores and reports work on. */
import type { Reference } from 'langium';
import type * as ast from '../generated/ast.js';
import type * as domain from '../domain/model.js';
import { parseAmount, parseMeasure, parsePercent } from '../domain/quantities.js';

/**
 * A half-typed element may have no name yet (`account` alone, `stakeholder {`): the domain model
 * always has one, so nothing downstream shows or sorts `undefined`.
 */
export const UNNAMED = '(not named yet)';

function named(name: string | undefined): string {
    return name === undefined || name === '' ? UNNAMED : name;
}

/** A reference's target name as written, whether or not it resolves. */
function refName(ref: Reference | undefined): string | undefined {
    return ref?.$refText || undefined;
}

function money(node: ast.Money | undefined): domain.Money | undefined {
    if (!node) return undefined;
    // A half-typed amount may have no currency yet. A negative one is left out (not a number) until
    // corrected, as the reviewer says, like an absurdly large one.
    const amount = parseAmount(node.amount);
    return { amount: amount < 0 ? Number.NaN : amount, currency: node.currency ?? '' };
}

/**
 * One domain model per scoring model: every account scored against it shares it, instead of a copy
 * per account kept in each account's analysis (2,000 at 2,000 plans). A syntax node never changes
 * (an edit parses a new one), and nothing changes a domain model once read.
 */
const scoringModels = new WeakMap<ast.ScoringModel, domain.ScoringModel>();

export function toScoringModel(node: ast.ScoringModel): domain.ScoringModel {
    let model = scoringModels.get(node);
    if (!model) scoringModels.set(node, (model = readScoringModel(node)));
    return model;
}

function readScoringModel(node: ast.ScoringModel): domain.ScoringModel {
    return {
        name: named(node.name),
        title: node.title ?? named(node.name),
        scaleMin: node.scaleMin ?? 1,
        scaleMax: node.scaleMax ?? 10,
        factors: node.factors.map((f) => ({
            name: named(f.name),
            title: f.title ?? named(f.name),
            weight: parsePercent(f.weight),
            measure: f.measure as domain.FactorMeasure | undefined,
            horizon: f.horizon as domain.FactorHorizon | undefined,
            description: f.description,
        })),
    };
}

export function toTeamMember(node: ast.TeamMember): domain.TeamMember {
    return { name: named(node.name), fullName: node.fullName ?? named(node.name), title: node.title, capacity: node.capacity };
}

function action(node: ast.Action): domain.Action {
    return { label: node.label ?? '', owner: refName(node.owner), due: node.due, status: (node.status ?? 'planned') as domain.ActionStatus };
}

function stakeholder(node: ast.Stakeholder): domain.Stakeholder {
    return {
        name: named(node.name),
        fullName: node.fullName ?? named(node.name),
        title: node.title,
        roles: node.roles as domain.StakeholderRole[],
        influence: node.influence as domain.InfluenceLevel | undefined,
        stance: node.stance as domain.Stance | undefined,
        reportsTo: refName(node.reportsTo),
        relationshipOwner: refName(node.relationshipOwner),
        trustedAdvisor: node.trustedAdvisor,
        strategicPartner: node.strategicPartner,
        channel: node.channel as domain.ContactChannel | undefined,
        cadence: node.cadence as domain.Cadence | undefined,
        lastContact: node.lastContact,
        expectations: node.expectations.map((e) => ({
            kind: (e.kind ?? 'product') as domain.ExpectationKind,
            description: e.description ?? '',
            fulfilment: (e.fulfilment ?? 'unknown') as domain.Fulfilment,
            how: e.how,
        })),
        notes: node.notes,
        decisionCriteria: node.decisionCriteria,
        left: departure(node.departure),
    };
}

function departure(node: ast.Departure | undefined): domain.Stakeholder['left'] {
    return node?.date ? { date: node.date, reason: node.reason } : undefined;
}

function names(refs: ReadonlyArray<Reference>): string[] {
    return refs.map(refName).filter((n): n is string => n !== undefined);
}

function contract(node: ast.Contract): domain.Contract {
    const notice = node.notice;
    return {
        title: node.title,
        start: node.start,
        end: node.end,
        renewal: node.renewal,
        notice: notice && notice.amount !== undefined && notice.unit ? { amount: notice.amount, unit: notice.unit as domain.PeriodUnit } : undefined,
        value: money(node.value),
    };
}

function interaction(node: ast.Interaction): domain.Interaction {
    return {
        kind: (node.kind ?? 'meeting') as domain.InteractionKind,
        date: node.date ?? '',
        title: node.title,
        attendees: names(node.attendees),
        ourSide: names(node.ourSide),
        agreed: node.agreed,
        nextSteps: node.nextSteps.map(action),
    };
}

function whitespace(node: ast.Whitespace | undefined): domain.Whitespace | undefined {
    if (!node) return undefined;
    return { units: node.units, rows: node.rows.map((r) => ({ product: r.product ?? '', cells: r.cells as domain.WhitespaceCell[] })) };
}

function percentOrUndefined(text: string | undefined): number | undefined {
    return text === undefined ? undefined : parsePercent(text);
}

export function toAccountPlan(node: ast.Account, uri?: string): domain.AccountPlan {
    const scores = node.scores?.scores ?? [];
    const modelNode = scores.map((s) => s.factor.ref?.$container).find((m) => m !== undefined);
    const revenue = node.revenue;
    const gates = node.gates;
    const customer = node.customer;
    return {
        name: named(node.name),
        title: node.title ?? named(node.name),
        uri,
        industry: node.industry,
        tier: node.tier as domain.AccountTier | undefined,
        status: node.status as domain.AccountStatus | undefined,
        strategy: node.strategy as domain.AccountStrategy | undefined,
        owner: refName(node.owner),
        backupOwner: refName(node.backupOwner),
        currentRevenue: money(revenue?.current),
        potentialRevenue: money(revenue?.potential),
        profitability: percentOrUndefined(node.profitability),
        relationshipStage: node.relationshipStage as domain.RelationshipStage | undefined,
        valueProposition: node.valueProposition,
        scoringModel: modelNode?.name,
        scores: scores.flatMap((s) => {
            const factor = refName(s.factor);
            return factor ? [{ factor, score: s.value, rationale: s.rationale }] : [];
        }),
        gates: gates && {
            valuesOurSolutions: (gates.valuesOurSolutions ?? 'unknown') as domain.GateAnswer,
            multiLevelTrust: (gates.multiLevelTrust ?? 'unknown') as domain.GateAnswer,
            coCreation: (gates.coCreation ?? 'unknown') as domain.GateAnswer,
            preferredOverRivals: (gates.preferredOverRivals ?? 'unknown') as domain.GateAnswer,
        },
        customer: {
            goals: customer?.goals ?? [],
            markets: customer?.markets ?? [],
            strategies: customer?.strategies ?? [],
            organisation: customer?.organisation ?? [],
        },
        stakeholders: node.stakeholders.map(stakeholder),
        objectives: node.objectives.map((o) => ({
            name: named(o.name),
            title: o.title ?? named(o.name),
            owner: refName(o.owner),
            due: o.due,
            agreedWith: names(o.agreedWith),
            status: o.status as domain.ObjectiveStatus | undefined,
            kpis: o.kpis.map((k) => ({
                label: k.label ?? '', current: parseMeasure(k.current), target: parseMeasure(k.target),
                unit: k.unit ?? (String(k.target).endsWith('%') ? '%' : undefined), direction: k.direction as domain.KpiDirection | undefined,
                history: k.history.filter((r) => r.date && r.value !== undefined)
                    .map((r) => ({ date: r.date, value: parseMeasure(r.value) }))
                    .sort((a, b) => a.date.localeCompare(b.date)),
            })),
            milestones: o.milestones.map((m) => ({ label: m.label ?? '', due: m.due, status: (m.status ?? 'planned') as domain.ActionStatus })),
            actions: o.actions.map(action),
        })),
        feedback: node.feedback.map((f) => ({ text: f.text ?? '', from: refName(f.from), received: f.received, responses: f.responses.map(action) })),
        risks: node.risks.map((r) => ({
            text: r.text ?? '', likelihood: r.likelihood as domain.RiskLevel | undefined, impact: r.impact as domain.RiskLevel | undefined,
            contingency: r.contingency, owner: refName(r.owner),
        })),
        opportunities: node.opportunities.map((o) => ({
            text: o.text ?? '', kind: o.kind as domain.OpportunityKind | undefined, value: money(o.value),
            stakeholder: refName(o.stakeholder), owner: refName(o.owner), due: o.due,
            stage: o.stage as domain.PipelineStage | undefined,
            probability: percentOrUndefined(o.probability),
            close: o.close,
        })),
        competitors: node.competitors.map((c) => ({
            name: c.name ?? '', share: percentOrUndefined(c.share), strengths: c.strengths,
            weaknesses: c.weaknesses, differentiators: c.differentiators, warningSigns: c.warningSigns,
        })),
        parent: refName(node.parent),
        contracts: node.contracts.map(contract),
        reviewCadence: node.reviewCadence as domain.Cadence | undefined,
        lastReviewed: node.lastReviewed,
        nextReview: node.nextReview,
        signOffs: node.signOffs.map((s) => ({ by: names(s.by), date: s.date })),
        accountTeam: (node.accountTeam?.roles ?? []).flatMap((r) => {
            const member = refName(r.member);
            return r.role && member ? [{ role: r.role as domain.OurRole, member, counterparts: names(r.counterparts) }] : [];
        }),
        interactions: node.interactions.map(interaction),
        whitespace: whitespace(node.whitespace),
    };
}
