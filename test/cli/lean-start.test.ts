/**
 * Every `kam` run starts by loading the CLI, so a command loads only what it needs: `kam validate`
 * in CI reads no git, draws no deck, renders no report and starts no server. Git (history/), the
 * review deck (deck/, pptxgenjs), the CRM import (import/), the report renderers, SARIF, MCP and the
 * language server are imported by the commands that use them, when they run. Read from esbuild's own
 * record of the CLI bundle: the files reachable from cli/src/kam.ts by static imports alone. The
 * packages only those commands use are not even in the CLI's bundle, but in bundles of their own
 * beside it (esbuild.mjs), required when a command first needs one.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

let meta: Metafile;

beforeAll(async () => {
    const result = await build({
        absWorkingDir: ROOT, entryPoints: ['cli/src/kam.ts'], bundle: true, platform: 'node', format: 'cjs',
        write: false, metafile: true, logLevel: 'silent', outfile: 'out/lean-start-check.cjs',
    });
    meta = result.metafile;
}, 60_000);

/** The files a run loads before its command's own imports: static imports only, from the entry. */
function loadedAtStart(entry = 'cli/src/kam.ts'): Set<string> {
    const loaded = new Set<string>();
    const queue = [entry];
    while (queue.length) {
        const file = queue.pop()!;
        if (loaded.has(file)) continue;
        loaded.add(file);
        for (const i of meta.inputs[file]?.imports ?? []) {
            if (!i.external && (i.kind === 'import-statement' || i.kind === 'require-call')) queue.push(i.path);
        }
    }
    return loaded;
}

describe('what every kam run loads at start', () => {
    it('is the language, the portfolio reader and the command line, without what only some commands need', () => {
        const loaded = [...loadedAtStart()];
        expect(loaded).toEqual(expect.arrayContaining(['language/src/kam-module.ts', 'cli/src/portfolio-workspace.ts', 'cli/src/main.ts']));
        const commandOnly = loaded.filter((f) => /^(history|deck|import|mcp|server)\/src\//.test(f)
            || /^language\/src\/reports\/(render-report|html-report|sarif-log)\.ts$/.test(f)
            || /^language\/src\/plan-diff\/(index|diff-html|diff-markdown|account-trend)\.ts$/.test(f)
            || /^node_modules\/(pptxgenjs|jszip|execa|@modelcontextprotocol)\//.test(f));
        expect(commandOnly).toEqual([]);
    });

    it('reads the packages only some commands use from bundles beside its own, when a command needs them', () => {
        const built = path.join(ROOT, 'out/cli/kam.cjs');
        expect(fs.existsSync(built), 'out/cli/kam.cjs is not built: run npm run build').toBe(true);
        const bundle = fs.readFileSync(built, 'utf8');
        for (const [name, file] of [['pptxgenjs', 'pptxgenjs'], ['jszip', 'jszip'], ['iconv-lite', 'iconv-lite'], ['csv-parse', 'csv-parse+sync'], ['execa', 'execa'], ['@dagrejs/dagre', '@dagrejs+dagre']]) {
            // esbuild names each file it bundles in a comment: none of the package's own.
            expect(bundle.includes(`// node_modules/${name}/`), name).toBe(false);
            expect(bundle, name).toContain(`require("./vendor/${file}.cjs")`);
            expect(fs.existsSync(path.join(ROOT, 'out/cli/vendor', `${file}.cjs`)), file).toBe(true);
        }
    });

    it('keeps one copy of jszip: the deck package requires the bundle beside it', () => {
        const pptxgenjs = fs.readFileSync(path.join(ROOT, 'out/cli/vendor/pptxgenjs.cjs'), 'utf8');
        expect(pptxgenjs.includes('// node_modules/jszip/')).toBe(false);
        expect(pptxgenjs).toContain('require("./jszip.cjs")');
    });

    it('starts the language server (`kam lsp`) without git, the deck or the import: each loaded by the request that needs it', () => {
        const loaded = [...loadedAtStart('server/src/start-server.ts')];
        expect(loaded).toEqual(expect.arrayContaining(['server/src/start-server.ts', 'server/src/kam-protocol-handlers.ts', 'server/src/history-handlers.ts']));
        // The history's error class is read at start; git itself (and execa) runs in the history worker's bundle.
        const requestOnly = loaded.filter((f) => /^(deck|import)\/src\//.test(f) || f === 'history/src/git.ts' || f === 'history/src/index.ts'
            || /^node_modules\/(pptxgenjs|jszip|execa|iconv-lite|csv-parse)\//.test(f));
        expect(requestOnly).toEqual([]);
    });

    it('still bundles every command, each reached when it runs', () => {
        const all = Object.keys(meta.inputs);
        for (const file of ['history/src/index.ts', 'deck/src/index.ts', 'import/src/index.ts', 'language/src/reports/render-report.ts', 'language/src/reports/sarif-log.ts', 'server/src/start-server.ts']) {
            expect(all, file).toContain(file);
        }
    });
});
