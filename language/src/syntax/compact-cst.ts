/**
 * A leaner syntax tree: leaves kept as numbers until read, and a leaner leaf when one is made.
 *
 * A parsed plan's leaves (about 440) live in its LeafTable as four numbers each; a syntax node
 * (LazyCompositeCstNode, LazyRootCstNode) lists them by number and works its place, text and range
 * out from the numbers. Reading a node's `content` makes its leaves into nodes, once: a build of a
 * portfolio reads a sixth of them (a finding's place, a name's), an editor more for an open plan.
 * A syntax node that holds a single leaf (a value such as `supporter`, read by a datatype rule:
 * about 60 of a plan's 110 syntax nodes) is kept the same way, as its leaf's number.
 * The builder is compact-cst-builder.ts.
 *
 * Langium's leaf keeps its start and end line and column beside its
 * offset, and whether it is hidden: five fields per token (40 bytes on 64-bit Node, two fifths of
 * the leaf), about 380 tokens a plan, kept for every plan of the portfolio. This leaf keeps the
 * offset and length only, says hidden by its class, and works the line and column out when a range
 * is asked for, from its document's line starts (computed once per document, on first use). At
 * 20,000 plans that is about 300 MB less to hold and to copy through the collector.
 *
 * Positions follow Chevrotain's, which Langium's leaf copies: lines end at `\n`, `\r\n` or a lone
 * `\r`; columns count UTF-16 code units (as LSP does); a token's end is the position just after
 * its last character.
 */
import { AbstractCstNode, CompositeCstNodeImpl, RootCstNodeImpl, type AstNode, type CompositeCstNode, type CstNode, type GrammarAST, type LeafCstNode, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { TokenType } from 'chevrotain';

/** Where each line starts, per document text (the root node holds the text). */
const lineStartsOfRoot = new WeakMap<RootCstNode, Uint32Array>();

export function lineStarts(text: string): Uint32Array {
    const starts = [0];
    if (text.indexOf('\r') === -1) {
        // Lines ended by \n alone, as most plans are: the engine's own search finds them 2-4 × faster.
        for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
        return Uint32Array.from(starts);
    }
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */) starts.push(i + 1);
        else if (c === 13 /* \r */) {
            if (text.charCodeAt(i + 1) === 10) i++;
            starts.push(i + 1);
        }
    }
    return Uint32Array.from(starts);
}

/** The 0-based line whose start is the last at or before `offset`. */
function lineOf(starts: Uint32Array, offset: number): number {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= offset) low = middle;
        else high = middle - 1;
    }
    return low;
}

/** The 0-based line and character of `offset`, for a text whose line starts are `starts`. */
export function positionAt(starts: Uint32Array, offset: number): { line: number; character: number } {
    const line = lineOf(starts, offset);
    return { line, character: offset - starts[line] };
}

function startsOf(root: RootCstNode): Uint32Array {
    let starts = lineStartsOfRoot.get(root);
    if (!starts) {
        starts = lineStarts(root.fullText);
        lineStartsOfRoot.set(root, starts);
    }
    return starts;
}

export class CompactLeafCstNode extends AbstractCstNode implements LeafCstNode {
    constructor(
        private readonly _offset: number,
        private readonly _length: number,
        private readonly _tokenType: TokenType
    ) {
        super();
    }

    get offset(): number {
        return this._offset;
    }

    get length(): number {
        return this._length;
    }

    get end(): number {
        return this._offset + this._length;
    }

    get hidden(): boolean {
        return false;
    }

    get tokenType(): TokenType {
        return this._tokenType;
    }

    get astNode(): AstNode {
        const container = this.container;
        if (!container) throw new Error('This node has no associated AST element');
        return container.astNode;
    }

    get range(): Range {
        const root = this.root;
        if (typeof (root as Partial<RootCstNode>).fullText !== 'string') {
            // A leaf outside any tree has no lines to count: the start of the text, as Langium's empty nodes.
            return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
        }
        const starts = startsOf(root);
        return { start: positionAt(starts, this._offset), end: positionAt(starts, this._offset + this._length) };
    }
}

