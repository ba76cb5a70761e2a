/**
 * The tools an assistant calls. Every number is the reviewer's and the scorer's (scorecards from the
 * PlanAnalyzer, rows from the report view model), never computed again here; each answer is a short
 * text for people and the same facts as `structuredContent` for the assistant, described by a zod
 * output schema.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import type { FindingSeverity } from '../../language/src/domain/findings.js';
import { QUADRANT_ADVICE, type Quadrant } from '../../language/src/domain/portfolio.js';
import { isOpen } from '../../language/src/domain/progress.js';
import { INFLUENCE_WEIGHT, RATINGS_SHARE, STAGE_SHARE } from '../../language/src/domain/relationship.js';
import { formatMoney, formatScore } from '../../language/src/domain/quantities.js';
import { accountSummaryMarkdown, type ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { accountView, portfolioView, type PortfolioAccountRow } from '../../language/src/reports/view-model.js';
import { DIAGNOSTICS } from '../../language/src/validation/diagnostic-codes.js';
import { findAccount, ToolInputError, type LocatedFinding, type PortfolioSession, type PortfolioSnapshot } from './portfolio-session.js';
import { proposeFix } from './propose-change.js';

const QUADRANTS = ['Strategic', 'Star', 'Status', 'Streamline'] as const satisfies readonly Quadrant[];
const SEVERITIES = ['error', 'warning', 'information', 'hint'] as const satisfies readonly FindingSeverity[];

const accountRowSchema = z.object({
    name: z.string(),
    title: z.string(),
    file: z.string().optional(),
    owner: z.string().optional().describe('Our account owner\'s id in the team file'),
    ownerName: z.string().optional(),
    tier: z.string().optional(),
    status: z.string().optional(),
    revenue: z.number().optional().describe('Current revenue'),
    currency: z.string().optional(),
    strategicValue: z.number().optional().describe('1-10, the weighted factor scores'),
    relationshipStrength: z.number().optional().describe('0-10, ratings weighted by influence (70%) and the relationship stage (30%)'),
    quadrant: z.enum(QUADRANTS).optional(),
    completeness: z.object({ present: z.number(), total: z.number() }).describe('Elements of an action plan present'),
    errors: z.number(),
    warnings: z.number(),
    renewal: z.object({
        date: z.string(), daysTo: z.number(), noticeDeadline: z.string().optional(), daysToNotice: z.number().optional(), contract: z.string().optional(),
    }).optional().describe('The next contract renewal from today (or the contract\'s end), with the last day to give notice'),
    syntaxErrorLine: z.number().optional().describe('A syntax error inside the account: its numbers are provisional'),
});
type AccountRow = z.infer<typeof accountRowSchema>;

/** One term of a score: a factor, or a stakeholder or the stage. */
interface ScoreTerm {
    name: string;
    title: string;
    weight: number;
    score?: number;
    contribution: number;
    note?: string;
}

const findingSchema = z.object({
    file: z.string(), account: z.string().optional(), line: z.number(), column: z.number(),
    severity: z.enum(SEVERITIES), code: z.string(), message: z.string(),
});

/** The accounts as rows of the portfolio view (the table of the portfolio report), in its order. */
function accountRows(snapshot: PortfolioSnapshot, accounts: ReviewedAccount[] = snapshot.accounts): AccountRow[] {
    const view = portfolioView(accounts, snapshot.context);
    const byKey = new Map(accounts.map((a) => [`${a.card.plan.uri}#${a.card.plan.name}`, a]));
    return view.accounts.map((row: PortfolioAccountRow) => {
        const { card } = byKey.get(`${row.uri}#${row.name}`)!;
        return {
            name: row.name, title: row.title, file: row.source, owner: row.owner?.id, ownerName: row.owner?.name,
            tier: row.tier, status: card.plan.status, revenue: row.revenue, currency: row.currency,
            strategicValue: row.strategicValue, relationshipStrength: row.relationship, quadrant: row.quadrant,
            completeness: { present: card.completeness.present, total: card.completeness.total },
            errors: row.errors, warnings: row.warnings, syntaxErrorLine: card.syntaxErrorLine,
            renewal: card.renewal && {
                date: card.renewal.date, daysTo: card.renewal.daysTo, noticeDeadline: card.renewal.noticeDeadline,
                daysToNotice: card.renewal.daysToNotice, contract: card.renewal.contract.title,
            },
        };
    });
}

