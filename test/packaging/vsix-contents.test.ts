/**
 * The .vsix is what a user installs, so it must read like a product and carry only what VS Code
 * loads: every file package.json points at (the bundled client and server, the grammar, the
 * language configuration, the icon), the user README with the pictures it shows and a CHANGELOG;
 * no sources, and not the CLI bundle, which VS Code never loads (the CLI ships with `npm pack`).
 * The file list is vsce's own (`vsce ls`, with the options of the package script).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
/** The README the package script gives vsce (`--readme-path`): it becomes the extension's page. */
const readmePath = /--readme-path\s+(\S+)/.exec(manifest.scripts.package)?.[1];

let listed: string[];

beforeAll(() => {
    const vsce = path.join(ROOT, 'node_modules/@vscode/vsce/vsce');
    listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies', ...(readmePath ? ['--readme-path', readmePath] : [])], { cwd: ROOT, encoding: 'utf8' })
        .split('\n').map((l) => l.trim()).filter(Boolean);
}, 60_000);

describe('the extension package', () => {
    it('holds what package.json refers to, and no sources', () => {
        const referenced = [
            manifest.main,
            manifest.browser, // VS Code for the Web (vscode.dev, github.dev)
            manifest.icon,
            ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
            ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
            'out/server/start.cjs', // started by the client: loads main.cjs with its code cache
            'out/server/main.cjs',
            'out/server/history-worker.cjs', // the server's history worker (git, earlier revisions)
            'out/server/browser.js', // the web client's language server worker
            'out/mcp/server.cjs', // started by VS Code's MCP support
            'out/client/import.cjs', // loaded by KAM: Import Customers from CSV…
        ].map((p: string) => p.replace(/^\.\//, ''));
        for (const file of referenced) expect(listed, `${file} is not packaged`).toContain(file);
        expect(listed.filter((f) => /\.(ts|langium|svg|mjs)$/.test(f) || f.startsWith('node_modules/') || f.startsWith('test/'))).toEqual([]);
    });

    it('leaves out the command-line tool, which VS Code never loads', () => {
        expect(listed).not.toContain('out/cli/kam.cjs');
        expect(listed.filter((f) => f.startsWith('bin/') || f.startsWith('out/cli/') || f.startsWith('out/bench/') || f.endsWith('.map'))).toEqual([]);
        expect(listed, 'the worker bundle\'s build record is for the tests').not.toContain('out/server/browser.meta.json');
    });

    it('runs on the desktop and in VS Code for the Web from the one package', () => {
        expect(manifest.browser).toMatch(/^\.\/out\/.+\.cjs$/);
        // Beside the workspace's files (in a remote window, on the remote); in the browser, `browser` is the entry.
        expect(manifest.extensionKind).toEqual(['workspace']);
        expect(manifest.capabilities.virtualWorkspaces).toBe(true);
        expect(manifest.capabilities.untrustedWorkspaces.supported).toBe(true);
    });

    it('has a 128 × 128 PNG icon', () => {
        expect(manifest.icon).toMatch(/\.png$/);
        const png = fs.readFileSync(path.join(ROOT, manifest.icon));
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // IHDR: width and height, big-endian, at bytes 16-23.
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([128, 128]);
    });

    it('has a README for users, with its pictures packaged, and a CHANGELOG', () => {
        expect(readmePath, 'the package script names no --readme-path').toBeDefined();
        expect(listed).toContain(readmePath);
        expect(listed).toContain('CHANGELOG.md');
        expect(listed, 'the developer README is not for the extension page').not.toContain('README.md');
        const readme = fs.readFileSync(path.join(ROOT, readmePath!), 'utf8');
        expect(readme).not.toMatch(/npm ci|npm start|npm test/); // not the developer quick start
        const images = [...readme.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1]);
        expect(images.length).toBeGreaterThanOrEqual(2);
        for (const image of images) expect(listed, `${image}, shown in ${readmePath}, is not packaged`).toContain(image);
        const links = [...readme.matchAll(/(?<!!)\[[^\]]*\]\(([^)\s#]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
        for (const link of links) expect(listed, `${link}, linked from ${readmePath}, is not packaged`).toContain(link);
        // Every setting the extension contributes is explained to the user.
        for (const setting of Object.keys(manifest.contributes.configuration.properties)) expect(readme).toContain(`\`${setting}\``);
    });

    it('points nowhere made up', () => {
        for (const file of ['package.json', readmePath!, 'CHANGELOG.md']) {
            expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toMatch(/example\.invalid/);
        }
    });
});
