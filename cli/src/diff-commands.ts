/**
 * `kam diff [BASE] [HEAD]` and `kam history [PLAN|DIR]`: what the plans mean at two revisions and
 * how each account's numbers moved over the commits. Git is read by history/src; the comparison and
 * its Markdown, HTML and JSON are the pure diff of language/src/plan-diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { DiffFormat, PortfolioSnapshot } from '../../language/src/plan-diff/index.js';
import type { AccountTrend } from '../../language/src/plan-diff/account-trend.js';
import { formatScore, isValidIsoDate } from '../../language/src/domain/quantities.js';
import type { Revision } from '../../history/src/index.js';
import { CliError } from './errors.js';
import { oneLineErrors, type Output } from './main.js';
import { writeReportFile } from './report-file.js';
import { terminalLine, terminalSafeJson } from './terminal-text.js';

/** A failure of git or of a revision the user named is theirs to fix: one line, exit code 2. */
async function historyErrorsAsCliErrors<T>(work: () => Promise<T>): Promise<T> {
    const { HistoryError } = await import('../../history/src/index.js');
    try {
        return await work();
    } catch (error) {
        if (error instanceof HistoryError) throw new CliError(error.message);
        throw error;
    }
}

function checkDate(option: string, value: string | undefined): string | undefined {
    if (value !== undefined && !isValidIsoDate(value)) throw new CliError(`${option} must be a date written as yyyy-mm-dd, not "${value}".`);
    return value;
}

interface DiffOptions {
    since?: string;
    format: DiffFormat;
    out?: string;
    force?: boolean;
    root?: string;
    today?: string;
}

async function diff(base: string | undefined, head: string | undefined, options: DiffOptions, io: Output): Promise<number> {
    const today = checkDate('--today', options.today);
    const since = checkDate('--since', options.since);
    if (base !== undefined && since !== undefined) throw new CliError('Give either a BASE revision or --since DATE, not both.');
    // Git and the diff are loaded for the commands that compare (kam.ts: each command loads what it needs).
    const [{ PlanHistory }, { renderDiff }] = await Promise.all([import('../../history/src/index.js'), import('../../language/src/plan-diff/index.js')]);
    return historyErrorsAsCliErrors(async () => {
        const history = await PlanHistory.open(options.root ?? '.', { root: options.root });
        const headRevision = head === undefined ? undefined : await history.revision(head);
        const from = headRevision?.commit ?? 'HEAD';
        const baseRevision: Revision = base !== undefined ? await history.revision(base)
            : since !== undefined ? await history.revisionAtDate(since, from)
                : await history.defaultBase(from);
        const { before, after, diff: result } = await history.compare(baseRevision, headRevision, today);
        [...before.notes, ...after.notes].forEach((n) => io.err(`warning: ${terminalLine(n)}`));
        const content = renderDiff(result, before.snapshot, after.snapshot, options.format);
        if (options.out) {
            writeReportFile(options.out, content, { force: options.force, inputs: new Set() });
            io.err(terminalLine(`Wrote ${options.out} (${result.counts.changed} changed, ${result.counts.added} added, ${result.counts.removed} removed).`));
        } else {
            io.out(options.format === 'json' ? terminalSafeJson(content.trimEnd()) : content.trimEnd());
        }
        return 0;
    });
}

