/** What the CLI says when something is wrong: one line, in plain words. */
import type * as fs from 'node:fs';

/** A failure the user can fix (usage or input): printed as `kam: <message>`, exit code 2. */
export class CliError extends Error {}

/** The exit code when the reader of standard output stopped early (`kam … | head`): 128 + SIGPIPE, as for `cat`. */
export const BROKEN_PIPE_EXIT = 141;

const REASONS: Record<string, string> = {
    ENOENT: 'it does not exist',
    EACCES: 'permission denied',
    EPERM: 'operation not permitted',
    ENOTDIR: 'a part of the path is a file, not a folder',
    EISDIR: 'it is a folder',
    ELOOP: 'a symbolic link loop (a link that leads back to itself)',
    ENOSPC: 'no space left on the device',
    EDQUOT: 'disk quota exceeded',
    EROFS: 'the file system is read-only',
    EMFILE: 'too many open files (see ulimit -n)',
    ENFILE: 'too many open files on the system',
    ENAMETOOLONG: 'the name is too long',
    EIO: 'input/output error',
    EBUSY: 'the file is busy',
    EEXIST: 'it already exists',
    ETXTBSY: 'the file is busy',
    EFBIG: 'the file is too large',
    EXDEV: 'it is on another file system',
    EINVAL: 'invalid argument',
};

export function errorCode(error: unknown): string | undefined {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
}

/** Why a file operation failed, in words: `permission denied (EACCES)`. */
export function fsReason(error: unknown): string {
    const code = errorCode(error);
    if (error instanceof NotRegularFileError) return error.message;
    if (code && REASONS[code]) return `${REASONS[code]} (${code})`;
    if (error instanceof Error) return error.message;
    return String(error);
}

/** What kind of thing a non-regular file is, for messages: `a named pipe (FIFO)`. */
export function kindOf(stats: fs.Stats): string {
    if (stats.isDirectory()) return 'a folder';
    if (stats.isFIFO()) return 'a named pipe (FIFO)';
    if (stats.isSocket()) return 'a socket';
    if (stats.isCharacterDevice()) return 'a character device';
    if (stats.isBlockDevice()) return 'a block device';
    if (stats.isSymbolicLink()) return 'a symbolic link';
    return stats.isFile() ? 'a regular file' : 'not a regular file';
}

/** A path that is a pipe, socket, device or folder where a file's text was expected. */
export class NotRegularFileError extends Error {
    constructor(readonly file: string, stats: fs.Stats) {
        super(`${file} is ${kindOf(stats)}, not a regular file`);
    }
}
