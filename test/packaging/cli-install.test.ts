/**
 * The CLI outside the repository, as a user installs it: `npm run pack:cli` (scripts/pack-cli.mjs)
 * gives a self-contained tarball with the `kam` command and its bundle, no dependencies and no
 * scripts; `npm install -g` of that tarball puts a working `kam` on the PATH of a fresh prefix; a
 * plain `npm pack` of the repository carries the same two files; and on a Node older than 22 `kam`
 * says in one line what to do. Needs the built CLI (out/cli/kam.cjs): `npm test` builds first.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const EXAMPLES = path.join(ROOT, 'examples');
const VERSION = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version as string;
/** The bundles of the packages only some commands use (the deck, the import, what changed), beside the CLI's. */
const VENDOR = ['@dagrejs+dagre', 'csv-parse+sync', 'execa', 'iconv-lite', 'jszip', 'pptxgenjs'].map((name) => `out/cli/vendor/${name}.cjs`);
/** Node 24 (the project's pinned Node, which runs the tests) first on PATH, as a user with Node 22+ has it. */
const PATH_WITH_THIS_NODE = [path.dirname(process.execPath), process.env.PATH].join(path.delimiter);
/** Makes the Node it is preloaded into claim to be Node 20, as a user's older Node would be. */
const PRETEND_NODE_20 = `Object.defineProperty(process, 'version', { value: 'v20.20.2' });
Object.defineProperty(process, 'versions', { value: { ...process.versions, node: '20.20.2' } });`;

function npm(args: string[], cwd: string): string {
    return execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, PATH: PATH_WITH_THIS_NODE }, stdio: ['ignore', 'pipe', 'pipe'] });
}

function pretendNode20(dir: string): string {
    const file = path.join(dir, 'pretend-node-20.cjs');
    fs.writeFileSync(file, PRETEND_NODE_20);
    return file;
}

describe('the CLI installed with npm install -g from a packed tarball', () => {
    let work: string;
    let prefix: string;
    let files: string[];

    let installLog: string;

    beforeAll(() => {
        expect(fs.existsSync(path.join(ROOT, 'out/cli/kam.cjs')), 'out/cli/kam.cjs is not built: run npm run build').toBe(true);
        work = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-install-'));
        prefix = path.join(work, 'prefix');
        execFileSync(process.execPath, [path.join(ROOT, 'scripts/pack-cli.mjs'), '--pack-destination', work], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, PATH: PATH_WITH_THIS_NODE } });
        const tarball = fs.readdirSync(work).find((f) => f.endsWith('.tgz'));
        expect(tarball, 'pack-cli.mjs wrote no tarball').toBeDefined();
        files = execFileSync('tar', ['tzf', path.join(work, tarball!)], { encoding: 'utf8' }).trim().split('\n').sort();
        // --offline: the package needs nothing from the registry.
        installLog = npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', path.join(work, tarball!)], work);
    }, 120_000);

    it('packs the command, its self-contained bundle and the docs, and declares no dependency or script', () => {
        expect(files).toEqual(['package/CHANGELOG.md', 'package/LICENSE', 'package/README.md', 'package/bin/kam.cjs', 'package/bin/load-bundle.cjs', 'package/out/cli/history-worker.cjs', 'package/out/cli/kam.cjs',
            ...VENDOR.map((file) => `package/${file}`), 'package/out/mcp/server.cjs', 'package/package.json']);
        const installed = JSON.parse(fs.readFileSync(path.join(prefix, 'lib/node_modules/kam-plans/package.json'), 'utf8'));
        expect(installed).toMatchObject({ name: 'kam-plans', bin: { kam: 'bin/kam.cjs' }, engines: { node: '>=22' } });
        expect(installed.dependencies ?? {}).toEqual({});
        expect(installed.scripts ?? {}).toEqual({});
        expect(installLog).toMatch(/added 1 package/);
    });

    it('gives a kam on the PATH that tells its version', () => {
        const run = spawnSync('kam', ['--version'], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: [path.join(prefix, 'bin'), PATH_WITH_THIS_NODE].join(path.delimiter) } });
        expect(run.stderr).toBe('');
        expect(run.stdout.trim()).toBe(VERSION);
        expect(run.status).toBe(0);
    });

    it('validates the example portfolio from outside the repository', () => {
        const run = spawnSync(path.join(prefix, 'bin', 'kam'), ['validate', EXAMPLES], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: PATH_WITH_THIS_NODE } });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/Nordwind Logistics \(.*nordwind-logistics\.kam\): strategic value \d+\.\d, relationship \d+\.\d, Strategic/);
        expect(run.stdout).toMatch(/^\d+ files, 8 accounts: 0 errors, \d+ warnings/m);
        // The installed copy runs its own bundle, not the repository's.
        const installed = fs.realpathSync(path.join(prefix, 'bin', 'kam'));
        expect(installed.startsWith(fs.realpathSync(prefix))).toBe(true);
    });

    it('writes the review deck and the HTML report, with its relationship maps, from outside the repository', () => {
        const env = { ...process.env, PATH: PATH_WITH_THIS_NODE };
        const deck = spawnSync(path.join(prefix, 'bin', 'kam'), ['report', EXAMPLES, '--format', 'pptx', '--out', path.join(work, 'review.pptx')], { cwd: work, encoding: 'utf8', env });
        expect(deck.status, deck.stderr).toBe(0);
        // What was written, and no warning beside it.
        expect(deck.stderr).toMatch(/^Wrote .*review\.pptx \(portfolio review deck, 8 accounts\)\.\n$/);
        // A deck is a zip file: it starts with the zip signature.
        expect(fs.readFileSync(path.join(work, 'review.pptx')).subarray(0, 2).toString('latin1')).toBe('PK');
        const html = spawnSync(path.join(prefix, 'bin', 'kam'), ['report', path.join(EXAMPLES, 'portfolio/accounts/nordwind-logistics.kam'), '--format', 'html', '--out', path.join(work, 'nordwind.html')], { cwd: work, encoding: 'utf8', env });
        expect(html.status, html.stderr).toBe(0);
        expect(fs.readFileSync(path.join(work, 'nordwind.html'), 'utf8')).toMatch(/<svg[^>]*class="[^"]*kam-relationship-map/);
    });

    it('reads a CRM export in another encoding from outside the repository', () => {
        // Latin-1: ü as one byte, which only the encodings' package reads.
        fs.writeFileSync(path.join(work, 'customers.csv'), Buffer.from('Customer,Revenue,Potential\nMüller Logistik,1200000,4000000\nAcme,50000,60000\n', 'latin1'));
        const run = spawnSync(path.join(prefix, 'bin', 'kam'), ['import', path.join(work, 'customers.csv'), '--today', '2026-11-30'], { cwd: work, encoding: 'utf8', env: { ...process.env, PATH: PATH_WITH_THIS_NODE } });
        expect(run.status, run.stderr).toBe(0);
        expect(run.stdout).toMatch(/Müller Logistik/);
    });

    it('serves the example portfolio to an MCP client from outside the repository', async () => {
        const client = new Client({ name: 'kam-install-test', version: '1.0.0' });
        await client.connect(new StdioClientTransport({ command: process.execPath, args: [fs.realpathSync(path.join(prefix, 'bin', 'kam')), 'mcp', EXAMPLES], cwd: work, stderr: 'pipe' }));
        try {
            const result = await client.callTool({ name: 'list_accounts', arguments: {} });
            expect(result.structuredContent).toMatchObject({ count: 8 });
        } finally {
            await client.close();
        }
    });

    it('on Node 20, says in one line that kam needs Node 22 and how to get it', () => {
        const run = spawnSync(process.execPath, ['--require', pretendNode20(work), fs.realpathSync(path.join(prefix, 'bin', 'kam')), 'validate', EXAMPLES], { cwd: work, encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^kam needs Node\.js 22 or newer; this is v20\.20\.2 — install Node 22\+ \(e\.g\. `nvm install 22`, or from nodejs\.org\) and run kam again\.\n$/);
    });
});

