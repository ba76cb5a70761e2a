/**
 * What each element of a plan is, for the outline, workspace symbols and completion icons:
 * accounts as classes, our team and the scoring model as namespaces, people as variables and
 * objects, objectives as functions, their KPIs as numbers, actions and milestones as events.
 */
import { isAstNodeDescription, type AstNode, type AstNodeDescription } from 'langium';
import { DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind } from 'vscode-languageserver';

const SYMBOL_KINDS: Record<string, SymbolKind> = {
    Account: SymbolKind.Class,
    ScoringModel: SymbolKind.Namespace,
    Factor: SymbolKind.Property,
    Team: SymbolKind.Namespace,
    TeamMember: SymbolKind.Variable,
    Stakeholder: SymbolKind.Object,
    Objective: SymbolKind.Function,
    Kpi: SymbolKind.Number,
    Milestone: SymbolKind.Event,
    Action: SymbolKind.Event,
    Feedback: SymbolKind.String,
    Risk: SymbolKind.Key,
    Opportunity: SymbolKind.Struct,
    Competitor: SymbolKind.Interface,
    Contract: SymbolKind.Object,
    Interaction: SymbolKind.Event,
    AccountTeam: SymbolKind.Namespace,
    AccountTeamRole: SymbolKind.Variable,
    SignOff: SymbolKind.Constant,
    Whitespace: SymbolKind.Array,
};

const COMPLETION_KINDS: Record<string, CompletionItemKind> = {
    Account: CompletionItemKind.Class,
    ScoringModel: CompletionItemKind.Module,
    Team: CompletionItemKind.Module,
    Factor: CompletionItemKind.Property,
    TeamMember: CompletionItemKind.Variable,
    Stakeholder: CompletionItemKind.Reference,
    Objective: CompletionItemKind.Function,
};

export class KamNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return SYMBOL_KINDS[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return COMPLETION_KINDS[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return isAstNodeDescription(node) ? node.type : node.$type;
}
