// Bundles the extension client, the language server and the CLI into self-contained CommonJS files.
import * as esbuild from 'esbuild';

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
};

const builds = [
    { ...common, entryPoints: { 'client/extension': 'client/src/extension.ts' }, outdir: 'out', external: ['vscode'] },
    // KAM: Import Customers from CSV… loads this on first use (CSV parser, encodings): not at activation.
    { ...common, entryPoints: { 'client/import': 'import/src/index.ts' }, outdir: 'out' },
    // The MCP server: its own bundle, so the SDK is loaded only by `kam mcp` (and VS Code's MCP support).
    { ...common, entryPoints: { 'mcp/server': 'mcp/src/index.ts' }, outdir: 'out' },
    { ...common, entryPoints: { 'server/main': 'server/src/main.ts', 'cli/kam': 'cli/src/kam.ts', 'bench/bench': 'bench/bench.ts', 'fuzz/fuzz': 'test/fuzz/cli.ts' }, outdir: 'out' },
];

if (watch) {
    const contexts = await Promise.all(builds.map((b) => esbuild.context(b)));
    await Promise.all(contexts.map((c) => c.watch()));
    console.log('esbuild: watching for changes');
} else {
    await Promise.all(builds.map((b) => esbuild.build(b)));
}
