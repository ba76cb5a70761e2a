/**
 * Loads plans from disk into the same Langium services the language server uses, so the CLI
 * reports exactly what the editor shows. The portfolio root (the nearest folder with a
 * `kam.config.json`, else the folder given) is loaded whole, so references across files resolve.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, UriUtils, type LangiumDocument } from 'langium';
import type { ReferenceDescriptionProvider } from 'langium';
import type { DefaultSharedModuleContext } from 'langium/lsp';
import { createKamServices, type KamServices } from '../../language/src/kam-module.js';
import pLimit from 'p-limit';
import { FILE_CONCURRENCY } from '../../language/src/workspace/kam-workspace-manager.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import { CliError, fsReason } from './errors.js';
import { growHeapAsV8Decides, growHeapForPortfolioBuild, holdYoungGeneration } from './heap-growth.js';
import { CarefulFileSystem, describeContents, PlanFinder } from './plan-files.js';

export { CliError } from './errors.js';

export interface LoadedPortfolio {
    services: KamServices;
    root: string;
    /** The documents the user asked about (files, or everything under the folders). */
    requested: LangiumDocument[];
    /** Problems with kam.config.json, in plain words; defaults were used instead. */
    settingsProblems: string[];
    /** What was skipped while searching for plans (a named pipe called x.kam, a broken link). */
    notes: string[];
    /** The real paths of every file read: the plans and each kam.config.json. Never written over. */
    inputs: Set<string>;
}

export interface LoadOptions {
    root?: string;
    today?: string;
    /** A folder without plans is not an error (by default it is: a mistyped path would check nothing). */
    allowEmpty?: boolean;
}

/** The nearest ancestor folder holding kam.config.json, or undefined. */
export function findConfigRoot(start: string): string | undefined {
    let dir = path.resolve(start);
    for (;;) {
        if (fs.existsSync(path.join(dir, CONFIG_FILE))) return dir;
        const parent = path.dirname(dir);
        if (parent === dir) return undefined;
        dir = parent;
    }
}

function isDirectory(p: string): boolean {
    try {
        return fs.statSync(p).isDirectory();
    } catch {
        return false;
    }
}

const NO_REFERENCE_INDEX: ReferenceDescriptionProvider = { createDescriptions: async () => [] };

/**
 * Plans loaded and built with validation into fresh KAM services of their own, read through the
 * given file system: the disk for the CLI, a revision's tree from git (history/) or any other
 * store. Nothing is shared with another workspace, so two revisions never see each other's plans.
 */
export async function buildWorkspace(fileSystem: DefaultSharedModuleContext, uris: URI[], options: { today?: string; cannotRead?: (uri: URI, error: unknown) => Error } = {}): Promise<{ Kam: KamServices; documents: LangiumDocument[] }> {
    // A run answers no "find references" and relinks nothing afterwards: the index of who refers to
    // whom, a sixth of a large portfolio's build, is left out.
    const { shared, Kam } = createKamServices(fileSystem, { workspace: { ReferenceDescriptionProvider: () => NO_REFERENCE_INDEX } });
    if (options.today) Kam.analysis.ReviewSettings.setOverrideLayer({ today: options.today });
    const documents = shared.workspace.LangiumDocuments;
    // Bounded: a portfolio of thousands of plans is read with at most FILE_CONCURRENCY files open.
    const limit = pLimit(FILE_CONCURRENCY);
    const loaded = await Promise.all(uris.map((uri) => limit(async () => {
        try {
            const document = await documents.getOrCreateDocument(uri);
            holdYoungGeneration();
            return document;
        } catch (error) {
            throw options.cannotRead?.(uri, error) ?? error;
        }
    })));
    // Each plan's kam.config.json is found and read as the language server does (portfolio-config.ts).
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    return { Kam, documents: loaded };
}

export async function loadPortfolio(paths: string[], options: LoadOptions = {}): Promise<LoadedPortfolio> {
    if (paths.length === 0) paths = ['.'];
    const finder = new PlanFinder();
    const requestedFiles = new Set<string>();
    for (const p of paths.map((given) => path.resolve(given))) {
        const { folder, plans } = finder.given(p);
        if (folder && plans.length === 0 && !options.allowEmpty) {
            throw new CliError(`No plans (.kam files) in ${p}: ${describeContents(p)}. Check the path, or pass --allow-empty if a folder without plans is expected.`);
        }
        plans.forEach((f) => requestedFiles.add(f));
    }
    const first = path.resolve(paths[0]);
    const firstFolder = isDirectory(first) ? first : path.dirname(first);
    const root = path.resolve(options.root ?? findConfigRoot(firstFolder) ?? firstFolder);
    if (!isDirectory(root)) throw new CliError(`The portfolio root ${root} is not a folder.`);

    const files = [...new Set([...requestedFiles, ...finder.folder(root)])];
    growHeapForPortfolioBuild(files.length);
    let built: Awaited<ReturnType<typeof buildWorkspace>>;
    try {
        built = await buildWorkspace(CarefulFileSystem, files.map((f) => URI.file(f)), {
            today: options.today,
            cannotRead: (uri, error) => new CliError(`Cannot read the plan ${uri.fsPath}: ${fsReason(error)}.`),
        });
    } finally {
        growHeapAsV8Decides();
    }
    const { Kam, documents: loaded } = built;
    const config = Kam.portfolio.PortfolioConfig;
    const problems = (await config.problems()).flatMap((p) => p.problems.map((problem) => `${p.file.fsPath}: ${problem}`));
    const requested = loaded.filter((d) => requestedFiles.has(d.uri.fsPath));
    const inputs = finder.realPaths();
    for (const configRoot of config.roots()) {
        const file = UriUtils.joinPath(URI.parse(configRoot), CONFIG_FILE).fsPath;
        try {
            inputs.add(fs.realpathSync.native(file));
        } catch {
            inputs.add(file);
        }
    }
    return { services: Kam, root, requested, settingsProblems: problems, notes: finder.notes, inputs };
}
