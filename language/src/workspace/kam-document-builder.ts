/**
 * Langium's document builder, with the questions its `update` asks of *every* document on *every*
 * edit answered from indexes kept as documents are built, so that a keystroke costs the same in a
 * portfolio of 200 plans as in one of 20,000:
 *
 *   - which documents must be linked again? Those with an unresolved reference (it may resolve now)
 *     and those referring to a changed document. Langium walks all references of all documents to
 *     find out; here each document's answer is kept from its last linking (whether it has
 *     unresolved references, which documents it refers to) with the reverse index, so only the
 *     documents referring to the changed ones are asked.
 *   - which documents must be built? Langium asks every document whether it is validated and its
 *     last build complete; here only the documents added (KamLangiumDocuments), built, reset or
 *     updated since they were last seen complete are asked.
 *
 * `update` is Langium's own, step for step, with those two scans narrowed; its semantics are kept.
 */
import { KamLangiumDocuments } from './kam-langium-documents.js';
import { Cancellation, DefaultDocumentBuilder, DocumentState, interruptAndCheck, type AstNode, type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI } from 'langium';

interface LinkFacts {
    /** Some reference did not resolve: the document is linked again after any change. */
    unresolved: boolean;
    /** The documents (URI strings) its references point into, its own excepted. */
    targets: Set<string>;
}

