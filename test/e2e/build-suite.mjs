// Compiles the end-to-end suite (test/e2e/suite/*.ts) to CommonJS for VS Code's extension host:
// out/test/e2e/suite/index.cjs (the extensionTestsPath) and one *.test.cjs per test file.
// `vscode` is provided by the extension host; mocha is loaded from node_modules at run time.
// And the same test files as one script for VS Code for the Web's worker extension host
// (out/test/e2e/web/suite.cjs, entry web-index.ts): no Node there, so mocha's browser build is
// bundled and node:assert/strict is the `assert` package (test/e2e/web/assert-strict.cjs).
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

// `*.desktop.test.ts` need Node in the extension host (the CSV import, an MCP client over stdio): not in the web bundle.
const testFiles = entryPoints.filter((f) => f.endsWith('.test.ts') && !f.endsWith('.desktop.test.ts')).map((f) => path.basename(f)).sort();
const webOutfile = path.join(root, 'out/test/e2e/web/suite.cjs');
fs.rmSync(path.dirname(webOutfile), { recursive: true, force: true });
await esbuild.build({
    stdin: {
        // The test files are required once mocha is set up (describe and it exist only then).
        contents: `import { runWebSuite } from './web-index.ts';\nexport function run() {\n    return runWebSuite(() => {\n${testFiles.map((f) => `        require('./${f}');`).join('\n')}\n    });\n}\n`,
        resolveDir: suiteDir,
        sourcefile: 'web-suite-entry.ts',
        loader: 'ts',
    },
    outfile: webOutfile,
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    sourcemap: 'inline',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/e2e/web/assert-strict.cjs' },
    absWorkingDir: root,
    logLevel: 'warning',
});
console.log(`e2e web suite: ${testFiles.length} test files bundled into ${path.relative(root, webOutfile)}`);
