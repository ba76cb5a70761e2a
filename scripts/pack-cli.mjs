// Packs the `kam` command as a self-contained npm package, for `npm install -g` outside the
// repository: `npm run pack:cli` → out/kam-plans-<version>.tgz.
//
// The CLI bundle (out/cli/kam.cjs, built by esbuild) already contains Langium and every other
// dependency, so the package declares none and has no scripts: installing it fetches nothing and
// runs nothing. (A plain `npm pack` of the repository works too, see .npmignore, but its
// package.json lists the dependencies and the repository's own scripts.)
//
//   node scripts/pack-cli.mjs [--pack-destination <folder>]   (default out/; needs a build first)
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { 'pack-destination': { type: 'string', default: path.join(root, 'out') } } });
const destination = path.resolve(values['pack-destination']);

const bundle = path.join(root, 'out/cli/kam.cjs');
if (!fs.existsSync(bundle)) {
    console.error(`${path.relative(root, bundle)} is not built: run npm run build (npm run pack:cli does).`);
    process.exit(1);
}

const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const stage = path.join(root, 'out/cli-package');
fs.rmSync(stage, { recursive: true, force: true });
// `kam mcp` loads the MCP server's own bundle beside the CLI's; `kam lsp` its history worker; the
// deck, the import and what changed the packages only they use (out/cli/vendor/, see esbuild.mjs).
const vendor = fs.readdirSync(path.join(root, 'out/cli/vendor')).filter((name) => name.endsWith('.cjs')).map((name) => `out/cli/vendor/${name}`);
for (const file of ['bin/kam.cjs', 'bin/load-bundle.cjs', 'out/cli/kam.cjs', 'out/cli/history-worker.cjs', ...vendor, 'out/mcp/server.cjs', 'LICENSE', 'README.md', 'CHANGELOG.md']) {
    fs.mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
    fs.copyFileSync(path.join(root, file), path.join(stage, file));
}
fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify({
    name: manifest.name,
    version: manifest.version,
    description: 'The kam command of KAM Plans: check key-account plans, write portfolio reports, and a language server for any editor.',
    license: manifest.license,
    bin: { kam: 'bin/kam.cjs' },
    engines: { node: manifest.engines.node },
    files: ['bin/kam.cjs', 'bin/load-bundle.cjs', 'out/cli/kam.cjs', 'out/cli/history-worker.cjs', 'out/cli/vendor/*.cjs', 'out/mcp/server.cjs', 'CHANGELOG.md'],
}, null, 2)}\n`);

fs.mkdirSync(destination, { recursive: true });
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', destination], { cwd: stage, encoding: 'utf8' }));
const tarball = path.join(destination, packed[0].filename);
// A relative path must start with ./ for npm: `out/x.tgz` would be read as a GitHub repository.
const shown = path.isAbsolute(path.relative(process.cwd(), tarball)) ? tarball : `.${path.sep}${path.relative(process.cwd(), tarball)}`;
console.log(`${shown} (${(packed[0].size / 1024).toFixed(0)} KB): install it with  npm install -g ${shown}`);