/** A comment: a leaf the grammar does not read (its own class, so no leaf spends a field on the flag). */
export class CompactHiddenLeafCstNode extends CompactLeafCstNode {
    override get hidden(): boolean {
        return true;
    }
}


/**
 * The token types and grammar elements a parser's leaves refer to, each given a number once, so a
 * leaf can be kept as numbers (LeafTable) and made into a node again with the same type and element.
 */
export class LeafVocabulary {
    private readonly tokenTypes: TokenType[] = [];
    private readonly elements: GrammarAST.AbstractElement[] = [];
    private readonly elementNumbers = new Map<GrammarAST.AbstractElement, number>();

    tokenTypeNumber(tokenType: TokenType): number {
        const number = tokenType.tokenTypeIdx!;
        this.tokenTypes[number] = tokenType;
        return number;
    }

    tokenType(number: number): TokenType {
        return this.tokenTypes[number];
    }

    elementNumber(element: GrammarAST.AbstractElement): number {
        let number = this.elementNumbers.get(element);
        if (number === undefined) {
            number = this.elements.push(element) - 1;
            this.elementNumbers.set(element, number);
        }
        return number;
    }

    element(number: number): GrammarAST.AbstractElement {
        return this.elements[number];
    }
}

const FIELDS = 5; // offset, length, token type, grammar element, the element of the syntax node it alone fills (-1: none)

/**
 * The numbers of the leaves of the plan being parsed, one buffer per parser, reused by every parse:
 * a parse cannot know its number of leaves in advance, and a table made larger and trimmed after
 * cost two allocations outside the heap per plan.
 */
export class LeafBuffer {
    numbers = new Int32Array(4096 * FIELDS);

    grow(): Int32Array {
        const bigger = new Int32Array(this.numbers.length * 2);
        bigger.set(this.numbers);
        return (this.numbers = bigger);
    }
}

/**
 * A document's leaves as numbers: five 32-bit integers each (20 bytes, outside the collected heap),
 * where a leaf object takes 64 bytes that the young generation's collector copies twice. A plan has
 * about 440 leaves, a third of a parsed plan's memory as objects. A leaf is made into a node only
 * when something reads the syntax node that holds it (see LazyCompositeCstNode).
 */
export class LeafTable {
    /** While the plan is parsed, the parser's buffer; then this table's own copy, exactly as long as needed. */
    private numbers: Int32Array;
    private count = 0;
    private buffer: LeafBuffer | undefined;

    constructor(buffer: LeafBuffer, readonly vocabulary: LeafVocabulary) {
        this.buffer = buffer;
        this.numbers = buffer.numbers;
    }

    /** The new leaf's number. */
    add(offset: number, length: number, tokenType: TokenType, element: GrammarAST.AbstractElement): number {
        if (!this.buffer) throw new Error('A syntax tree gets no more leaves once its parse is over.');
        const leaf = this.count++;
        const at = leaf * FIELDS;
        let numbers = this.numbers;
        if (at + FIELDS > numbers.length) this.numbers = numbers = this.buffer.grow();
        numbers[at] = offset;
        numbers[at + 1] = length;
        numbers[at + 2] = this.vocabulary.tokenTypeNumber(tokenType);
        numbers[at + 3] = this.vocabulary.elementNumber(element);
        numbers[at + 4] = -1;
        return leaf;
    }

    /**
     * The leaf is all a syntax node holds (a value of a datatype rule, such as `supporter` read by
     * `Stance`, about 60 of a plan's 110 syntax nodes): the node is kept as this number in its
     * parent's children and made again, with `element` as its grammar element, when it is read.
     */
    wrap(leaf: number, element: GrammarAST.AbstractElement): void {
        this.numbers[leaf * FIELDS + 4] = this.vocabulary.elementNumber(element);
    }

    offset(leaf: number): number {
        return this.numbers[leaf * FIELDS];
    }

    end(leaf: number): number {
        return this.numbers[leaf * FIELDS] + this.numbers[leaf * FIELDS + 1];
    }

