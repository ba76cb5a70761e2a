/**
 * Wires the rule areas into Langium's validation registry and gives every check one way to
 * report: by code, so the severity comes from the code table and the user's settings.
 */
import { AstUtils, Cancellation, getDiagnosticRange, isOperationCancelled, type AstNode, type ValidationCheck, type DiagnosticInfo as LangiumDiagnosticInfo, type ValidationAcceptor, type ValidationChecks } from 'langium';
import type { Range } from 'vscode-languageserver-protocol';
import { isAccount, isPlanFile, type Account, type KamAstType } from '../generated/ast.js';
import type { AccountPlan } from '../domain/model.js';
import { firstSyntaxErrorIn } from '../syntax/syntax-errors.js';
import { nodeForProperty } from '../syntax/property-nodes.js';
import { entryChecks } from './entries.js';
import { completenessChecks } from './completeness.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import type { ReviewSettings, ReviewSettingsHolder } from '../analysis/review-settings.js';
import { DIAGNOSTICS } from './diagnostic-codes.js';
import { PortfolioFactsProvider } from '../analysis/portfolio-facts.js';
import { stakeholderChecks } from './stakeholders.js';
import { scoringChecks } from './scoring.js';
import { objectiveChecks } from './objectives.js';
import { nameChecks } from './names.js';
import { accountChecks } from './accounts.js';
import { feedbackAndRiskChecks } from './feedback-and-risks.js';
import { portfolioChecks } from './portfolio.js';
import { renewalAndReviewChecks } from './renewals-and-reviews.js';
import { pipelineChecks } from './pipeline.js';

export type ReportInfo<N extends AstNode> = Omit<LangiumDiagnosticInfo<N>, 'code'>;

export class KamValidator {
    readonly analyzer: PlanAnalyzer;
    readonly settings: ReviewSettingsHolder;
    readonly portfolio: PortfolioFactsProvider;
    /** Every rule area's checks, one entry per node type (registerKamValidationChecks). */
    readonly checksByType = new Map<string, NodeChecks>();

    constructor(services: KamServices) {
        this.analyzer = services.analysis.PlanAnalyzer;
        this.settings = services.analysis.ReviewSettings;
        this.portfolio = new PortfolioFactsProvider(services.shared, this.settings, services.portfolio.PortfolioConfig);
    }

    /** The date a node's plan is reviewed as of (its portfolio's settings may fix it). */
    today(node: AstNode): string {
        return this.settings.today(AstUtils.getDocument(node).uri);
    }

    /** The review settings of the portfolio a node's plan belongs to. */
    settingsOf(node: AstNode): ReviewSettings {
        return this.settings.settingsFor(AstUtils.getDocument(node).uri);
    }

    /** The account as the domain sees it (one value per entry, ratings and scores checked), from the analyzer's cache. */
    plan(account: Account): AccountPlan | undefined {
        return this.analyzer.analyzeAccount(account)?.plan;
    }

    /**
     * The 1-based line of the first syntax error in the top-level element (account, team, scoring
     * model) that holds `node`, if any: that element was read only in part.
     */
    syntaxErrorLine(node: AstNode): number | undefined {
        let element: AstNode | undefined = node;
        while (element?.$container && !isPlanFile(element.$container)) element = element.$container;
        if (!element) return undefined;
        if (isAccount(element)) return this.analyzer.analyzeAccount(element)?.syntaxErrorLine;
        const cst = element.$cstNode;
        return cst ? firstSyntaxErrorIn(AstUtils.getDocument(element), cst.offset, cst.end)?.line : undefined;
    }

    /**
     * Where each (node, property or keyword) is in the text. Several findings often point at the same
     * place (an account's name), and finding it means walking the node's syntax tree: once is enough.
     * Keyed by the node object, so a re-parsed document starts afresh.
     */
    private readonly ranges = new WeakMap<AstNode, Map<string, Range>>();

