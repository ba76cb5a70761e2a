/**
 * The outline: scoring model → factors, team → members, account → stakeholders, objectives
 * (→ KPIs, milestones, actions), feedback, risks, opportunities, competitors. Langium's default
 * lists named elements only; risks, feedback, KPIs and actions are named by their text, and each
 * symbol carries a short detail (display name, title, due date).
 */
import { CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol } from 'vscode-languageserver';
import * as ast from '../generated/ast.js';

/** Elements named by a text property instead of an identifier. */
const TEXT_NAMED: Record<string, string> = {
    Risk: 'text', Feedback: 'text', Opportunity: 'text', Kpi: 'label', Milestone: 'label', Action: 'label',
};

/**
 * Elements with no name of their own, named by what a reader would call them: "contract Tracking
 * services", "meeting 2026-11-10 Quarterly review", "our team", "signed off 2026-10-02", "whitespace".
 * The name is shown on the element's first keyword.
 */
function describedName(node: AstNode): string | undefined {
    if (ast.isContract(node)) return node.title ? `contract ${node.title}` : 'contract';
    if (ast.isInteraction(node)) return [node.kind, node.date, node.title].filter(Boolean).join(' ');
    if (ast.isAccountTeam(node)) return 'our team';
    if (ast.isAccountTeamRole(node)) return [node.role, node.member?.$refText].filter(Boolean).join(' ');
    if (ast.isSignOff(node)) return `signed off${node.date ? ` ${node.date}` : ''}`;
    if (ast.isWhitespace(node)) return 'whitespace';
    return undefined;
}

export class KamDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override getSymbol(document: LangiumDocument, node: AstNode): DocumentSymbol[] {
        const described = describedName(node);
        if (described !== undefined && node.$cstNode) {
            const first = CstUtils.flattenCst(node.$cstNode).head() ?? node.$cstNode;
            return [this.createSymbol(document, node, node.$cstNode, first, described)];
        }
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
    if (ast.isContract(node)) return [node.renewal ? `renews ${node.renewal}` : node.end && `ends ${node.end}`].filter(Boolean).join('') || undefined;
    if (ast.isRisk(node)) return node.likelihood || node.impact ? `likelihood ${node.likelihood ?? '?'} · impact ${node.impact ?? '?'}` : undefined;
    return undefined;
}
