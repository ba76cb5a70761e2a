/**
 * A worker thread that reads one revision of the portfolio (history/src/parallel-snapshots.ts):
 * the same PlanHistory as the main thread, in its own Langium workspace, and the snapshot back as
 * plain data. Bundled as out/cli/snapshot-worker.cjs beside the CLI.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { HistoryError, PlanHistory } from './index.js';
import type { SnapshotJob, SnapshotReply } from './parallel-snapshots.js';

async function read(job: SnapshotJob): Promise<SnapshotReply> {
    try {
        const history = await PlanHistory.open(job.root, { root: job.root });
        return { loaded: await history.snapshotAt(job.revision) };
    } catch (error) {
        return { error: error instanceof Error ? error.message : String(error), historyError: error instanceof HistoryError };
    }
}

void read(workerData as SnapshotJob).then((reply) => parentPort!.postMessage(reply));