    /** Reports `code` with its configured severity, or not at all when the user switched it off. */
    report<N extends AstNode>(accept: ValidationAcceptor, code: string, message: string, info: ReportInfo<N>): void {
        const configured = this.settingsOf(info.node).severity[code];
        const severity = configured ?? DIAGNOSTICS[code]?.severity ?? 'warning';
        if (severity === 'off') return;
        // What is "missing" may be in the text the parser could not read: wait for the fix (entries.ts says so once).
        if (DIAGNOSTICS[code]?.needsWholeText && this.syntaxErrorLine(info.node) !== undefined) return;
        accept(severity === 'information' ? 'info' : severity, message, { ...info, code, range: info.range ?? this.rangeOf(info as unknown as ReportInfo<AstNode>) } as LangiumDiagnosticInfo<N>);
    }

    private rangeOf(info: ReportInfo<AstNode>): Range {
        const key = `${String(info.property ?? '')}|${info.keyword ?? ''}|${info.index ?? ''}`;
        let byNode = this.ranges.get(info.node);
        if (!byNode) this.ranges.set(info.node, byNode = new Map());
        let range = byNode.get(key);
        if (!range) {
            // Langium's getDiagnosticRange, the property's node found without listing all of the element's.
            const place = typeof info.property === 'string' ? { node: info.node, range: nodeForProperty(info.node.$cstNode, info.property, info.index)?.range } : info;
            byNode.set(key, range = getDiagnosticRange(place as LangiumDiagnosticInfo<AstNode>));
        }
        return range;
    }
}

/**
 * How the reviewer names an element in a message: its display text when it has one, else its id,
 * and never "undefined" for an element being typed that has neither yet.
 */
export function nameOf(node: AstNode): string {
    const n = node as AstNode & { title?: unknown; fullName?: unknown; name?: unknown };
    // A person's `title` is a job title, not their name.
    const display = n.fullName ?? (TITLED.has(node.$type) ? n.title : undefined) ?? n.name;
    return typeof display === 'string' && display !== '' ? display : '(not named yet)';
}

/** Elements whose `title` is their display name. */
const TITLED = new Set(['Account', 'Objective', 'ScoringModel', 'Team', 'Factor']);

export type CheckFactory = (validator: KamValidator, services: KamServices) => ValidationChecks<KamAstType>;

/** One entry per node type that runs every rule area's checks for that type, synchronously. */
export type NodeChecks = (node: AstNode, accept: ValidationAcceptor) => void;

/**
 * Collects every rule area's checks into one entry per node type (the AST types and their
 * subtypes), for KamDocumentValidator to run. Each check still runs on its own: one that throws is
 * reported on its node, as Langium does, and the others run.
 */
export function registerKamValidationChecks(services: KamServices): void {
    const validator = services.validation.KamValidator;
    const reflection = services.shared.AstReflection;
    const byType = new Map<string, Array<ValidationCheck>>();
    for (const area of [stakeholderChecks, scoringChecks, accountChecks, renewalAndReviewChecks, pipelineChecks, objectiveChecks, feedbackAndRiskChecks, portfolioChecks, nameChecks, entryChecks, completenessChecks]) {
        for (const [type, checks] of Object.entries(area(validator, services))) {
            for (const concrete of reflection.getAllSubTypes(type)) {
                const list = byType.get(concrete) ?? [];
                list.push(...(Array.isArray(checks) ? checks : [checks]) as ValidationCheck[]);
                byType.set(concrete, list);
            }
        }
    }
    for (const [type, checks] of byType) {
        validator.checksByType.set(type, (node, accept) => {
            for (const check of checks) {
                try {
                    void check(node, accept, Cancellation.CancellationToken.None);
                } catch (error) {
                    if (isOperationCancelled(error)) throw error;
                    console.error('An error occurred during validation:', error);
                    accept('error', `An error occurred during validation: ${error instanceof Error ? error.message : String(error)}`, { node });
                }
            }
        });
    }
}
