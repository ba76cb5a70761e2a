/**
 * The git repository the plans live in, read through the git command line (with execa: arguments
 * passed without a shell, standard input fed, output as bytes). git itself knows every repository
 * layout a team may have (packs, worktrees, shallow and partial clones, alternates), is on every CI
 * runner and beside every VS Code, and reads thousands of files at a revision in one `cat-file
 * --batch` call. Nothing here writes: trees and blobs are read at a revision, the working tree and
 * the index are never touched.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execa, type ExecaError } from 'execa';
import { HistoryError } from './history-error.js';

export { HistoryError };

export interface CommitInfo {
    commit: string;
    /** Committer date, yyyy-mm-dd. */
    date: string;
    subject: string;
}

export interface TreeFile {
    /** Path from the repository's top folder, `/`-separated. */
    path: string;
    blob: string;
    /** 100644, 100755 (a file), 120000 (a symbolic link). */
    mode: string;
}

/** A revision written as the user may write it, checked before it reaches git (never an option). */
function checkRevisionText(revision: string): void {
    if (revision === '' || revision.startsWith('-') || /[\0\n]/.test(revision)) throw new HistoryError(`"${revision}" is not a revision: give a commit, branch or tag.`);
}

export class GitRepository {
    private constructor(readonly root: string, readonly shallow: boolean) {}

    /** The repository holding `folder`, or a HistoryError saying why there is none. */
    static async open(folder: string): Promise<GitRepository> {
        const top = await run(folder, ['rev-parse', '--show-toplevel'], {
            128: () => `${folder} is not in a git repository: the history of plans is read from git (run git init, or work in a clone).`,
        });
        const root = top.trim();
        const shallow = (await run(root, ['rev-parse', '--is-shallow-repository'])).trim() === 'true';
        return new GitRepository(root, shallow);
    }

    /** Whether the repository has any commit yet. */
    async hasCommits(): Promise<boolean> {
        const result = await execa('git', ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}'], { cwd: this.root, reject: false });
        return result.exitCode === 0;
    }

