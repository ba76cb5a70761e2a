/**
 * The syntax tree's leaves keep only where they start and how long they are; their lines and
 * columns are worked out when asked, and each node's lists are trimmed to their entries once the
 * node is complete (compact-cst.ts). A reviewer must not notice: every squiggle,
 * highlight, hover and link lands where it did with Langium's own leaves, which copy the lexer's
 * lines and columns. Checked against the lexer's positions on every example plan, every plan the
 * fuzzer broke, and texts with Windows and old-Mac line ends, tabs, emoji and multi-line comments.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CstUtils, DefaultLexer, EmptyFileSystem, type CstNode, type LeafCstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { CompactLeafCstNode, lineStarts } from '../../language/src/syntax/compact-cst.js';
import { CompactCstNodeBuilder } from '../../language/src/syntax/compact-cst-builder.js';
import { createKamParser } from '../../language/src/syntax/kam-parser.js';
import { shape } from '../helpers/syntax-shape.js';

const { Kam } = createKamServices(EmptyFileSystem);

/** Langium's own lexer, which tracks lines and columns as it reads (the plan's lexer reads offsets only). */
const positions = createKamServices(EmptyFileSystem, { parser: { Lexer: (services) => new DefaultLexer(services) } }).Kam.parser.Lexer;

/** Each leaf's range beside the one Langium's leaf takes from the lexer's token at that offset. */
function leafRanges(text: string) {
    const lexed = positions.tokenize(text);
    const tokens = new Map([...lexed.tokens, ...lexed.hidden].map((t) => [t.startOffset, t]));
    const comments = new Set(lexed.hidden.map((t) => t.startOffset));
    const root = Kam.parser.LangiumParser.parse(text).value.$cstNode!.root;
    const leaves = CstUtils.streamCst(root).filter((node: CstNode): node is LeafCstNode => 'tokenType' in node).toArray();
    return leaves.map((leaf) => {
        const token = tokens.get(leaf.offset)!;
        const lexer = { start: { line: token.startLine! - 1, character: token.startColumn! - 1 }, end: { line: token.endLine! - 1, character: token.endColumn! } };
        return { text: leaf.text, compact: leaf instanceof CompactLeafCstNode, range: leaf.range, lexer, hidden: leaf.hidden, comment: comments.has(leaf.offset) };
    });
}

function expectLexerPositions(text: string): void {
    const leaves = leafRanges(text);
    expect(leaves.length).toBeGreaterThan(0);
    for (const leaf of leaves) {
        expect(leaf.compact).toBe(true);
        expect(leaf.range, `«${leaf.text}»`).toEqual(leaf.lexer);
        expect(leaf.hidden, `«${leaf.text}» is hidden when it is a comment`).toBe(leaf.comment);
    }
}

const plans = PLAN_CORPUS;

const PLAN = `// Nordwind: renewal at risk
account nordwind "Nordwind Logistics" {
\tindustry "Logistics 🚚 and cold chain"
    tier key
    /* two lines
       of comment */ stakeholder anna "Anna Berg" {
        role executive
        stance champion
    }
}
`;

describe('compact syntax tree leaves', () => {
    it.each(plans)('put every token of %s where the lexer saw it', (file) => {
        expectLexerPositions(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    });

    it.each([
        ['Unix line ends, a tab and an emoji', PLAN],
        ['Windows line ends', PLAN.replace(/\n/g, '\r\n')],
        ['old Mac line ends', PLAN.replace(/\n/g, '\r')],
        ['no line end at the end', PLAN.trimEnd()],
        ['a plan cut off mid-entry', PLAN.slice(0, PLAN.indexOf('stance') + 3)]
    ])('put every token where the lexer saw it: %s', (_what, text) => {
        expectLexerPositions(text);
    });

    it('keep a plan\'s comments as hidden leaves', () => {
        const leaves = leafRanges(PLAN);
        expect(leaves.filter((leaf) => leaf.hidden).map((leaf) => leaf.text)).toEqual(['// Nordwind: renewal at risk', '/* two lines\n       of comment */']);
    });

    it('count lines as the lexer and LSP do', () => {
        expect([...lineStarts('a\nb\r\nc\rd')]).toEqual([0, 2, 5, 7]);
        expect([...lineStarts('')]).toEqual([0]);
        expect([...lineStarts('\n\n')]).toEqual([0, 1, 2]);
    });

    it('give a leaf outside any tree the start of the text, not an error', () => {
        const leaf = new CompactLeafCstNode(5, 3, Kam.parser.Lexer.definition['account']);
        expect(leaf.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    });
});

describe('syntax nodes with their lists trimmed', () => {
    // The same parser (with its recovery from broken entries), its lists left as the parse grew them.
    const untrimmed = createKamParser(Kam);
    (untrimmed as unknown as { nodeBuilder: CompactCstNodeBuilder }).nodeBuilder = new CompactCstNodeBuilder();

    it.each(plans)('hold in %s exactly what the lists held before trimming', (file) => {
        const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
        const trimmed = Kam.parser.LangiumParser.parse(text).value;
        expect(shape(trimmed)).toEqual(shape(untrimmed.parse(text).value));
    });

    it('keep every entry of a list, each list its own', () => {
        const plan = Kam.parser.LangiumParser.parse(PLAN.replace('stance champion', 'stance champion\n        role finance\n        decides on "price"')).value as unknown as { elements: Array<{ stakeholders: Array<{ decisionCriteria: unknown[]; roles: unknown[] }> }> };
        const anna = plan.elements[0].stakeholders[0];
        expect(anna.roles).toEqual(['executive', 'finance']);
        expect(anna.decisionCriteria).toEqual(['price']);
        expect(anna.decisionCriteria).not.toBe(anna.roles);
    });
});
