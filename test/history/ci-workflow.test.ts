/**
 * The README's CI workflow, run: its YAML is read from the README, and each step runs as GitHub
 * Actions would run it, in a clone of a real repository (a base branch and a pull-request branch of
 * several commits): `run:` scripts in bash with the step's env (and `${{ … }}` filled in as for a
 * pull request), `continue-on-error` and `if: steps.<id>.outcome` honoured. The built `kam`
 * (bin/kam.cjs) is on PATH; `gh` is a stand-in that keeps the comment it was asked to post; the
 * install step (a tarball) and the actions are not run, except that the SARIF handed to
 * upload-sarif is validated against the SARIF 2.1.0 schema.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { git, portfolioRepository } from './git-repository.js';

const ROOT = path.resolve(__dirname, '../..');
const KAM = path.join(ROOT, 'bin/kam.cjs');

interface Step {
    name?: string;
    id?: string;
    uses?: string;
    run?: string;
    if?: string;
    env?: Record<string, string>;
    with?: Record<string, string>;
    'continue-on-error'?: boolean;
}

function readmeWorkflow(): { steps: Step[]; permissions: Record<string, string> } {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const marker = readme.indexOf('<!-- ci-workflow:');
    expect(marker, 'the README marks its CI workflow').toBeGreaterThan(0);
    const block = /```yaml\n([\s\S]*?)```/.exec(readme.slice(marker))![1];
    const workflow = parseYaml(block);
    return { steps: workflow.jobs.review.steps, permissions: workflow.permissions };
}

const GITHUB_CONTEXT: Record<string, string> = { 'github.base_ref': 'main', 'github.token': 'not-a-token', 'github.event.pull_request.number': '7' };

function expand(text: string): string {
    return text.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_m, key: string) => {
        expect(GITHUB_CONTEXT, `the workflow uses ${key}`).toHaveProperty([key]);
        return GITHUB_CONTEXT[key];
    });
}

interface JobResult {
    outcomes: Map<string, 'success' | 'failure' | 'skipped'>;
    failed: boolean;
    comment?: { args: string; body: string };
    sarif?: unknown;
    log: string[];
}

/** Runs the job's steps in `checkout` as Actions would, in order. */
function runJob(steps: Step[], checkout: string, tools: string): JobResult {
    const outcomes = new Map<string, 'success' | 'failure' | 'skipped'>();
    const result: JobResult = { outcomes, failed: false, log: [] };
    for (const [i, step] of steps.entries()) {
        const key = step.id ?? step.name ?? step.uses ?? String(i);
        if (step.if !== undefined) {
            const condition = /^steps\.(\w+)\.outcome == '(success|failure)'$/.exec(step.if.trim());
            expect(condition, `a condition this test understands: ${step.if}`).not.toBeNull();
            if (outcomes.get(condition![1]) !== condition![2]) {
                outcomes.set(key, 'skipped');
                continue;
            }
        } else if (result.failed) {
            outcomes.set(key, 'skipped');
            continue;
        }
        if (step.uses) {
            if (step.uses.startsWith('github/codeql-action/upload-sarif')) {
                result.sarif = JSON.parse(fs.readFileSync(path.join(checkout, step.with!.sarif_file), 'utf8'));
            }
            outcomes.set(key, 'success');
            continue;
        }
        if (step.run!.startsWith('npm install -g ')) {
            // The install of the packed CLI: here the built bin/kam.cjs is on PATH instead.
            outcomes.set(key, 'success');
            continue;
        }
        const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, expand(String(v))]));
        const run = spawnSync('bash', ['-e', '-o', 'pipefail', '-c', expand(step.run!)], {
            cwd: checkout, encoding: 'utf8',
            env: { ...process.env, ...env, PATH: `${tools}:${process.env.PATH}`, GITHUB_ACTIONS: 'true', CI: 'true' },
        });
        result.log.push(`$ ${step.run}\n${run.stdout}${run.stderr}(exit ${run.status})`);
        const ok = run.status === 0;
        outcomes.set(key, ok ? 'success' : 'failure');
        if (!ok && !step['continue-on-error']) result.failed = true;
    }
    const captured = path.join(tools, 'comment.json');
    if (fs.existsSync(captured)) result.comment = JSON.parse(fs.readFileSync(captured, 'utf8'));
    return result;
}

let upstream: { dir: string; plans: string };
let work: string;
let tools: string;

