/**
 * The Node bundles are written as pure ASCII (scripts/ascii-bundle.mjs), so V8 holds the CLI's 5 MB of
 * source as one-byte text: the escapes must mean what the characters meant, in comments, regular
 * expressions (a CSV header's `€`, a dash in a number) and identifiers alike.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a build script in plain JavaScript
import { asciiBundle, escapeNonAscii } from '../../scripts/ascii-bundle.mjs';

const ROOT = path.resolve(__dirname, '../..');
const NON_ASCII = /[^\x00-\x7f]/;
const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ascii-'));
afterAll(() => fs.rmSync(temporary, { recursive: true, force: true }));

/** Runs `source` as a module body and returns what it exports. */
function evaluate(source: string): Record<string, unknown> {
    const module = { exports: {} as Record<string, unknown> };
    new Function('module', source)(module);
    return module.exports;
}

describe('a bundle escaped to ASCII', () => {
    it('matches the same text with its regular expressions, with and without the u flag', () => {
        const source = String.raw`module.exports = {
            currency: /(€|\$|£|¥)/, // a price "1.200 €" — the sign before or after
            dash: /^[-–—]$/,
            accents: /[àé]+/iu,
            emoji: /^😀$/u,
            emojiClass: /^[😀😎]$/u,
            word: 'Größe',
        };`;
        const escaped = escapeNonAscii(source);
        expect(escaped).not.toMatch(NON_ASCII);
        const [original, ascii] = [evaluate(source), evaluate(escaped)];
        for (const text of ['1.200 €', '£5', '–', '—', '-', 'ÀÉ', 'ae', '😀', '😎', '\ud83d', 'x']) {
            for (const name of ['currency', 'dash', 'accents', 'emoji', 'emojiClass']) {
                expect((ascii[name] as RegExp).test(text), `${name} on ${text}`).toBe((original[name] as RegExp).test(text));
            }
        }
        expect(ascii.word).toBe('Größe');
    });

    it('is what the CLI is built as: not one character outside ASCII, where esbuild alone leaves some', async () => {
        const options = {
            absWorkingDir: ROOT, entryPoints: { kam: 'cli/src/kam.ts' }, bundle: true, platform: 'node' as const, format: 'cjs' as const,
            mainFields: ['module', 'main'], logLevel: 'silent' as const, outExtension: { '.js': '.cjs' },
        };
        await build({ ...options, outdir: path.join(temporary, 'plain') });
        await build({ ...options, outdir: path.join(temporary, 'ascii'), plugins: [asciiBundle] });
        const plain = fs.readFileSync(path.join(temporary, 'plain', 'kam.cjs'), 'utf8');
        const ascii = fs.readFileSync(path.join(temporary, 'ascii', 'kam.cjs'), 'utf8');
        expect(plain).toMatch(NON_ASCII);
        expect(ascii).not.toMatch(NON_ASCII);
        expect(ascii).toBe(escapeNonAscii(plain));
    }, 120_000);
});