async function accountHistory(target: string, options: { format: 'text' | 'json' | 'html'; root?: string; maxCount: string; out?: string; force?: boolean }, io: Output): Promise<number> {
    const limit = Number(options.maxCount);
    if (!Number.isInteger(limit) || limit < 1) throw new CliError(`--max-count must be a whole number from 1, not "${options.maxCount}".`);
    if (!fs.existsSync(target)) throw new CliError(`No such file or folder: ${target}`);
    const isFile = fs.statSync(target).isFile();
    const [{ PlanHistory }, { addRevision, historyReportHtml }] = await Promise.all([import('../../history/src/index.js'), import('../../language/src/plan-diff/account-trend.js')]);
    return historyErrorsAsCliErrors(async () => {
        const history = await PlanHistory.open(isFile ? path.dirname(target) : target, { root: options.root });
        const commits = await history.commits({ limit });
        if (commits.length === 0) throw new CliError(`No commit touched the portfolio at ${history.root} yet.`);
        // For one plan: the accounts it holds now, followed by name through renames.
        let wanted: Set<string> | undefined;
        if (isFile) {
            const source = path.relative(history.root, path.resolve(target)).split(path.sep).join('/');
            const now = await history.workingTreeSnapshot();
            wanted = new Set(now.snapshot.accounts.filter((a) => a.view.source === source).map((a) => a.view.name));
            if (wanted.size === 0) throw new CliError(`${target} holds no account plan.`);
        }
        const trends = new Map<string, AccountTrend>();
        let thresholds: PortfolioSnapshot['portfolio']['thresholds'] | undefined;
        for (const c of commits) {
            const { snapshot, notes } = await history.snapshotAt({ ref: c.commit.slice(0, 7), commit: c.commit, date: c.date, subject: c.subject });
            notes.forEach((n) => io.err(`warning: ${terminalLine(n)}`));
            thresholds ??= snapshot.portfolio.thresholds;
            addRevision(trends, snapshot, wanted);
        }
        const accounts = [...trends.values()].sort((a, b) => a.title.localeCompare(b.title));
        if (options.format === 'html') {
            const page = historyReportHtml(accounts, thresholds!);
            if (!options.out) throw new CliError('kam history --format html writes a page: give --out FILE.');
            writeReportFile(options.out, page, { force: options.force, inputs: new Set() });
            io.err(terminalLine(`Wrote ${options.out} (${accounts.length} account${accounts.length === 1 ? '' : 's'} over ${commits.length} commit${commits.length === 1 ? '' : 's'}).`));
            return 0;
        }
        if (options.format === 'json') {
            io.out(terminalSafeJson(JSON.stringify({ kind: 'history', root: history.root, accounts }, null, 2)));
            return 0;
        }
        for (const a of accounts) {
            io.out(terminalLine(`${a.title} (${a.name})`));
            io.out('  date        commit   value  relationship  quadrant    plan  commit message');
            for (const p of a.points) {
                const value = p.provisional ? 'prov.' : formatScore(p.strategicValue ?? undefined);
                io.out(terminalLine(`  ${p.date}  ${p.commit.slice(0, 7)}  ${value.padStart(5)}  ${(p.provisional ? 'prov.' : formatScore(p.relationship ?? undefined)).padStart(12)}  ${(p.quadrant ?? '—').padEnd(10)}  ${p.completeness.padStart(4)}  ${p.subject}`));
            }
            io.out('');
        }
        io.out(`${accounts.length} account${accounts.length === 1 ? '' : 's'} over ${commits.length} commit${commits.length === 1 ? '' : 's'}, newest first.`);
        return 0;
    });
}

export function registerDiffCommands(program: Command, io: Output, setExitCode: (code: number) => void): void {
    program.command('diff')
        .configureOutput(oneLineErrors(io, 'kam diff --help'))
        .description('what changed in the plans\' meaning between two git revisions: per account and for the portfolio')
        .argument('[base]', 'the revision to compare with (commit, branch, tag); default: the merge base with the default branch')
        .argument('[head]', 'the revision to compare (default: the working tree, saved changes not yet committed included)')
        .option('--since <date>', 'compare with the portfolio as it was at the end of this day (yyyy-mm-dd)')
        .addOption(new Option('--format <format>', 'Markdown for a pull-request comment, a self-contained HTML page with before/after charts, or JSON').choices(['md', 'html', 'json']).default('md'))
        .option('-o, --out <file>', 'write to this file instead of standard output')
        .option('-f, --force', 'overwrite an existing --out file')
        .addOption(new Option('--root <folder>', 'portfolio root (default: nearest folder with kam.config.json from here)'))
        .addOption(new Option('--today <date>', 'review the working tree as of this date (yyyy-mm-dd); revisions are reviewed as of their commit date'))
        .action(async (base: string | undefined, head: string | undefined, options: DiffOptions) => setExitCode(await diff(base, head, options, io)));
    program.command('history')
        .configureOutput(oneLineErrors(io, 'kam history --help'))
        .description('each account\'s strategic value, relationship, quadrant and plan completeness over the commits that touched the portfolio')
        .argument('[target]', 'a plan, or a folder of the portfolio', '.')
        .addOption(new Option('--format <format>', 'text, JSON, or an HTML page with a trend chart per account (with --out)').choices(['text', 'json', 'html']).default('text'))
        .option('-n, --max-count <n>', 'the newest this many commits', '20')
        .option('-o, --out <file>', 'write the page to this file (--format html)')
        .option('-f, --force', 'overwrite an existing --out file')
        .addOption(new Option('--root <folder>', 'portfolio root (default: nearest folder with kam.config.json)'))
        .action(async (target: string, options) => setExitCode(await accountHistory(target, options, io)));
}
