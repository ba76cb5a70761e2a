// Bundles the extension client, the language server and the CLI into self-contained CommonJS files
// for Node, and the extension's browser entry and the language server's web worker for VS Code for
// the Web (vscode.dev, github.dev).
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import { langiumParserAllocations } from './scripts/langium-parser-allocations.mjs';
import { asciiBundle } from './scripts/ascii-bundle.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

/** @type {import('esbuild').BuildOptions} */
const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: !production,
    minify: production,
    logLevel: 'warning',
    // Langium and its dependencies are ES modules; bundling them into CJS is fine for Node 22+.
    mainFields: ['module', 'main'],
    // Langium's parser builder without its per-step objects (scripts/langium-parser-allocations.mjs);
    // bundles V8 reads as one-byte text (scripts/ascii-bundle.mjs).
    plugins: [langiumParserAllocations, asciiBundle],
};

/** In the browser: no Node built-ins (the build fails on one), packages' browser builds first. */
const browser = {
    ...common,
    platform: 'browser',
    target: 'es2022',
    mainFields: ['browser', 'module', 'main'],
};

/** esbuild's record of what went into the worker bundle: test/server/browser-bundle.test.ts reads it. */
export const WORKER_METAFILE = 'out/server/browser.meta.json';

/**
 * Packages that only some of the CLI's commands use (the deck, the CSV import, git for what changed,
 * the relationship map's layout), each in a bundle of its own in out/cli/vendor/, required when a
 * command first needs it: every `kam` run reads, and V8 loads, a CLI bundle of 2.4 MB instead of 4.1.
 */
export const CLI_VENDOR_PACKAGES = ['pptxgenjs', 'jszip', 'iconv-lite', 'csv-parse/sync', 'execa', '@dagrejs/dagre'];
const vendorName = (name) => name.replace(/\//g, '+');
// An import of exactly one of those packages; the filter runs in esbuild itself: only these imports reach a callback.
const vendorFilter = new RegExp(`^(${CLI_VENDOR_PACKAGES.map((name) => name.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('|')})$`);

/** The CLI's import of a vendor package becomes a require of its bundle, beside the CLI's. */
const cliVendorImports = {
    name: 'cli-vendor-imports',
    setup(build) {
        build.onResolve({ filter: vendorFilter }, (args) => ({ path: `./vendor/${vendorName(args.path)}.cjs`, external: true }));
    },
};

/**
 * Each vendor bundle exports what the CLI's import of the package expects: as the CLI is an ES module
 * (this package's type), esbuild reads a required file's `module.exports` as its default export (as
 * Node does), so a package with a default export exports that, one with names only its names.
 */
const cliVendorEntries = {
    name: 'cli-vendor-entries',
    setup(build) {
        build.onResolve({ filter: /^vendor:/ }, (args) => ({ path: args.path.slice('vendor:'.length), namespace: 'cli-vendor' }));
        // A vendor package's own import of another (pptxgenjs's of jszip) requires that one's bundle
        // beside it, so the deck loads and the tarball carries one copy of jszip, not two.
        build.onResolve({ filter: vendorFilter, namespace: 'file' }, (args) => ({ path: `./${vendorName(args.path)}.cjs`, external: true }));
        build.onLoad({ filter: /.*/, namespace: 'cli-vendor' }, (args) => ({
            contents: `const m = require(${JSON.stringify(args.path)});\nmodule.exports = m && m.__esModule && m.default !== undefined ? m.default : m;\n`,
            resolveDir: import.meta.dirname,
            loader: 'js',
        }));
    },
};

const builds = [
    { ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] },
    // KAM: Import Customers from CSV… loads this on first use (CSV parser, encodings): not at activation.
    { ...common, entryPoints: { 'client/import': 'import/src/index.ts' }, outdir: 'out' },
    // The MCP server: its own bundle, so the SDK is loaded only by `kam mcp` (and VS Code's MCP support).
    { ...common, entryPoints: { 'mcp/server': 'mcp/src/index.ts' }, outdir: 'out' },
    // VS Code starts server/start.cjs: it loads server/main.cjs with the code compiled in an earlier start.
    { ...common, entryPoints: { 'server/start': 'server/src/code-cached-main.ts' }, outdir: 'out' },
    { ...common, entryPoints: { 'server/main': 'server/src/main.ts', 'bench/bench': 'bench/bench.ts', 'bench/parse-floor': 'bench/parse-floor.ts', 'fuzz/fuzz': 'test/fuzz/cli.ts' }, outdir: 'out' },
    // The `kam` command, without the packages only some commands use (CLI_VENDOR_PACKAGES), and those beside it.
    { ...common, entryPoints: { 'cli/kam': 'cli/src/kam.ts' }, outdir: 'out', plugins: [cliVendorImports, ...common.plugins] },
    { ...common, entryPoints: Object.fromEntries(CLI_VENDOR_PACKAGES.map((name) => [`cli/vendor/${vendorName(name)}`, `vendor:${name}`])), outdir: 'out', plugins: [cliVendorEntries, ...common.plugins] },
    // The language server's history worker (git and earlier revisions' builds off the editor's thread),
    // beside each bundle that runs the server: VS Code's (out/server) and `kam lsp` (out/cli).
    { ...common, entryPoints: { 'server/history-worker': 'server/src/history-worker/main.ts', 'cli/history-worker': 'server/src/history-worker/main.ts' }, outdir: 'out' },
    // The extension host of VS Code for the Web loads a CommonJS module (.cjs: this package's .js are ES modules); `vscode` is provided.
    { ...browser, format: 'cjs', entryPoints: { 'client/web/extension': 'client/src/web/extension.ts' }, outdir: 'out', external: ['vscode'] },
    // The language server as a classic web worker script.
    { ...browser, format: 'iife', outExtension: { '.js': '.js' }, entryPoints: { 'server/browser': 'server/src/browser/main.ts' }, outdir: 'out', metafile: true },
];

if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching for changes');
} else {
    // A failed build leaves no record of an earlier one for the test to read.
    fs.rmSync(WORKER_METAFILE, { force: true });
    const results = await Promise.all(builds.map((b) => esbuild.build(b)));
    // Every build has a metafile (scripts/ascii-bundle.mjs reads its outputs from it): the worker's is found by its entry.
    const worker = results[builds.findIndex((b) => 'server/browser' in b.entryPoints)];
    fs.writeFileSync(WORKER_METAFILE, JSON.stringify(worker.metafile));
}