    /** The commit a revision names, or a HistoryError (with a hint for shallow clones). */
    async resolve(revision: string): Promise<string> {
        checkRevisionText(revision);
        const result = await execa('git', ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], { cwd: this.root, reject: false });
        if (result.exitCode === 0) return result.stdout.trim();
        if (!(await this.hasCommits())) throw new HistoryError('The repository has no commits yet: commit the plans once, then compare with that commit.');
        throw new HistoryError(`No commit "${revision}" in ${this.root}${this.shallowHint()}.`);
    }

    async commit(commit: string): Promise<CommitInfo> {
        const [id, date, subject] = (await run(this.root, ['show', '-s', '--format=%H%x00%cs%x00%s', commit, '--'])).replace(/\n$/, '').split('\0');
        return { commit: id, date, subject };
    }

    /** The branch others merge into: origin's HEAD, else main or master (remote first). */
    async defaultBranch(): Promise<string> {
        const head = await execa('git', ['symbolic-ref', '--quiet', '--short', 'refs/remotes/origin/HEAD'], { cwd: this.root, reject: false });
        if (head.exitCode === 0 && head.stdout.trim()) return head.stdout.trim();
        for (const candidate of ['origin/main', 'origin/master', 'main', 'master']) {
            const found = await execa('git', ['rev-parse', '--verify', '--quiet', `${candidate}^{commit}`], { cwd: this.root, reject: false });
            if (found.exitCode === 0) return candidate;
        }
        throw new HistoryError('Cannot tell the default branch (no origin/HEAD, main or master): name the revision to compare with, e.g. kam diff v2026-Q3.');
    }

    async mergeBase(a: string, b: string): Promise<string> {
        const result = await execa('git', ['merge-base', a, b], { cwd: this.root, reject: false });
        if (result.exitCode === 0) return result.stdout.trim();
        throw new HistoryError(`${a} and ${b} have no common commit${this.shallowHint()}.`);
    }

    /** The last commit on `from`'s first-parent line made on or before the end of `date` (yyyy-mm-dd). */
    async commitOnOrBefore(date: string, from = 'HEAD'): Promise<string> {
        const found = (await run(this.root, ['rev-list', '-1', '--first-parent', `--before=${date} 23:59:59`, from, '--'])).trim();
        if (found) return found;
        throw new HistoryError(`No commit on or before ${date}${this.shallowHint() || ': the history starts later'}.`);
    }

    /** Files under `folder` (from the top folder; '' for all) at a commit. */
    async listFiles(commit: string, folder: string): Promise<TreeFile[]> {
        const output = await run(this.root, ['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(folder ? [folder] : [])]);
        return output.split('\0').filter(Boolean).flatMap((line) => {
            const tab = line.indexOf('\t');
            const [mode, type, blob] = line.slice(0, tab).split(' ');
            return type === 'blob' ? [{ path: line.slice(tab + 1), blob, mode }] : [];
        });
    }

    /** The contents of blobs, read in one `git cat-file --batch`, as UTF-8 text. */
    async readBlobs(blobs: string[]): Promise<Map<string, string>> {
        const unique = [...new Set(blobs)];
        const texts = new Map<string, string>();
        if (unique.length === 0) return texts;
        let bytes: Buffer;
        try {
            bytes = await this.catFile(unique);
        } catch (error) {
            throw new HistoryError(`git could not read the plans' contents: ${describe(error)}${this.shallowHint()}.`);
        }
        let at = 0;
        while (at < bytes.length) {
            const end = bytes.indexOf(0x0a, at);
            const header = bytes.subarray(at, end).toString('utf8').split(' ');
            if (header[1] === 'missing') throw new HistoryError(`The object ${header[0]} is missing from the repository${this.shallowHint() || ' (a partial clone? run git fetch)'}.`);
            const size = Number(header[2]);
            texts.set(header[0], bytes.subarray(end + 1, end + 1 + size).toString('utf8'));
            at = end + 1 + size + 1;
        }
        return texts;
    }

    /**
     * `git cat-file --batch` over objects, its list and its output in files rather than pipes: git
     * then reads on to the end on its own core while this thread builds another revision (a pipe
     * stops git whenever it is full, until this thread drains it). git is started before this
     * returns its promise. Where the list cannot be written to a temporary file (none can be
     * made, the disk is full), through pipes.
     */
    private async catFile(objects: string[]): Promise<Buffer> {
        const list = `${objects.join('\n')}\n`;
        let folder: string | undefined;
        try {
            folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-git-'));
            fs.writeFileSync(path.join(folder, 'objects'), list);
        } catch {
            if (folder) fs.rmSync(folder, { recursive: true, force: true });
            const { stdout } = await execa('git', ['cat-file', '--batch', '--buffer'], { cwd: this.root, input: list, encoding: 'buffer', maxBuffer: 2 ** 31 - 1, stripFinalNewline: false });
            return Buffer.from(stdout.buffer, stdout.byteOffset, stdout.byteLength);
        }
        try {
            const contentsFile = path.join(folder, 'contents');
            await gitWithFiles(this.root, ['cat-file', '--batch', '--buffer'], path.join(folder, 'objects'), contentsFile);
            return await fs.promises.readFile(contentsFile);
        } finally {
            await fs.promises.rm(folder, { recursive: true, force: true }).catch(() => undefined);
        }
    }

    /** Files renamed under a folder between two commits (without `to`: the commit and the working tree), old path → new path. */
    async renames(from: string, to: string | undefined, folder: string): Promise<Map<string, string>> {
        const output = await run(this.root, ['diff', '--find-renames', '--name-status', '-z', '--no-color', '--no-ext-diff', from, ...(to ? [to] : []), '--', ...(folder ? [folder] : [])]);
        const fields = output.split('\0');
        const renames = new Map<string, string>();
        for (let i = 0; i < fields.length;) {
            const status = fields[i];
            if (!status) break;
            if (status.startsWith('R')) {
                renames.set(fields[i + 1], fields[i + 2]);
                i += 3;
            } else i += status.startsWith('C') ? 3 : 2;
        }
        return renames;
    }

    /** Commits that touched a folder, newest first, on the first-parent line of `from`. */
    async commitsTouching(folder: string, from = 'HEAD', limit?: number): Promise<CommitInfo[]> {
        const output = await run(this.root, ['log', '--first-parent', '--format=%H%x00%cs%x00%s', ...(limit ? [`-${limit}`] : []), from, '--', ...(folder ? [folder] : [])]);
        return output.split('\n').filter(Boolean).map((line) => {
            const [commit, date, subject] = line.split('\0');
            return { commit, date, subject };
        });
    }

    /** Tags (those matching a pattern such as `qbr-*`, or all), newest first, with their dates. */
    async tags(pattern?: string): Promise<Array<{ tag: string; date: string }>> {
        if (pattern !== undefined) checkRevisionText(pattern);
        const output = await run(this.root, ['for-each-ref', '--sort=-creatordate', '--format=%(refname:short)%00%(creatordate:short)', pattern ? `refs/tags/${pattern}` : 'refs/tags']);
        return output.split('\n').filter(Boolean).map((line) => {
            const [tag, date] = line.split('\0');
            return { tag, date };
        });
    }

    /** A path on disk as the repository names it (`/`-separated, from the top folder). */
    relative(file: string): string {
        return path.relative(this.root, file).split(path.sep).join('/');
    }

    private shallowHint(): string {
        return this.shallow
            ? ' — this is a shallow clone and the history may not reach back that far: fetch more of it (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)'
            : '';
    }
}

function describe(error: unknown): string {
    const e = error as Partial<ExecaError>;
    const stderr = typeof e.stderr === 'string' ? e.stderr : e.stderr ? Buffer.from(e.stderr as Uint8Array).toString('utf8') : '';
    return (stderr.trim().split('\n').pop() || e.shortMessage || String(error)).replace(/^fatal: /, '');
}

/** Runs git reading standard input from one file and writing standard output to another; rejects with git's last line of errors. */
async function gitWithFiles(cwd: string, args: string[], inputFile: string, outputFile: string): Promise<void> {
    const input = fs.openSync(inputFile, 'r');
    let output: number | undefined;
    let stderr = '';
    const exit = new Promise<number | null>((resolve, reject) => {
        try {
            output = fs.openSync(outputFile, 'w');
            const child = spawn('git', args, { cwd, stdio: [input, output, 'pipe'] });
            child.stderr!.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
            child.on('error', reject);
            child.on('close', resolve);
        } catch (error) {
            reject(error);
        }
    });
    // git holds its own copies of the two files from here on.
    fs.closeSync(input);
    if (output !== undefined) fs.closeSync(output);
    const code = await exit;
    if (code !== 0) throw Object.assign(new Error(`git ${args[0]} exited with ${code}`), { stderr, shortMessage: `git ${args[0]} exited with ${code}` });
}

/** Runs git and returns its output; a failure becomes a HistoryError in words (by exit code when foreseen). */
async function run(cwd: string, args: string[], messages: Record<number, () => string> = {}): Promise<string> {
    try {
        return (await execa('git', args, { cwd, maxBuffer: 2 ** 30, stripFinalNewline: false })).stdout;
    } catch (error) {
        const e = error as Partial<ExecaError> & { code?: string };
        if (e.code === 'ENOENT') {
            throw new HistoryError(fs.existsSync(cwd) ? 'git is not installed or not on PATH: the history of plans is read with git.' : `The folder ${cwd} does not exist.`);
        }
        const known = typeof e.exitCode === 'number' ? messages[e.exitCode] : undefined;
        throw new HistoryError(known ? known() : `git ${args[0]} failed: ${describe(error)}.`);
    }
}
