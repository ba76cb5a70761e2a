/**
 * What a reference may point to from other files: the portfolio's team members and scoring factors
 * (and nothing else is referred to across files). Langium rebuilds each global scope from the whole
 * index after *any* change; a keystroke in a plan changes no team member or factor, so here a global
 * scope is rebuilt only when a document that exports elements of that type was indexed again or
 * removed — an edit then costs the same whatever the portfolio's size.
 *
 * Linking asks for one name per reference: `elementNamed` answers it without making the scope
 * (a filtered stream and a scope per enclosing node, then a search through the streams).
 */
import { AstUtils, DefaultScopeProvider, DocumentState, MultiMap, MultiMapScope, type AstNode, type AstNodeDescription, type LangiumCoreServices, type ReferenceInfo, type Scope } from 'langium';
import { exportedTypes } from './kam-scope-computation.js';

export class KamScopeProvider extends DefaultScopeProvider {
    /** Per element type, bumped when the set of documents exporting that type may have changed. */
    private readonly versions = new Map<string, number>();
    /** Per document, the types it exported when last indexed. */
    private readonly exportedTypes = new Map<string, Set<string>>();
    private readonly scopes = new Map<string, { version: number; scope: Scope }>();

    constructor(services: LangiumCoreServices) {
        super(services);
        const builder = services.shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(DocumentState.IndexedContent, (document) => {
            const uri = document.uri.toString();
            const types = exportedTypes(document.parseResult.value);
            for (const type of new Set([...types, ...(this.exportedTypes.get(uri) ?? [])])) this.bump(type);
            this.exportedTypes.set(uri, types);
        });
        builder.onUpdate((_changed, deleted) => {
            for (const uri of deleted.map((u) => u.toString())) {
                for (const type of this.exportedTypes.get(uri) ?? []) this.bump(type);
                this.exportedTypes.delete(uri);
            }
        });
    }

    /**
     * What `getScope(context).getElement(name)` gives: the innermost local symbol of the reference's
     * type with that name (stakeholders, in their account), else the portfolio's element of that name.
     */
    elementNamed(context: ReferenceInfo, name: string): AstNodeDescription | undefined {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        if (localSymbols) {
            for (let node: AstNode | undefined = context.container; node; node = node.$container) {
                if (!localSymbols.has(node)) continue;
                // KamScopeComputation's symbols are a MultiMap: its list read directly, without a stream per lookup
                // (the stream's making and stepping was a quarter of linking a portfolio).
                const descriptions = localSymbols instanceof MultiMap ? (localSymbols as MultiMap<AstNode, AstNodeDescription>).get(node) : localSymbols.getStream(node).toArray();
                for (const description of descriptions) {
                    if (description.name === name && this.reflection.isSubtype(description.type, referenceType)) return description;
                }
            }
        }
        return this.getGlobalScope(referenceType, context).getElement(name);
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        const version = this.versions.get(referenceType) ?? 0;
        const cached = this.scopes.get(referenceType);
        if (cached && cached.version === version) return cached.scope;
        const scope = new MultiMapScope(this.indexManager.allElements(referenceType));
        this.scopes.set(referenceType, { version, scope });
        return scope;
    }

    private bump(type: string): void {
        this.versions.set(type, (this.versions.get(type) ?? 0) + 1);
        // Subtypes share their supertypes' scopes: a change to any type invalidates every cached scope of a supertype too.
        for (const cachedType of this.scopes.keys()) {
            if (cachedType !== type && this.reflection.isSubtype(type, cachedType)) this.versions.set(cachedType, (this.versions.get(cachedType) ?? 0) + 1);
        }
    }
}