function rowLine(r: AccountRow): string {
    const numbers = r.syntaxErrorLine !== undefined
        ? `numbers provisional (syntax error on line ${r.syntaxErrorLine})`
        : `value ${formatScore(r.strategicValue)}, relationship ${formatScore(r.relationshipStrength)}, ${r.quadrant ?? 'not placed'}`;
    const revenue = r.revenue === undefined ? 'no revenue stated' : formatMoney({ amount: r.revenue, currency: r.currency ?? '' });
    const renewal = r.renewal ? `; renews ${r.renewal.date} (in ${r.renewal.daysTo} days${r.renewal.noticeDeadline ? `, notice by ${r.renewal.noticeDeadline}` : ''})` : '';
    return `- ${r.title} (${r.name}): ${numbers}; ${revenue}; plan ${r.completeness.present}/${r.completeness.total}${renewal}; ${r.errors} errors, ${r.warnings} warnings`;
}

function answer(text: string, structured: Record<string, unknown>): CallToolResult {
    return { content: [{ type: 'text', text }], structuredContent: structured };
}

/** A tool's work, with a request it cannot answer as asked turned into a tool error the assistant reads. */
function tool<A>(session: PortfolioSession, work: (snapshot: PortfolioSnapshot, args: A) => CallToolResult | Promise<CallToolResult>) {
    return async (args: A): Promise<CallToolResult> => {
        try {
            return await work(await session.current(), args);
        } catch (error) {
            if (error instanceof ToolInputError) return { isError: true, content: [{ type: 'text', text: error.message }] };
            throw error;
        }
    };
}

/** The filters of `query_portfolio`, each a predicate on an account. */
const queryShape = {
    quadrant: z.enum(QUADRANTS).optional().describe('Portfolio quadrant'),
    owner: z.string().optional().describe('Our account owner: team member id or full name'),
    tier: z.enum(['key', 'major', 'standard']).optional(),
    status: z.enum(['key', 'grow-into-key', 'maintain', 'manage-diplomatically']).optional(),
    findingCode: z.string().optional().describe('Accounts with a finding of this code, e.g. kam.single-threaded'),
    minStrategicValue: z.number().min(0).max(10).optional(),
    maxStrategicValue: z.number().min(0).max(10).optional(),
    minRelationshipStrength: z.number().min(0).max(10).optional(),
    maxRelationshipStrength: z.number().min(0).max(10).optional(),
    incompletePlan: z.boolean().optional().describe('true: only plans missing an element of the action plan'),
    renewalWithinDays: z.number().int().min(0).optional().describe('Accounts whose next contract renewal is at most this many days away'),
    noticeWithinDays: z.number().int().min(0).optional().describe('Accounts whose last day to give notice before the next renewal is at most this many days away (and not passed)'),
};
type Query = { [K in keyof typeof queryShape]: z.infer<typeof queryShape[K]> };

