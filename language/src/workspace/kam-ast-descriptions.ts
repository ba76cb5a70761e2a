/**
 * The descriptions of named elements: the index's exports (accounts, team members, scoring
 * factors) and each account's stakeholders, about five a plan, kept as long as the plan is.
 * Langium's provider makes each an object literal with a getter, which V8 keeps as a dictionary
 * (about 670 bytes), and works the element's place out (five objects) when it is made. Here each is
 * one object of a class (about 100 bytes) and both places are worked out when first read — by go
 * to definition, the outline, workspace symbols; a build reads none. Every field reads as Langium's
 * provider writes it (test/language/element-descriptions.test.ts).
 */
import { AstUtils, CstUtils, DefaultAstNodeDescriptionProvider, type AstNode, type AstNodeDescription, type DocumentSegment, type LangiumDocument, type NameProvider, type URI } from 'langium';

class ElementDescription implements AstNodeDescription {
    private placeOfName?: DocumentSegment;
    private placeOfElement?: DocumentSegment;

    constructor(
        readonly node: AstNode,
        readonly name: string,
        readonly type: string,
        readonly documentUri: URI,
        readonly path: string,
        private readonly names: NameProvider,
    ) {}

    /** Where the element's name is written (the element itself when its name node cannot be found). */
    get nameSegment(): DocumentSegment | undefined {
        return (this.placeOfName ??= CstUtils.toDocumentSegment(this.names.getNameNode(this.node) ?? this.node.$cstNode));
    }

    /** Where the whole element is written. */
    get selectionSegment(): DocumentSegment | undefined {
        return (this.placeOfElement ??= CstUtils.toDocumentSegment(this.node.$cstNode));
    }
}

export class KamAstNodeDescriptionProvider extends DefaultAstNodeDescriptionProvider {
    override createDescription(node: AstNode, name: string | undefined, document?: LangiumDocument): AstNodeDescription {
        // Langium's order: the document, the name, the path; an unnamed node is an error.
        const { uri } = document ?? AstUtils.getDocument(node);
        const named = name ?? this.nameProvider.getName(node);
        const path = this.astNodeLocator.getAstNodePath(node);
        if (!named) throw new Error(`Node at path ${path} has no name.`);
        return new ElementDescription(node, named, node.$type, uri, path, this.nameProvider);
    }
}