describe('npm pack of the repository', () => {
    it('carries the command and its bundle, nothing from the sources', () => {
        // --ignore-scripts: prepack would rebuild out/ while other test files read it; npm test has just built it.
        const packed = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as { files: { path: string }[] }[];
        expect(packed[0].files.map((f) => f.path).sort()).toEqual(['LICENSE', 'README.md', 'bin/kam.cjs', 'bin/load-bundle.cjs', 'out/cli/history-worker.cjs', 'out/cli/kam.cjs', ...VENDOR, 'out/mcp/server.cjs', 'package.json']);
    });
});

describe('bin/kam.cjs in a clone of the repository', () => {
    it('on Node 20, points at npx kam, which runs on the project\'s pinned Node', () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-old-node-'));
        const run = spawnSync(process.execPath, ['--require', pretendNode20(dir), path.join(ROOT, 'bin/kam.cjs'), '--version'], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^kam needs Node\.js 22 or newer; this is v20\.20\.2 — run `npx kam \.\.\.` here \(it uses the project's pinned Node 24\), or install Node 22\+/)]);
    });

    const machineNode = '/usr/bin/node';
    const machineMajor = fs.existsSync(machineNode) ? Number(execFileSync(machineNode, ['-p', 'process.versions.node.split(".")[0]'], { encoding: 'utf8' })) : undefined;
    it.runIf(machineMajor !== undefined && machineMajor < 22)(`on this machine's own Node ${machineMajor} (${machineNode}), fails at once with the same line`, () => {
        const run = spawnSync(machineNode, [path.join(ROOT, 'bin/kam.cjs'), 'validate', EXAMPLES], { encoding: 'utf8' });
        expect(run.status).toBe(2);
        expect(run.stderr).toMatch(/^kam needs Node\.js 22 or newer; this is v\d+\.\d+\.\d+ — run `npx kam \.\.\.` here/);
    });
});
