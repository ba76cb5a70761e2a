/**
 * The plans' history in git: the portfolio as it stood at any revision (each in an isolated
 * workspace of its own, read from git's objects, never from the working tree), the working tree
 * itself, which revision the user means (a commit, branch, tag, `--since` a date, or by default the
 * merge base with the default branch), plan files renamed between two revisions, and the commits
 * that touched the portfolio. The meaning of a change is the pure diff in language/src/plan-diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';
import { diffPortfolios, snapshotOf, type PortfolioDiff, type PortfolioSnapshot, type RevisionLabel } from '../../language/src/plan-diff/index.js';
import type { KamServices } from '../../language/src/kam-module.js';
import type { LangiumDocument } from 'langium';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import { findConfigRoot } from '../../cli/src/portfolio-workspace.js';
import { isPlanName, PlanFinder, readRegularFile, skipped } from '../../cli/src/plan-files.js';
import { fsReason } from '../../cli/src/errors.js';
import { GitRepository, HistoryError, type CommitInfo, type TreeFile } from './git.js';
import { RevisionWorkspace } from './revision-workspace.js';

export { HistoryError, type CommitInfo } from './git.js';

/** A revision the user named, resolved to its commit. */
export interface Revision extends RevisionLabel {
    commit: string;
    date: string;
    subject: string;
}

/** A revision's files (URI string → text) before they are built, and what was noticed reading them. */
interface RevisionFiles {
    files: Map<string, string>;
    /** The date the revision is reviewed as of (a commit's date; for the working tree, --today or today). */
    today: string | undefined;
    label: RevisionLabel;
    notes: string[];
}

/** Two snapshots and what changed between them. */
export interface Comparison {
    before: LoadedSnapshot;
    after: LoadedSnapshot;
    diff: PortfolioDiff;
}

/** A snapshot with what was noticed while reading it (plans skipped, settings problems). */
export interface LoadedSnapshot {
    snapshot: PortfolioSnapshot;
    notes: string[];
}

function reviewed(Kam: KamServices, documents: LangiumDocument[], root: string) {
    const rootUri = URI.file(root);
    return documents.flatMap((d) => reviewDocument(Kam.analysis.PlanAnalyzer, d, Kam.portfolio.PortfolioConfig.sourceOf(d.uri, rootUri)));
}

async function settingsNotes(Kam: KamServices, where: string): Promise<string[]> {
    return (await Kam.portfolio.PortfolioConfig.problems()).flatMap((p) => p.problems.map((problem) => `${where}: ${p.file.path}: ${problem}`));
}

/** The kam.config.json files under a folder, in the folders plans are searched in. */
function configFiles(root: string): string[] {
    const found: string[] = [];
    const walk = (folder: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(folder, { withFileTypes: true });
        } catch {
            return;
        }
        for (const entry of entries) {
            if (entry.isDirectory() && !skipped(entry.name)) walk(path.join(folder, entry.name));
            else if (entry.name === CONFIG_FILE && entry.isFile()) found.push(path.join(folder, entry.name));
        }
    };
    walk(root);
    return found;
}

/** A promise awaited later: until then its failure must not count as unhandled. */
function handled<T>(promise: Promise<T>): Promise<T> {
    promise.catch(() => undefined);
    return promise;
}

export class PlanHistory {
    private constructor(
        readonly repository: GitRepository,
        /** The portfolio root on disk (the folder of its kam.config.json, or the folder given). */
        readonly root: string,
        /** The same folder as git names it ('' for the repository's top folder). */
        readonly folder: string,
    ) {}

    /** One workspace for every revision read: each next revision parses only the plans that changed. */
    private readonly workspace = new RevisionWorkspace();

    /** The history of the portfolio at or around `start` (a folder or a plan). */
    static async open(start: string, options: { root?: string } = {}): Promise<PlanHistory> {
        const folder = path.resolve(start);
        const root = path.resolve(options.root ?? findConfigRoot(folder) ?? folder);
        const repository = await GitRepository.open(root);
        return new PlanHistory(repository, root, repository.relative(root));
    }

    /**
     * What a revision argument means: a commit, branch or tag as git reads it. Every failure says
     * why in words (no commits yet, no such revision, a shallow clone that does not reach it).
     */
    async revision(ref: string): Promise<Revision> {
        const commit = await this.repository.resolve(ref);
        const info = await this.repository.commit(commit);
        return { ref, commit, date: info.date, subject: info.subject };
    }

    /** The portfolio as it was at the end of a day: the last commit on the current line made by then. */
    async revisionAtDate(date: string, from = 'HEAD'): Promise<Revision> {
        if (!isValidIsoDate(date)) throw new HistoryError(`--since takes a date written as yyyy-mm-dd, not "${date}".`);
        await this.requireCommits();
        const commit = await this.repository.commitOnOrBefore(date, from);
        const info = await this.repository.commit(commit);
        return { ref: `as of ${date}`, commit, date: info.date, subject: info.subject };
    }

    /** The default base of a review: where the current branch left the default branch. */
    async defaultBase(head = 'HEAD'): Promise<Revision> {
        await this.requireCommits();
        const branch = await this.repository.defaultBranch();
        const commit = await this.repository.mergeBase(branch, head);
        const info = await this.repository.commit(commit);
        return { ref: `merge base with ${branch}`, commit, date: info.date, subject: info.subject };
    }

    private async requireCommits(): Promise<void> {
        if (!(await this.repository.hasCommits())) throw new HistoryError('The repository has no commits yet: commit the plans once, then compare with that commit.');
    }