    /** The grammar element of the child the number stands for: the leaf's, or that of the syntax node it fills. */
    element(leaf: number): GrammarAST.AbstractElement {
        const wrapper = this.numbers[leaf * FIELDS + 4];
        return this.vocabulary.element(wrapper >= 0 ? wrapper : this.numbers[leaf * FIELDS + 3]);
    }

    /**
     * The child the number stands for, as a node of `container` (made once: the container keeps it
     * in place of the number): the leaf, or the syntax node it alone fills, holding it.
     */
    node(leaf: number, container: CompositeCstNodeImpl): CstNode {
        const wrapper = this.numbers[leaf * FIELDS + 4];
        if (wrapper < 0) return this.leafNode(leaf, container);
        const node = new LazyCompositeCstNode();
        node.grammarSource = this.vocabulary.element(wrapper);
        node.container = container;
        node._children = [this.leafNode(leaf, node)];
        return node;
    }

    private leafNode(leaf: number, container: CompositeCstNodeImpl): CompactLeafCstNode {
        const at = leaf * FIELDS;
        const node = new CompactLeafCstNode(this.numbers[at], this.numbers[at + 1], this.vocabulary.tokenType(this.numbers[at + 2]));
        node.grammarSource = this.vocabulary.element(this.numbers[at + 3]);
        node.container = container;
        return node;
    }

    /** The parse is over: the leaves' numbers are copied out of the parser's buffer, which the next parse reuses. */
    finish(): void {
        if (!this.buffer) return;
        this.numbers = this.numbers.slice(0, this.count * FIELDS);
        this.buffer = undefined;
    }
}

/** A syntax node's children as the builder keeps them: nodes, and leaves (or nodes holding one leaf) still kept as numbers. */
export type Child = CstNode | number;

/** The fields the two lazy node classes add to Langium's composite nodes. */
interface LazyChildren {
    /** The children in the order written; a number is a leaf of the root's LeafTable. */
    _children: Child[];
    /** Whether some child is still a number. */
    _leavesAsNumbers: boolean;
}

/** A composite node of this file's lazy classes, as the builder and the readers below see it. */
export type LazyNode = CompositeCstNodeImpl & LazyChildren;

function tableOf(node: CompositeCstNodeImpl): LeafTable {
    let current: CompositeCstNodeImpl = node;
    while (current.container) current = current.container as CompositeCstNodeImpl;
    return (current as LazyRootCstNode)._leaves;
}

/**
 * `content`, as Langium reads it: the first read makes the node's numbered leaves into nodes, in
 * place, so every later read (and every `===` between leaves) sees the same objects. Set by
 * Langium's constructor (`content = []`) and by nothing else but this file's builder.
 */
const LAZY_CONTENT: PropertyDescriptor = {
    get(this: LazyNode): CstNode[] {
        if (this._leavesAsNumbers) {
            const table = tableOf(this);
            const children = this._children;
            for (let i = 0; i < children.length; i++) {
                const child = children[i];
                if (typeof child === 'number') children[i] = table.node(child, this);
            }
            this._leavesAsNumbers = false;
        }
        return this._children as CstNode[];
    },
    set(this: LazyNode, children: CstNode[]) {
        this._children = children;
        this._leavesAsNumbers = false;
    },
    configurable: true,
};

/** The first child not hidden (a numbered leaf never is), else the first child: Langium's `firstNonHiddenNode`, without making leaves. */
function firstShown(children: Child[]): Child | undefined {
    for (const child of children) if (typeof child === 'number' || !child.hidden) return child;
    return children[0];
}

function lastShown(children: Child[]): Child | undefined {
    for (let i = children.length - 1; i >= 0; i--) {
        const child = children[i];
        if (typeof child === 'number' || !child.hidden) return child;
    }
    return children[children.length - 1];
}

function offsetOf(node: LazyNode): number {
    const first = firstShown(node._children);
    if (first === undefined) return 0;
    return typeof first === 'number' ? tableOf(node).offset(first) : first.offset;
}

