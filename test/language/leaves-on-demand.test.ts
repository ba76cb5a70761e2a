/**
 * A parsed plan keeps its syntax tree's leaves as numbers until something reads the node that holds
 * them (compact-cst.ts, compact-cst-builder.ts): a build of 2,000 plans makes a sixth of them into
 * nodes (the places of findings, names), and keeps a third less memory. A reviewer must not notice:
 * every node of every example plan and every plan the fuzzer broke has the place, text, range,
 * grammar element and token type it has in a tree built by Langium's own builder — read before any
 * leaf is made (the nodes' places are worked out from the numbers) and after (the leaves made) —
 * and a leaf, once made, is the same object for everyone who reads it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, CstNodeBuilder, CstUtils, EmptyFileSystem, GrammarUtils, isAstNode, isCompositeCstNode, isLeafCstNode, isReference, type AstNode, type CompositeCstNodeImpl, type CstNode, type LangiumParser, type Lexer } from 'langium';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { childrenOf, hasChildren, leafNodesMade } from '../../language/src/syntax/compact-cst.js';
import { createKamParser } from '../../language/src/syntax/kam-parser.js';
import { nodeForProperty } from '../../language/src/syntax/property-nodes.js';
import { repeatedEntriesOf } from '../../language/src/syntax/repeated-entries.js';
import { addLinesAndColumns } from '../../language/src/syntax/token-lines.js';

const { Kam } = createKamServices(EmptyFileSystem);
const parser = Kam.parser.LangiumParser;

/**
 * The same parser (its grammar, recovery and value conversion), building Langium's own syntax tree,
 * whose leaves copy their tokens' lines: the tokens get them as they are read (the plan's lexer
 * reads offsets only; the lines added are the ones Langium's lexer tracks, keyword-lexing.test.ts).
 */
const langiums: LangiumParser = createKamParser(Kam);
(langiums as unknown as { nodeBuilder: CstNodeBuilder }).nodeBuilder = new CstNodeBuilder();
(langiums as unknown as { lexer: Lexer }).lexer = {
    definition: Kam.parser.Lexer.definition,
    tokenize(text) {
        const lexed = Kam.parser.Lexer.tokenize(text);
        addLinesAndColumns(lexed.tokens, text);
        addLinesAndColumns(lexed.hidden, text);
        return lexed;
    },
};

function place(node: CstNode | undefined): unknown {
    if (!node) return undefined;
    return { offset: node.offset, end: node.end, length: node.length, range: node.range, text: node.text, hidden: node.hidden };
}

/** What every syntax node is, in the order a walk of the tree meets them. */
function everyNode(root: CstNode): unknown[] {
    return CstUtils.streamCst(root).map((node) => ({
        ...(place(node) as object),
        leaf: isLeafCstNode(node),
        tokenType: isLeafCstNode(node) ? node.tokenType.name : undefined,
        grammarSource: node.grammarSource,
        element: node.astNode.$type,
        children: isCompositeCstNode(node) ? node.content.length : undefined,
    })).toArray();
}

/** The leaves a parse keeps as nodes from the start: comments, and the names references point with. */
function leavesKeptAsNodes(root: AstNode): number {
    let references = 0;
    for (const node of elementsParsed(root)) {
        for (const value of Object.values(node)) {
            for (const item of Array.isArray(value) ? value : [value]) if (isReference(item) && item.$refNode) references++;
        }
    }
    return references + Kam.parser.Lexer.tokenize(root.$cstNode!.root.fullText).hidden.length;
}

/** Every element the parser made: the tree's, and the later writings of one-value entries it keeps aside (a second `scores { … }`). */
function elementsParsed(root: AstNode): AstNode[] {
    const elements: AstNode[] = [];
    const visit = (top: AstNode) => {
        for (const node of AstUtils.streamAst(top)) {
            elements.push(node);
            for (const { value } of repeatedEntriesOf(node)) if (isAstNode(value)) visit(value);
        }
    };
    visit(root);
    return elements;
}

function expectSameTree(text: string): void {
    const lazy = parser.parse(text).value;
    const plain = langiums.parse(text).value;
    const lazyElements = AstUtils.streamAst(lazy).toArray();
    const plainElements = AstUtils.streamAst(plain).toArray();
    expect(lazyElements.map((node) => node.$type)).toEqual(plainElements.map((node) => node.$type));
    // Each element's place, read while its leaves are still numbers…
    expect(lazyElements.map((node) => place(node.$cstNode))).toEqual(plainElements.map((node) => place(node.$cstNode)));
    if (lazy.$cstNode) {
        // …made no leaf into a node.
        expect(leafNodesMade(lazy.$cstNode.root as unknown as CompositeCstNodeImpl).nodes).toBe(leavesKeptAsNodes(lazy));
        // Every node, its leaves made.
        expect(everyNode(lazy.$cstNode.root)).toEqual(everyNode(plain.$cstNode!.root));
        expect(leafNodesMade(lazy.$cstNode.root as unknown as CompositeCstNodeImpl).numbers).toBe(0);
    }
}

