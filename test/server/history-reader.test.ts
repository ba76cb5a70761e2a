/**
 * The language server reads the plans' history in a worker thread, so a keystroke never waits for
 * git or for an earlier revision's build. What the server relies on: answers come back typed, a
 * history problem keeps its words, a worker that dies or cannot start fails the calls it had with a
 * message (never a hang) and the next call starts a new one, and an idle worker is stopped.
 * Needs the built worker (out/server/history-worker.cjs): `npm test` builds first.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HistoryError } from '../../history/src/index.js';
import { HistoryReader } from '../../server/src/history-worker/reader.js';

const BUILT_WORKER = path.resolve(__dirname, '../../out/server/history-worker.cjs');
let folder: string;
const readers: HistoryReader[] = [];

function reader(file: string, idleMs?: number): HistoryReader {
    const r = new HistoryReader(file, idleMs);
    readers.push(r);
    return r;
}

/** A stand-in worker: its body handles each message. */
function fakeWorker(body: string): string {
    const file = path.join(folder, `worker-${readers.length}-${Math.random().toString(36).slice(2)}.cjs`);
    fs.writeFileSync(file, `const { parentPort, threadId } = require('node:worker_threads');\nparentPort.on('message', (m) => { ${body} });\n`);
    return file;
}

beforeAll(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-history-reader-'));
});

afterEach(async () => {
    await Promise.all(readers.splice(0).map((r) => r.dispose()));
});

describe('the history worker', () => {
    it('lists the tags and commits of a portfolio in git', async () => {
        expect(fs.existsSync(BUILT_WORKER), 'out/server/history-worker.cjs is not built: run npm run build').toBe(true);
        const repo = path.join(folder, 'portfolio');
        fs.mkdirSync(repo);
        const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=KAM', '-c', 'user.email=kam@example.com', ...args], { cwd: repo, env: { ...process.env, GIT_COMMITTER_DATE: '2026-09-30T12:00:00Z', GIT_AUTHOR_DATE: '2026-09-30T12:00:00Z' } });
        git('init', '-q');
        fs.writeFileSync(path.join(repo, 'acme.kam'), 'account Acme {\n}\n');
        git('add', '.');
        git('commit', '-q', '-m', 'Acme plan');
        git('tag', 'qbr-2026-q3');
        const answer = await reader(BUILT_WORKER).call('revisions', { folder: repo });
        expect(answer.tags).toEqual([{ name: 'qbr-2026-q3', date: '2026-09-30' }]);
        expect(answer.commits.map((c) => [c.date, c.subject])).toEqual([['2026-09-30', 'Acme plan']]);
    });

    it('keeps a history problem in words (a folder outside git)', async () => {
        const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-not-git-'));
        const failed = await reader(BUILT_WORKER).call('revisions', { folder: outside }).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(HistoryError);
        expect((failed as Error).message).toMatch(/git/i);
    });

    it('fails the calls of a worker that exits, and starts a new one for the next call', async () => {
        const marker = path.join(folder, 'started-once');
        // The first worker dies on its first message; the next one answers.
        const file = fakeWorker(`if (!require('node:fs').existsSync(${JSON.stringify(marker)})) { require('node:fs').writeFileSync(${JSON.stringify(marker)}, ''); process.exit(3); } parentPort.postMessage({ id: m.id, result: { tags: [], commits: [] } });`);
        const r = reader(file);
        await expect(r.call('revisions', { folder })).rejects.toThrow(/history reader stopped \(exit code 3\)/);
        await expect(r.call('revisions', { folder })).resolves.toEqual({ tags: [], commits: [] });
    });

    it('fails with a message when the worker cannot start', async () => {
        await expect(reader(path.join(folder, 'no-such-worker.cjs')).call('revisions', { folder })).rejects.toThrow(/history/);
    });

    it('fails the call, not the server, when the worker throws', async () => {
        const file = fakeWorker(`throw new Error('disk on fire');`);
        await expect(reader(file).call('revisions', { folder })).rejects.toThrow(/could not be read: disk on fire/);
    });

    it('stops an idle worker: its memory goes back; the next call starts another', async () => {
        const file = fakeWorker(`parentPort.postMessage({ id: m.id, result: threadId });`);
        const r = reader(file, 50);
        const first = await r.call('revisions', { folder }) as unknown as number;
        await new Promise((resolve) => setTimeout(resolve, 300));
        const second = await r.call('revisions', { folder }) as unknown as number;
        expect(second).not.toBe(first);
    });

    it('answers calls made together, each its own', async () => {
        const file = fakeWorker(`setTimeout(() => parentPort.postMessage({ id: m.id, result: m.params.folder }), m.params.folder === 'slow' ? 50 : 0);`);
        const r = reader(file);
        const answers = await Promise.all(['slow', 'fast'].map((f) => r.call('revisions', { folder: f })));
        expect(answers).toEqual(['slow', 'fast']);
    });
});