function matches(query: Query, a: ReviewedAccount, row: AccountRow): boolean {
    const between = (value: number | undefined, min?: number, max?: number) =>
        (min === undefined || (value !== undefined && value >= min)) && (max === undefined || (value !== undefined && value <= max));
    const owner = query.owner?.toLowerCase();
    return (query.quadrant === undefined || row.quadrant === query.quadrant)
        && (owner === undefined || row.owner?.toLowerCase() === owner || row.ownerName?.toLowerCase() === owner)
        && (query.tier === undefined || row.tier === query.tier)
        && (query.status === undefined || row.status === query.status)
        && (query.findingCode === undefined || a.findings.some((f) => f.code === query.findingCode))
        && between(row.strategicValue, query.minStrategicValue, query.maxStrategicValue)
        && between(row.relationshipStrength, query.minRelationshipStrength, query.maxRelationshipStrength)
        && (query.incompletePlan === undefined || (row.completeness.present < row.completeness.total) === query.incompletePlan)
        && (query.renewalWithinDays === undefined || (row.renewal !== undefined && row.renewal.daysTo <= query.renewalWithinDays))
        && (query.noticeWithinDays === undefined || (row.renewal?.daysToNotice !== undefined && row.renewal.daysToNotice >= 0 && row.renewal.daysToNotice <= query.noticeWithinDays));
}

function checkCode(code: string | undefined): void {
    if (code !== undefined && !DIAGNOSTICS[code] && !['parsing-error', 'lexing-error', 'linking-error'].includes(code)) {
        throw new ToolInputError(`"${code}" is not a finding code of the reviewer. Codes look like kam.single-threaded; see docs/diagnostics.md or list_findings.`);
    }
}

