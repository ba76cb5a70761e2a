/**
 * The plan formatter: one entry per line inside `{ … }`, indented one level per block, one space
 * between the words of an entry, `{` after one space, `}` on its own line, at most one blank line
 * kept between entries and elements. A long entry may continue on the next lines (a team member's
 * `title` under its name): continuation lines are indented one level deeper, never joined.
 *
 * It only ever changes whitespace: comments keep their text (moved to the indentation of what
 * they annotate), every value keeps its spelling, and formatting a formatted plan changes nothing.
 * Documents with syntax errors are left alone (Langium's default).
 */
import { AstUtils, CstUtils, GrammarAST, isCompositeCstNode, type AstNode, type CompositeCstNode, type CstNode, type LangiumDocument } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-protocol';
import { isPlanFile } from '../generated/ast.js';

/** A new entry inside a block: its own line, one level deeper; one blank line before it is kept. */
const ENTRY: FormattingAction = Formatting.fit(Formatting.indent(), { options: {}, moves: [{ tabs: 1, lines: 2 }] });
/** A word that continues an entry: one space, or, when already on the next line, a continuation line. */
const CONTINUATION: FormattingAction = Formatting.fit(Formatting.oneSpace(), Formatting.indent());
/** A top-level element: its own line at column 0, one blank line before it kept. */
const ELEMENT: FormattingAction = Formatting.fit(Formatting.newLine(), Formatting.newLines(2));

export class KamFormatter extends AbstractFormatter {
    protected format(node: AstNode): void {
        const cst = ownCstNode(node);
        if (!cst) return;
        if (isPlanFile(node)) {
            this.formatRoot(node, cst.content);
            return;
        }
        const children = cst.content;
        const open = children.findIndex((c) => isKeywordNode(c, '{'));
        const close = findLastIndex(children, (c) => isKeywordNode(c, '}'));
        const isBlock = open >= 0 && close > open;
        const formatter = this.getNodeFormatter(node);
        // The first child is placed by whatever contains the node.
        for (let i = 1; i < children.length; i++) {
            const child = children[i];
            const region = formatter.cst([child]);
            if (child.hidden) {
                // A comment on its own line takes the indentation of the entries around it.
                region.prepend(Formatting.indent());
            } else if (isBlock && i === open) {
                region.prepend(Formatting.oneSpace());
            } else if (isBlock && i === close) {
                region.prepend(Formatting.newLine());
            } else if (isKeywordNode(child, ',')) {
                region.prepend(Formatting.noSpace());
            } else if (isBlock && i > open && i < close) {
                region.prepend(startsEntry(child) ? ENTRY : CONTINUATION);
            } else if (isBlock && i < open) {
                region.prepend(Formatting.oneSpace());
            } else {
                region.prepend(CONTINUATION);
            }
        }
    }

    private formatRoot(node: AstNode, children: readonly CstNode[]): void {
        const formatter = this.getNodeFormatter(node);
        let first = true;
        for (const child of children) {
            if (child.hidden) {
                formatter.cst([child]).prepend(Formatting.noIndent());
                continue;
            }
            formatter.cst([child]).prepend(first ? Formatting.noIndent() : ELEMENT);
            first = false;
        }
    }

