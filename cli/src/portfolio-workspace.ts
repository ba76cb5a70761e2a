/**
 * Loads plans from disk into the same Langium services the language server uses, so the CLI
 * reports exactly what the editor shows. The portfolio root (the nearest folder with a
 * `kam.config.json`, else the folder given) is loaded whole, so references across files resolve.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createKamServices, type KamServices } from '../../language/src/kam-module.js';
import pLimit from 'p-limit';
import { FILE_CONCURRENCY } from '../../language/src/workspace/kam-workspace-manager.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';

export class CliError extends Error {}

export interface LoadedPortfolio {
    services: KamServices;
    root: string;
    /** The documents the user asked about (files, or everything under the folders). */
    requested: LangiumDocument[];
    /** Problems with kam.config.json, in plain words; defaults were used instead. */
    settingsProblems: string[];
}

/** Every `.kam` file under a folder, skipping dependency and build folders. */
export function findPlanFiles(folder: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
        if (entry.name.startsWith('.') || entry.name === 'node_modules' || entry.name === 'out') continue;
        const full = path.join(folder, entry.name);
        if (entry.isDirectory()) found.push(...findPlanFiles(full));
        else if (entry.isFile() && entry.name.endsWith('.kam')) found.push(full);
    }
    return found.sort();
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

export async function loadPortfolio(paths: string[], options: { root?: string; today?: string } = {}): Promise<LoadedPortfolio> {
    if (paths.length === 0) paths = ['.'];
    const resolved = paths.map((p) => path.resolve(p));
    for (const p of resolved) {
        if (!fs.existsSync(p)) throw new CliError(`No such file or folder: ${p}`);
        if (!fs.statSync(p).isDirectory() && !p.endsWith('.kam')) throw new CliError(`${p} is not a KAM plan: plans are .kam files (or give a folder of them).`);
    }
    const first = resolved[0];
    const firstFolder = fs.statSync(first).isDirectory() ? first : path.dirname(first);
    const root = path.resolve(options.root ?? findConfigRoot(firstFolder) ?? firstFolder);
    if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new CliError(`The portfolio root ${root} is not a folder.`);

    const { shared, Kam } = createKamServices(NodeFileSystem);
    if (options.today) Kam.analysis.ReviewSettings.setOverrideLayer({ today: options.today });

    const requestedFiles = new Set<string>();
    for (const p of resolved) {
        if (fs.statSync(p).isDirectory()) findPlanFiles(p).forEach((f) => requestedFiles.add(f));
        else requestedFiles.add(p);
    }
    const allFiles = new Set([...findPlanFiles(root), ...requestedFiles]);
    const documents = shared.workspace.LangiumDocuments;
    const limit = pLimit(FILE_CONCURRENCY);
    const loaded = await Promise.all([...allFiles].map((f) => limit(() => documents.getOrCreateDocument(URI.file(f)))));
    // Each plan's kam.config.json is found and read as the language server does (portfolio-config.ts).
    await shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    const problems = (await Kam.portfolio.PortfolioConfig.problems()).flatMap((p) => p.problems.map((problem) => `${p.file.fsPath}: ${problem}`));
    const requested = loaded.filter((d) => requestedFiles.has(d.uri.fsPath));
    return { services: Kam, root, requested, settingsProblems: problems };
}