export function registerTools(server: McpServer, session: PortfolioSession): void {
    server.registerTool('list_accounts', {
        title: 'List accounts',
        description: 'Every account of the portfolio with its strategic value, relationship strength, quadrant, plan completeness, revenue, owner and finding counts, highest strategic value first.',
        inputSchema: {},
        outputSchema: { accounts: z.array(accountRowSchema), count: z.number() },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot) => {
        const accounts = accountRows(snapshot);
        return answer(`${accounts.length} accounts:\n${accounts.map(rowLine).join('\n')}`, { accounts, count: accounts.length });
    }));

    server.registerTool('account_summary', {
        title: 'Account plan summary',
        description: 'One account\'s plan summary: facts, strategic value, relationship strength, quadrant and advice, plan completeness, objectives, KPIs, risks and the reviewer\'s findings (text: the one-page Markdown summary).',
        inputSchema: {
            account: z.string().min(1).describe('Account id (e.g. meridian) or title'),
            detail: z.boolean().optional().describe('Add the findings with their codes and lines, for the plan\'s author (as `kam report --detail`)'),
        },
        outputSchema: {
            account: accountRowSchema,
            quadrantAdvice: z.string().optional(),
            facts: z.array(z.object({ label: z.string(), value: z.string() })),
            valueProposition: z.string().optional(),
            missing: z.array(z.object({ element: z.string(), missing: z.string().optional() })).describe('Elements of the action plan not present'),
            stakeholders: z.number(), objectives: z.number(), openActions: z.number(), overdue: z.number(), risks: z.number(), opportunities: z.number(),
            kpis: z.array(z.object({ objective: z.string(), label: z.string(), current: z.number(), target: z.number(), unit: z.string().optional(), onTarget: z.boolean(), gap: z.string() })),
        },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot, { account: name, detail }: { account: string; detail?: boolean }) => {
        const account = findAccount(snapshot, name);
        const view = accountView(account, snapshot.context);
        const [row] = accountRows(snapshot, [account]);
        const items = view.timeline.items.filter((i) => i.kind !== 'objective');
        return answer(accountSummaryMarkdown(account, snapshot.context.today, snapshot.context.people, snapshot.context.thresholds, detail), {
            account: row,
            quadrantAdvice: view.quadrantAdvice,
            facts: view.facts,
            valueProposition: view.valueProposition,
            missing: view.completeness.elements.filter((e) => !e.present).map((e) => ({ element: e.label, missing: e.missing })),
            stakeholders: view.relationship.stakeholders.length,
            objectives: account.card.plan.objectives.length,
            openActions: items.filter((i) => isOpen(i.status)).length,
            overdue: items.filter((i) => i.overdue).length,
            risks: view.risks.length,
            opportunities: account.card.plan.opportunities.length,
            kpis: view.kpis.map((k) => ({ objective: k.objective, label: k.label, current: k.current, target: k.target, unit: k.unit, onTarget: k.onTarget, gap: k.gapDisplay })),
        });
    }));

    server.registerTool('list_findings', {
        title: 'List the reviewer\'s findings',
        description: 'The reviewer\'s findings (what `kam validate` prints), optionally only of one code, severity or account.',
        inputSchema: {
            code: z.string().optional().describe('e.g. kam.single-threaded'),
            severity: z.enum(SEVERITIES).optional(),
            account: z.string().optional().describe('Account id or title'),
            limit: z.number().int().min(1).max(1000).optional().describe('At most this many (default 200)'),
        },
        outputSchema: { findings: z.array(findingSchema), total: z.number() },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot, args: { code?: string; severity?: FindingSeverity; account?: string; limit?: number }) => {
        checkCode(args.code);
        const account = args.account === undefined ? undefined : findAccount(snapshot, args.account);
        const all = snapshot.findings.filter((f: LocatedFinding) => (args.code === undefined || f.code === args.code)
            && (args.severity === undefined || f.severity === args.severity)
            && (account === undefined || (f.account === account.card.plan.name && f.file === account.source)));
        const findings = all.slice(0, args.limit ?? 200);
        const text = all.length === 0 ? 'No findings match.'
            : `${all.length} finding${all.length === 1 ? '' : 's'}${findings.length < all.length ? ` (first ${findings.length})` : ''}:\n`
              + findings.map((f) => `- ${f.file}:${f.line}:${f.column} ${f.severity} ${f.code}: ${f.message}`).join('\n');
        return answer(text, { findings, total: all.length });
    }));

    server.registerTool('query_portfolio', {
        title: 'Query the portfolio',
        description: 'Accounts that match every filter given: quadrant, owner, tier, status, a finding code (e.g. kam.single-threaded), ranges of strategic value and relationship strength, incomplete plans, a renewal or notice deadline within so many days.',
        inputSchema: queryShape,
        outputSchema: { accounts: z.array(accountRowSchema), count: z.number() },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot, query: Query) => {
        checkCode(query.findingCode);
        const rows = accountRows(snapshot);
        const byKey = new Map(snapshot.accounts.map((a) => [`${a.source}#${a.card.plan.name}`, a]));
        const accounts = rows.filter((r) => matches(query, byKey.get(`${r.file}#${r.name}`)!, r));
        return answer(accounts.length === 0 ? 'No account matches.' : `${accounts.length} account${accounts.length === 1 ? '' : 's'} match:\n${accounts.map(rowLine).join('\n')}`, { accounts, count: accounts.length });
    }));

    server.registerTool('relationship_map', {
        title: 'Relationship map',
        description: 'The customer\'s decision-making unit as the plan maps it: each stakeholder\'s roles, influence, stance, reporting line, our relationship owner, ratings and relationship index; the account\'s relationship strength and the reviewer\'s stakeholder findings (single-threaded, missing roles…).',
        inputSchema: { account: z.string().min(1).describe('Account id or title') },
        outputSchema: {
            account: z.string(), strength: z.number().optional(), ratingIndex: z.number().optional(), stage: z.string().optional(), stageScore: z.number().optional(), threshold: z.number(),
            stakeholders: z.array(z.object({
                id: z.string(), name: z.string(), title: z.string().optional(), roles: z.array(z.string()), influence: z.string().optional(), stance: z.string().optional(),
                reportsTo: z.string().optional(), owner: z.string().optional(), trustedAdvisor: z.number().optional(), strategicPartner: z.number().optional(), index: z.number().optional(), lastContact: z.string().optional(),
            })),
            findings: z.array(findingSchema),
        },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot, { account: name }: { account: string }) => {
        const account = findAccount(snapshot, name);
        const rel = accountView(account, snapshot.context).relationship;
        const stakeholders = rel.stakeholders.map((s) => ({
            id: s.id, name: s.name, title: s.title, roles: s.roles, influence: s.influence, stance: s.stance, reportsTo: s.reportsTo,
            owner: s.owner?.name, trustedAdvisor: s.trustedAdvisor, strategicPartner: s.strategicPartner, index: s.index, lastContact: s.lastContact,
        }));
        const findings = snapshot.findings.filter((f) => f.account === account.card.plan.name && f.file === account.source && DIAGNOSTICS[f.code]?.area === 'stakeholders');
        const lines = stakeholders.map((s) => `- ${s.name}${s.title ? `, ${s.title}` : ''} (${s.roles.join(', ') || 'no role'}; influence ${s.influence ?? '?'}, ${s.stance ?? 'stance unknown'})`
            + `${s.reportsTo ? `, reports to ${s.reportsTo}` : ''}; ours: ${s.owner ?? 'nobody'}; index ${formatScore(s.index)}`);
        const text = [`${account.card.plan.title}: relationship strength ${rel.display} (strong from ${rel.threshold}); ${stakeholders.length} stakeholder${stakeholders.length === 1 ? '' : 's'}.`, ...lines,
            ...findings.map((f) => `${f.severity} ${f.code}: ${f.message}`)].join('\n');
        return answer(text, {
            account: account.card.plan.name, strength: rel.strength, ratingIndex: rel.ratingIndex, stage: rel.stage, stageScore: rel.stageScore, threshold: rel.threshold,
            stakeholders, findings,
        });
    }));

    server.registerTool('explain_score', {
        title: 'Explain a score',
        description: 'How an account\'s strategic value (weighted factor scores) or relationship strength (influence-weighted ratings and the relationship stage) is made up, term by term, and what it means for the quadrant.',
        inputSchema: {
            account: z.string().min(1).describe('Account id or title'),
            score: z.enum(['strategic-value', 'relationship-strength']),
        },
        outputSchema: {
            account: z.string(), score: z.string(), value: z.number().optional(), threshold: z.number(), formula: z.string(),
            terms: z.array(z.object({ name: z.string(), title: z.string(), weight: z.number(), score: z.number().optional(), contribution: z.number(), note: z.string().optional() })),
            quadrant: z.enum(QUADRANTS).optional(), quadrantAdvice: z.string().optional(),
        },
        annotations: { readOnlyHint: true },
    }, tool(session, (snapshot, { account: name, score }: { account: string; score: 'strategic-value' | 'relationship-strength' }) => {
        const account = findAccount(snapshot, name);
        const { card } = account;
        const thresholds = snapshot.context.thresholds;
        const quadrant = card.quadrant;
        const common = { account: card.plan.name, score, quadrant, quadrantAdvice: quadrant && QUADRANT_ADVICE[quadrant] };
        if (score === 'strategic-value') {
            const sv = card.strategicValue;
            const unscoredWeight = sv.unscored.reduce((sum, f) => sum + f.weight, 0);
            const terms: ScoreTerm[] = [
                ...sv.contributions.map((c) => ({ name: c.factor.name, title: c.factor.title, weight: c.factor.weight, score: c.score, contribution: c.contribution })),
                ...sv.unscored.map((f) => ({ name: f.name, title: f.title, weight: f.weight, contribution: unscoredWeight > 0 ? (f.weight * sv.unscoredContribution) / unscoredWeight : 0, note: 'not scored: counts at the bottom of the scale' })),
            ];
            const formula = `strategic value = Σ(weight × score on 1-10) / Σ weight${card.model && (card.model.scaleMin !== 1 || card.model.scaleMax !== 10) ? ` (the model's ${card.model.scaleMin}-${card.model.scaleMax} scale mapped onto 1-10)` : ''}; attractive from ${thresholds.keyThreshold}`;
            const text = [`${card.plan.title}: strategic value ${formatScore(sv.value)} (${formula}).`,
                ...terms.map((t) => `- ${t.title}: weight ${t.weight}% × score ${t.score ?? 'none'} → ${formatScore(t.contribution)}${t.note ? ` (${t.note})` : ''}`),
                ...(sv.offScale.length ? [`Scores off the scale, not used: ${sv.offScale.map((s) => `${s.factor} ${s.score}`).join(', ')}.`] : [])].join('\n');
            return answer(text, { ...common, value: sv.value, threshold: thresholds.keyThreshold, formula, terms });
        }
        const rel = card.relationship;
        const totalWeight = rel.stakeholders.reduce((sum, s) => sum + s.weight, 0);
        const ratingsShare = rel.stageScore === undefined ? 1 : rel.ratingIndex === undefined ? 0 : RATINGS_SHARE;
        const terms: ScoreTerm[] = [
            ...rel.stakeholders.map((s) => ({
                name: s.stakeholder.name, title: s.stakeholder.fullName, weight: s.weight, score: s.index,
                contribution: totalWeight > 0 ? (ratingsShare * s.weight * s.counted) / totalWeight : 0,
                note: s.index === undefined ? 'not rated: counts at the bottom of the scale' : `influence ${s.stakeholder.influence ?? 'unknown'} (weight ${s.weight} of ${Object.values(INFLUENCE_WEIGHT).join('/')})`,
            })),
            ...(rel.stageScore === undefined ? [] : [{
                name: 'stage', title: `Relationship stage ${card.plan.relationshipStage}`, weight: rel.ratingIndex === undefined ? 1 : STAGE_SHARE, score: rel.stageScore,
                contribution: (rel.ratingIndex === undefined ? 1 : STAGE_SHARE) * rel.stageScore,
            }]),
        ];
        const formula = `relationship strength = ${RATINGS_SHARE * 100}% × influence-weighted mean of the stakeholders' indexes (mean of their two ratings) + ${STAGE_SHARE * 100}% × the stage's score; strong from ${thresholds.strengthThreshold}`;
        const text = [`${card.plan.title}: relationship strength ${formatScore(rel.value)} (${formula}).`,
            ...terms.map((t) => `- ${t.title}: ${t.score === undefined ? 'not rated' : formatScore(t.score)} → ${formatScore(t.contribution)}${t.note ? ` (${t.note})` : ''}`)].join('\n');
        return answer(text, { ...common, value: rel.value, threshold: thresholds.strengthThreshold, formula, terms });
    }));

    server.registerTool('propose_change', {
        title: 'Propose a change for a finding',
        description: 'The reviewer\'s quick fix for a finding (add a missing stakeholder, a backup owner, an owner, due date or KPI, a contingency, a response; rescale weights to 100%) as a unified diff. Nothing is written: show the diff, and let the user apply it.',
        inputSchema: {
            code: z.string().min(1).describe('The finding\'s code, e.g. kam.missing-finance-contact or kam.weights-not-100'),
            account: z.string().optional().describe('Account id or title; for findings outside an account (the scoring model) give file instead'),
            file: z.string().optional().describe('The plan\'s path in the portfolio, as list_findings gives it'),
            line: z.number().int().min(1).optional().describe('The finding\'s line, when the plan has several of that code'),
        },
        outputSchema: { file: z.string(), title: z.string(), diff: z.string(), line: z.number() },
        annotations: { readOnlyHint: true },
    }, tool(session, async (snapshot, args: { code: string; account?: string; file?: string; line?: number }) => {
        checkCode(args.code);
        const account = args.account === undefined ? undefined : findAccount(snapshot, args.account);
        const proposal = await proposeFix(snapshot, { ...args, account });
        return answer(`${proposal.title} (${proposal.file}, line ${proposal.line}). Nothing was written; the change:\n\n${proposal.diff}`, { ...proposal });
    }));
}