export class KamDocumentBuilder extends DefaultDocumentBuilder {
    private readonly linkFacts = new WeakMap<LangiumDocument, LinkFacts>();
    /** Documents with an unresolved reference, by URI. */
    private readonly withUnresolved = new Map<string, LangiumDocument>();
    /** For each document (URI), the documents referring into it. */
    private readonly referrers = new Map<string, Map<string, LangiumDocument>>();
    /** Documents that may need a build: touched by a build, a reset or an update since last seen complete. */
    private readonly mayNeedBuild = new Map<string, LangiumDocument>();

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Linked, (document) => this.learnLinks(document));
    }

    private learnLinks(document: LangiumDocument): void {
        const own = document.uri.toString();
        const targets = new Set<string>();
        let unresolved = false;
        for (const reference of document.references) {
            if (reference.error !== undefined) unresolved = true;
            const descriptions = 'items' in reference ? reference.items.map((i) => i.$nodeDescription) : [reference.$nodeDescription];
            for (const description of descriptions) {
                const target = description?.documentUri?.toString();
                if (target && target !== own) targets.add(target);
            }
        }
        this.forgetLinks(document);
        this.linkFacts.set(document, { unresolved, targets });
        if (unresolved) this.withUnresolved.set(own, document);
        for (const target of targets) {
            let referring = this.referrers.get(target);
            if (!referring) this.referrers.set(target, referring = new Map());
            referring.set(own, document);
        }
    }

    private forgetLinks(document: LangiumDocument): void {
        const own = document.uri.toString();
        const facts = this.linkFacts.get(document);
        this.withUnresolved.delete(own);
        for (const target of facts?.targets ?? []) {
            const referring = this.referrers.get(target);
            referring?.delete(own);
            if (referring?.size === 0) this.referrers.delete(target);
        }
        this.linkFacts.delete(document);
    }

    override resetToState<T extends AstNode>(document: LangiumDocument<T>, state: DocumentState): void {
        super.resetToState(document, state);
        this.mayNeedBuild.set(document.uri.toString(), document);
    }

    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        super.prepareBuild(documents, options);
        for (const document of documents) this.mayNeedBuild.set(document.uri.toString(), document);
    }

    protected override cleanUpDeleted<T extends AstNode>(document: LangiumDocument<T>): void {
        super.cleanUpDeleted(document);
        // Its referrers stay indexed: the update that deletes it relinks them.
        this.forgetLinks(document);
        this.mayNeedBuild.delete(document.uri.toString());
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const facts = this.linkFacts.get(document);
        // Not linked since it was last parsed: Langium's own answer.
        if (!facts || document.state < DocumentState.Linked) return super.shouldRelink(document, changedUris);
        if (facts.unresolved) return true;
        for (const uri of changedUris) if (facts.targets.has(uri)) return true;
        return false;
    }

    /** Documents added to the workspace since last asked (loaded, not yet built) may need a build. */
    private takeAddedDocuments(): void {
        if (!(this.langiumDocuments instanceof KamLangiumDocuments)) throw new Error('KamDocumentBuilder needs KamLangiumDocuments (kam-module.ts).');
        for (const document of this.langiumDocuments.takeAdded()) this.mayNeedBuild.set(document.uri.toString(), document);
    }

    /** The documents that may have to be linked again after these changed: every other one answers no. */
    private relinkCandidates(changedUris: Set<string>): Set<LangiumDocument> {
        this.takeAddedDocuments();
        const candidates = new Set<LangiumDocument>(this.withUnresolved.values());
        for (const uri of changedUris) for (const document of this.referrers.get(uri)?.values() ?? []) candidates.add(document);
        // Not linked since last parsed: no facts kept, Langium's own question is asked.
        for (const document of this.mayNeedBuild.values()) if (document.state < DocumentState.Linked) candidates.add(document);
        return candidates;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.currentState = DocumentState.Changed;
        // Remove all metadata of documents that are reported as deleted (a URI may be a folder).
        const deletedUris: URI[] = [];
        for (const deletedUri of deleted) {
            for (const document of this.langiumDocuments.deleteDocuments(deletedUri)) {
                deletedUris.push(document.uri);
                this.cleanUpDeleted(document);
            }
        }
        // A changed URI may be a folder: every document in it changed.
        const changedUris = (await Promise.all(changed.map((uri) => this.findChangedUris(uri)))).flat();
        for (const changedUri of changedUris) {
            let document = this.langiumDocuments.getDocument(changedUri);
            if (document === undefined) {
                // An unparsed document, parsed in the build's first phase (so that parsing can be cancelled).
                document = this.langiumDocumentFactory.fromModel({ $type: 'INVALID' }, changedUri);
                document.state = DocumentState.Changed;
                this.langiumDocuments.addDocument(document);
            }
            this.resetToState(document, DocumentState.Changed);
        }
        const allChangedUris = new Set([...changedUris, ...deletedUris].map((uri) => uri.toString()));
        for (const document of this.relinkCandidates(allChangedUris)) {
            if (this.langiumDocuments.getDocument(document.uri) !== document) continue;
            if (!allChangedUris.has(document.uri.toString()) && this.shouldRelink(document, allChangedUris)) this.resetToState(document, DocumentState.ComputedScopes);
        }
        for (const uri of deletedUris) this.referrers.delete(uri.toString());
        await this.emitUpdate(changedUris, deletedUris);
        // Only allow interrupting the execution after all state changes are done.
        await interruptAndCheck(cancelToken);
        await this.buildDocuments(this.sortDocuments(this.documentsToBuild()), this.updateBuildOptions, cancelToken);
    }

    /** Langium's rebuild condition, asked only of the documents that may need a build. */
    private documentsToBuild(): LangiumDocument[] {
        this.takeAddedDocuments();
        const toBuild: LangiumDocument[] = [];
        for (const [key, document] of this.mayNeedBuild) {
            if (this.langiumDocuments.getDocument(document.uri) !== document) {
                this.mayNeedBuild.delete(key);
            } else if (document.state < DocumentState.Validated || !this.buildState.get(key)?.completed || this.resultsAreIncomplete(document, this.updateBuildOptions)) {
                toBuild.push(document);
            } else {
                this.mayNeedBuild.delete(key);
            }
        }
        return toBuild;
    }

    protected override resultsAreIncomplete(document: LangiumDocument, options: BuildOptions | undefined): boolean {
        // Langium's findMissingValidationCategories, without a service lookup and two sets per document.
        const all = this.allCategories();
        const state = this.buildState.get(document.uri.toString());
        const ran = state?.result?.validationChecks ?? (state?.completed ? all : []);
        const requested = options === undefined || options.validation === true ? all
            : typeof options.validation === 'object' ? (options.validation.categories ?? all) : [];
        for (const category of requested) if (!ran.includes(category)) return true;
        return false;
    }

    private categories?: string[];

    private allCategories(): string[] {
        this.categories ??= [...new Set(this.serviceRegistry.all.flatMap((services) => [...services.validation.ValidationRegistry.getAllValidationCategories(undefined as never)]))];
        return this.categories;
    }
}
