/**
 * Markdown as readers' renderers see it, for tests: parsed with micromark's GFM (CommonMark and the
 * GFM extensions GitHub has: tables, strikethrough, autolink literals, footnotes) into an mdast tree, and with marked (the renderer behind VS Code's hovers) into tokens. Two views of a
 * document: its skeleton (every node but text, with table shapes and heading depths) and its visible
 * text, one line per leaf block or table cell.
 */
import type { Nodes, Root } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfm } from 'micromark-extension-gfm';
import { Lexer, type Token, type Tokens } from 'marked';

/**
 * GFM as micromark's tokenizer reads it. mdast-util-gfm also re-scans the finished text for bare
 * URLs and e-mail addresses, after escapes are resolved (remark-gfm#33), which is not what GitHub
 * does for URLs (cmark-gfm finds `www.` and `http://` while parsing, where `www\.` and `http\://` are
 * text) nor VS Code's marked for anything; that re-scan is left out. GitHub's own re-scan, for e-mail
 * addresses only (cmark-gfm#278), ignores escapes: an address in plan text is a mailto: link there
 * whatever we write, short of changing the address.
 */
export function parseGfm(markdown: string): Root {
    const tokenizerOnly = gfmFromMarkdown().map((extension) => ({ ...extension, transforms: [] }));
    return fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: tokenizerOnly });
}

/** The tree without its text: `heading1(strong())`, `table[3](tableRow[3](tableCell() …) …)`. */
export function mdastSkeleton(node: Nodes): string {
    if (node.type === 'text') return '';
    let label: string = node.type;
    if (node.type === 'heading') label += node.depth;
    if (node.type === 'table') label += `[${node.align?.length ?? 0}]`;
    if (node.type === 'tableRow') label += `[${node.children.length}]`;
    if (node.type === 'list') label += node.ordered ? `[ordered ${node.start}]` : '';
    if (node.type === 'link' || node.type === 'image' || node.type === 'definition') label += `<${node.url}>`;
    const children = 'children' in node ? node.children.map(mdastSkeleton).filter(Boolean).join(' ') : '';
    return children ? `${label}(${children})` : label;
}

/** Tables whose rows have another number of cells than the table has columns. */
export function brokenTables(root: Root): string[] {
    const broken: string[] = [];
    const walk = (node: Nodes) => {
        if (node.type === 'table') {
            const columns = node.align?.length ?? 0;
            node.children.forEach((row, i) => { if (row.children.length !== columns) broken.push(`row ${i}: ${row.children.length} cells, ${columns} columns`); });
        }
        if ('children' in node) node.children.forEach(walk);
    };
    walk(root);
    return broken;
}

const LEAF_BLOCKS = new Set(['paragraph', 'heading', 'tableCell', 'code', 'html', 'thematicBreak', 'definition', 'footnoteDefinition']);

/** What a reader sees: the text of each leaf block and table cell, one line each, in order. */
export function visibleLines(root: Root): string[] {
    const lines: string[] = [];
    const inline = (node: Nodes): string => {
        switch (node.type) {
            case 'text': case 'inlineCode': case 'html': return node.value;
            case 'break': return ' ';
            case 'image': return node.alt ?? '';
            case 'footnoteReference': return `[^${node.identifier}]`;
            default: return 'children' in node ? node.children.map(inline).join('') : '';
        }
    };
    const walk = (node: Nodes) => {
        if (LEAF_BLOCKS.has(node.type)) lines.push(node.type === 'code' || node.type === 'html' ? (node as { value: string }).value : inline(node));
        else if ('children' in node) node.children.forEach(walk);
    };
    walk(root);
    return lines;
}

/** marked's view: every token but text, escapes and blank space, with table shapes. */
export function markedSkeleton(markdown: string): string {
    const tokens = new Lexer({ gfm: true }).lex(markdown);
    const skeleton = (token: Token): string => {
        const children: Token[] = [];
        let label: string = token.type;
        if (token.type === 'heading') label += (token as Tokens.Heading).depth;
        if (token.type === 'list') children.push(...(token as Tokens.List).items);
        if (token.type === 'table') {
            const table = token as Tokens.Table;
            label += `[${table.header.length}]`;
            for (const cell of [...table.header, ...table.rows.flat()]) children.push(...cell.tokens);
        }
        if (token.type === 'link' || token.type === 'image') label += `<${(token as Tokens.Link).href}>`;
        if ('tokens' in token && Array.isArray(token.tokens)) children.push(...token.tokens);
        const inner = children.map(skeleton).filter(Boolean).join(' ');
        if (token.type === 'text' || token.type === 'escape' || token.type === 'space') return inner;
        return inner ? `${label}(${inner})` : label;
    };
    return tokens.map(skeleton).filter(Boolean).join(' ');
}
