/**
 * Code lenses: above each account its headline numbers ("Strategic value 7.4 · Star · relationship
 * 5.1") with "Open preview" and "Generate report"; above each scoring model the weights' total.
 * The commands are the VS Code client's; their arguments are plain JSON (the document URI string).
 */
import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import { isAccount, isPlanFile, isScoringModel, type ScoringModel } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import { headline } from '../reports/markdown-tables.js';
import { totalWeight } from '../domain/strategic-value.js';
import { toScoringModel } from '../analysis/extract-plan.js';

/** Client commands the lenses invoke, each with the plan's URI string as its only argument. */
export const OPEN_PREVIEW_COMMAND = 'kam.openPreview';
export const GENERATE_REPORT_COMMAND = 'kam.generateSummaryReport';

export class KamCodeLensProvider implements CodeLensProvider {
    private readonly analyzer: PlanAnalyzer;

    constructor(services: KamServices) {
        this.analyzer = services.analysis.PlanAnalyzer;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const root = document.parseResult.value;
        if (!isPlanFile(root)) return [];
        const uri = document.uri.toString();
        const lenses: CodeLens[] = [];
        for (const element of root.elements) {
            const range = headerRange(element.$cstNode?.range);
            if (!range) continue;
            if (isAccount(element)) {
                const card = this.analyzer.analyzeAccount(element);
                if (card) lenses.push({ range, command: { title: headline(card), command: '' } });
                lenses.push(
                    { range, command: { title: 'Open preview', command: OPEN_PREVIEW_COMMAND, arguments: [uri] } },
                    { range, command: { title: 'Generate report', command: GENERATE_REPORT_COMMAND, arguments: [uri] } },
                );
            } else if (isScoringModel(element)) {
                lenses.push({ range, command: { title: weightsTitle(element), command: '' } });
            }
        }
        return lenses;
    }
}

/** "Weights total 100%", or what is missing or too much. */
function weightsTitle(node: ScoringModel): string {
    const total = totalWeight(toScoringModel(node));
    if (Number.isNaN(total)) return 'Weights total unknown';
    const rounded = Math.round(total * 100) / 100;
    if (rounded === 100) return `Weights total 100% across ${node.factors.length} factor${node.factors.length === 1 ? '' : 's'}`;
    const off = Math.round(Math.abs(100 - total) * 100) / 100;
    return `Weights total ${rounded}%: ${off}% ${total < 100 ? 'short of' : 'over'} 100%`;
}

/** A lens sits on the element's first line. */
function headerRange(range: Range | undefined): Range | undefined {
    return range && { start: range.start, end: range.start };
}
