/**
 * The bundles carry Langium's parser without the objects it makes and drops on every step of a
 * parse (scripts/langium-parser-allocations.mjs, an esbuild plugin). A reviewer must not notice:
 * the parser bundled with the patch and the one bundled without it read every example plan and
 * every plan the fuzzer broke into the same syntax trees — the same nodes, properties, references,
 * containers and syntax tree leaves — with the same lexer and parser errors.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { AstUtils, CstUtils, EmptyFileSystem, GrammarAST, isLeafCstNode, type AstNode, type LangiumCoreServices } from 'langium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { shape } from '../helpers/syntax-shape.js';
import { createKamServices } from '../../language/src/kam-module.js';
// @ts-expect-error: a build script in plain JavaScript, without type declarations
import { langiumParserAllocations, PATCHES, patched } from '../../scripts/langium-parser-allocations.mjs';

type Bundle = { createKamServices: typeof createKamServices; EmptyFileSystem: typeof EmptyFileSystem };

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-parser-allocations-'));

/** The language bundled as esbuild.mjs bundles it, with or without the plugin. */
async function bundle(name: string, plugins: esbuild.Plugin[]): Promise<LangiumCoreServices> {
    const outfile = path.join(folder, `${name}.cjs`);
    await esbuild.build({
        stdin: { contents: "export { createKamServices } from './language/src/kam-module.ts'; export { EmptyFileSystem } from 'langium';", resolveDir: ROOT, loader: 'ts' },
        bundle: true, platform: 'node', format: 'cjs', target: 'node22', mainFields: ['module', 'main'], outfile, logLevel: 'silent', plugins,
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const built = require(outfile) as Bundle;
    return built.createKamServices(built.EmptyFileSystem).Kam;
}

let withPatch: LangiumCoreServices;
let withoutPatch: LangiumCoreServices;
beforeAll(async () => {
    [withPatch, withoutPatch] = await Promise.all([bundle('patched', [langiumParserAllocations]), bundle('plain', [])]);
}, 120_000);
afterAll(() => fs.rmSync(folder, { recursive: true, force: true }));

/** Everything a parse gives that the rest of kam reads: the tree, each node's container, the leaves, the errors. */
function parsed(services: LangiumCoreServices, text: string): unknown {
    const result = services.parser.LangiumParser.parse(text);
    const root = result.value as AstNode;
    // Each node's container is the very node that holds it, at that property and index (the patched parser links them as it assigns).
    const heldByContainer = (node: AstNode) => {
        if (!node.$container) return node === root;
        const held = (node.$container as unknown as Record<string, unknown>)[node.$containerProperty!];
        return node.$containerIndex === undefined ? held === node : Array.isArray(held) && held[node.$containerIndex] === node;
    };
    const containers = AstUtils.streamAst(root).map((node) => [node.$type, node.$container?.$type, node.$containerProperty, node.$containerIndex, heldByContainer(node)].join(' ')).toArray();
    const leaves = root.$cstNode ? CstUtils.streamCst(root.$cstNode).filter(isLeafCstNode).map((node) => [node.offset, node.length, node.hidden, node.astNode.$type].join(' ')).toArray() : [];
    return {
        tree: shape(root),
        containers,
        leaves,
        lexerErrors: result.lexerErrors.map((e) => `${e.offset} ${e.length} ${e.message}`),
        parserErrors: result.parserErrors.map((e) => `${e.token.startOffset} ${e.token.image} ${e.message}`),
    };
}

describe("Langium's parser without its per-step objects", () => {
    it('applies to the Langium installed, each edit exactly where it was written for', async () => {
        for (const { file, edits } of PATCHES as { file: RegExp; edits: unknown[] }[]) {
            const installed = [
                'node_modules/langium/lib/parser/parser-builder-base.js',
                'node_modules/langium/lib/parser/langium-parser.js',
                'node_modules/langium/lib/utils/ast-utils.js',
            ].find((f) => file.test(path.join(ROOT, f)));
            expect(installed, String(file)).toBeDefined();
            const source = fs.readFileSync(path.join(ROOT, installed!), 'utf8');
            expect(patched(source, edits)).not.toBe(source);
        }
        expect(() => patched('a changed Langium', PATCHES[0].edits)).toThrow(/review scripts\/langium-parser-allocations\.mjs/);
    });

    it('takes the allocation-free path: the plan grammar has no rule parameters', () => {
        const parameters = createKamServices(EmptyFileSystem).Kam.Grammar.rules.filter(GrammarAST.isParserRule).flatMap((rule) => rule.parameters);
        expect(parameters).toEqual([]);
    });

    it.each(PLAN_CORPUS)('reads %s as Langium’s own parser does', (plan) => {
        const text = fs.readFileSync(path.join(ROOT, plan), 'utf8');
        expect(parsed(withPatch, text)).toEqual(parsed(withoutPatch, text));
    });

    it.each([
        ['an empty file', ''],
        ['a lone keyword', 'account'],
        ['an account without a name or a body', 'account "Acme" {'],
        ['a stakeholder without a name, its text unclosed', 'account acme "Acme" {\n    stakeholder {\n        role "Head of'],
    ])('reads %s as Langium’s own parser does', (_what, text) => {
        expect(parsed(withPatch, text)).toEqual(parsed(withoutPatch, text));
    });

    it('reads a plan cut off in the middle of an entry as Langium’s own parser does', () => {
        const text = fs.readFileSync(path.join(ROOT, PLAN_CORPUS[2]), 'utf8');
        for (const cut of [0.2, 0.5, 0.8]) {
            const broken = text.slice(0, Math.floor(text.length * cut));
            expect(parsed(withPatch, broken)).toEqual(parsed(withoutPatch, broken));
        }
    });
});
