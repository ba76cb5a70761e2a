/**
 * `kam` keeps the code its command compiled between runs (bin/load-bundle.cjs): a CI job running
 * `kam validate` on every pull request starts faster from its second run. The cache must never
 * change what kam says, and nothing wrong with it (garbage, an earlier build's, an unwritable
 * folder) may stop a run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeRealisticPortfolio } from '../../bench/realistic-portfolio.js';

const ROOT = path.resolve(__dirname, '../..');
const KAM = path.join(ROOT, 'bin/kam.cjs');
const EXAMPLES = path.join(ROOT, 'examples/portfolio');

function kam(env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    return kamWith([], env, ...args);
}

function kamWith(nodeFlags: string[], env: Record<string, string>, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
    const run = spawnSync(process.execPath, [...nodeFlags, KAM, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', ...env } });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

function cachesIn(folder: string): string[] {
    return fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [];
}

let uncached: ReturnType<typeof kam>;

beforeAll(() => {
    expect(fs.existsSync(path.join(ROOT, 'out/cli/kam.cjs')), 'run npm run build first').toBe(true);
    uncached = kam({ KAM_CODE_CACHE: 'off' }, 'validate', EXAMPLES);
}, 60_000);

describe('the compiled code kam keeps between runs', () => {
    it('is written by a command\'s first run and read by the next, which says exactly the same', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        const first = kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        const caches = cachesIn(path.join(home, 'code'));
        expect(caches).toHaveLength(1);
        expect(caches[0]).toMatch(/^validate-\w+-v\d+\.\d+\.\d+-\w+-\d+-\d+\.bin$/);
        const file = path.join(home, 'code', caches[0]);
        const written = fs.readFileSync(file);
        const second = kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        for (const run of [first, second]) {
            expect(run.status).toBe(uncached.status);
            expect(run.stdout).toBe(uncached.stdout);
            expect(run.stderr).toBe(uncached.stderr);
        }
        // Accepted, so not written again.
        expect(fs.readFileSync(file).equals(written)).toBe(true);
        expect(cachesIn(path.join(home, 'code'))).toEqual(caches);
    }, 60_000);

    it('is read again after a run on a portfolio large enough for kam to size V8\'s heap, not made afresh each time', () => {
        // kam holds the young generation while it reads the plans (cli/src/heap-growth.ts); V8 stamps a cache
        // with the flags in force when it is made, at exit: unless V8's own are back by then, the next run
        // rejects the cache, compiles everything again and writes another.
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        const portfolio = path.join(home, 'portfolio');
        writeRealisticPortfolio(portfolio, 60);
        expect(kam({ KAM_CACHE_DIR: home }, 'validate', portfolio, '--format', 'json').status).toBe(0);
        const [cache] = cachesIn(path.join(home, 'code'));
        const file = path.join(home, 'code', cache);
        const written = { bytes: fs.readFileSync(file), time: fs.statSync(file).mtimeMs };
        const second = kam({ KAM_CACHE_DIR: home }, 'validate', portfolio, '--format', 'json');
        expect(JSON.parse(second.stdout).files).toHaveLength(62);
        expect(cachesIn(path.join(home, 'code'))).toEqual([cache]);
        expect(fs.statSync(file).mtimeMs).toBe(written.time);
        expect(fs.readFileSync(file).equals(written.bytes)).toBe(true);
    }, 60_000);

    it('is kept per command: what `kam --version` compiled is not what `kam validate` reads', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        expect(kam({ KAM_CACHE_DIR: home }, '--version').status).toBe(0);
        expect(kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES).stdout).toBe(uncached.stdout);
        expect(cachesIn(path.join(home, 'code')).map((name) => name.split('-')[0])).toEqual(['other', 'validate']);
    }, 60_000);

    it('keeps a cache per set of Node flags: a profiling run does not replace the everyday one', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        const [everyday] = cachesIn(path.join(home, 'code'));
        const written = fs.readFileSync(path.join(home, 'code', everyday));
        expect(kamWith(['--stack-size=2000'], { KAM_CACHE_DIR: home }, 'validate', EXAMPLES).stdout).toBe(uncached.stdout);
        expect(cachesIn(path.join(home, 'code'))).toHaveLength(2);
        expect(fs.readFileSync(path.join(home, 'code', everyday)).equals(written)).toBe(true);
    }, 60_000);

    it('compiles afresh from a damaged cache, says the same, and replaces the damaged file', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        const file = path.join(home, 'code', cachesIn(path.join(home, 'code'))[0]);
        const garbage = Buffer.alloc(fs.statSync(file).size, 0x5a);
        fs.writeFileSync(file, garbage);
        const run = kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        expect(run.stdout).toBe(uncached.stdout);
        expect(run.status).toBe(uncached.status);
        expect(fs.readFileSync(file).equals(garbage)).toBe(false);
    }, 60_000);

    it('removes an earlier build\'s cache of the same command when it writes its own', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        const folder = path.join(home, 'code');
        const [current] = cachesIn(folder);
        // The same command and checkout, another bundle (size and time differ).
        const earlier = current.replace(/-\d+-\d+\.bin$/, '-1-1.bin');
        fs.renameSync(path.join(folder, current), path.join(folder, earlier));
        kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES);
        expect(cachesIn(folder)).toEqual([current]);
    }, 60_000);

    it('keeps the folder to the 24 caches written last: other checkouts\' and versions\' caches do not pile up', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        const folder = path.join(home, 'code');
        fs.mkdirSync(folder, { recursive: true });
        // Thirty caches of checkouts long gone, written a minute apart an hour ago; a write in progress.
        const gone = Array.from({ length: 30 }, (_, i) => `validate-gone${i}-v24.0.0-x64-1-1.bin`);
        gone.forEach((name, i) => {
            fs.writeFileSync(path.join(folder, name), 'old');
            const time = new Date(Date.now() - 3_600_000 + i * 60_000);
            fs.utimesSync(path.join(folder, name), time, time);
        });
        fs.writeFileSync(path.join(folder, 'validate-x.bin.123.tmp'), 'half');
        expect(kam({ KAM_CACHE_DIR: home }, 'validate', EXAMPLES).stdout).toBe(uncached.stdout);
        const kept = cachesIn(folder);
        const written = kept.filter((name) => !name.includes('-gone'));
        expect(written).toEqual([expect.stringMatching(/^validate-\w+-v/), 'validate-x.bin.123.tmp']);
        // The 23 newest of the others stay beside the one just written.
        expect(kept.filter((name) => name.includes('-gone')).sort()).toEqual(gone.slice(7).sort());
    }, 60_000);

    it('knows every command kam has (bin/kam.cjs lists them before the bundle is loaded)', () => {
        const listed = /var COMMANDS = \[([^\]]*)\]/.exec(fs.readFileSync(KAM, 'utf8'))?.[1].match(/'[a-z]+'/g)?.map((name) => name.slice(1, -1)).sort();
        const help = kam({ KAM_CODE_CACHE: 'off' }, '--help').stdout;
        const section = help.slice(help.indexOf('Commands:'), help.indexOf('\n\n', help.indexOf('Commands:')));
        const commands = [...section.matchAll(/^ {2}([a-z]+) /gm)].map((m) => m[1]).filter((name) => name !== 'help').sort();
        expect(commands.length).toBeGreaterThan(5);
        expect(listed).toEqual(commands);
    }, 60_000);

    it('shares one cache among help and mistyped commands (`kam valdate` keeps no cache of its own)', () => {
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        expect(kam({ KAM_CACHE_DIR: home }, 'valdate', EXAMPLES).status).toBe(2);
        expect(kam({ KAM_CACHE_DIR: home }, 'help').status).toBe(0);
        expect(cachesIn(path.join(home, 'code')).map((name) => name.split('-')[0])).toEqual(['other']);
    }, 60_000);

    it('does not stop kam when its folder cannot be made, and is not kept when turned off', () => {
        const blocked = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-')), 'a-file');
        fs.writeFileSync(blocked, 'not a folder');
        const run = kam({ KAM_CACHE_DIR: blocked }, 'validate', EXAMPLES);
        expect(run.status).toBe(uncached.status);
        expect(run.stdout).toBe(uncached.stdout);
        expect(run.stderr).toBe(uncached.stderr);

        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-cache-'));
        expect(kam({ KAM_CACHE_DIR: home, KAM_CODE_CACHE: 'off' }, 'validate', EXAMPLES).stdout).toBe(uncached.stdout);
        expect(cachesIn(path.join(home, 'code'))).toEqual([]);
    }, 60_000);
});
