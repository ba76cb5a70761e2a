/**
 * The process around runCli: standard output and error written so that a failed write is noticed
 * (a full disk is an error, a reader that went away ends kam quietly), everything flushed before
 * the process ends (process.exitCode, never process.exit), and any failure kam did not foresee
 * said in one line (the stack only with KAM_DEBUG=1).
 */
import * as fs from 'node:fs';
import { runCli } from './main.js';
import { BROKEN_PIPE_EXIT, errorCode, fsReason } from './errors.js';
import { terminalBlock, terminalLine } from './terminal-text.js';

/**
 * Lines to a stream, remembering the first failed write instead of ignoring it (as console.log does).
 * Standard output's lines written in one burst (a validation's 10,000 findings) are handed to the
 * system together, at the next turn of the event loop or every 64 KB: a write per line costs ~7 µs.
 * Standard error's warnings go out as they come.
 */
class LineWriter {
    failure: Error | undefined;
    private pending = 0;
    private settled: Array<() => void> = [];
    private buffered: string[] = [];
    private bufferedLength = 0;
    private flushScheduled = false;

    constructor(private readonly stream: NodeJS.WriteStream, private readonly escape: (text: string) => string, private readonly inBursts: boolean) {
        stream.on('error', (error) => this.fail(error));
    }

    line(text: string): void {
        if (this.failure || this.stream.destroyed) return;
        const line = `${this.escape(text)}\n`;
        this.buffered.push(line);
        this.bufferedLength += line.length;
        if (!this.inBursts || this.bufferedLength >= 65_536) this.write();
        else if (!this.flushScheduled) {
            this.flushScheduled = true;
            setImmediate(() => this.write());
        }
    }

    /**
     * A page handed to the system part by part as each is made (after the lines before it), then a
     * newline: a 2,000-account HTML report is never whole in memory. Making stops at a failed write.
     */
    page(parts: Iterable<string>): void {
        this.write();
        for (const part of parts) {
            if (this.failure || this.stream.destroyed) return;
            this.send(this.escape(part));
        }
        this.line('');
    }

    private write(): void {
        this.flushScheduled = false;
        if (this.buffered.length === 0) return;
        const chunk = this.buffered.join('');
        this.buffered = [];
        this.bufferedLength = 0;
        if (this.failure || this.stream.destroyed) return;
        this.send(chunk);
    }

    private send(chunk: string): void {
        this.pending++;
        this.stream.write(chunk, (error) => {
            if (error) this.fail(error);
            this.pending--;
            this.check();
        });
    }

    /** Resolves once every line has been handed to the system, or writing has failed. */
    flushed(): Promise<void> {
        this.write();
        return new Promise((resolve) => {
            this.settled.push(resolve);
            this.check();
        });
    }

    private fail(error: Error): void {
        this.failure ??= error;
        this.check();
    }

    private check(): void {
        if (this.pending > 0 && !this.failure) return;
        const settled = this.settled;
        this.settled = [];
        settled.forEach((resolve) => resolve());
    }
}

function internalError(error: unknown): string {
    if (process.env.KAM_DEBUG === '1') return `kam: internal error: ${error instanceof Error && error.stack ? error.stack : String(error)}`;
    const message = error instanceof Error ? error.message : String(error);
    return `kam: internal error: ${terminalLine(message)} (a bug in kam: run again with KAM_DEBUG=1 to see where, and please report it)`;
}

/** Last resort, for a failure outside the command's own handling: one line, then the process ends. */
function crash(error: unknown): void {
    try {
        fs.writeSync(2, `${internalError(error)}\n`);
    } finally {
        process.exit(2);
    }
}

async function main(args: string[]): Promise<number> {
    const stdout = new LineWriter(process.stdout, process.stdout.isTTY ? terminalBlock : (text) => text, true);
    const stderr = new LineWriter(process.stderr, terminalBlock, false);
    let code: number;
    try {
        code = await runCli(args, { out: (s) => stdout.line(s), err: (s) => stderr.line(s), page: (parts) => stdout.page(parts) });
    } catch (error) {
        stderr.line(internalError(error));
        code = 2;
    }
    await stdout.flushed();
    if (stdout.failure) {
        // The reader went away (`| head`): nothing to say, and nobody to say it to on standard output.
        if (errorCode(stdout.failure) === 'EPIPE') return BROKEN_PIPE_EXIT;
        stderr.line(`kam: cannot write to standard output: ${fsReason(stdout.failure)}.`);
        return 2;
    }
    return code;
}

const args = process.argv.slice(2);
if (args[0] === 'lsp') {
    // The server keeps the process alive and owns standard output; its exit code is the connection's.
    runCli(args).catch(crash);
} else {
    process.on('uncaughtException', crash);
    process.on('unhandledRejection', crash);
    void main(args).then((code) => { process.exitCode = code; });
}
