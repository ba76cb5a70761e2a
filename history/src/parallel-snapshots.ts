/**
 * The two sides of a diff read at the same time: the base revision in a worker thread, the head
 * (a revision or the working tree) in this one. Each side is a whole Langium build of the
 * portfolio; on a machine with two cores that halves `kam diff`'s wall time on a large portfolio.
 * A snapshot is plain data, so it crosses the thread boundary as it is.
 *
 * Sequential (one workspace that moves from the base to the head, parsing only what changed) when
 * there is one core, when the portfolio is small (a worker's start costs more than it saves), or
 * where the worker's bundle is absent (running from the sources, in the tests).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { HistoryError, type LoadedSnapshot, type PlanHistory, type Revision } from './index.js';

/** What the worker is asked: the portfolio root and the revision to read. */
export interface SnapshotJob {
    root: string;
    revision: Revision;
}

export type SnapshotReply = { loaded: LoadedSnapshot } | { error: string; historyError: boolean };

/** Below this many plans a second thread is not worth its start-up (about 0.3 s to load the bundle). */
export const PARALLEL_FROM_PLANS = 200;

/** The worker's bundle beside the CLI's (out/cli/); undefined when running from the sources. */
function workerBundle(): string | undefined {
    const file = path.join(__dirname, 'snapshot-worker.cjs');
    return fs.existsSync(file) ? file : undefined;
}

function inWorker(file: string, job: SnapshotJob): Promise<LoadedSnapshot> {
    return new Promise((resolve, reject) => {
        const worker = new Worker(file, { workerData: job });
        let settled = false;
        worker.once('message', (reply: SnapshotReply) => {
            settled = true;
            if ('loaded' in reply) resolve(reply.loaded);
            else reject(reply.historyError ? new HistoryError(reply.error) : new Error(reply.error));
            void worker.terminate();
        });
        worker.once('error', (error) => {
            settled = true;
            reject(error);
        });
        worker.once('exit', (code) => {
            if (!settled) reject(new Error(`The worker reading ${job.revision.ref} stopped (exit code ${code}) before it answered.`));
        });
    });
}

/** Where the worker's bundle is and from how many plans it is used (the tests set both). */
export interface ParallelOptions {
    workerFile?: string;
    fromPlans?: number;
}

/** The portfolio at `base` and at `head` (the working tree when undefined, reviewed as of `today`). */
export async function baseAndHeadSnapshots(history: PlanHistory, base: Revision, head: Revision | undefined, today: string | undefined, options: ParallelOptions = {}): Promise<[LoadedSnapshot, LoadedSnapshot]> {
    const readHead = () => (head ? history.snapshotAt(head) : history.workingTreeSnapshot(today));
    const file = options.workerFile ?? workerBundle();
    if (file === undefined || os.availableParallelism() < 2 || (await history.planCountAt(base)) < (options.fromPlans ?? PARALLEL_FROM_PLANS)) {
        return [await history.snapshotAt(base), await readHead()];
    }
    return Promise.all([inWorker(file, { root: history.root, revision: base }), readHead()]);
}
