// The whole test suite, as `npm test` runs it, in this order:
//   1. what the tests need from outside npm, before any test needs it: Debian's Chromium (the HTML
//      report test and the end-to-end tests), the VS Code server (test/e2e/install-vscode-server.sh)
//      and VS Code for the Web (test/e2e/install-vscode-web.sh; both idempotent, a no-op once done).
//      If that cannot be done here (not root, no sudo), it says in one line what to run, within the
//      first second;
//   2. the build (npm run build), then the types (npm run typecheck: esbuild strips them unchecked),
//      counted as one test;
//   3. the unit and integration tests (vitest);
//   4. the end-to-end suite inside a real VS Code: on the sources, then on the installed .vsix, then
//      on the .vsix over a virtual workspace (Remote Repositories' kind: the server is fed the
//      portfolio), then in VS Code for the Web (the browser entry, the language server in a web worker).
// Each phase's output is shown as it runs (and captured, to count). Ends with one line
// "N passed, N failed" over everything; exits non-zero when anything failed or nothing ran.
//
// Switches: --no-e2e or KAM_SKIP_E2E=1 (skip phase 4 and the VS Code server install); the e2e
// options (KAM_E2E_DIR, KAM_E2E_CHROMIUM, …) and KAM_CHROMIUM pass through, see README.md.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

if (Number(process.versions.node.split('.')[0]) < 22) {
    console.error(`The tests need Node.js 22 or newer, this is ${process.version}: run them with \`npm test\` (after \`npm ci\`), which uses the project's pinned Node 24.`);
    process.exit(1);
}

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-output');
fs.mkdirSync(outDir, { recursive: true });
const skipE2e = process.argv.includes('--no-e2e') || process.env.KAM_SKIP_E2E === '1';

let passed = 0;
let failed = 0;
let current;

for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
        current?.kill(signal);
        console.log(`\ninterrupted (${signal})\n${passed} passed, ${failed + 1} failed`);
        process.exit(130);
    });
}

/** Runs a command with its standard output shown as it comes and kept for counting; stderr goes straight through. */
function run(command, args, env = {}) {
    return new Promise((resolve) => {
        let stdout = '';
        current = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
        current.stdout.setEncoding('utf8');
        current.stdout.on('data', (chunk) => {
            stdout += chunk;
            process.stdout.write(chunk);
        });
        current.on('error', (error) => resolve({ status: 1, stdout: `${stdout}\n${error.message}` }));
        current.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), stdout }));
    });
}

function phase(title) {
    console.log(`\n== ${title}`);
}

function finish() {
    console.log(`\n${passed} passed, ${failed} failed`);
    process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

// Colours in the phases' output when a person is watching (their stdout is a pipe to us).
const colour = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: '1' } : {};

// ------------------------------------------------------------------ 1. prerequisites
phase(skipE2e ? 'Chromium (for the HTML report test)' : 'Chromium, the VS Code server and VS Code for the Web (for the browser and end-to-end tests)');
let install = await run('bash', [path.join(root, 'test/e2e/install-vscode-server.sh'), ...(skipE2e ? ['--chromium-only'] : [])]);
if (install.status === 0 && !skipE2e) install = await run('bash', [path.join(root, 'test/e2e/install-vscode-web.sh')]);
if (install.status !== 0) {
    console.error('Could not install what the tests need (see the line above); no test ran.');
    failed += 1;
    finish();
}

// ------------------------------------------------------------------ 2. build
phase('Build (npm run build)');
const build = await run('npm', ['run', '--silent', 'build']);
if (build.status !== 0) {
    console.error('The build failed; no test ran.');
    failed += 1;
    finish();
}

phase('Types (npm run typecheck)');
const types = await run('npm', ['run', '--silent', 'typecheck']);
if (types.status === 0) passed += 1;
else {
    console.error('The types do not check (see above).');
    failed += 1;
}

// ------------------------------------------------------------------ 3. vitest
phase('Unit and integration tests (vitest)');
const vitestJson = path.join(outDir, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unit = await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], colour);
if (fs.existsSync(vitestJson)) {
    const report = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
    // A suite that failed to load has no failed tests but must still fail the run.
    if (unit.status !== 0 && report.numFailedTests === 0) failed += Math.max(1, report.numFailedTestSuites ?? 0);
} else {
    console.error('vitest produced no report');
    failed += 1;
}

// ------------------------------------------------------------------ 4. end-to-end
if (!skipE2e) {
    // The suite inside VS Code, four times: on the extension under development, on the packaged
    // .vsix installed as a user installs it, on the .vsix over a virtual workspace (a repository
    // opened with Remote Repositories), and in VS Code for the Web (vscode.dev, github.dev).
    for (const [script, title] of [['test:e2e', 'End-to-end tests in VS Code, on the sources'], ['test:e2e:vsix', 'End-to-end tests in VS Code, on the installed .vsix'],
        ['test:e2e:virtual', 'End-to-end tests in VS Code over a virtual workspace'], ['test:e2e:web', 'End-to-end tests in VS Code for the Web']]) {
        phase(`${title} (npm run ${script})`);
        // The phase's temporary files (VS Code's sockets, its git helper's, the .vsix's unpacking) in
        // a folder of its own, removed when the phase ends (kept with KAM_E2E_KEEP=1, as the runner
        // keeps its workspace then): none left in /tmp run after run.
        const temporary = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-e2e-'));
        const e2e = await run('npm', ['run', '--silent', script], { TMPDIR: temporary });
        if (process.env.KAM_E2E_KEEP === '1') console.log(`kept ${temporary}`);
        else fs.rmSync(temporary, { recursive: true, force: true, maxRetries: 3 });
        const match = [...e2e.stdout.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
        if (match) {
            passed += Number(match[1]);
            failed += Number(match[2]);
        }
        if (!match || (e2e.status !== 0 && Number(match[2]) === 0)) {
            console.error(`The end-to-end suite (${script}) did not finish cleanly.`);
            failed += 1;
        }
    }
}

finish();
