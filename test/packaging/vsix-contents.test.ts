/**
 * The .vsix a user installs must carry every file package.json points at (the bundled client and
 * server, the grammar, the language configuration, the CLI) and nothing from the sources.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

it('the extension package holds what package.json refers to, and no sources', () => {
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: ROOT, encoding: 'utf8' })
        .split('\n').map((l) => l.trim()).filter(Boolean);
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const referenced = [
        manifest.main,
        ...Object.values(manifest.bin as Record<string, string>),
        ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
        ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
        'out/server/main.cjs', // started by the client
        'out/cli/kam.cjs', // loaded by bin/kam.cjs
    ].map((p: string) => p.replace(/^\.\//, ''));
    for (const file of referenced) expect(listed, `${file} is not packaged`).toContain(file);
    expect(listed.filter((f) => /\.(ts|langium)$/.test(f) || f.startsWith('node_modules/') || f.startsWith('test/'))).toEqual([]);
}, 60_000);
