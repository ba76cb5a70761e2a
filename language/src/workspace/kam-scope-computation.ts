import { DefaultScopeComputation, MultiMap, interruptAndCheck, type AstNode, type AstNodeDescription, type Cancellation, type LangiumDocument, type LocalSymbols } from 'langium';
import { isAccount, isPlanFile, isScoringModel, isTeam } from '../generated/ast.js';

/**
 * What a name can refer to.
 *
 * Plans reference the portfolio's team members and scoring factors from other files
 * (`owner anna`, `currentRevenue 8`), so those nested elements are exported to the
 * workspace index alongside the top-level accounts, teams and scoring models.
 *
 * Within a plan, only stakeholders are referred to by name (`reports to`, `agreed with`, `from`,
 * `with`), each within its own account: those are the local symbols. Langium's default would
 * describe every named element of every document (and yield to the event loop after each), a
 * tenth of the work of building a large portfolio for names nothing refers to.
 */
export class KamScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<AstNodeDescription[]> {
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, exportedElements, cancelToken);
    }

    override async collectLocalSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        const root = document.parseResult.value;
        if (!isPlanFile(root)) return symbols;
        if (cancelToken) await interruptAndCheck(cancelToken);
        for (const account of root.elements.filter(isAccount)) {
            for (const stakeholder of account.stakeholders) {
                if (stakeholder.name) symbols.add(account, this.descriptions.createDescription(stakeholder, stakeholder.name, document));
            }
        }
        return symbols;
    }
}

/**
 * The types of the elements a document exports, read from its syntax tree: the same elements
 * `collectExportedSymbols` describes (asking the index instead walks every document's entry).
 */
export function exportedTypes(root: AstNode): Set<string> {
    const types = new Set<string>();
    for (const element of exportedElements(root)) types.add(element.$type);
    return types;
}

function* exportedElements(root: AstNode): Iterable<AstNode> {
    if (!isPlanFile(root)) return;
    for (const element of root.elements) {
        yield element;
        if (isTeam(element)) yield* element.members;
        if (isScoringModel(element)) yield* element.factors;
    }
}
