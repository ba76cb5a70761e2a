/**
 * Langium's syntax tree builder, making a smaller tree (compact-cst.ts): leaves kept as numbers in
 * the document's LeafTable until a node's content is read, comments and references' names as
 * compact leaf nodes, and each syntax node's lists trimmed when the node is complete. The tree
 * reads as Langium's own (test/language/leaves-on-demand.test.ts); only its memory differs.
 *
 * Every method that adds or removes children works on the nodes' own lists (`_children`), never
 * through `content`, which would make the leaves into nodes while the parse is still going.
 */
import { CstNodeBuilder, GrammarAST, type CompositeCstNode, type CompositeCstNodeImpl, type CstNode, type LeafCstNode, type LeafCstNodeImpl, type RootCstNode } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { CompactHiddenLeafCstNode, CompactLeafCstNode, LazyCompositeCstNode, LazyRootCstNode, LeafBuffer, LeafTable, LeafVocabulary, type LazyNode as Lazy } from './compact-cst.js';

type AbstractElement = GrammarAST.AbstractElement;

/** Langium's builder keeps these private; this builder replaces the methods that use them. */
interface BuilderState {
    rootNode: LazyRootCstNode;
    nodeStack: CompositeCstNodeImpl[];
}

/**
 * The leaf the parser is handed for a leaf kept as a number: Langium's parser reads it at once (the
 * value converter reads its grammar element and container) and drops it, except for a reference's
 * name, which it keeps as the reference's node — those get a real node (see `keepsNode`).
 */
class PassingLeaf extends CompactLeafCstNode {
    constructor() {
        super(0, 0, undefined as unknown as TokenType);
    }

    at(offset: number, length: number, tokenType: TokenType): this {
        const fields = this as unknown as { _offset: number; _length: number; _tokenType: TokenType };
        fields._offset = offset;
        fields._length = length;
        fields._tokenType = tokenType;
        return this;
    }
}

export class CompactCstNodeBuilder extends CstNodeBuilder {
    private readonly vocabulary = new LeafVocabulary();
    private readonly buffer = new LeafBuffer();
    private readonly passing = new PassingLeaf();

    /** `listsOf(type)`: the names of the list properties of that type of syntax node. */
    constructor(private readonly listsOf: (type: string) => readonly string[] = () => []) {
        super();
    }

    private get state(): BuilderState {
        return this as unknown as BuilderState;
    }

    override buildRootNode(input: string): RootCstNode {
        this.finish();
        const root = new LazyRootCstNode(input, new LeafTable(this.buffer, this.vocabulary));
        this.state.rootNode = root;
        this.state.nodeStack = [root];
        return root;
    }

    /**
     * The parse is over: its leaves' numbers move out of the buffer the next parse writes, and the
     * passing leaf lets go of the tree (it would keep the last plan parsed alive after its removal).
     */
    finish(): void {
        this.state.rootNode?._leaves.finish();
        this.passing.container = undefined;
        this.passing.grammarSource = undefined;
    }

    override buildCompositeNode(feature: AbstractElement): CompositeCstNode {
        const node = new LazyCompositeCstNode();
        node.grammarSource = feature;
        this.appendChild(this.current, node);
        this.state.nodeStack.push(node);
        return node;
    }

    override buildLeafNode(token: IToken, feature?: AbstractElement): LeafCstNode {
        const current = this.current as Lazy;
        if (feature === undefined || this.keepsNode(feature)) {
            const leaf = this.createLeafNode(token, feature === undefined);
            if (feature) leaf.grammarSource = feature;
            this.appendChild(current, leaf);
            return leaf;
        }
        current._children.push(this.state.rootNode._leaves.add(token.startOffset, token.image.length, token.tokenType, feature));
        current._leavesAsNumbers = true;
        const leaf = this.passing.at(token.startOffset, token.image.length, token.tokenType);
        leaf.grammarSource = feature;
        leaf.container = current;
        return leaf;
    }

