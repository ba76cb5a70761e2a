/**
 * The portfolio's kam.config.json, found and read the same way by every face: for each plan, the
 * nearest folder above it holding a kam.config.json is its portfolio root, and that file's settings
 * apply to it (review-settings.ts lays the editor's settings over them). Files are read through
 * Langium's FileSystemProvider, so the language server, the CLI and (later) the browser share this.
 *
 * Roots are resolved when documents enter a build (DocumentBuilder.onUpdate, before parsing), once
 * per folder; `reload()` reads everything again when a kam.config.json changes on disk.
 */
import { URI, UriUtils, type FileSystemProvider, type LangiumDocuments } from 'langium';
import type { LangiumSharedCoreServices } from 'langium';
import type { ReviewSettingsHolder } from '../analysis/review-settings.js';
import { readSettings } from '../analysis/review-settings.js';
import { KNOWN_CODES } from '../validation/diagnostic-codes.js';
import * as z from 'zod/mini';
import '../analysis/zod-messages.js';

export const CONFIG_FILE = 'kam.config.json';

/** What a customer export (`kam import`) can tell about a customer, one column each. */
export const IMPORT_FIELDS = ['name', 'id', 'revenue', 'potential', 'margin', 'currency', 'industry', 'owner', 'country'] as const;
export type ImportField = typeof IMPORT_FIELDS[number];
/** The quantitative factors an export can hold, scored for the first strategic-value estimate. */
export const IMPORT_FACTORS = ['revenue', 'potential', 'margin'] as const;
export type ImportFactor = typeof IMPORT_FACTORS[number];

/**
 * The `import` section of kam.config.json: how `kam import` reads this portfolio's CRM export.
 * `columns` names the header (or headers) holding each field, over the built-in synonyms;
 * `factors` names the scoring model's factor each quantitative field scores in scaffolded plans.
 */
export const importSettingsSchema = z.strictObject({
    columns: z.optional(z.partialRecord(z.enum(IMPORT_FIELDS), z.union([z.string().check(z.minLength(1)), z.array(z.string().check(z.minLength(1))).check(z.minLength(1))]))),
    currency: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter currency code such as EUR'))),
    decimal: z.optional(z.enum([',', '.'])),
    factors: z.optional(z.partialRecord(z.enum(IMPORT_FACTORS), z.string().check(z.regex(/^[_a-zA-Z]\w*$/, 'must be a factor name of the scoring model')))),
    weights: z.optional(z.partialRecord(z.enum(IMPORT_FACTORS), z.number().check(z.positive()))),
    candidates: z.optional(z.int().check(z.minimum(1), z.maximum(1000))),
});
export type ImportSettings = z.infer<typeof importSettingsSchema>;

/** Sections of kam.config.json read by other commands than the reviewer's, so not unknown settings. */
export const OTHER_CONFIG_SECTIONS = ['import'] as const;

/** The import section, or what is wrong with it (each problem names the setting); the defaults stand in for a bad one. */
export function readImportSettings(raw: unknown): { settings: ImportSettings; problems: string[] } {
    if (raw === undefined || raw === null) return { settings: {}, problems: [] };
    const parsed = importSettingsSchema.safeParse(raw);
    if (parsed.success) return { settings: parsed.data, problems: [] };
    return {
        settings: {},
        problems: parsed.error.issues.map((issue) => `Setting import${issue.path.map((p) => `.${String(p)}`).join('')} is invalid (${issue.message}); the import section is ignored.`),
    };
}

export interface ConfigProblems {
    /** The kam.config.json the problems are in. */
    file: URI;
    problems: string[];
}

export class PortfolioConfig {
    private readonly fileSystem: FileSystemProvider;
    private readonly documents: LangiumDocuments;
    private readonly settings: ReviewSettingsHolder;
    /** Document URI → its portfolio root (a folder URI string), or undefined for none. */
    private readonly rootByDocument = new Map<string, string | undefined>();
    /** Folder URI → the nearest root at or above it. */
    private readonly rootByFolder = new Map<string, Promise<string | undefined>>();
    /** Roots whose file has been read, with what was wrong in it. */
    private readonly loaded = new Map<string, Promise<ConfigProblems>>();
    private readonly problemListeners: Array<(problems: ConfigProblems) => void> = [];
    private readonly reloadListeners: Array<() => void> = [];

    constructor(shared: LangiumSharedCoreServices, settings: ReviewSettingsHolder) {
        this.fileSystem = shared.workspace.FileSystemProvider;
        this.documents = shared.workspace.LangiumDocuments;
        this.settings = settings;
        settings.setRootResolver((uri) => this.rootByDocument.get(uri));
        // Before any document of a build is parsed, know which portfolio it belongs to.
        shared.workspace.DocumentBuilder.onUpdate((changed) => this.resolve(changed));
    }

