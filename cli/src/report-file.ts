/**
 * `kam report --out FILE`: the one place the CLI writes a file. The rules, checked before anything
 * is written:
 * - never onto a plan: not a `.kam` name (it would be read as a plan on the next run), and not any
 *   file this run read (a plan or a kam.config.json, however it is reached), even with --force;
 * - if the path itself is a symbolic link, neither through it nor replacing it, even with --force
 *   (the link may point anywhere, `/dev/stdout` included): remove the link or choose another path
 *   (links among the folders above it are followed, as the user wrote them);
 * - not onto a folder, a named pipe or a device;
 * - an existing regular file only with --force.
 * The report is written to a temporary file beside the target and renamed into place, so a full
 * disk or a failed write never leaves half a report, and never half of the old one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CliError, errorCode, fsReason, kindOf } from './errors.js';
import { isPlanName } from './plan-files.js';

export interface WriteRules {
    force?: boolean;
    /** Real paths of the files the run read: never written over. */
    inputs: Set<string>;
}

/** The first existing ancestor of `dir` (or dir itself), with what it is. */
function existingAncestor(dir: string): { at: string; stats?: fs.Stats } {
    for (let at = dir; ; at = path.dirname(at)) {
        try {
            return { at, stats: fs.statSync(at) };
        } catch {
            if (path.dirname(at) === at) return { at };
        }
    }
}

function ensureFolder(out: string, dir: string): void {
    try {
        fs.mkdirSync(dir, { recursive: true });
    } catch (error) {
        const { at, stats } = existingAncestor(dir);
        if (stats && !stats.isDirectory()) throw new CliError(`Cannot write ${out}: ${at} is ${kindOf(stats)}, not a folder.`);
        throw new CliError(`Cannot create the folder ${dir} for ${out}: ${fsReason(error)}.`);
    }
}

function realPathOf(file: string): string {
    try {
        return path.join(fs.realpathSync.native(path.dirname(file)), path.basename(file));
    } catch {
        return file;
    }
}

function checkName(out: string, target: string): void {
    if (isPlanName(target.toLowerCase())) {
        const stem = path.basename(target).replace(/\.kam$/i, '');
        throw new CliError(`--out ${out} is a plan file name (.kam): kam never writes a report onto a plan, even with --force; choose another name, e.g. ${stem}.summary.md.`);
    }
}

/** Checks what is at the path now; returns the existing file's stats when --force replaces one. */
function checkTarget(out: string, target: string, rules: WriteRules): fs.Stats | undefined {
    let stats: fs.Stats;
    try {
        stats = fs.lstatSync(target);
    } catch (error) {
        const code = errorCode(error);
        if (code === 'ENOENT') return undefined;
        if (code === 'ENOTDIR') {
            const { at, stats: found } = existingAncestor(path.dirname(target));
            if (found && !found.isDirectory()) throw new CliError(`Cannot write ${out}: ${at} is ${kindOf(found)}, not a folder.`);
        }
        throw new CliError(`Cannot write ${out}: ${fsReason(error)}.`);
    }
    if (stats.isSymbolicLink()) {
        let to = '';
        try {
            const link = fs.readlinkSync(target);
            to = ` to ${link}${fs.existsSync(target) ? '' : ', which does not exist'}`;
        } catch {
            // The link's target is not needed for the message.
        }
        throw new CliError(`--out ${out} is a symbolic link${to}: kam does not write through a link or replace one, even with --force; remove the link or choose another path.`);
    }
    if (stats.isDirectory()) throw new CliError(`--out ${out} is a folder: give a file name, e.g. ${path.join(out, 'portfolio.md')}.`);
    if (!stats.isFile()) throw new CliError(`--out ${out} is ${kindOf(stats)}, not a regular file: kam writes reports to regular files only (leave out --out to write to standard output).`);
    if (rules.inputs.has(realPathOf(target))) {
        throw new CliError(`--out ${out} is one of the files this run read: kam never writes over its input, even with --force; choose another name.`);
    }
    if (!rules.force) throw new CliError(`${out} exists; pass --force to overwrite it.`);
    return stats;
}

/**
 * Writes a report: a string, bytes (a deck), or a page's parts, each written as it is made (so a
 * large page is never whole in memory). A part that fails to be made is kam's bug, not the disk's:
 * it is thrown as it is, after the temporary file is removed.
 */
export function writeReportFile(out: string, content: string | Uint8Array | Iterable<string>, rules: WriteRules): void {
    const target = path.resolve(out);
    checkName(out, target);
    const dir = path.dirname(target);
    ensureFolder(out, dir);
    const existing = checkTarget(out, target, rules);
    // Unique enough for a name ('wx' below refuses one that exists); not node:crypto, whose loading costs every kam run ~10 ms.
    const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(16).slice(2, 10)}.tmp`);
    let fd: number | undefined;
    try {
        // 'wx': a new file of our own; never a file or link that is already there.
        fd = fs.openSync(temporary, 'wx', 0o666);
        // Replacing a report keeps its permissions.
        if (existing) fs.fchmodSync(fd, existing.mode & 0o777);
        if (typeof content === 'string' || content instanceof Uint8Array) fs.writeFileSync(fd, content);
        else for (const part of content) fs.writeFileSync(fd, part);
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = undefined;
        if (existing) {
            fs.renameSync(temporary, target);
        } else {
            placeWithoutReplacing(temporary, target, out);
        }
    } catch (error) {
        if (fd !== undefined) fs.closeSync(fd);
        fs.rmSync(temporary, { force: true });
        const code = errorCode(error);
        if (error instanceof CliError || code === undefined) throw error;
        const why = code === 'EACCES' || code === 'EPERM' ? `${fsReason(error)}: the folder ${dir} is not writable` : fsReason(error);
        throw new CliError(`Cannot write ${out}: ${why}.`);
    }
}

/**
 * Moves the finished report to a path that did not exist when checked, without replacing a file
 * someone created there meanwhile: a hard link fails if the name exists. File systems without hard
 * links get a plain rename.
 */
function placeWithoutReplacing(temporary: string, target: string, out: string): void {
    try {
        fs.linkSync(temporary, target);
    } catch (error) {
        const code = errorCode(error);
        if (code === 'EEXIST') throw new CliError(`${out} exists; pass --force to overwrite it.`);
        if (code === 'EPERM' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'EXDEV' || code === 'EMLINK') {
            fs.renameSync(temporary, target);
            return;
        }
        throw error;
    }
    fs.rmSync(temporary, { force: true });
}
