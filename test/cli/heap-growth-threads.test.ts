/**
 * V8's heap flags are the process's, not a thread's: only the main thread sets them
 * (cli/src/heap-growth.ts). The language server's history worker builds past revisions with the
 * CLI's buildWorkspace; had it held the young generation, the editor's would have stayed held for
 * the rest of the session, and the worker's exit would have set V8's values back in the middle of
 * the editor's build.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'langium';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const thread = vi.hoisted(() => ({ main: true, flagsSet: [] as string[] }));

vi.mock('node:worker_threads', async (original) => ({
    ...(await original<typeof import('node:worker_threads')>()),
    get isMainThread() {
        return thread.main;
    },
}));

vi.mock('node:v8', async (original) => {
    const real = await original<typeof import('node:v8')>();
    // The young generation reported as already at its cap, so holding it sets the flag at once.
    const atTheCap = () => real.getHeapSpaceStatistics().map((space) => space.space_name === 'new_space' ? { ...space, space_size: 64 * 1024 * 1024 } : space);
    return { ...real, setFlagsFromString: (flag: string) => thread.flagsSet.push(flag), getHeapSpaceStatistics: atTheCap };
});

async function freshHeapGrowth() {
    vi.resetModules();
    return import('../../cli/src/heap-growth.js');
}

describe('the heap\'s flags while a portfolio is built', () => {
    let exitListeners: number;
    beforeEach(() => {
        thread.flagsSet = [];
        exitListeners = process.listenerCount('exit');
    });
    afterEach(() => {
        // The listener that sets V8's values back at exit, added by a main-thread build here, is not the test process's business.
        for (const listener of process.listeners('exit').slice(0, process.listenerCount('exit') - exitListeners)) process.removeListener('exit', listener);
    });

    it('are set by a build on the main thread, and set back when the process exits', async () => {
        thread.main = true;
        const heap = await freshHeapGrowth();
        heap.growHeapForPortfolioBuild(20_000);
        heap.holdYoungGeneration();
        expect(thread.flagsSet).toEqual(['--heap-growing-percent=0', '--no-allocation-site-pretenuring', '--semi-space-growth-factor=1']);
        // At any size: whether V8 took a plan's tokens for long-lived ones was a matter of timing.
        heap.growHeapForPortfolioBuild(2_000);
        expect(thread.flagsSet.slice(3)).toEqual(['--heap-growing-percent=1900', '--no-allocation-site-pretenuring']);
        thread.flagsSet.splice(3);
        expect(process.listenerCount('exit')).toBe(exitListeners + 1);
        process.listeners('exit')[0].call(process, 0);
        expect(thread.flagsSet.slice(3)).toEqual(['--heap-growing-percent=0', '--allocation-site-pretenuring', '--semi-space-growth-factor=2']);
    });

    it('are those of a revision\'s build while history/ builds the examples as a revision', async () => {
        thread.main = true;
        // The revision workspace reads the module afresh too (vi.resetModules).
        await freshHeapGrowth();
        const { RevisionWorkspace } = await import('../../history/src/revision-workspace.js');
        const examples = path.resolve(__dirname, '../../examples');
        const files = new Map<string, string>();
        for (const file of fs.readdirSync(examples, { recursive: true, encoding: 'utf8' })) {
            if (file.endsWith('.kam') || file.endsWith('kam.config.json')) files.set(URI.file(path.join(examples, file)).toString(), fs.readFileSync(path.join(examples, file), 'utf8'));
        }
        const plans = [...files.keys()].filter((uri) => uri.endsWith('.kam')).map((uri) => URI.parse(uri));
        const workspace = new RevisionWorkspace();
        const revision = await workspace.moveTo(files, plans, '2026-11-24');
        expect(revision.documents.length).toBe(plans.length);
        expect(thread.flagsSet.filter((flag) => flag.includes('pretenuring'))).toEqual(['--no-allocation-site-pretenuring', '--allocation-site-pretenuring']);
        // Also when the revision cannot be built: a plan listed that the revision does not hold.
        const missing = URI.file(path.join(examples, 'portfolio/accounts/not-in-this-revision.kam'));
        await expect(new RevisionWorkspace().moveTo(files, [...plans, missing], '2026-11-24')).rejects.toThrow();
        expect(thread.flagsSet.filter((flag) => flag.includes('pretenuring')).at(-1)).toBe('--allocation-site-pretenuring');
    });

    it('are left alone by a revision built in the history worker', async () => {
        thread.main = false;
        const heap = await freshHeapGrowth();
        heap.growHeapForPortfolioBuild(20_000);
        heap.holdYoungGeneration();
        heap.youngGenerationAsV8Decides();
        heap.growHeapAsV8Decides();
        expect(thread.flagsSet).toEqual([]);
        // Nothing to set back when the worker ends.
        expect(process.listenerCount('exit')).toBe(exitListeners);
    });
});