    /**
     * Comments on their own line take the indentation of what they annotate. Langium counts an
     * existing indentation in characters, which goes wrong when it is made of tabs (a comment
     * indented `\t\t` in a four-space file lost its indentation, and only a second run put it back):
     * here each line's leading whitespace is replaced by the indentation it should have, measured in
     * columns, so one run is enough. A block comment's lines keep their indentation relative to its
     * first line. More than one blank line before a comment becomes one, and trailing spaces after a
     * line comment go.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const edits: TextEdit[] = [];
        const start = hidden.range.start;
        const ownLine = !previous || previous.range.end.line < start.line;
        if (ownLine) edits.push(...this.reindent(hidden, formatting, context));
        const trailing = /[ \t]+$/.exec(hidden.text);
        if (trailing && !hidden.text.includes('\n')) {
            const end = hidden.range.end;
            edits.push({ range: { start: { line: end.line, character: end.character - trailing[0].length }, end }, newText: '' });
        }
        if (previous && start.line > previous.range.end.line) {
            const newText = '\n'.repeat(Math.min(start.line - previous.range.end.line, 2));
            edits.unshift({ range: { start: previous.range.end, end: { line: start.line, character: 0 } }, newText });
        }
        return edits;
    }

    private reindent(hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const { tabSize, insertSpaces } = context.options;
        const firstLine = hidden.range.start.line;
        const move = this.findFittingMove({ start: { line: firstLine, character: 0 }, end: hidden.range.start }, formatting?.moves ?? [], context);
        const wanted = this.getIndentationCharacterCount(context, move) * (insertSpaces ? 1 : tabSize);
        const lines = hidden.text.split('\n');
        const edits: TextEdit[] = [];
        let shift: number | undefined;
        for (let i = 0; i < lines.length; i++) {
            const line = firstLine + i;
            const text = context.document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
            const leading = /^[ \t]*/.exec(text)![0];
            const width = columns(leading, tabSize);
            shift ??= wanted - width;
            const target = Math.max(0, width + shift);
            const indentation = insertSpaces ? ' '.repeat(target) : '\t'.repeat(Math.floor(target / tabSize)) + ' '.repeat(target % tabSize);
            if (indentation !== leading) edits.push({ range: { start: { line, character: 0 }, end: { line, character: leading.length } }, newText: indentation });
        }
        return edits;
    }

    /**
     * Safety net for "lossless": an edit may only replace whitespace with whitespace. Langium's
     * formatting engine works on the gaps between tokens, so this never drops an edit in practice;
     * it guarantees that no comment or value can ever be touched.
     */
    protected override doDocumentFormat(document: LangiumDocument, options: FormattingOptions, range?: Range): TextEdit[] {
        const edits = super.doDocumentFormat(document, options, range);
        const text = document.textDocument;
        const root = document.parseResult.value.$cstNode;
        const last = root && CstUtils.flattenCst(root).toArray().at(-1);
        if (!range && last) {
            // The file ends with its last token or comment and one line break.
            const tail = { start: last.range.end, end: text.positionAt(text.getText().length) };
            if (text.getText(tail) !== '\n') edits.push({ range: tail, newText: '\n' });
        }
        return edits.filter((edit) => /^\s*$/.test(text.getText(edit.range)) && /^\s*$/.test(edit.newText));
    }
}

/**
 * The CST node whose children are the node's own tokens. A rule reached through an unassigned
 * rule call (`PlanElement: ScoringModel | Team | Account`) is wrapped in one composite per call.
 */
function ownCstNode(node: AstNode): CompositeCstNode | undefined {
    let cst = node.$cstNode;
    while (cst && isCompositeCstNode(cst) && cst.content.length === 1 && isCompositeCstNode(cst.content[0]) && cst.content[0].astNode === node) {
        cst = cst.content[0];
    }
    return cst && isCompositeCstNode(cst) ? cst : undefined;
}

function isKeywordNode(node: CstNode, value: string): boolean {
    return !isCompositeCstNode(node) && GrammarAST.isKeyword(node.grammarSource) && node.grammarSource.value === value;
}

/**
 * Does this child of a block start a new entry? Contained elements do (`stakeholder …`,
 * `revenue …`, `kpi …`, a model's factors), and so do keywords that open an entry of the block
 * (`owner`, `backup`, `trusted`, `scale`); the words and values after them do not (`owner` in
 * `backup owner`, `to` in `scale 1 to 10`, the money in `value 1.2M EUR`).
 */
function startsEntry(child: CstNode): boolean {
    const source = child.grammarSource;
    if (!source) return false;
    let element: AstNode;
    if (isCompositeCstNode(child)) element = AstUtils.getContainerOfType(source, GrammarAST.isAssignment) ?? source;
    else if (GrammarAST.isKeyword(source) && source.value !== ',') element = source;
    else return false;
    const group: AstNode | undefined = element.$container;
    if (!GrammarAST.isGroup(group) || GrammarAST.isParserRule(group.$container)) return true;
    // The elements of a block inside an entry (a KPI's `history { … }`) each start an entry.
    const before = group.elements[group.elements.indexOf(element as GrammarAST.AbstractElement) - 1];
    if (before && GrammarAST.isKeyword(before) && before.value === '{') return true;
    return group.elements[0] === element;
}

/** The width of leading whitespace in columns, a tab reaching the next tab stop. */
function columns(whitespace: string, tabSize: number): number {
    let width = 0;
    for (const c of whitespace) width = c === '\t' ? (Math.floor(width / tabSize) + 1) * tabSize : width + 1;
    return width;
}

function findLastIndex<T>(items: readonly T[], predicate: (item: T) => boolean): number {
    for (let i = items.length - 1; i >= 0; i--) if (predicate(items[i])) return i;
    return -1;
}
