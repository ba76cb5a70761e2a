/**
 * Langium's linker, told by the parser which references each plan holds. Langium finds them by
 * walking every syntax node and asking each property whether it is a reference — most of the
 * linking phase (about 300 of 400 ms at 2,000 plans) for the few dozen references a plan has. The
 * parser builds every reference through `buildReference`, so here they are listed as they are built
 * and linked from that list. A tree this linker did not see parsed is walked as Langium does.
 */
import { Cancellation, DefaultLinker, interruptAndCheck, type AstNode, type AstNodeDescription, type CstNode, type LangiumDocument, type LinkingError, type MultiReference, type ParseResult, type Reference, type ReferenceInfo } from 'langium';
import { KamScopeProvider } from './kam-scope-provider.js';
import { repeatedEntriesOf } from '../syntax/repeated-entries.js';

/** How many references are linked (or indexed) between two chances for a request to run. */
export const REFERENCES_BETWEEN_INTERRUPTIONS = 500;

/** Where a reference built by Langium's linker stands: its node and property (undefined for one made elsewhere). */
export function placeOf(reference: Reference | MultiReference): { node?: AstNode; property?: string } {
    return reference as unknown as { node?: AstNode; property?: string };
}

export class KamLinker extends DefaultLinker {
    /** The references the running parse has built so far. */
    private building?: Reference[];
    /** The references of each parsed tree, by its root. */
    private readonly parsed = new WeakMap<AstNode, Reference[]>();

    /** Runs a parse, keeping the references it builds with its tree. */
    parsing<T extends AstNode>(parse: () => ParseResult<T>): ParseResult<T> {
        const outer = this.building;
        const references: Reference[] = [];
        this.building = references;
        try {
            const result = parse();
            this.parsed.set(result.value, references);
            return result;
        } finally {
            this.building = outer;
        }
    }

    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        const reference = super.buildReference(node, property, refNode, refText);
        this.building?.push(reference);
        return reference;
    }

    /** The element a reference names, looked up by name (kam-scope-provider.ts), not through a scope made for it. */
    override getCandidate(refInfo: ReferenceInfo): AstNodeDescription | LinkingError {
        if (!(this.scopeProvider instanceof KamScopeProvider)) return super.getCandidate(refInfo);
        return this.scopeProvider.elementNamed(refInfo, refInfo.reference.$refText) ?? this.createLinkingError(refInfo);
    }

    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const root = document.parseResult.value;
        const references = this.parsed.get(root);
        if (!references) return super.link(document, cancelToken);
        let visited = 0;
        for (const reference of references) {
            if (++visited % REFERENCES_BETWEEN_INTERRUPTIONS === 0) await interruptAndCheck(cancelToken);
            const { node, property } = placeOf(reference);
            // Error recovery may have built a node it then left out of the tree: nothing links it. A later
            // writing of an entry that takes one value (a second `scores { … }`) is kept aside, yet linked,
            // so that rename and find references reach the names written in it.
            if (!node || !property || !inTree(node, root)) continue;
            this.doLink({ reference, container: node, property }, document);
        }
    }
}

function inTree(node: AstNode, root: AstNode): boolean {
    let current: AstNode = node;
    while (current.$container) {
        if (!holds(current.$container, current) && !keptAside(current.$container, current)) return false;
        current = current.$container;
    }
    return current === root;
}

/** Whether `node` is a later writing of one of `container`'s one-value entries (repeated-entries.ts). */
function keptAside(container: AstNode, node: AstNode): boolean {
    return repeatedEntriesOf(container).some((entry) => entry.value === node);
}

/** Whether `container` holds `node` where the node says (a node kept aside knows its container but is not held by it). */
function holds(container: AstNode, node: AstNode): boolean {
    const value = (container as unknown as Record<string, unknown>)[node.$containerProperty ?? ''];
    return value === node || (Array.isArray(value) && (value[node.$containerIndex ?? 0] === node || value.includes(node)));
}
