/**
 * A portfolio with a history, for timing `kam diff`: the realistic portfolio committed, then
 * `commits − 1` more commits, each rescoring a different twentieth of the plans and renaming one
 * plan file, as a quarter of account reviews would.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { writeRealisticPortfolio } from './realistic-portfolio.js';

function git(cwd: string, args: string[], day: number): void {
    const date = `2026-${String(7 + Math.floor(day / 28)).padStart(2, '0')}-${String(1 + (day % 28)).padStart(2, '0')}T12:00:00Z`;
    execFileSync('git', args, {
        cwd, stdio: 'ignore',
        env: { ...process.env, GIT_AUTHOR_NAME: 'Bench', GIT_AUTHOR_EMAIL: 'bench@example.com', GIT_COMMITTER_NAME: 'Bench', GIT_COMMITTER_EMAIL: 'bench@example.com', GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date },
    });
}

/**
 * Commits a portfolio folder as it is, in a repository of its own, dated before the plans' `last
 * reviewed` dates: plans live in git, so the language server reads their review baseline at start.
 */
export function commitPortfolio(folder: string): void {
    fs.rmSync(path.join(folder, '.git'), { recursive: true, force: true });
    git(folder, ['init', '-q', '-b', 'main'], 0);
    git(folder, ['add', '-A'], 0);
    git(folder, ['commit', '-q', '-m', 'The portfolio'], 0);
}

export function writeHistoryRepository(folder: string, plans: number, commits: number): { planFiles: number } {
    writeRealisticPortfolio(folder, plans);
    commitPortfolio(folder);
    const files = (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[])
        .filter((f) => f.includes('accounts') && f.endsWith('.kam')).sort();
    for (let c = 1; c < commits; c++) {
        for (let i = c % 20; i < files.length; i += 20) {
            const file = path.join(folder, files[i]);
            fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/(currentRevenue )(\d+)/, (_m, p: string) => `${p}${1 + ((c * 3) % 10)}`));
        }
        const renamed = files[(c * 97) % files.length];
        const to = renamed.replace(/\.kam$/, `-r${c}.kam`);
        fs.renameSync(path.join(folder, renamed), path.join(folder, to));
        files[(c * 97) % files.length] = to;
        git(folder, ['add', '-A'], c);
        git(folder, ['commit', '-q', '-m', `Review ${c}`], c);
    }
    return { planFiles: files.length };
}
