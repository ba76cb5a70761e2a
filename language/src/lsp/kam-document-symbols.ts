/**
 * The outline: scoring model → factors, team → members, account → stakeholders, objectives
 * (→ KPIs, milestones, actions), feedback, risks, opportunities, competitors. Langium's default
 * lists named elements only; risks, feedback, KPIs and actions are named by their text, and each
 * symbol carries a short detail (display name, title, due date).
 */
import { GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** Elements named by a text property instead of an identifier. */
const TEXT_NAMED: Record<string, string> = {
    Risk: 'text', Feedback: 'text', Opportunity: 'text', Kpi: 'label', Milestone: 'label', Action: 'label',
};

export class KamDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const textProperty = TEXT_NAMED[node.$type];
        if (textProperty && node.$cstNode) {
            const nameNode = GrammarUtils.findNodeForProperty(node.$cstNode, textProperty);
            const text = (node as unknown as Record<string, unknown>)[textProperty];
            if (nameNode && typeof text === 'string') return [this.createSymbol(document, node, node.$cstNode, nameNode, text)];
        }
        return super.getSymbol(document, node);
    }

    protected override createSymbol(document: LangiumDocument, node: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, node, cstNode, nameNode, computedName);
        const detail = symbolDetail(node);
        return detail ? { ...symbol, detail } : symbol;
    }
}

function symbolDetail(node: AstNode): string | undefined {
    if (ast.isAccount(node) || ast.isObjective(node) || ast.isScoringModel(node) || ast.isTeam(node) || ast.isFactor(node)) {
        const due = ast.isObjective(node) && node.due ? `due ${node.due}` : undefined;
        return [node.title, due].filter(Boolean).join(' · ') || undefined;
    }
    if (ast.isStakeholder(node) || ast.isTeamMember(node)) return [node.fullName, node.title].filter(Boolean).join(', ') || undefined;
    if (ast.isAction(node) || ast.isMilestone(node)) return [node.due && `due ${node.due}`, node.status].filter(Boolean).join(' · ') || undefined;
    if (ast.isRisk(node)) return node.likelihood || node.impact ? `likelihood ${node.likelihood ?? '?'} · impact ${node.impact ?? '?'}` : undefined;
    return undefined;
}