describe('syntax tree leaves kept as numbers until read', () => {
    it.each(PLAN_CORPUS)('give %s the tree Langium builds, before and after its leaves are made', (file) => {
        expectSameTree(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    });

    it('hold a plan with more leaves than the parser\'s first buffer (4,096)', () => {
        const plan = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const many = Array.from({ length: 12 }, (_, i) => plan.replace(/account nordwind-logistics/, `account nordwind-${i}`)).join('\n');
        expect(Kam.parser.Lexer.tokenize(many).tokens.length).toBeGreaterThan(4096);
        expectSameTree(many);
    });

    it('read an empty file, a lone keyword and a plan cut off anywhere as Langium does', () => {
        const plan = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        for (const text of ['', 'account', '// only a comment\n', ...[0.1, 0.35, 0.6, 0.85].map((share) => plan.slice(0, Math.floor(plan.length * share)))]) {
            expectSameTree(text);
        }
    });

    it('keep each plan\'s leaves its own when the parser reads the next plan', () => {
        const files = PLAN_CORPUS.slice(0, 6).map((file) => fs.readFileSync(path.join(ROOT, file), 'utf8'));
        const trees = files.map((text) => parser.parse(text).value);
        trees.forEach((tree, i) => expect(everyNode(tree.$cstNode!.root)).toEqual(everyNode(langiums.parse(files[i]).value.$cstNode!.root)));
    });

    it('make a leaf once: whoever reads it later gets the same node, in its place in the tree', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const root = parser.parse(text).value.$cstNode!.root;
        const offset = text.indexOf('stakeholder') + 3;
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset)!;
        expect(leaf.text).toBe('stakeholder');
        expect(CstUtils.findLeafNodeAtOffset(root, offset)).toBe(leaf);
        expect(leaf.container!.content).toContain(leaf);
        expect(CstUtils.streamCst(root).filter((node) => node.offset === leaf.offset && isLeafCstNode(node)).toArray()).toEqual([leaf]);
    });

    it('make only the leaf a finding is placed on, and the same node Langium\'s search then finds', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const plan = parser.parse(text).value;
        const root = plan.$cstNode!.root as unknown as CompositeCstNodeImpl;
        const before = leafNodesMade(root).nodes;
        const account = AstUtils.streamAst(plan).find((node) => node.$type === 'Account')!;
        const title = nodeForProperty(account.$cstNode, 'title')!;
        expect(title.text).toBe('"Nordwind Logistics"');
        expect(leafNodesMade(root).nodes).toBe(before + 1);
        expect(GrammarUtils.findNodeForProperty(account.$cstNode, 'title')).toBe(title);
        expect(title.container!.content).toContain(title);
    });

    it('keep a value read from one token (a stance, a status) as its leaf\'s number until it is read', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const plan = parser.parse(text).value;
        const kept: CompositeCstNodeImpl[] = [];
        const visit = (node: CompositeCstNodeImpl): void => {
            for (const child of childrenOf(node)) if (typeof child !== 'number' && hasChildren(child)) {
                kept.push(child as CompositeCstNodeImpl);
                visit(child as CompositeCstNodeImpl);
            }
        };
        visit(plan.$cstNode as CompositeCstNodeImpl);
        // The syntax nodes kept as objects hold several children (an element's): no stance, no status.
        expect(kept.length).toBeGreaterThan(50);
        expect(kept.filter((node) => childrenOf(node).length === 1 && typeof childrenOf(node)[0] === 'number').map((node) => node.text)).toEqual([]);
        const elements = AstUtils.streamAst(plan).toArray();
        const stakeholder = elements.find((node) => node.$type === 'Stakeholder')!;
        const stance = nodeForProperty(stakeholder.$cstNode, 'stance')!;
        expect(stance.text).toBe((stakeholder as unknown as { stance: string }).stance);
        expect(isCompositeCstNode(stance) && stance.content.map((leaf) => [leaf.text, isLeafCstNode(leaf), leaf.container])).toEqual([[stance.text, true, stance]]);
        const langiumsStakeholder = AstUtils.streamAst(langiums.parse(text).value).find((node) => node.$type === 'Stakeholder')!;
        const langiumsStance = GrammarUtils.findNodeForProperty(langiumsStakeholder.$cstNode, 'stance')!;
        expect([stance.grammarSource, stance.offset, stance.range]).toEqual([langiumsStance.grammarSource, langiumsStance.offset, langiumsStance.range]);
        expect(stance.container!.content).toContain(stance);
    });

    it('point each reference at a leaf of the tree', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const plan = parser.parse(text).value;
        const references = AstUtils.streamAst(plan).flatMap((node) => AstUtils.streamReferences(node)).map((info) => info.reference).toArray();
        expect(references.length).toBeGreaterThan(5);
        for (const reference of references) {
            const node = reference.$refNode!;
            expect(node.text).toBe(reference.$refText);
            expect(node.container!.content).toContain(node);
        }
    });
});
