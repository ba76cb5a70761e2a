/**
 * The language server's history worker (a Node worker thread): reads git and builds each earlier
 * revision's portfolio in a workspace of its own (history/). Building a revision parses the whole
 * portfolio; in the server's own thread that held keystrokes for up to seconds in a committed
 * portfolio. Here it has its own heap and collector, and the server's thread only receives the
 * snapshots. Started and stopped by HistoryReader (reader.ts); answers one call at a time, in order.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { HistoryError, PlanHistory, type Revision } from '../../../history/src/index.js';
import { addRevision, type AccountTrend } from '../../../language/src/plan-diff/account-trend.js';
import type { PortfolioSnapshot } from '../../../language/src/plan-diff/index.js';
import type { HistoryCalls, HistoryMethod, HistoryReplyMessage, HistoryRequestMessage } from './calls.js';

type Handlers = { [M in HistoryMethod]: (params: HistoryCalls[M]['params']) => Promise<HistoryCalls[M]['result']> };

/** The last *Compare with…* base: asked again after each validation while its page is open. */
let kept: { root: string; commit: string; snapshot: PortfolioSnapshot } | undefined;

const handlers: Handlers = {
    async reviews({ folder, pattern, dates }) {
        const reviews: HistoryCalls['reviews']['result']['reviews'] = [];
        const notes: string[] = [];
        const history = await PlanHistory.open(folder);
        if (!(await history.repository.hasCommits())) return { reviews, notes };
        for (const [date, accounts] of dates) {
            const revision = await history.revisionAtDate(date).catch(() => undefined);
            if (revision) reviews.push({ review: `the ${date} review`, snapshot: (await history.snapshotAt(revision)).snapshot, accounts });
        }
        const [newest] = pattern ? await history.tags(pattern) : [];
        if (newest) reviews.push({ review: newest.tag, snapshot: (await history.snapshotAt(await history.revision(newest.tag))).snapshot });
        else if (pattern) notes.push(`KAM: no git tag matches reviewTag "${pattern}" yet.`);
        return { reviews, notes };
    },

    async trends({ folder, knownHead, commits }) {
        const history = await PlanHistory.open(folder);
        if (!(await history.repository.hasCommits())) return {};
        const head = await history.repository.resolve('HEAD');
        if (head === knownHead) return { head };
        const trends = new Map<string, AccountTrend>();
        for (const c of await history.commits({ limit: commits })) {
            addRevision(trends, (await history.snapshotAt({ ref: c.commit.slice(0, 7), commit: c.commit, date: c.date, subject: c.subject })).snapshot);
        }
        return { head, trends: [...trends] };
    },

    async revisions({ folder }) {
        const history = await PlanHistory.open(folder);
        if (!(await history.repository.hasCommits())) return { tags: [], commits: [] };
        const [tags, commits] = await Promise.all([history.tags(), history.commits({ limit: 30 })]);
        return { tags: tags.map((t) => ({ name: t.tag, date: t.date })), commits };
    },

    async compareBase({ folder, revision: named, since }) {
        const history = await PlanHistory.open(folder);
        const revision: Revision = named ? await history.revision(named)
            : since ? await history.revisionAtDate(since)
                : await history.defaultBase();
        if (kept?.root !== history.root || kept.commit !== revision.commit) {
            kept = { root: history.root, commit: revision.commit, snapshot: (await history.snapshotAt(revision)).snapshot };
        }
        return { root: history.root, revision, snapshot: kept.snapshot, renamed: [...await history.renamedPlans(revision, undefined)] };
    },
};

/**
 * Below the editor's thread: on two cores a revision's build would otherwise slow the keystrokes it
 * runs beside. Linux gives each thread its own nice value (the thread's id from /proc/thread-self);
 * elsewhere the worker shares the CPU as it is.
 */
function yieldToTheEditor(): void {
    try {
        const threadId = Number(fs.readlinkSync('/proc/thread-self').split('/').pop());
        if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, os.constants.priority.PRIORITY_BELOW_NORMAL);
    } catch {
        // Not Linux, or not allowed: nothing to do.
    }
}

yieldToTheEditor();
const port = parentPort;
if (!port) throw new Error('The KAM history worker runs in a worker thread of the language server.');

// One call at a time: two revisions' builds side by side would only double the memory.
let queue = Promise.resolve();
port.on('message', (message: HistoryRequestMessage) => {
    queue = queue.then(async () => {
        let reply: HistoryReplyMessage;
        try {
            const handler = handlers[message.method] as (params: unknown) => Promise<unknown>;
            if (!handler) throw new Error(`The history worker has no call "${message.method}".`);
            reply = { id: message.id, result: await handler(message.params) };
        } catch (error) {
            reply = { id: message.id, error: { message: error instanceof Error ? error.message : String(error), inWords: error instanceof HistoryError } };
        }
        port.postMessage(reply);
    });
});