    /**
     * The portfolio at a commit: the plans and kam.config.json files git holds under the portfolio
     * root, read from git's objects (never from the working tree), reviewed as of the commit's date
     * (what was overdue or stale then) with that revision's settings.
     */
    async snapshotAt(revision: Revision): Promise<LoadedSnapshot> {
        return this.snapshotOfFiles(await this.filesAt(revision));
    }

    /** The portfolio as it is on disk now, saved but not yet committed changes included, as of `today`. */
    async workingTreeSnapshot(today?: string): Promise<LoadedSnapshot> {
        return this.snapshotOfFiles(await this.workingTreeFiles(today));
    }

    /**
     * What changed from `base` to `head` (without `head`: to the working tree, as of `today`).
     * The reading is arranged around the base's build, the long part: the working tree, the head's
     * listing and the renames are read while git reads the base's files, and git reads a head
     * revision's files while the base builds.
     */
    async compare(base: Revision, head: Revision | undefined, today?: string): Promise<Comparison> {
        const baseFiles = handled(this.readFilesAt(base, await this.listedAt(base)));
        const renamedFiles = handled(this.renamedPlans(base, head));
        const headListed = head ? await this.listedAt(head) : undefined;
        const workingTree = head ? undefined : handled(this.workingTreeFiles(today));
        const baseRead = await baseFiles;
        const headFiles = head ? handled(this.readFilesAt(head, headListed!)) : workingTree!;
        const before = await this.snapshotOfFiles(baseRead);
        const after = await this.snapshotOfFiles(await headFiles);
        return { before, after, diff: diffPortfolios(before.snapshot, after.snapshot, { renamedFiles: await renamedFiles }) };
    }

    /** The plans and settings files at a commit, read from git's objects. */
    private async filesAt(revision: Revision): Promise<RevisionFiles> {
        return this.readFilesAt(revision, await this.listedAt(revision));
    }

    /** The plans and settings files git lists under the portfolio root at a commit. */
    private async listedAt(revision: Revision): Promise<TreeFile[]> {
        return (await this.repository.listFiles(revision.commit, this.folder))
            .filter((f) => !f.path.split('/').slice(this.depth(), -1).some(skipped))
            .filter((f) => isPlanName(f.path) || path.posix.basename(f.path) === CONFIG_FILE);
    }

    /** The texts of files listed at a commit; git starts reading them before this returns. */
    private async readFilesAt(revision: Revision, files: TreeFile[]): Promise<RevisionFiles> {
        const notes: string[] = [];
        const readable = files.filter((f) => {
            if (f.mode !== '120000') return true;
            notes.push(`${revision.ref}: skipped ${f.path}: a symbolic link in git (its target is not read at a revision)`);
            return false;
        });
        const texts = await this.repository.readBlobs(readable.map((f) => f.blob));
        const byUri = new Map(readable.map((f) => [URI.file(path.join(this.repository.root, f.path)).toString(), texts.get(f.blob)!]));
        if (![...byUri.keys()].some(isPlanName)) notes.push(`${revision.ref}: no plans under ${this.folder || 'the repository'} at ${revision.commit.slice(0, 7)}`);
        return { files: byUri, today: revision.date, label: { ref: revision.ref, commit: revision.commit, date: revision.date, subject: revision.subject }, notes };
    }

    /** The plans and settings files on disk now. */
    private async workingTreeFiles(today: string | undefined): Promise<RevisionFiles> {
        const finder = new PlanFinder();
        const plans = finder.folder(this.root);
        const byUri = new Map<string, string>();
        for (const file of [...plans, ...configFiles(this.root)]) {
            try {
                byUri.set(URI.file(file).toString(), await readRegularFile(file));
            } catch (error) {
                throw new HistoryError(`Cannot read ${file}: ${fsReason(error)}.`);
            }
        }
        return { files: byUri, today, label: { ref: 'working tree' }, notes: [...finder.notes] };
    }

    private async snapshotOfFiles({ files, today, label, notes }: RevisionFiles): Promise<LoadedSnapshot> {
        const plans = [...files.keys()].filter(isPlanName).sort().map((uri) => URI.parse(uri));
        const { Kam, documents } = await this.workspace.moveTo(files, plans, today);
        notes.push(...await settingsNotes(Kam, label.ref));
        const context = reportContextFor(Kam, documents[0]?.uri);
        return { snapshot: snapshotOf(reviewed(Kam, documents, this.root), context, { ...label, date: label.date ?? context.today }), notes };
    }

    /**
     * Plan files renamed between two commits (or a commit and the working tree), as paths from
     * the portfolio root: the diff follows an account whose file and name both changed.
     */
    async renamedPlans(from: Revision, to: Revision | undefined): Promise<Map<string, string>> {
        const renames = await this.repository.renames(from.commit, to?.commit, this.folder);
        const fromRoot = (p: string) => path.relative(this.root, path.join(this.repository.root, p)).split(path.sep).join('/');
        return new Map([...renames].filter(([a]) => isPlanName(a)).map(([a, b]) => [fromRoot(a), fromRoot(b)]));
    }

    /** The commits that touched the portfolio, newest first. */
    commits(options: { from?: string; limit?: number } = {}): Promise<CommitInfo[]> {
        return this.repository.commitsTouching(this.folder, options.from, options.limit);
    }

    /** Tags (matching a pattern such as `qbr-*`, or all) and their dates, newest first. */
    tags(pattern?: string): Promise<Array<{ tag: string; date: string }>> {
        return this.repository.tags(pattern);
    }

    /** How many folders deep the portfolio root is in the repository: the search rules apply below it. */
    private depth(): number {
        return this.folder ? this.folder.split('/').length : 0;
    }
}
