/**
 * Wires the rule areas into Langium's validation registry and gives every check one way to
 * report: by code, so the severity comes from the code table and the user's settings.
 */
import type { AstNode, DiagnosticInfo as LangiumDiagnosticInfo, ValidationAcceptor, ValidationChecks } from 'langium';
import type { KamAstType } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import type { ReviewSettingsHolder } from '../analysis/review-settings.js';
import { DIAGNOSTICS } from './diagnostic-codes.js';
import { PortfolioFactsProvider } from '../analysis/portfolio-facts.js';
import { stakeholderChecks } from './stakeholders.js';
import { scoringChecks } from './scoring.js';
import { objectiveChecks } from './objectives.js';
import { nameChecks } from './names.js';
import { accountChecks } from './accounts.js';
import { feedbackAndRiskChecks } from './feedback-and-risks.js';
import { portfolioChecks } from './portfolio.js';

export type ReportInfo<N extends AstNode> = Omit<LangiumDiagnosticInfo<N>, 'code'>;

export class KamValidator {
    readonly analyzer: PlanAnalyzer;
    readonly settings: ReviewSettingsHolder;
    readonly portfolio: PortfolioFactsProvider;

    constructor(services: KamServices) {
        this.analyzer = services.analysis.PlanAnalyzer;
        this.settings = services.analysis.ReviewSettings;
        this.portfolio = new PortfolioFactsProvider(services.shared, this.settings);
    }

    /** The date reviews count from (settings may fix it). */
    today(): string {
        return this.settings.today();
    }

    /** Reports `code` with its configured severity, or not at all when the user switched it off. */
    report<N extends AstNode>(accept: ValidationAcceptor, code: string, message: string, info: ReportInfo<N>): void {
        const configured = this.settings.settings.severity[code];
        const severity = configured ?? DIAGNOSTICS[code]?.severity ?? 'warning';
        if (severity === 'off') return;
        accept(severity === 'information' ? 'info' : severity, message, { ...info, code } as LangiumDiagnosticInfo<N>);
    }
}

export type CheckFactory = (validator: KamValidator, services: KamServices) => ValidationChecks<KamAstType>;

export function registerKamValidationChecks(services: KamServices): void {
    const validator = services.validation.KamValidator;
    const registry = services.validation.ValidationRegistry;
    for (const area of [stakeholderChecks, scoringChecks, accountChecks, objectiveChecks, feedbackAndRiskChecks, portfolioChecks, nameChecks]) {
        registry.register(area(validator, services), validator);
    }
}
