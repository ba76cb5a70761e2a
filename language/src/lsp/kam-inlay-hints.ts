/**
 * Inline numbers as you type: the strategic value and quadrant after each account name, each factor
 * score's weighted contribution, each stakeholder's relationship index. All from the PlanAnalyzer's
 * cached numbers, so a hint request costs no more than walking the visible range.
 */
import { AstUtils, GrammarUtils, type AstNode, type LangiumDocument } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind, type InlayHint, type InlayHintParams } from 'vscode-languageserver';
import type { CancellationToken } from 'vscode-languageserver';
import { isAccount, isFactorScore, isStakeholder } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import { formatScore } from '../domain/quantities.js';
import { stakeholderIndex } from '../domain/relationship.js';

export class KamInlayHintProvider extends AbstractInlayHintProvider {
    private readonly analyzer: PlanAnalyzer;

    constructor(services: KamServices) {
        super();
        this.analyzer = services.analysis.PlanAnalyzer;
    }

    override async getInlayHints(document: LangiumDocument, params: InlayHintParams, cancelToken?: CancellationToken): Promise<InlayHint[] | undefined> {
        return super.getInlayHints(document, params, cancelToken);
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        if (isAccount(node)) {
            const analysis = this.analyzer.analyzeAccount(node);
            if (!analysis) return;
            const quadrant = analysis.quadrant ? ` · ${analysis.quadrant}` : '';
            this.after(node, 'name', `strategic value ${formatScore(analysis.strategicValue.value)}${quadrant}`, accept,
                'Σ(weight × score) / Σ weight on 0-10, and the portfolio quadrant');
        } else if (isFactorScore(node)) {
            const account = AstUtils.getContainerOfType(node, isAccount);
            const analysis = account && this.analyzer.analyzeAccount(account);
            const contribution = analysis?.strategicValue.contributions.find((c) => c.factor.name === node.factor.$refText);
            if (contribution) {
                this.after(node, 'value', `× ${contribution.factor.weight}% → +${formatScore(contribution.contribution)}`, accept,
                    `${contribution.factor.title}: weight ${contribution.factor.weight}% × score ${contribution.score}, divided by the scored weights`);
            }
        } else if (isStakeholder(node)) {
            const index = stakeholderIndex(node);
            if (index !== undefined) {
                this.after(node, 'name', `relationship ${formatScore(index)}`, accept, 'Mean of the trusted-advisor and strategic-partner ratings, 1-10');
            }
        }
    }

    private after(node: AstNode, property: string, label: string, accept: InlayHintAcceptor, tooltip: string): void {
        const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
        if (!cst) return;
        accept({ position: cst.range.end, label, paddingLeft: true, kind: InlayHintKind.Type, tooltip });
    }
}
