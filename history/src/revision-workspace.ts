/**
 * One Langium workspace that moves from revision to revision. The first revision is built whole
 * (the CLI's buildWorkspace, from memory); each next one gives the builder only the plans whose
 * text differs, so a quarter's diff of 2,000 plans parses the plans that changed, not all of them
 * twice. Every plan is validated again at each revision all the same: what is overdue or stale
 * depends on the revision's date, and portfolio findings on all plans.
 *
 * When a file that others refer to changes (a team, a scoring model) or a kam.config.json does,
 * the next revision is built afresh instead: links and settings then start from nothing.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import type { KamServices } from '../../language/src/kam-module.js';
import { buildWorkspace } from '../../cli/src/portfolio-workspace.js';
import { growHeapAsV8Decides, growHeapForPortfolioBuild } from '../../cli/src/heap-growth.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import { RevisionFileSystem } from './revision-files.js';

/** A file others refer to: it defines team members or scoring factors. */
const SHARED_ELEMENT = /^\s*(?:team|scoring\s+model)\b/m;

function isShared(uri: string, text: string | undefined): boolean {
    return uri.endsWith(`/${CONFIG_FILE}`) || (text !== undefined && SHARED_ELEMENT.test(text));
}

export interface BuiltRevision {
    Kam: KamServices;
    /** The plans, in the order their URIs were given. */
    documents: LangiumDocument[];
}

export class RevisionWorkspace {
    private readonly fileSystem = new RevisionFileSystem(new Map());
    private Kam: KamServices | undefined;
    private files = new Map<string, string>();

    /**
     * The workspace at these files (URI string → text; plans and kam.config.json), reviewed as of
     * `today` (without it, as of the date kam.config.json sets, else today). `plans` are the URIs
     * of the plans among them.
     */
    async moveTo(files: Map<string, string>, plans: URI[], today: string | undefined): Promise<BuiltRevision> {
        // The heap as for any portfolio's build (cli/src/heap-growth.ts), V8's own after it.
        growHeapForPortfolioBuild(plans.length);
        try {
            return await this.build(files, plans, today);
        } finally {
            growHeapAsV8Decides();
        }
    }

    private async build(files: Map<string, string>, plans: URI[], today: string | undefined): Promise<BuiltRevision> {
        const changed: URI[] = [];
        const deleted: URI[] = [];
        let fresh = this.Kam === undefined;
        for (const [uri, text] of files) {
            const before = this.files.get(uri);
            if (before === text) continue;
            if (isShared(uri, before) || isShared(uri, text)) fresh = true;
            if (!uri.endsWith(`/${CONFIG_FILE}`)) changed.push(URI.parse(uri));
        }
        for (const [uri, text] of this.files) {
            if (files.has(uri)) continue;
            if (isShared(uri, text)) fresh = true;
            if (!uri.endsWith(`/${CONFIG_FILE}`)) deleted.push(URI.parse(uri));
        }
        this.fileSystem.replace(files);
        this.files = files;
        if (fresh) {
            const built = await buildWorkspace({ fileSystemProvider: () => this.fileSystem }, plans, { today });
            this.Kam = built.Kam;
            return built;
        }
        const Kam = this.Kam!;
        const shared = Kam.shared;
        const builder = shared.workspace.DocumentBuilder;
        Kam.analysis.ReviewSettings.setOverrideLayer(today ? { today } : {});
        // Every plan is reviewed again as of this revision's date, as it is (no re-parse).
        const changedKeys = new Set(changed.map((u) => u.toString()));
        for (const document of shared.workspace.LangiumDocuments.all) {
            if (!changedKeys.has(document.uri.toString()) && document.state > DocumentState.IndexedReferences) builder.resetToState(document, DocumentState.IndexedReferences);
        }
        await builder.update(changed, deleted);
        const documents = plans.map((uri) => shared.workspace.LangiumDocuments.getDocument(uri)!);
        return { Kam, documents };
    }
}
