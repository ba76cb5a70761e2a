/**
 * A leaner syntax tree leaf. Langium's leaf keeps its start and end line and column beside its
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
import { AbstractCstNode, CstNodeBuilder, type AstNode, type CstNode, type LeafCstNode, type LeafCstNodeImpl, type RootCstNode } from 'langium';
import type { Range } from 'vscode-languageserver-types';
import type { IToken, TokenType } from 'chevrotain';

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

function positionAt(starts: Uint32Array, offset: number): { line: number; character: number } {
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
 * Langium's tree builder, making compact leaves, and trimming each syntax node's lists when the
 * node is complete.
 */
export class CompactCstNodeBuilder extends CstNodeBuilder {
    /** `listsOf(type)`: the names of the list properties of that type of syntax node. */
    constructor(private readonly listsOf: (type: string) => readonly string[] = () => []) {
        super();
    }

    /**
     * A finished syntax node's lists are copied to their exact length, as Langium copies the
     * tree's own child lists here: the parser grows a list by push, which keeps room for 17
     * entries, while most lists of a plan hold one or two (a stakeholder's title, stance,
     * influence…: about a seventh of a portfolio's memory).
     */
    override construct(item: { $type: string | symbol | undefined; $cstNode: CstNode; $infixName?: string }): void {
        super.construct(item);
        if (typeof item.$type !== 'string') return;
        const node = item as unknown as Record<string, unknown>;
        for (const name of this.listsOf(item.$type)) {
            const list = node[name];
            if (Array.isArray(list) && list.length > 0) node[name] = list.slice();
        }
    }

    protected override createLeafNode(token: IToken, hidden: boolean): LeafCstNodeImpl {
        // Structurally the same node as Langium's leaf (every public member), only smaller.
        const leaf = hidden ? new CompactHiddenLeafCstNode(token.startOffset, token.image.length, token.tokenType) : new CompactLeafCstNode(token.startOffset, token.image.length, token.tokenType);
        return leaf as unknown as LeafCstNodeImpl;
    }
}
