/**
 * Scores every account of a document once per workspace state and serves the numbers to the
 * validator, the inlay hints, the hover and the reports. The cache is cleared by Langium whenever
 * any document changes (a plan's value depends on the shared scoring model), and refilled lazily,
 * one document at a time, only for the documents somebody asks about.
 */
import { AstUtils, WorkspaceCache, type LangiumDocument, type URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { isAccount, isPlanFile, isScoringModel, isTeam, type Account, type PlanFile } from '../generated/ast.js';
import type * as domain from '../domain/model.js';
import { relationshipStrength } from '../domain/relationship.js';
import { strategicValue } from '../domain/strategic-value.js';
import { quadrantOf } from '../domain/portfolio.js';
import type { AccountScorecard } from '../domain/scorecard.js';
import { toAccountPlan, toScoringModel, toTeamMember } from './extract-plan.js';
import type { KamServices } from '../kam-module.js';
import type { ReviewSettingsHolder } from './review-settings.js';
import { planCompleteness } from '../domain/completeness.js';
import { firstSyntaxErrorIn } from '../syntax/syntax-errors.js';
import { CurrencyConverter } from '../domain/currency.js';
import { pipelineSummary } from '../domain/pipeline.js';
import { planRhythm } from '../domain/plan-rhythm.js';
import { nextRenewal } from '../domain/contracts.js';

export interface AccountAnalysis extends AccountScorecard {
    node: Account;
}

export interface DocumentAnalysis {
    uri: string;
    accounts: AccountAnalysis[];
    scoringModels: domain.ScoringModel[];
    teamMembers: domain.TeamMember[];
}

export class PlanAnalyzer {
    private readonly shared: LangiumSharedServices;
    private readonly settings: ReviewSettingsHolder;
    private readonly cache: WorkspaceCache<string, DocumentAnalysis>;

    constructor(services: KamServices) {
        this.shared = services.shared;
        this.settings = services.analysis.ReviewSettings;
        this.cache = new WorkspaceCache(services.shared);
        // Quadrants depend on the thresholds.
        this.settings.onReviewChange(() => this.cache.clear());
    }

    analyzeDocument(document: LangiumDocument): DocumentAnalysis {
        const key = document.uri.toString();
        return this.cache.get(key, () => this.computeDocument(document));
    }

    /** The analysis of the account that contains `node`, if any. */
    analyzeAccount(account: Account): AccountAnalysis | undefined {
        const document = AstUtils.getDocument(account);
        return this.analyzeDocument(document).accounts.find((a) => a.node === account);
    }

    /** The plan documents of the workspace, only those under the given folders (or files) when given, in a stable order. */
    planDocuments(scope?: URI[]): LangiumDocument[] {
        return this.shared.workspace.LangiumDocuments.all
            .filter((d) => isPlanFile(d.parseResult.value))
            .filter((d) => !scope || scope.some((s) => isUnder(d.uri.toString(), s.toString())))
            .toArray()
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()));
    }

    private computeDocument(document: LangiumDocument): DocumentAnalysis {
        const root = document.parseResult.value as PlanFile;
        const uri = document.uri.toString();
        const elements = isPlanFile(root) ? root.elements : [];
        const settings = this.settings.settingsFor(document.uri);
        const thresholds = settings.thresholds;
        const today = this.settings.today(document.uri);
        const converter = new CurrencyConverter(settings.currency);
        const accounts = elements.filter(isAccount).map((node): AccountAnalysis => {
            const plan = toAccountPlan(node, uri);
            const modelNode = node.scores?.scores.map((s) => s.factor.ref?.$container).find(isScoringModel);
            const model = modelNode && toScoringModel(modelNode);
            const value = strategicValue(plan, model);
            const relationship = relationshipStrength(plan);
            const cst = node.$cstNode;
            const error = cst ? firstSyntaxErrorIn(document, cst.offset, cst.end) : undefined;
            return {
                node, plan, model, strategicValue: value, relationship, completeness: planCompleteness(plan),
                today, pipeline: pipelineSummary(plan, converter), rhythm: planRhythm(plan, today), renewal: nextRenewal(plan.contracts, today),
                // A half-read account is not placed in the portfolio as if its numbers were final.
                quadrant: error ? undefined : quadrantOf(value.value, relationship.value, thresholds),
                syntaxErrorLine: error?.line,
            };
        });
        return {
            uri,
            accounts,
            scoringModels: elements.filter(isScoringModel).map(toScoringModel),
            teamMembers: elements.filter(isTeam).flatMap((t) => t.members.map(toTeamMember)),
        };
    }
}

/** `uri` is `scope` itself or inside it (`/w/plans` does not contain `/w/plans-archive`). */
function isUnder(uri: string, scope: string): boolean {
    return uri === scope || uri.startsWith(scope.endsWith('/') ? scope : scope + '/');
}
