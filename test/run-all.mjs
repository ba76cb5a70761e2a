// The whole test suite, as `npm test` runs it: unit and integration tests (vitest), then the
// end-to-end suite inside a real VS Code (on the sources, then on the installed .vsix). Prints one
// closing line "N passed, N failed" over all of them and exits non-zero when anything failed or
// nothing ran.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const outDir = path.join(root, 'test-output');
fs.mkdirSync(outDir, { recursive: true });
const skipE2e = process.argv.includes('--no-e2e') || process.env.KAM_SKIP_E2E === '1';

function run(command, args) {
    const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    process.stdout.write(result.stdout ?? '');
    return { status: result.status ?? 1, stdout: result.stdout ?? '' };
}

let passed = 0;
let failed = 0;

const vitestJson = path.join(outDir, 'vitest.json');
fs.rmSync(vitestJson, { force: true });
const unit = run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
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

if (!skipE2e) {
    // The suite inside VS Code, twice: on the extension under development, then on the packaged
    // .vsix installed as a user installs it.
    for (const script of ['test:e2e', 'test:e2e:vsix']) {
        const e2e = run('npm', ['run', '--silent', script]);
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

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
