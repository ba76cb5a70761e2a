/**
 * The language server's web-worker bundle (out/server/browser.js, for vscode.dev and github.dev)
 * must not need Node: no Node built-in may be imported by anything bundled into it, and no package's
 * Node-only build may stand in for its browser build. Read from esbuild's own record of the build
 * (the metafile esbuild.mjs writes), so a new import anywhere in language/ or server/ is caught
 * even where the bundle would only fail at run time in the browser.
 */
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const METAFILE = path.join(ROOT, 'out/server/browser.meta.json');

interface Metafile {
    inputs: Record<string, { imports: { path: string; kind: string; external?: boolean; original?: string }[] }>;
    outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }>;
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
const isNodeBuiltin = (specifier: string) => NODE_BUILTINS.has(specifier) || NODE_BUILTINS.has(specifier.split('/')[0]) || specifier.startsWith('node:');

/** An import the package's `browser` field maps to nothing: esbuild bundles an empty module instead. */
const isDisabled = (importPath: string) => importPath.startsWith('(disabled):');

let meta: Metafile;

beforeAll(() => {
    if (!fs.existsSync(METAFILE)) throw new Error(`${path.relative(ROOT, METAFILE)} is missing: run npm run build (esbuild.mjs writes it with the worker bundle).`);
    meta = JSON.parse(fs.readFileSync(METAFILE, 'utf8')) as Metafile;
});

describe('the language server\'s web-worker bundle', () => {
    it('is the browser entry of the server', () => {
        const entries = Object.values(meta.outputs).map((o) => o.entryPoint).filter(Boolean);
        expect(entries).toEqual(['server/src/browser/main.ts']);
        // The same language services as on Node: the KAM module and the shared server start are inside.
        expect(Object.keys(meta.inputs)).toEqual(expect.arrayContaining(['language/src/kam-module.ts', 'server/src/kam-server.ts']));
    });

    it('imports no Node built-in, from any file bundled into it', () => {
        const offending = Object.entries(meta.inputs).flatMap(([file, input]) => input.imports
            .filter((i) => !isDisabled(i.path))
            .filter((i) => isNodeBuiltin(i.original ?? i.path) || isNodeBuiltin(i.path))
            .map((i) => `${file} imports ${i.original ?? i.path}`));
        expect(offending).toEqual([]);
    });

    it('leaves out a built-in only where the package itself says so for the browser: pptxgenjs, behind its own is-this-Node check', () => {
        // pptxgenjs (the review deck) loads node:fs and node:https only when it runs on Node (to read
        // images from disk, which the deck never asks for); its package.json maps them to nothing in a
        // browser, and esbuild bundles an empty module in their place.
        const disabled = Object.entries(meta.inputs).flatMap(([file, input]) => input.imports.filter((i) => isDisabled(i.path)).map((i) => `${file}: ${i.original}`));
        expect([...new Set(disabled)].sort()).toEqual(['node_modules/pptxgenjs/dist/pptxgen.es.js: node:fs', 'node_modules/pptxgenjs/dist/pptxgen.es.js: node:https']);
    });

    it('bundles no Node-only code: not the Node entry, the CLI\'s file reader, nor a package\'s node build', () => {
        const inputs = Object.keys(meta.inputs);
        expect(inputs.filter((f) => f === 'server/src/start-server.ts' || f.startsWith('cli/'))).toEqual([]);
        expect(inputs.filter((f) => /node_modules\/(vscode-[a-z-]+|langium)\/lib\/node\//.test(f) || /node_modules\/langium\/lib\/node\//.test(f))).toEqual([]);
    });

    it('leaves nothing to load at run time (a worker has no require)', () => {
        const external = Object.entries(meta.inputs).flatMap(([file, input]) => input.imports
            // Type-only imports leave an empty statement that esbuild drops: no code of them is left.
            .filter((i) => i.external && i.kind !== 'import-statement')
            .map((i) => `${file}: ${i.path}`));
        expect(external).toEqual([]);
        const bundle = fs.readFileSync(path.join(ROOT, 'out/server/browser.js'), 'utf8');
        expect(bundle).not.toMatch(/^\s*import\s|\bimport\(["']/m);
    });
});
