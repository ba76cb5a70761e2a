/**
 * Real git repositories for the history tests: the small fixture portfolio (two accounts whose
 * numbers are checked by hand in test/cli/cli.test.ts) committed, changed and committed again on
 * fixed dates, with a tag, a renamed plan, a revision where a plan does not parse, a feature branch
 * and uncommitted changes in the working tree.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';

export function git(cwd: string, args: string[], date?: string): string {
    const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', HOME: cwd, GIT_AUTHOR_NAME: 'Anna Keller', GIT_AUTHOR_EMAIL: 'anna@example.com', GIT_COMMITTER_NAME: 'Anna Keller', GIT_COMMITTER_EMAIL: 'anna@example.com' };
    if (date) Object.assign(env, { GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` });
    return execFileSync('git', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function emptyRepository(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-git-'));
    git(dir, ['init', '-q', '-b', 'main']);
    return dir;
}

function edit(file: string, ...replacements: Array<[string | RegExp, string]>): void {
    let text = fs.readFileSync(file, 'utf8');
    for (const [from, to] of replacements) {
        const next = text.replace(from, to);
        if (next === text) throw new Error(`${path.basename(file)}: "${from}" not found`);
        text = next;
    }
    fs.writeFileSync(file, text);
}

function commit(dir: string, message: string, date: string): void {
    git(dir, ['add', '-A'], date);
    git(dir, ['commit', '-q', '-m', message], date);
}

export const FINANCE_CONTACT = `    stakeholder berg "Maja Berg" {
        title "Finance Director"
        role finance
        influence medium
        trusted advisor 6
        strategic partner 6
    }
`;

/**
 * main:    c1 2026-09-15 (tag v2026-Q3) the fixture as it is
 *          c2 2026-10-10 Baltic Paper rescored, rerated, a finance contact, revenue 2M; baltic-paper.kam → baltic.kam
 * feature: c3 2026-10-20 Danube Foods does not parse (an unclosed block)
 *          c4 2026-11-05 fixed; stops 12 → 10, the monitoring action done, Wagner a supporter, the Graz opportunity at proposal
 * working tree (uncommitted): Danube's potential revenue 9M → 10M EUR
 */
export function portfolioRepository(): { dir: string; plans: string } {
    const dir = emptyRepository();
    const plans = path.join(dir, 'plans');
    fs.cpSync(PORTFOLIO_FIXTURE, plans, { recursive: true });
    // Each revision is reviewed as of its own date; the working tree as of --today.
    fs.writeFileSync(path.join(plans, 'kam.config.json'), '{}\n');
    fs.writeFileSync(path.join(dir, 'README.md'), 'Key account plans\n');
    commit(dir, 'Plans for Q3', '2026-09-15');
    git(dir, ['tag', 'v2026-Q3']);

    git(dir, ['mv', 'plans/baltic-paper.kam', 'plans/baltic.kam']);
    edit(path.join(plans, 'baltic.kam'),
        ['potentialRevenue 3', 'potentialRevenue 9'], ['strategicFit 3', 'strategicFit 8'],
        ['trusted advisor 4', 'trusted advisor 7'], ['strategic partner 3', 'strategic partner 6'],
        ['revenue current 1.5M EUR', 'revenue current 2M EUR'],
        ['    objective keepVolume', `${FINANCE_CONTACT}    objective keepVolume`]);
    commit(dir, 'Baltic Paper after the October QBR', '2026-10-10');

    git(dir, ['checkout', '-q', '-b', 'feature']);
    const danube = path.join(plans, 'danube-foods.kam');
    const sound = fs.readFileSync(danube, 'utf8');
    edit(danube, ['    competitor "Ovenline" {\n', '    competitor "Ovenline" {\n    competitor {\n']);
    commit(dir, 'Half-typed competitor', '2026-10-20');

    fs.writeFileSync(danube, sound);
    edit(danube,
        ['current 12 target 8', 'current 10 target 8'],
        ['due 2027-01-29 status in-progress', 'due 2027-01-29 status done'],
        ['stance neutral', 'stance supporter'],
        ['{ kind cross-sell value 400k EUR', '{ kind cross-sell value 400k EUR stage proposal']);
    commit(dir, 'Danube Foods: monitoring installed', '2026-11-05');

    edit(danube, ['potential 9M EUR', 'potential 10M EUR']);
    return { dir, plans };
}
