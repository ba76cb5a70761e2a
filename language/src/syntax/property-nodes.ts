/**
 * Where an element's property is written: the first syntax node that assigns it. Every finding
 * with a property (most of the 11,500 on 2,000 plans) and every inlay hint asks. Langium's
 * `GrammarUtils.findNodeForProperty` lists all such nodes (an array per syntax node of the element)
 * and, for each node, walks the grammar up to its assignment; here the walk stops at the first
 * (unless an index asks for another), and each grammar element's assignment is looked up once.
 * Same node as Langium's (test/language/property-nodes.test.ts).
 */
import { GrammarAST, type AstNode, type CstNode } from 'langium';
import { childNode, childrenOf, grammarSourceOf, hasChildren } from './compact-cst.js';

/** The property the nearest assignment around a grammar element assigns (null: none). */
const assignedProperty = new WeakMap<GrammarAST.AbstractElement, string | null>();

function propertyAssignedBy(element: GrammarAST.AbstractElement | undefined): string | null {
    if (!element) return null;
    let property = assignedProperty.get(element);
    if (property === undefined) {
        let current: AstNode | undefined = element;
        while (current && !GrammarAST.isAssignment(current)) current = current.$container;
        property = current ? current.feature : null;
        assignedProperty.set(element, property);
    }
    return property;
}

/**
 * The syntax node inside `node` (its element's own) that assigns `property`: the first, or with an
 * index the index-th (the last when there are fewer), as GrammarUtils.findNodeForProperty finds it.
 */
export function nodeForProperty(node: CstNode | undefined, property: string, index = 0): CstNode | undefined {
    if (!node || !property) return undefined;
    const wanted = Math.max(0, index);
    const found: CstNode[] = [];
    collect(node, property, node.astNode, found, wanted + 1);
    return found.length === 0 ? undefined : found[Math.min(wanted, found.length - 1)];
}

/**
 * The element's nodes that assign `property`, in the order they are written, until there are
 * `enough`. Leaves kept as numbers (compact-cst.ts) are read by their grammar element: only the
 * leaf found is made into a node, not every leaf of the element.
 */
function collect(node: CstNode, property: string, element: AstNode, found: CstNode[], enough: number): void {
    if (!hasChildren(node) || node.astNode !== element) return;
    const children = childrenOf(node);
    for (let i = 0; i < children.length; i++) {
        if (found.length >= enough) return;
        const child = children[i];
        if (propertyAssignedBy(grammarSourceOf(node, child)) === property) found.push(childNode(node, i));
        else if (typeof child !== 'number') collect(child, property, element, found, enough);
    }
}