beforeAll(() => {
    expect(fs.existsSync(path.join(ROOT, 'out/cli/kam.cjs')), 'the CLI is built (npm run build)').toBe(true);
    upstream = portfolioRepository();
    // The upstream's plans are formatted on main and on the branch, as a team using kam format keeps them.
    for (const branch of ['main', 'feature']) {
        git(upstream.dir, ['checkout', '-q', '-f', branch]);
        expect(spawnSync(process.execPath, [KAM, 'format', 'plans'], { cwd: upstream.dir }).status).toBe(0);
        git(upstream.dir, ['commit', '-q', '-a', '-m', 'kam format'], '2026-11-06');
    }
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-ci-'));
    tools = path.join(work, 'tools');
    fs.mkdirSync(tools);
    fs.writeFileSync(path.join(tools, 'kam'), `#!/bin/sh\nexec "${process.execPath}" "${KAM}" "$@"\n`, { mode: 0o755 });
    // gh pr comment "$PR" --body-file FILE: keep what would be posted.
    fs.writeFileSync(path.join(tools, 'gh'), `#!/bin/sh
set -e
test "$1 $2" = "pr comment" && test "$4" = "--body-file" && test -n "$GH_TOKEN"
"${process.execPath}" -e 'const fs=require("fs"); fs.writeFileSync(process.argv[1], JSON.stringify({ args: process.argv[2], body: fs.readFileSync(process.argv[3], "utf8") }))' "${path.join(tools, 'comment.json')}" "$3" "$5"
`, { mode: 0o755 });
}, 60_000);

afterAll(() => {
    if (upstream) fs.rmSync(upstream.dir, { recursive: true, force: true });
    if (work) fs.rmSync(work, { recursive: true, force: true });
});

/** actions/checkout with fetch-depth 0: a full clone, the pull request's branch checked out. */
function checkout(name: string): string {
    const dir = path.join(work, name);
    git(work, ['clone', '-q', '--no-local', upstream.dir, dir]);
    git(dir, ['checkout', '-q', '-b', 'pull-request', 'origin/feature']);
    fs.rmSync(path.join(tools, 'comment.json'), { force: true });
    return dir;
}

describe('the README\'s CI workflow on a pull request', () => {
    it('reviews, uploads valid SARIF, comments with what changed, checks the layout, and passes', () => {
        const { steps, permissions } = readmeWorkflow();
        expect(permissions).toMatchObject({ 'pull-requests': 'write', 'security-events': 'write' });
        const dir = checkout('clean');
        const job = runJob(steps, dir, tools);
        expect(job.failed, job.log.join('\n')).toBe(false);
        expect(job.outcomes.get('review')).toBe('success');
        expect([...job.outcomes.values()].filter((o) => o === 'failure')).toEqual([]);
        const validate = new Ajv({ strict: false, unicodeRegExp: false });
        addFormats(validate);
        const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/sarif/sarif-2.1.0-rtm.5.json'), 'utf8'));
        expect(validate.validate(schema, job.sarif), JSON.stringify(validate.errors)).toBe(true);
        const results = (job.sarif as { runs: Array<{ results: Array<{ locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> }).runs[0].results;
        expect(results.length).toBeGreaterThan(0);
        // Paths from the repository's top folder, as code scanning resolves them.
        expect(results.every((r) => r.locations[0].physicalLocation.artifactLocation.uri.startsWith('plans/'))).toBe(true);
        // The comment: the pull request's changes to Danube Foods since main (its revenue change is not committed upstream).
        expect(job.comment!.args).toBe('7');
        const body = job.comment!.body;
        expect(body).toMatch(/^## Key account plans: what changed\n\norigin\/main \([0-9a-f]{7}, 2026-11-06\) → working tree \(\d{4}-\d{2}-\d{2}\)\n/);
        expect(body).toContain('| Danube Foods | 7.1 | 6.4 | Strategic | 5/5 | 1 new |');
        expect(body).toContain('- **KPIs progressed:** Unplanned stops per month 12 stops → 10 stops, target 8 stops');
        expect(body).toContain('- **Actions closed:** Install condition monitoring on lines 1-4 (done)');
        expect(body).not.toContain('Baltic Paper');
    }, 120_000);

    it('still uploads the findings and comments when a plan has an error, then fails the job', () => {
        const { steps } = readmeWorkflow();
        const dir = checkout('with-error');
        const danube = path.join(dir, 'plans/danube-foods.kam');
        fs.writeFileSync(danube, fs.readFileSync(danube, 'utf8').replace('currentRevenue 8', 'currentRevenue 14'));
        git(dir, ['commit', '-q', '-a', '-m', 'A score off the scale'], '2026-11-20');
        const job = runJob(steps, dir, tools);
        expect(job.outcomes.get('review')).toBe('failure');
        expect(job.failed).toBe(true);
        expect(job.outcomes.get('Fail on errors in the plans')).toBe('failure');
        const results = (job.sarif as { runs: Array<{ results: Array<{ ruleId: string; level: string }> }> }).runs[0].results;
        expect(results).toContainEqual(expect.objectContaining({ ruleId: 'kam.score-off-scale', level: 'error' }));
        // 14 is off the 1-10 scale and counts as unscored (1): (1×20 + 9×25 + 6×15 + 7×20 + 5×10 + 4×10)/100 = 5.65 → 5.7.
        expect(job.comment!.body).toContain('| Danube Foods | 7.1 → 5.7 (−1.4) | 6.4 | Strategic → **Status** |');
    }, 120_000);
});
