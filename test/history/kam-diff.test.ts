/**
 * `kam diff` and `kam history` on real git repositories (test/history/git-repository.ts): the
 * numbers checked by hand, the default base, --since, a renamed plan, a renamed account in a
 * renamed file, a revision that does not parse, an empty repository, a folder outside git, and a
 * shallow clone.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../cli/src/main.js';
import { diffPortfolios, type AccountDiff, type PortfolioDiff } from '../../language/src/plan-diff/index.js';
import { PlanHistory } from '../../history/src/index.js';
import { brokenTables, parseGfm } from '../helpers/markdown-structure.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';
import { emptyRepository, git, portfolioRepository } from './git-repository.js';

async function kamIn(cwd: string, ...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const before = process.cwd();
    process.chdir(cwd);
    try {
        const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
        return { code, out: out.join('\n'), err: err.join('\n') };
    } finally {
        process.chdir(before);
    }
}

async function diffJson(cwd: string, ...args: string[]): Promise<PortfolioDiff> {
    const result = await kamIn(cwd, 'diff', ...args, '--format', 'json', '--today', '2026-11-24');
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.out);
}

function account(diff: PortfolioDiff, name: string): AccountDiff {
    const found = diff.accounts.find((a) => a.name === name);
    expect(found, `${name} in the diff`).toBeDefined();
    return found!;
}

const temporary: string[] = [];
let repo: { dir: string; plans: string };

beforeAll(() => {
    repo = portfolioRepository();
    temporary.push(repo.dir);
}, 60_000);

afterAll(() => {
    for (const dir of temporary) fs.rmSync(dir, { recursive: true, force: true });
});

describe('kam diff between a tag and the working tree', () => {
    let diff: PortfolioDiff;
    beforeAll(async () => {
        diff = await diffJson(repo.plans, 'v2026-Q3');
    }, 60_000);

    it('names the revisions: the tag with its commit and date, the working tree as of --today', () => {
        expect(diff.base).toMatchObject({ ref: 'v2026-Q3', date: '2026-09-15', subject: 'Plans for Q3' });
        expect(diff.base.commit).toBe(git(repo.dir, ['rev-parse', 'v2026-Q3']).trim());
        expect(diff.head).toEqual({ ref: 'working tree', date: '2026-11-24' });
        expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 2, unchanged: 0 });
    });

    it('Baltic Paper: strategic value 3.7 → 6.2 explained by two factor scores, relationship 3.7 → 5.6 by the ratings, Streamline → Strategic, through the file rename', () => {
        const baltic = account(diff, 'BalticPaper');
        expect(baltic.kind).toBe('changed');
        expect(baltic.source).toEqual({ before: 'baltic-paper.kam', after: 'baltic.kam' });
        // (4×20 + 3×25 + 5×15 + 3×20 + 2×10 + 6×10) / 100 = 370/100 = 3.7;
        // (4×20 + 9×25 + 5×15 + 8×20 + 2×10 + 6×10) / 100 = 620/100 = 6.2
        expect(baltic.strategicValue).toEqual({ before: 3.7, after: 6.2, delta: 2.5 });
        expect(baltic.factors.map((f) => [f.factor, f.score.before, f.score.after, f.contribution.delta])).toEqual([
            ['potentialRevenue', 3, 9, 1.5], // 25 × 6 / 100
            ['strategicFit', 3, 8, 1], // 20 × 5 / 100
        ]);
        // Before: Lind (4+3)/2 = 3.5 alone; 0.7 × 3.5 + 0.3 × 4 (basic) = 3.65 → 3.7.
        // After: Lind (7+6)/2 = 6.5 at high influence (3), Berg (6+6)/2 = 6 at medium (2): 31.5/5 = 6.3;
        // 0.7 × 6.3 + 0.3 × 4 = 5.61 → 5.6.
        expect(baltic.relationship).toEqual({ before: 3.7, after: 5.6, delta: 1.9 });
        expect(baltic.ratingIndex).toMatchObject({ before: 3.5, after: 6.3 });
        expect(baltic.stage).toEqual({ before: 'basic', after: 'basic' });
        expect(baltic.quadrant).toEqual({ before: 'Streamline', after: 'Strategic' });
        expect(baltic.revenue).toEqual({ before: { amount: 1_500_000, currency: 'EUR' }, after: { amount: 2_000_000, currency: 'EUR' }, delta: 500_000 });
        expect(baltic.stakeholders.added.map((s) => s.name)).toEqual(['Maja Berg']);
        expect(baltic.stakeholders.gone).toEqual([]);
        expect(baltic.stakeholders.changed).toEqual([{
            id: 'lind', name: 'Erik Lind',
            trustedAdvisor: { before: 4, after: 7, delta: 3 }, strategicPartner: { before: 3, after: 6, delta: 3 }, index: { before: 3.5, after: 6.5, delta: 3 },
        }]);
        expect(baltic.findings.resolved.map((f) => f.code).sort()).toEqual(['kam.missing-finance-contact', 'kam.single-threaded']);
        expect(baltic.findings.added.map((f) => f.code).sort()).toEqual(['kam.unknown-contact-plan', 'kam.unknown-expectations']);
    });

    it('Danube Foods: the KPI progressed, the action closed, a stance changed, and the uncommitted potential revenue counts', () => {
        const danube = account(diff, 'DanubeFoods');
        expect(danube.strategicValue).toEqual({ before: 7.1, after: 7.1, delta: 0 });
        expect(danube.relationship).toEqual({ before: 6.4, after: 6.4, delta: 0 });
        expect(danube.kpis.progressed).toEqual([expect.objectContaining({
            label: 'Unplanned stops per month', current: { before: 12, after: 10, delta: -2 }, distance: { before: 4, after: 2, delta: -2 },
        })]);
        expect(danube.kpis.slipped).toEqual([]);
        expect(danube.actions.closed).toEqual([expect.objectContaining({ label: 'Install condition monitoring on lines 1-4', status: { before: 'in-progress', after: 'done' } })]);
        expect(danube.stakeholders.changed).toEqual([{ id: 'wagner', name: 'Tobias Wagner', stance: { before: 'neutral', after: 'supporter' } }]);
        expect(danube.potentialRevenue.delta).toBe(1_000_000);
        // The weighted pipeline: 400k × 10% (no stage: at best identified) = 40k → 400k × 50% (proposal) = 200k.
        expect(danube.pipeline).toMatchObject({ before: { amount: 40_000, currency: 'EUR' }, after: { amount: 200_000, currency: 'EUR' }, delta: 160_000, added: [], removed: [] });
        expect(danube.pipeline.moved).toEqual([{ text: 'Monitoring for the Graz plant', stage: { before: undefined, after: 'proposal' }, probability: { before: 10, after: 50, delta: 40 } }]);
        // Three supporters and champions now: the reviewer asks whether the map is honest.
        expect(danube.findings.added.map((f) => f.code)).toEqual(['kam.only-supporters']);
    });

    it('the portfolio: one quadrant move, the top mover, and the Pareto shift (6M of 7.5M = 80% → 6M of 8M = 75%)', () => {
        expect(diff.quadrantMoves).toEqual([{ name: 'BalticPaper', title: 'Baltic Paper', from: 'Streamline', to: 'Strategic' }]);
        expect(diff.topMovers.map((m) => [m.name, m.strategicValue.delta, m.relationship.delta])).toEqual([['BalticPaper', 2.5, 1.9]]);
        expect(diff.pareto.topFifthShare).toMatchObject({ before: 80, after: 75 });
        expect(diff.pareto.total).toMatchObject({ before: 7_500_000, after: 8_000_000 });
        expect(diff.pareto.currency).toBe('EUR');
    });
});

describe('kam diff as a pull-request comment', () => {
    it('puts the headline and one table row per account first, the portfolio after it and each account\'s details folded', async () => {
        const result = await kamIn(repo.plans, 'diff', 'v2026-Q3', '--today', '2026-11-24');
        expect(result.code).toBe(0);
        const md = result.out;
        const lines = md.split('\n');
        expect(lines[0]).toBe('## Key account plans: what changed');
        expect(md).toContain('**2 accounts changed, 0 unchanged · 1 moved quadrant · the top fifth brings 80% → 75% of revenue · warnings 7 → 5**');
        const tableStart = lines.findIndex((l) => l.startsWith('| Account |'));
        const detailsStart = lines.findIndex((l) => l.startsWith('<details>'));
        expect(tableStart).toBeGreaterThan(0);
        expect(tableStart).toBeLessThan(detailsStart);
        expect(lines[tableStart + 2]).toBe('| Baltic Paper | 3.7 → 6.2 (+2.5) | 3.7 → 5.6 (+1.9) | Streamline → **Strategic** | 1/5 | 2 new, 2 resolved |');
        expect(lines[tableStart + 3]).toBe('| Danube Foods | 7.1 | 6.4 | Strategic | 5/5 | 1 new |');
        expect(md).toContain('- **Revenue concentration:** the top fifth brings 80% → 75% of revenue (limit 80%); 1 → 2 accounts bring 80%; total 7.5M → 8M EUR');
        expect(md).toContain('<details><summary>Baltic Paper: strategic value +2.5, relationship +1.9, Streamline → Strategic</summary>');
        expect(md).toContain('- **Moved:** baltic-paper.kam → baltic.kam');
        expect(md).toContain('- **Strategic value:** 3.7 → 6.2 (+2.5): Potential revenue score 3 → 9 (+1.5 to the value); Strategic fit score 3 → 8 (+1.0 to the value)');
        expect(md).toContain('- **KPIs progressed:** Unplanned stops per month 12 stops → 10 stops, target 8 stops');
        expect(md).toContain('- **Actions closed:** Install condition monitoring on lines 1-4 (done)');
        expect(md).toContain('- **Pipeline:** 40k EUR → 200k EUR (+160k) weighted; moved: Monitoring for the Graz plant — → proposal');
        expect(md).toContain('- resolved `kam.missing-finance-contact`: Baltic Paper: No finance contact is mapped');
        expect(md.match(/<details>/g)).toHaveLength(2);
        expect(md.match(/<\/details>/g)).toHaveLength(2);
        // As GitHub reads it: one well-formed table of six columns.
        const tree = parseGfm(md);
        expect(brokenTables(tree)).toEqual([]);
        expect(tree.children.filter((n) => n.type === 'table')).toHaveLength(1);
    });

    it('says so when nothing changed in meaning', async () => {
        const result = await kamIn(repo.plans, 'diff', 'v2026-Q3', 'v2026-Q3');
        expect(result.code).toBe(0);
        expect(result.out).toContain('No account plan changed in meaning');
    });
});

describe('which revisions kam diff compares', () => {
    it('by default, the merge base with the default branch against the working tree', async () => {
        const diff = await diffJson(repo.plans);
        expect(diff.base).toMatchObject({ ref: 'merge base with main', date: '2026-10-10', subject: 'Baltic Paper after the October QBR' });
        expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
        expect(diff.accounts.map((a) => a.name)).toEqual(['DanubeFoods']);
    });

    it('--since a date: the last commit on the current line made by the end of that day', async () => {
        const diff = await diffJson(repo.plans, '--since', '2026-09-30');
        expect(diff.base).toMatchObject({ ref: 'as of 2026-09-30', date: '2026-09-15' });
        expect(account(diff, 'BalticPaper').strategicValue.delta).toBe(2.5);
        const early = await kamIn(repo.plans, 'diff', '--since', '2026-01-01');
        expect(early.code).toBe(2);
        expect(early.err).toBe('kam: No commit on or before 2026-01-01: the history starts later.');
        const bad = await kamIn(repo.plans, 'diff', '--since', 'last quarter');
        expect(bad.code).toBe(2);
        expect(bad.err).toBe('kam: --since must be a date written as yyyy-mm-dd, not "last quarter".');
    });

    it('two revisions, neither the working tree, reviewed as of their commit dates', async () => {
        const diff = await diffJson(repo.plans, 'v2026-Q3', 'main');
        expect(diff.head).toMatchObject({ ref: 'main', date: '2026-10-10' });
        expect(diff.accounts.map((a) => a.name)).toEqual(['BalticPaper']);
    });

    it('an unknown revision is named, with exit code 2', async () => {
        const result = await kamIn(repo.plans, 'diff', 'v2099');
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: No commit "v2099" in .*\.$/);
        const option = await kamIn(repo.plans, 'diff', '--', '--output=/tmp/x');
        expect(option.code).toBe(2);
        expect(option.err).toMatch(/is not a revision/);
    });
});

describe('kam diff through a revision that does not parse', () => {
    it('marks the numbers of the broken side as provisional and says where the syntax error is', async () => {
        const broken = git(repo.dir, ['rev-parse', 'feature~1']).trim();
        const text = git(repo.dir, ['show', `${broken}:plans/danube-foods.kam`]);
        const line = text.split('\n').findIndex((l) => l.trim() === 'competitor {') + 1;
        const diff = await diffJson(repo.plans, 'main', broken);
        const danube = account(diff, 'DanubeFoods');
        expect(danube.provisional.before).toBeUndefined();
        expect(danube.provisional.after).toBeGreaterThanOrEqual(line);
        expect(danube.quadrant).toEqual({ before: 'Strategic', after: undefined });
        expect(diff.unreadable.after).toEqual([{ source: 'danube-foods.kam', line: danube.provisional.after }]);
        const md = (await kamIn(repo.plans, 'diff', 'main', broken)).out;
        expect(md).toContain(`- **Provisional now:** a syntax error on line ${danube.provisional.after}: its numbers are provisional until it is fixed`);
        // And back: fixed at the next commit.
        const fixed = await diffJson(repo.plans, broken, 'feature');
        expect(account(fixed, 'DanubeFoods').provisional).toEqual({ before: danube.provisional.after });
    });
});

describe('kam diff follows an account renamed in a renamed file', () => {
    it('matches the account by its file when neither its name nor its file is the same', async () => {
        const { dir, plans } = portfolioRepository();
        temporary.push(dir);
        git(dir, ['checkout', '-q', '-f', 'main']);
        git(dir, ['mv', 'plans/baltic.kam', 'plans/baltic-group.kam']);
        const file = path.join(plans, 'baltic-group.kam');
        fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('account BalticPaper "Baltic Paper"', 'account BalticPaperGroup "Baltic Paper Group"'));
        git(dir, ['commit', '-q', '-a', '-m', 'Baltic Paper is a group now'], '2026-11-10');
        const diff = await diffJson(plans, 'main~1', 'main');
        expect(diff.counts).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 1 });
        expect(account(diff, 'BalticPaperGroup')).toMatchObject({ title: 'Baltic Paper Group', source: { before: 'baltic.kam', after: 'baltic-group.kam' }, strategicValue: { delta: 0 } });
    });
});

describe('kam diff where there is no history to read', () => {
    it('a repository without commits', async () => {
        const dir = emptyRepository();
        temporary.push(dir);
        fs.cpSync(PORTFOLIO_FIXTURE, dir, { recursive: true });
        const result = await kamIn(dir, 'diff');
        expect(result.code).toBe(2);
        expect(result.err).toBe('kam: The repository has no commits yet: commit the plans once, then compare with that commit.');
        expect((await kamIn(dir, 'diff', 'HEAD')).err).toBe(result.err);
    });

    it('a folder outside any git repository', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-nogit-'));
        temporary.push(dir);
        fs.cpSync(PORTFOLIO_FIXTURE, dir, { recursive: true });
        const result = await kamIn(dir, 'diff');
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: .* is not in a git repository: the history of plans is read from git/);
    });

    it('a shallow clone: what it holds works, what it lacks is named with the fix', async () => {
        const shallow = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-shallow-'));
        temporary.push(shallow);
        git(shallow, ['clone', '-q', '--depth', '1', '--branch', 'feature', `file://${repo.dir}`, 'clone']);
        const plans = path.join(shallow, 'clone', 'plans');
        const head = await diffJson(plans, 'HEAD');
        expect(head.base.subject).toBe('Danube Foods: monitoring installed');
        expect(head.accounts.map((a) => a.name)).toEqual([]);
        const tag = await kamIn(plans, 'diff', 'HEAD~2');
        expect(tag.code).toBe(2);
        expect(tag.err).toMatch(/No commit "HEAD~2" .* this is a shallow clone .*git fetch --unshallow, or fetch-depth: 0 in actions\/checkout/);
        const since = await kamIn(plans, 'diff', '--since', '2026-09-30');
        expect(since.code).toBe(2);
        expect(since.err).toMatch(/No commit on or before 2026-09-30 — this is a shallow clone/);
    });
});

describe('reading git around the builds', () => {
    it('compares as the two revisions read one after the other would, to a revision and to the working tree', async () => {
        const history = await PlanHistory.open(repo.plans);
        const apart = await PlanHistory.open(repo.plans);
        const [base, head] = [await history.revision('v2026-Q3'), await history.revision('feature')];
        const between = await history.compare(base, head);
        const [before, after] = [await apart.snapshotAt(base), await apart.snapshotAt(head)];
        expect(between.before).toEqual(before);
        expect(between.after).toEqual(after);
        expect(between.diff).toEqual(diffPortfolios(before.snapshot, after.snapshot, { renamedFiles: await apart.renamedPlans(base, head) }));
        expect(between.diff.accounts.length).toBeGreaterThan(0);
        const toWorkingTree = await history.compare(base, undefined, '2026-11-24');
        expect(toWorkingTree.after).toEqual(await apart.workingTreeSnapshot('2026-11-24'));
        expect(toWorkingTree.diff).toEqual(diffPortfolios(before.snapshot, toWorkingTree.after.snapshot, { renamedFiles: await apart.renamedPlans(base, undefined) }));
    }, 60_000);

    it('leaves no temporary file behind, and reads through pipes where no temporary file can be written', async () => {
        const saved = process.env.TMPDIR;
        const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-scratch-'));
        temporary.push(scratch);
        try {
            process.env.TMPDIR = scratch;
            const throughFiles = await diffJson(repo.plans, 'v2026-Q3', 'feature');
            expect(fs.readdirSync(scratch)).toEqual([]);
            process.env.TMPDIR = path.join(scratch, 'no such folder');
            expect(await diffJson(repo.plans, 'v2026-Q3', 'feature')).toEqual(throughFiles);
        } finally {
            if (saved === undefined) delete process.env.TMPDIR;
            else process.env.TMPDIR = saved;
        }
    }, 60_000);

    it('a plan whose contents are missing from the repository is named, with the likely reason', async () => {
        const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-partial-'));
        temporary.push(copy);
        fs.cpSync(repo.dir, copy, { recursive: true });
        const blob = git(copy, ['rev-parse', 'v2026-Q3:plans/danube-foods.kam']).trim();
        fs.rmSync(path.join(copy, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
        const result = await kamIn(path.join(copy, 'plans'), 'diff', 'v2026-Q3', 'main');
        expect(result.code).toBe(2);
        expect(result.err).toBe(`kam: The object ${blob} is missing from the repository (a partial clone? run git fetch).`);
    }, 60_000);

    it('a head revision git cannot list fails the comparison in git\'s words, and leaves no failure unhandled', async () => {
        const history = await PlanHistory.open(repo.plans);
        const base = await history.revision('v2026-Q3');
        const gone = { ref: 'gone', commit: '0123456789abcdef0123456789abcdef01234567', date: '2026-11-01', subject: '' };
        await expect(history.compare(base, gone)).rejects.toThrow(/^git ls-tree failed: not a tree object\.$/);
    }, 60_000);
});

describe('one workspace moving from revision to revision', () => {
    it('gives each revision exactly the snapshot a fresh workspace gives it', async () => {
        const moving = await PlanHistory.open(repo.plans);
        const order = ['v2026-Q3', 'feature~1', 'feature', 'main', 'v2026-Q3'];
        for (const ref of order) {
            const revision = await moving.revision(ref);
            const incremental = (await moving.snapshotAt(revision)).snapshot;
            const fresh = (await (await PlanHistory.open(repo.plans)).snapshotAt(revision)).snapshot;
            expect(incremental, ref).toEqual(fresh);
        }
        const workingTree = (await moving.workingTreeSnapshot('2026-11-24')).snapshot;
        expect(workingTree).toEqual((await (await PlanHistory.open(repo.plans)).workingTreeSnapshot('2026-11-24')).snapshot);
        expect(workingTree.accounts.find((a) => a.view.name === 'DanubeFoods')!.potentialRevenue).toEqual({ amount: 10_000_000, currency: 'EUR' });
    }, 60_000);
});

describe('kam history', () => {
    it('one plan\'s numbers over the commits that touched the portfolio, newest first, the broken revision provisional', async () => {
        const result = await kamIn(repo.plans, 'history', 'danube-foods.kam', '--format', 'json');
        expect(result.code).toBe(0);
        const history = JSON.parse(result.out);
        expect(history.accounts).toHaveLength(1);
        const points = history.accounts[0].points;
        expect(points.map((p: { date: string; strategicValue: number; relationship: number; quadrant: string | null; provisional: boolean }) =>
            [p.date, p.strategicValue, p.relationship, p.quadrant, p.provisional])).toEqual([
            ['2026-11-05', 7.1, 6.4, 'Strategic', false],
            ['2026-10-20', 7.1, 6.4, null, true],
            ['2026-10-10', 7.1, 6.4, 'Strategic', false],
            ['2026-09-15', 7.1, 6.4, 'Strategic', false],
        ]);
    });

    it('every account of the portfolio, as text', async () => {
        const result = await kamIn(repo.plans, 'history', '.', '-n', '3');
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/^Baltic Paper \(BalticPaper\)$/m);
        expect(result.out).toMatch(/^ {2}2026-10-10 {2}[0-9a-f]{7} +6\.2 +5\.6 {2}Strategic +1\/5 {2}Baltic Paper after the October QBR$/m);
        expect(result.out).toMatch(/^ {2}2026-10-20 {2}[0-9a-f]{7} {2}prov\. +prov\. {2}— +5\/5 {2}Half-typed competitor$/m);
        expect(result.out).toMatch(/2 accounts over 3 commits, newest first\.$/);
    });
});
