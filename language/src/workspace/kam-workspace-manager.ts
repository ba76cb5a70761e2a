/**
 * Loads the portfolio when the language server starts: every plan is read with a bounded number of
 * files open at once (a portfolio may hold more plans than the system's open-file limit — 256 on
 * macOS), and the first build validates them, so the Problems panel shows the whole portfolio's
 * findings before any plan is opened. Dependency and build folders are not plans.
 */
import { Cancellation, DefaultWorkspaceManager, interruptAndCheck, URI, UriUtils, type FileSystemNode, type LangiumDocument, type LangiumSharedCoreServices, type Stream } from 'langium';
import type { WorkspaceFolder } from 'vscode-languageserver-protocol';
import pLimit from 'p-limit';

/** Plan files read at once. */
export const FILE_CONCURRENCY = 32;

const SKIPPED_FOLDERS = new Set(['node_modules', 'out']);

/** The host's part in the first build (on Node: how the heap grows meanwhile, cli/src/heap-growth.ts). */
export interface FirstBuildHost {
    /** The workspace's files are about to be read: this many. */
    reading(files: number): void;
    /** One of them has been read and parsed. */
    planRead?(): void;
    /** The first build has ended: done, failed or cancelled. */
    ended(): void;
}

export class KamWorkspaceManager extends DefaultWorkspaceManager {
    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.initialBuildOptions = { validation: true };
    }

    private readonly beforeFirstBuild: Array<Promise<unknown>> = [];
    private readonly beforeStartup: Array<Promise<unknown>> = [];
    private firstBuildBegun = false;
    private startupBegun = false;
    private firstBuildHost?: FirstBuildHost;

    /** What the host does around the first build: told before the plans are read, and when the build has ended. */
    aroundFirstBuild(host: FirstBuildHost): void {
        this.firstBuildHost = host;
    }

    /**
     * Work the first build waits for (at most `timeoutMs`): the editor's settings, so that no plan
     * is diagnosed with the defaults and again a moment later with what the user set.
     */
    waitBeforeFirstBuild(work: Promise<unknown>, timeoutMs: number): void {
        this.beforeFirstBuild.push(atMost(work, timeoutMs));
    }

    /**
     * Work the workspace's files wait for before they are read (at most `timeoutMs`): in the browser,
     * the portfolio's files the client sends, without which the first build would see no plan.
     */
    waitBeforeStartup(work: Promise<unknown>, timeoutMs: number): void {
        this.beforeStartup.push(atMost(work, timeoutMs));
    }

    /** Whether the workspace's files have begun to be read: files that come later must be added as changes. */
    get startupHasBegun(): boolean {
        return this.startupBegun;
    }

    /** Whether the first build has begun: later settings must validate the plans again themselves. */
    get firstBuildHasBegun(): boolean {
        return this.firstBuildBegun;
    }

    override async initializeWorkspace(folders: WorkspaceFolder[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Langium's, with the waits before reading the files and before the build.
        try {
            await Promise.all(this.beforeStartup);
            this.startupBegun = true;
            const documents = await this.performStartup(folders);
            await Promise.all(this.beforeFirstBuild);
            this.firstBuildBegun = true;
            await interruptAndCheck(cancelToken);
            await this.documentBuilder.build(documents, this.initialBuildOptions, cancelToken);
        } finally {
            this.firstBuildHost?.ended();
        }
    }

    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        const planUris = uris.toArray();
        const host = this.firstBuildBegun ? undefined : this.firstBuildHost;
        host?.reading(planUris.length);
        const limit = pLimit(FILE_CONCURRENCY);
        await Promise.all(planUris.map((uri) => limit(async () => {
            collector(await this.langiumDocuments.getOrCreateDocument(uri));
            host?.planRead?.();
        })));
    }

    /** The workspace folder holding a document, for paths relative to it. */
    workspaceFolderOf(uri: URI): URI | undefined {
        const text = uri.toString();
        const folder = (this.folders ?? []).map((f) => f.uri).filter((f) => text.startsWith(f.endsWith('/') ? f : `${f}/`)).sort((a, b) => b.length - a.length)[0];
        return folder ? URI.parse(folder) : undefined;
    }

    override shouldIncludeEntry(entry: FileSystemNode): boolean {
        if (entry.isDirectory && SKIPPED_FOLDERS.has(UriUtils.basename(entry.uri))) return false;
        return super.shouldIncludeEntry(entry);
    }
}

/** `work` settled, or `timeoutMs` passed, whichever comes first; never rejects. */
function atMost(work: Promise<unknown>, timeoutMs: number): Promise<unknown> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, timeoutMs); });
    return Promise.race([work.catch(() => undefined), timeout]).finally(() => clearTimeout(timer));
}
