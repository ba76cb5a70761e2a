// Compiles the end-to-end suite (test/e2e/suite/*.ts) to CommonJS for VS Code's extension host:
// out/test/e2e/suite/index.cjs (the extensionTestsPath) and one *.test.cjs per test file.
// `vscode` is provided by the extension host; mocha is loaded from node_modules at run time.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const suiteDir = path.join(root, 'test/e2e/suite');
const outdir = path.join(root, 'out/test/e2e/suite');

const entryPoints = fs.readdirSync(suiteDir)
    .filter((f) => f === 'index.ts' || f.endsWith('.test.ts'))
    .map((f) => path.join(suiteDir, f));

fs.rmSync(outdir, { recursive: true, force: true });
await esbuild.build({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
});
console.log(`e2e suite: ${entryPoints.length - 1} test files compiled to ${path.relative(root, outdir)}`);