    /** The portfolio root (folder URI string) of a document, once it has been through a build. */
    rootOf(uri: URI | string): string | undefined {
        return this.rootByDocument.get(uri.toString());
    }

    /**
     * Where a plan lives, as readers of a report know it: its path from the portfolio root (the
     * folder of its kam.config.json, else `fallbackRoot`, the workspace folder or the CLI's folder).
     */
    sourceOf(uri: URI, fallbackRoot?: URI): string {
        const root = this.rootOf(uri) ?? fallbackRoot?.toString();
        const text = uri.toString();
        const prefix = root && (root.endsWith('/') ? root : `${root}/`);
        return decodeURIComponent(prefix && text.startsWith(prefix) ? text.slice(prefix.length) : UriUtils.basename(uri));
    }

    /** Every root a document of this run belongs to. */
    roots(): string[] {
        return [...new Set([...this.rootByDocument.values()].filter((r): r is string => r !== undefined))];
    }

    /** Told once per read of a kam.config.json that has problems (bad JSON, bad values, unknown keys). */
    onProblems(listener: (problems: ConfigProblems) => void): void {
        this.problemListeners.push(listener);
    }

    /** Told after `reload()`: documents may belong to other portfolio roots now. */
    onReload(listener: () => void): void {
        this.reloadListeners.push(listener);
    }

    /** What was wrong in each kam.config.json read so far. */
    async problems(): Promise<ConfigProblems[]> {
        return (await Promise.all(this.loaded.values())).filter((p) => p.problems.length > 0);
    }

    /** Finds the roots of these documents and reads their kam.config.json if not read yet. */
    async resolve(uris: URI[]): Promise<void> {
        await Promise.all(uris.map(async (uri) => {
            const root = await this.rootForDocument(uri);
            this.rootByDocument.set(uri.toString(), root);
            if (root !== undefined) await this.load(root);
        }));
    }

    /**
     * A kam.config.json was created, changed or deleted: forget what was found and read, then find
     * and read it all again for every document. The caller validates the plans again.
     */
    async reload(): Promise<void> {
        const roots = [...this.loaded.keys()];
        this.rootByFolder.clear();
        this.loaded.clear();
        this.rootByDocument.clear();
        for (const root of roots) this.settings.setFileLayer(root, undefined);
        await this.resolve(this.documents.all.map((d) => d.uri).toArray());
        this.reloadListeners.forEach((listener) => listener());
    }

    private async rootForDocument(uri: URI): Promise<string | undefined> {
        // Unsaved documents (untitled:) have no folder: they take the editor's settings alone.
        if (uri.scheme === 'untitled' || uri.path === '' || !uri.path.includes('/')) return undefined;
        return this.rootForFolder(UriUtils.dirname(uri));
    }

    private rootForFolder(folder: URI): Promise<string | undefined> {
        const key = folder.toString();
        let found = this.rootByFolder.get(key);
        if (!found) {
            found = (async () => {
                if (await this.exists(UriUtils.joinPath(folder, CONFIG_FILE))) return key;
                const parent = UriUtils.dirname(folder);
                return parent.path === folder.path ? undefined : this.rootForFolder(parent);
            })();
            this.rootByFolder.set(key, found);
        }
        return found;
    }

    private async exists(uri: URI): Promise<boolean> {
        try {
            return await this.fileSystem.exists(uri);
        } catch {
            return false;
        }
    }

    private load(root: string): Promise<ConfigProblems> {
        let loading = this.loaded.get(root);
        if (!loading) {
            loading = this.read(root);
            this.loaded.set(root, loading);
        }
        return loading;
    }

    private async read(root: string): Promise<ConfigProblems> {
        const file = UriUtils.joinPath(URI.parse(root), CONFIG_FILE);
        let raw: unknown;
        let problems: string[];
        try {
            raw = JSON.parse(await this.fileSystem.readFile(file));
            const read = readSettings(raw, { knownCodes: KNOWN_CODES, unknownKeys: true, otherSections: OTHER_CONFIG_SECTIONS });
            this.settings.setFileLayer(root, read.layer);
            problems = [...read.problems, ...readImportSettings((raw as { import?: unknown } | null)?.import).problems];
        } catch (error) {
            this.settings.setFileLayer(root, {});
            const reason = error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read (${error instanceof Error ? error.message : String(error)})`;
            problems = [`The file ${reason}; using the default settings.`];
        }
        const result = { file, problems };
        if (problems.length) this.problemListeners.forEach((listener) => listener(result));
        return result;
    }
}
