/** Turns the parsed syntax tree into the plain domain model the scores and reports work on. */
import type { Reference } from 'langium';
import type * as ast from '../generated/ast.js';
import type * as domain from '../domain/model.js';
import { parseAmount, parseMeasure, parsePercent } from '../domain/quantities.js';

/** A reference's target name as written, whether or not it resolves. */
function refName(ref: Reference | undefined): string | undefined {
    return ref?.$refText || undefined;
}

function money(node: ast.Money | undefined): domain.Money | undefined {
    if (!node) return undefined;
    return { amount: parseAmount(node.amount), currency: node.currency };
}

export function toScoringModel(node: ast.ScoringModel): domain.ScoringModel {
    return {
        name: node.name,
        title: node.title ?? node.name,
        scaleMin: node.scaleMin ?? 1,
        scaleMax: node.scaleMax ?? 10,
        factors: node.factors.map((f) => ({
            name: f.name,
            title: f.title ?? f.name,
            weight: parsePercent(f.weight),
            measure: f.measure as domain.FactorMeasure | undefined,
            horizon: f.horizon as domain.FactorHorizon | undefined,
            description: f.description,
        })),
    };
}

export function toTeamMember(node: ast.TeamMember): domain.TeamMember {
    return { name: node.name, fullName: node.fullName ?? node.name, title: node.title, capacity: node.capacity };
}

function action(node: ast.Action): domain.Action {
    return { label: node.label ?? '', owner: refName(node.owner), due: node.due, status: (node.status ?? 'planned') as domain.ActionStatus };
}

function stakeholder(node: ast.Stakeholder): domain.Stakeholder {
    return {
        name: node.name,
        fullName: node.fullName ?? node.name,
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
            kind: e.kind as domain.ExpectationKind,
            description: e.description ?? '',
            fulfilment: (e.fulfilment ?? 'unknown') as domain.Fulfilment,
            how: e.how,
        })),
    };
}

export function toAccountPlan(node: ast.Account, uri?: string): domain.AccountPlan {
    const scores = node.scores?.scores ?? [];
    const modelNode = scores.map((s) => s.factor.ref?.$container).find((m) => m !== undefined);
    return {
        name: node.name,
        title: node.title ?? node.name,
        uri,
        industry: node.industry,
        tier: node.tier as domain.AccountTier | undefined,
        status: node.status as domain.AccountStatus | undefined,
        strategy: node.strategy as domain.AccountStrategy | undefined,
        owner: refName(node.owner),
        backupOwner: refName(node.backupOwner),
        currentRevenue: money(node.revenue?.current),
        potentialRevenue: money(node.revenue?.potential),
        profitability: node.profitability === undefined ? undefined : parsePercent(node.profitability),
        relationshipStage: node.relationshipStage as domain.RelationshipStage | undefined,
        valueProposition: node.valueProposition,
        scoringModel: modelNode?.name,
        scores: scores.map((s) => ({ factor: refName(s.factor)!, score: s.value, rationale: s.rationale })),
        gates: node.gates && {
            valuesOurSolutions: (node.gates.valuesOurSolutions ?? 'unknown') as domain.GateAnswer,
            multiLevelTrust: (node.gates.multiLevelTrust ?? 'unknown') as domain.GateAnswer,
            coCreation: (node.gates.coCreation ?? 'unknown') as domain.GateAnswer,
            preferredOverRivals: (node.gates.preferredOverRivals ?? 'unknown') as domain.GateAnswer,
        },
        customer: {
            goals: node.customer?.goals ?? [],
            markets: node.customer?.markets ?? [],
            strategies: node.customer?.strategies ?? [],
            organisation: node.customer?.organisation ?? [],
        },
        stakeholders: node.stakeholders.map(stakeholder),
        objectives: node.objectives.map((o) => ({
            name: o.name,
            title: o.title ?? o.name,
            owner: refName(o.owner),
            due: o.due,
            agreedWith: o.agreedWith.map((r) => refName(r)!).filter(Boolean),
            kpis: o.kpis.map((k) => ({ label: k.label ?? '', current: parseMeasure(k.current), target: parseMeasure(k.target), unit: k.unit ?? (String(k.target).endsWith('%') ? '%' : undefined), direction: k.direction as domain.KpiDirection | undefined })),
            milestones: o.milestones.map((m) => ({ label: m.label ?? '', due: m.due, status: (m.status ?? 'planned') as domain.ActionStatus })),
            actions: o.actions.map(action),
        })),
        feedback: node.feedback.map((f) => ({ text: f.text ?? '', from: refName(f.from), received: f.received, response: f.response && action(f.response) })),
        risks: node.risks.map((r) => ({ text: r.text ?? '', likelihood: r.likelihood as domain.RiskLevel | undefined, impact: r.impact as domain.RiskLevel | undefined, contingency: r.contingency, owner: refName(r.owner) })),
        opportunities: node.opportunities.map((o) => ({ text: o.text ?? '', kind: o.kind as domain.OpportunityKind | undefined, value: money(o.value), stakeholder: refName(o.stakeholder), owner: refName(o.owner), due: o.due })),
        competitors: node.competitors.map((c) => ({ name: c.name, share: c.share === undefined ? undefined : parsePercent(c.share), strengths: c.strengths, warningSigns: c.warningSigns })),
    };
}
