/**
 * The server's side of its history worker (main.ts): starts the worker on the first call, sends
 * typed calls and returns their answers, and stops the worker after a while without calls (an
 * earlier revision's workspace is a whole portfolio's memory). A worker that fails or exits rejects
 * the calls it had with a message saying so; the next call starts a new one. The editor's thread
 * never waits for git or for a revision's build.
 */
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HistoryError } from '../../../history/src/history-error.js';
import type { HistoryCalls, HistoryMethod, HistoryReplyMessage, HistoryRequestMessage } from './calls.js';

/** Where the bundle puts the worker: beside the server's own bundle (out/server, and out/cli for `kam lsp`). */
export const HISTORY_WORKER_FILE = 'history-worker.cjs';

interface Pending {
    resolve(result: unknown): void;
    reject(error: Error): void;
}

export class HistoryReader {
    private worker?: Worker;
    private nextId = 1;
    private readonly pending = new Map<number, Pending>();
    private idleTimer?: NodeJS.Timeout;

    constructor(
        private readonly file = path.join(__dirname, HISTORY_WORKER_FILE),
        /** Stopped after this long without a call: its memory goes back to the system. */
        private readonly idleMs = 120_000,
    ) {}

    call<M extends HistoryMethod>(method: M, params: HistoryCalls[M]['params']): Promise<HistoryCalls[M]['result']> {
        return new Promise((resolve, reject) => {
            const id = this.nextId++;
            this.pending.set(id, { resolve: resolve as (result: unknown) => void, reject });
            clearTimeout(this.idleTimer);
            try {
                this.running().postMessage({ id, method, params } satisfies HistoryRequestMessage);
            } catch (error) {
                this.pending.delete(id);
                reject(new Error(`The plans' history could not be read: ${error instanceof Error ? error.message : String(error)}`));
            }
        });
    }

    /** Stops the worker (the server shuts down); calls still waiting are rejected. */
    async dispose(): Promise<void> {
        const worker = this.worker;
        this.stopped(new Error('The language server is shutting down.'));
        await worker?.terminate();
    }

    private running(): Worker {
        if (this.worker) return this.worker;
        // No Node options of the server's (an inspector port, a preload): V8's flags are the process's anyway.
        const worker = new Worker(this.file, { execArgv: [] });
        // The server exits when its client goes, whatever the worker is doing.
        worker.unref();
        worker.on('message', (reply: HistoryReplyMessage) => this.answered(reply));
        worker.on('error', (error) => this.stopped(new Error(`The plans' history could not be read: ${error.message}`), worker));
        worker.on('exit', (code) => this.stopped(new Error(`The plans' history reader stopped (exit code ${code}).`), worker));
        this.worker = worker;
        return worker;
    }

    private answered(reply: HistoryReplyMessage): void {
        const pending = this.pending.get(reply.id);
        if (!pending) return;
        this.pending.delete(reply.id);
        if ('error' in reply) pending.reject(reply.error.inWords ? new HistoryError(reply.error.message) : new Error(reply.error.message));
        else pending.resolve(reply.result);
        if (this.pending.size === 0) this.stopWhenIdle();
    }

    private stopWhenIdle(): void {
        clearTimeout(this.idleTimer);
        this.idleTimer = setTimeout(() => {
            if (this.pending.size > 0 || !this.worker) return;
            const worker = this.worker;
            this.worker = undefined;
            void worker.terminate();
        }, this.idleMs);
        this.idleTimer.unref();
    }

    /** The worker failed or exited: what it had is lost; the next call starts another. */
    private stopped(error: Error, worker?: Worker): void {
        if (worker && worker !== this.worker) return;
        this.worker = undefined;
        clearTimeout(this.idleTimer);
        const waiting = [...this.pending.values()];
        this.pending.clear();
        for (const p of waiting) p.reject(error);
    }
}