function endOf(node: LazyNode): number {
    const last = lastShown(node._children);
    if (last === undefined) return 0;
    return typeof last === 'number' ? tableOf(node).end(last) : last.end;
}

/** Langium's composite range (first node's start, last node's end, never ending before it starts), leaves read as numbers. */
function rangeOf(node: LazyNode): Range {
    const cache = node as unknown as { _rangeCache?: Range };
    let range = cache._rangeCache;
    if (range !== undefined) return range;
    const first = firstShown(node._children);
    const last = lastShown(node._children);
    if (first === undefined || last === undefined) return { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    let starts: Uint32Array | undefined;
    const lines = (): Uint32Array => (starts ??= startsOf(node.root));
    const start = typeof first === 'number' ? positionAt(lines(), tableOf(node).offset(first)) : first.range.start;
    const end = typeof last === 'number' ? positionAt(lines(), tableOf(node).end(last)) : last.range.end;
    cache._rangeCache = range = { start, end: end.line < start.line ? start : end };
    return range;
}

/**
 * What the two lazy node classes change of Langium's composite node: `content` (above), and the
 * place and range, worked out from the children without making leaves into nodes.
 */
const LAZY_NODE: PropertyDescriptorMap = {
    content: LAZY_CONTENT,
    offset: { get: function (this: LazyNode) { return offsetOf(this); }, configurable: true },
    end: { get: function (this: LazyNode) { return endOf(this); }, configurable: true },
    range: { get: function (this: LazyNode) { return rangeOf(this); }, configurable: true },
};

/** A syntax node whose leaves stay numbers until its content is read (its place and text need none). */
export class LazyCompositeCstNode extends CompositeCstNodeImpl {
    declare _children: Child[];
    declare _leavesAsNumbers: boolean;
}
Object.defineProperties(LazyCompositeCstNode.prototype, LAZY_NODE);

/** The root of a plan's syntax tree, holding its text and its leaves' numbers. */
export class LazyRootCstNode extends RootCstNodeImpl {
    declare _children: Child[];
    declare _leavesAsNumbers: boolean;
    readonly _leaves: LeafTable;

    constructor(input: string, leaves: LeafTable) {
        super(input);
        this._leaves = leaves;
    }
}
Object.defineProperties(LazyRootCstNode.prototype, LAZY_NODE);

/** A syntax node's children as kept, leaves possibly as numbers (read them with `grammarSourceOf` and `childNode`). */
export function childrenOf(node: CompositeCstNode): readonly Child[] {
    return (node as Partial<LazyChildren>)._children ?? node.content;
}

/** The grammar element that read a child, without making a leaf into a node. */
export function grammarSourceOf(node: CompositeCstNode, child: Child): GrammarAST.AbstractElement | undefined {
    return typeof child === 'number' ? tableOf(node as CompositeCstNodeImpl).element(child) : child.grammarSource;
}

/** The `index`-th child as a node: a leaf kept as a number is made (once, in its place), its siblings are not. */
export function childNode(node: CompositeCstNode, index: number): CstNode {
    const children = childrenOf(node) as Child[];
    const child = children[index];
    if (typeof child !== 'number') return child;
    return (children[index] = tableOf(node as CompositeCstNodeImpl).node(child, node as CompositeCstNodeImpl));
}

/** Whether a node has children, asked without reading them (Langium's `isCompositeCstNode` reads `content`). */
export function hasChildren(node: CstNode): node is CompositeCstNode {
    return 'content' in node;
}

/** How many of a tree's leaves are nodes (made, or kept as nodes by the builder): what a build keeps on the heap. */
export function leafNodesMade(root: CompositeCstNodeImpl): { nodes: number; numbers: number } {
    const tally = { nodes: 0, numbers: 0 };
    const visit = (node: CompositeCstNodeImpl): void => {
        for (const child of (node as LazyNode)._children ?? node.content) {
            if (typeof child === 'number') tally.numbers++;
            else if ('content' in child) visit(child as CompositeCstNodeImpl);
            else tally.nodes++;
        }
    };
    visit(root);
    return tally;
}
