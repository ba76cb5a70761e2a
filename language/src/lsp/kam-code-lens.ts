/**
 * Code lenses: above each account its headline numbers ("Strategic value 7.4 · Star · relationship
 * 5.1", and "+0.8 since v2026-Q3" when the last review is known) with "Open preview" and "Generate report"; above each scoring model the weights' total.
 *
 * A lens is only offered if the editor can run it. The VS Code extension says at start which of its
 * own commands it has (`initializationOptions.clientCommands`); other editors (Neovim, Helix …) get
 * lenses the server runs itself (kam-commands.ts): the report written beside the plan, the
 * scorecard as a message — and no preview, which only VS Code can show.
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
import { EXPLAIN_COMMAND, WRITE_REPORT_COMMAND } from './kam-commands.js';
import { ClientCommands } from '../protocol.js';
import { describeChangeSince, type ReviewBaseline } from '../plan-diff/review-baseline.js';

/** Client commands the lenses invoke, each with the plan's URI string as its only argument. */
export const OPEN_PREVIEW_COMMAND = ClientCommands.openPreview;
export const GENERATE_REPORT_COMMAND = ClientCommands.generateSummaryReport;

/** What the connected editor can run: its own KAM commands (VS Code), files created through edits. */
interface EditorAbilities {
    clientCommands: Set<string>;
    createsFiles: boolean;
}

export class KamCodeLensProvider implements CodeLensProvider {
    private readonly analyzer: PlanAnalyzer;
    private readonly baseline: ReviewBaseline;
    /** Until an editor says otherwise (tests, in-process use): the VS Code extension's commands. */
    private editor: EditorAbilities = { clientCommands: new Set([OPEN_PREVIEW_COMMAND, GENERATE_REPORT_COMMAND]), createsFiles: true };

    constructor(services: KamServices) {
        this.analyzer = services.analysis.PlanAnalyzer;
        this.baseline = services.analysis.ReviewBaseline;
        if (services.shared.lsp.Connection) {
            services.shared.lsp.LanguageServer.onInitialize((params) => {
                const declared = (params.initializationOptions as { clientCommands?: unknown } | undefined)?.clientCommands;
                const edits = params.capabilities.workspace?.workspaceEdit;
                this.editor = {
                    clientCommands: new Set(Array.isArray(declared) ? declared.filter((c): c is string => typeof c === 'string') : []),
                    createsFiles: Boolean(edits?.documentChanges && edits.resourceOperations?.includes('create')),
                };
            });
        }
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
                const vscode = this.editor.clientCommands;
                // VS Code shows a lens without a command as plain text; other editors would try to run it.
                if (card) {
                    const since = this.baseline.changeSince(card);
                    lenses.push(this.infoLens(range, since ? `${headline(card)} · ${describeChangeSince(since)}` : headline(card)));
                }
                if (vscode.has(OPEN_PREVIEW_COMMAND)) lenses.push({ range, command: { title: 'Open preview', command: OPEN_PREVIEW_COMMAND, arguments: [uri] } });
                if (vscode.has(GENERATE_REPORT_COMMAND)) lenses.push({ range, command: { title: 'Generate report', command: GENERATE_REPORT_COMMAND, arguments: [uri] } });
                else if (this.editor.createsFiles) lenses.push({ range, command: { title: 'Write summary report', command: WRITE_REPORT_COMMAND, arguments: [uri] } });
            } else if (isScoringModel(element)) {
                lenses.push(this.infoLens(range, weightsTitle(element)));
            }
        }
        return lenses;
    }

    /** A lens that only informs: plain text in VS Code; elsewhere running it shows the text (a lens must run something). */
    private infoLens(range: Range, title: string): CodeLens {
        return this.editor.clientCommands.size
            ? { range, command: { title, command: '' } }
            : { range, command: { title, command: EXPLAIN_COMMAND, arguments: [title] } };
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