    /**
     * A reference's name: the parser keeps its leaf as the reference's node, so it must be the tree's
     * own. (The type compared directly: no grammar element type derives from CrossReference, and
     * this is asked for every token.)
     */
    private keepsNode(feature: AbstractElement): boolean {
        return feature.$type === GrammarAST.CrossReference.$type;
    }

    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // Structurally the same node as Langium's leaf (every public member), only smaller.
        const leaf = hidden ? new CompactHiddenLeafCstNode(token.startOffset, token.image.length, token.tokenType) : new CompactLeafCstNode(token.startOffset, token.image.length, token.tokenType);
        return leaf as unknown as LeafCstNodeImpl;
    }

    override appendChild(parent: CompositeCstNode, child: CstNode): void {
        (child as { container?: CompositeCstNode }).container = parent;
        (parent as Lazy)._children.push(child);
    }

    override appendChildren(parent: CompositeCstNode, children: CstNode[]): void {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        const list = (parent as Lazy)._children;
        // A fresh copy has exactly the room it needs; pushing into an empty list keeps room for 17.
        if (list.length === 0) (parent as Lazy)._children = children.slice();
        else list.push(...children);
    }

    override insertChildren(parent: CompositeCstNode, index: number, children: CstNode[]): void {
        for (const child of children) (child as { container?: CompositeCstNode }).container = parent;
        (parent as Lazy)._children.splice(index, 0, ...children);
    }

    override removeNode(node: CstNode): void {
        const parent = node.container as Lazy | undefined;
        if (!parent) return;
        const index = parent._children.indexOf(node);
        if (index >= 0) parent._children.splice(index, 1);
    }

    /**
     * Comments go before the token that follows them: into the node being built when it already has
     * children, else before the innermost enclosing node that is not its parent's first child, else
     * at the start of the tree (Langium's placement, on the nodes' own lists).
     */
    override addHiddenNodes(tokens: IToken[]): void {
        if (tokens.length === 0) return;
        const nodes = tokens.map((token) => this.createLeafNode(token, true));
        let current = this.current as Lazy;
        if (current._children.length > 0) {
            this.appendChildren(current, nodes);
            return;
        }
        while (current.container) {
            const index = (current.container as Lazy)._children.indexOf(current);
            if (index > 0) {
                this.insertChildren(current.container, index, nodes);
                return;
            }
            current = current.container as Lazy;
        }
        this.insertChildren(this.state.rootNode, 0, nodes);
    }

    /**
     * A value of a datatype rule read from one token (`supporter` read by `Stance`: about 60 of a
     * plan's 110 syntax nodes) is kept as its leaf's number in its parent's children, the table
     * knowing which node it fills: three objects fewer each (the node, its list and the list's
     * store) to hold and to copy through the collector. The parser is done with the node once it
     * has its value and length, which it reads from the node as it stands; readers get it made again.
     */
    private keptAsItsLeaf(node: Lazy): boolean {
        const leaf = node._children[0];
        const parent = node.container as Lazy | undefined;
        if (node._children.length !== 1 || typeof leaf !== 'number' || !parent) return false;
        const siblings = parent._children;
        if (siblings[siblings.length - 1] !== node) return false;
        this.state.rootNode._leaves.wrap(leaf, node.grammarSource!);
        siblings[siblings.length - 1] = leaf;
        parent._leavesAsNumbers = true;
        return true;
    }

    /**
     * Closes the node being built. An empty node leaves the tree (as in Langium); a finished node's
     * lists — its children and its element's list properties — are copied to their exact length:
     * the parser grows a list by push, which keeps room for 17 entries, while most lists of a plan
     * hold one or two (a stakeholder's title, stance, influence…: about a seventh of a portfolio's memory).
     */
    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode; $infixName?: string }): void {
        const current = this.current;
        item.$cstNode = current;
        const node = this.state.nodeStack.pop() as Lazy | undefined;
        if (node) {
            if (node._children.length === 0) this.removeNode(node);
            else if (typeof item.$type !== 'string' && this.keptAsItsLeaf(node)) return;
            else node._children = node._children.slice();
        }
        if (typeof item.$type !== 'string') return;
        const element = item as unknown as Record<string, unknown>;
        for (const name of this.listsOf(item.$type)) {
            const list = element[name];
            if (Array.isArray(list) && list.length > 0) element[name] = list.slice();
        }
    }
}
