import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type Cancellation, type LangiumDocument } from 'langium';
import { isPlanFile, isScoringModel, isTeam } from '../generated/ast.js';

/**
 * Plans reference the portfolio's team members and scoring factors from other files
 * (`owner anna`, `currentRevenue 8`), so those nested elements are exported to the
 * workspace index alongside the top-level accounts, teams and scoring models.
 */
export class KamScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: Cancellation.CancellationToken): Promise<AstNodeDescription[]> {
        return this.collectExportedSymbolsForNode(document.parseResult.value, document, exportedElements, cancelToken);
    }
}

function* exportedElements(root: AstNode): Iterable<AstNode> {
    if (!isPlanFile(root)) return;
    for (const element of root.elements) {
        yield element;
        if (isTeam(element)) yield* element.members;
        if (isScoringModel(element)) yield* element.factors;
    }
}
