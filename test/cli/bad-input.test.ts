/**
 * The situations a user gets into, each run through the real command (bin/kam.cjs in its own
 * process): kam says in one line what is wrong (no stack trace), exits 2, never hangs, and never
 * changes or loses a file. Issue #11.
 *
 * Runs as root here, and root ignores file permissions: the cases about unreadable files and
 * read-only folders run the command as `nobody` (setpriv or runuser from util-linux); without such
 * a tool they are skipped, and only when the tests run as root.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';
import { BROKEN_PIPE_EXIT } from '../../cli/src/errors.js';

const KAM = path.resolve(__dirname, '../../bin/kam.cjs');
const NOBODY = 65534;

const temporaries: string[] = [];
afterAll(() => {
    for (const dir of temporaries) {
        // Give back what a case took away, so the folder can be removed.
        spawnSync('chmod', ['-R', 'u+rwX', dir]);
        fs.rmSync(dir, { recursive: true, force: true });
    }
});

/** A fresh folder with the test portfolio in `p/`, readable (and, where a case wants, writable) by nobody. */
function workspace(): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-bad-input-'));
    temporaries.push(dir);
    fs.chmodSync(dir, 0o755);
    fs.cpSync(PORTFOLIO_FIXTURE, path.join(dir, 'p'), { recursive: true });
    return dir;
}

const asRoot = process.getuid?.() === 0;
function which(tool: string): string | undefined {
    const found = spawnSync('sh', ['-c', `command -v ${tool}`], { encoding: 'utf8' });
    return found.status === 0 ? found.stdout.trim() : undefined;
}
/** How to run a command as an unprivileged user, when the tests run as root. */
const unprivileged: string[] | undefined = !asRoot ? [] : which('setpriv')
    ? [which('setpriv')!, `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups']
    : which('runuser') ? [which('runuser')!, '-u', 'nobody', '--'] : undefined;

interface Run { code: number | null; signal: NodeJS.Signals | null; out: string; err: string }

/** Runs kam; `stdout` may be a file descriptor (e.g. /dev/full). A run that hangs is killed, and fails its test. */
function run(args: string[], options: { cwd: string; asNobody?: boolean; stdout?: number; nodeOptions?: string[]; env?: NodeJS.ProcessEnv; closeStdout?: boolean }): Promise<Run> {
    const command = [...(options.asNobody ? unprivileged ?? [] : []), process.execPath, ...(options.nodeOptions ?? []), KAM, ...args];
    return new Promise((resolve, reject) => {
        const child = spawn(command[0], command.slice(1), {
            cwd: options.cwd,
            env: { ...process.env, KAM_DEBUG: '', ...options.env },
            stdio: ['ignore', options.stdout ?? 'pipe', 'pipe'],
            timeout: 60_000,
        });
        let out = '';
        let err = '';
        if (options.closeStdout) child.stdout?.destroy();
        else child.stdout?.on('data', (chunk) => { out += chunk; });
        child.stderr!.on('data', (chunk) => { err += chunk; });
        child.on('error', reject);
        child.on('close', (code, signal) => resolve({ code, signal, out, err }));
    });
}

type Entry = { kind: 'file'; text: string; mtimeMs: number; mode: number } | { kind: 'link'; to: string } | { kind: 'folder'; mode: number } | { kind: 'other' };

/** Everything under a folder, as lstat and the bytes see it (named pipes and links are not opened). */
function snapshot(dir: string): Record<string, Entry> {
    const entries: Record<string, Entry> = {};
    const walk = (at: string) => {
        for (const name of fs.readdirSync(at)) {
            const full = path.join(at, name);
            const rel = path.relative(dir, full);
            const stats = fs.lstatSync(full);
            if (stats.isSymbolicLink()) entries[rel] = { kind: 'link', to: fs.readlinkSync(full) };
            else if (stats.isDirectory()) {
                entries[rel] = { kind: 'folder', mode: stats.mode };
                walk(full);
            } else if (stats.isFile()) entries[rel] = { kind: 'file', text: fs.readFileSync(full, 'utf8'), mtimeMs: stats.mtimeMs, mode: stats.mode };
            else entries[rel] = { kind: 'other' };
        }
    };
    walk(dir);
    return entries;
}

interface Case {
    /** The situation, as a user would tell it. */
    situation: string;
    /** Prepares the workspace; returns kam's arguments (run in the workspace). */
    setup: (dir: string) => string[];
    /** The words of the one line on standard error. */
    message: RegExp;
    /** Needs the command to run without root's powers over permissions. */
    unprivileged?: boolean;
}

const cases: Case[] = [
    {
        situation: 'a mistyped command',
        setup: () => ['valdate', 'p'],
        message: /^kam: unknown command 'valdate' \(did you mean validate\?\); see kam --help\.$/,
    },
    {
        situation: 'a mistyped option',
        setup: () => ['validate', '--formt', 'json', 'p'],
        message: /^kam: unknown option '--formt' \(did you mean --format\?\); see kam validate --help\.$/,
    },
    {
        situation: 'a format that does not exist',
        setup: () => ['report', 'p', '--format', 'pdf'],
        message: /^kam: option '--format <format>' argument 'pdf' is invalid\. Allowed choices are md, html, json, pptx; see kam report --help\.$/,
    },
    {
        situation: 'a date that is not a date',
        setup: () => ['validate', 'p', '--today', '2026-13-01'],
        message: /^kam: --today must be a date written as yyyy-mm-dd, not "2026-13-01"\.$/,
    },
    {
        situation: 'a mistyped folder',
        setup: () => ['validate', 'plams'],
        message: /^kam: No such file or folder: \/.*\/plams$/,
    },
    {
        situation: 'a folder without plans (CI would check nothing)',
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'empty', 'drafts'), { recursive: true });
            fs.writeFileSync(path.join(dir, 'empty', 'notes.txt'), 'notes');
            fs.writeFileSync(path.join(dir, 'empty', 'plan.kam.bak'), 'old');
            return ['validate', 'empty'];
        },
        message: /^kam: No plans \(\.kam files\) in \/.*\/empty: it has 2 files and 1 folder\. Check the path, or pass --allow-empty if a folder without plans is expected\.$/,
    },
    {
        situation: 'a report of a folder without plans',
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'empty'));
            return ['report', 'empty', '--out', 'r.md'];
        },
        message: /^kam: No plans \(\.kam files\) in \/.*\/empty: it has 0 files and 0 folders\. .*--allow-empty/,
    },
    {
        situation: 'a file that is not a plan',
        setup: () => ['validate', 'p/kam.config.json'],
        message: /^kam: \/.*\/p\/kam\.config\.json is not a KAM plan: plans are \.kam files \(or give a folder of them\)\.$/,
    },
    {
        situation: 'a named pipe called x.kam given as the plan (would block forever)',
        setup: (dir) => {
            spawnSync('mkfifo', [path.join(dir, 'p', 'x.kam')]);
            return ['validate', 'p/x.kam'];
        },
        message: /^kam: \/.*\/p\/x\.kam is a named pipe \(FIFO\), not a plan: plans are regular \.kam files\.$/,
    },
    {
        situation: 'a device linked as a plan',
        setup: (dir) => {
            fs.symlinkSync('/dev/zero', path.join(dir, 'p', 'zero.kam'));
            return ['validate', 'p/zero.kam'];
        },
        message: /^kam: \/.*\/p\/zero\.kam is a character device, not a plan: plans are regular \.kam files\.$/,
    },
    {
        situation: 'a symbolic link loop given as the plan',
        setup: (dir) => {
            fs.symlinkSync('loop.kam', path.join(dir, 'p', 'loop.kam'));
            return ['validate', 'p/loop.kam'];
        },
        message: /^kam: \/.*\/p\/loop\.kam is a symbolic link loop \(it leads back to itself\): it points to loop\.kam\.$/,
    },
    {
        situation: 'a symbolic link loop among the plans of a folder',
        setup: (dir) => {
            fs.symlinkSync('b.kam', path.join(dir, 'p', 'a.kam'));
            fs.symlinkSync('a.kam', path.join(dir, 'p', 'b.kam'));
            return ['validate', 'p'];
        },
        message: /^kam: \/.*\/p\/a\.kam is a symbolic link loop \(it leads back to itself\): it points to b\.kam\.$/,
    },
    {
        situation: 'a broken link to a plan in a folder (a plan that would silently go unread)',
        setup: (dir) => {
            fs.symlinkSync('../shared/gone.kam', path.join(dir, 'p', 'gone.kam'));
            return ['validate', 'p'];
        },
        message: /^kam: \/.*\/p\/gone\.kam is a symbolic link to \.\.\/shared\/gone\.kam, which does not exist\.$/,
    },
    {
        situation: 'the portfolio root is not a folder',
        setup: () => ['validate', 'p', '--root', 'p/team.kam'],
        message: /^kam: The portfolio root \/.*\/p\/team\.kam is not a folder\.$/,
    },
    {
        situation: 'an account that is not in the portfolio',
        setup: () => ['report', 'p', '--account', 'Nordwind\u001b[2J'],
        message: /^kam: No account named "NordwindU\+001B\[2J" in p\.$/,
    },
    {
        situation: 'a report written onto its own plan, with --force',
        setup: () => ['report', 'p/danube-foods.kam', '--out', 'p/danube-foods.kam', '--force'],
        message: /^kam: --out p\/danube-foods\.kam is a plan file name \(\.kam\): kam never writes a report onto a plan, even with --force; choose another name, e\.g\. danube-foods\.summary\.md\.$/,
    },
    {
        situation: 'a report written to a new .kam file (it would be read as a plan next time)',
        setup: () => ['report', 'p', '--out', 'p/summary.KAM'],
        message: /^kam: --out p\/summary\.KAM is a plan file name \(\.kam\): kam never writes a report onto a plan/,
    },
    {
        situation: 'a report written onto the portfolio\'s kam.config.json, with --force',
        setup: () => ['report', 'p', '--out', 'p/kam.config.json', '--force'],
        message: /^kam: --out p\/kam\.config\.json is one of the files this run read: kam never writes over its input, even with --force; choose another name\.$/,
    },
    {
        situation: 'a report written through a dangling symbolic link (without --force)',
        setup: (dir) => {
            fs.symlinkSync(path.join(dir, 'elsewhere.md'), path.join(dir, 'latest.md'));
            return ['report', 'p', '--out', 'latest.md'];
        },
        message: /^kam: --out latest\.md is a symbolic link to \/.*\/elsewhere\.md, which does not exist: kam does not write through a link or replace one, even with --force; remove the link or choose another path\.$/,
    },
    {
        situation: 'a report written through a symbolic link to a plan, with --force',
        setup: (dir) => {
            fs.symlinkSync('p/team.kam', path.join(dir, 'team.md'));
            return ['report', 'p', '--out', 'team.md', '--force'];
        },
        message: /^kam: --out team\.md is a symbolic link to p\/team\.kam: kam does not write through a link or replace one, even with --force/,
    },
    {
        situation: 'a report written onto a folder, with --force',
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'reports'));
            return ['report', 'p', '--out', 'reports', '--force'];
        },
        message: /^kam: --out reports is a folder: give a file name, e\.g\. reports\/portfolio\.md\.$/,
    },
    {
        situation: 'a report written below a file (a/b where a is a file)',
        setup: (dir) => {
            fs.writeFileSync(path.join(dir, 'notes'), 'my notes');
            return ['report', 'p', '--out', 'notes/summary.md'];
        },
        message: /^kam: Cannot write notes\/summary\.md: \/.*\/notes is a regular file, not a folder\.$/,
    },
    {
        situation: 'a report written deeper below a file (a/b/c where a is a file)',
        setup: (dir) => {
            fs.writeFileSync(path.join(dir, 'notes'), 'my notes');
            return ['report', 'p', '--out', 'notes/2026/summary.md', '--force'];
        },
        message: /^kam: Cannot write notes\/2026\/summary\.md: \/.*\/notes is a regular file, not a folder\.$/,
    },
    {
        situation: 'a report written onto a named pipe, with --force (would block forever)',
        setup: (dir) => {
            spawnSync('mkfifo', [path.join(dir, 'pipe.md')]);
            return ['report', 'p', '--out', 'pipe.md', '--force'];
        },
        message: /^kam: --out pipe\.md is a named pipe \(FIFO\), not a regular file: kam writes reports to regular files only \(leave out --out to write to standard output\)\.$/,
    },
    {
        situation: 'an existing report, without --force',
        setup: (dir) => {
            fs.writeFileSync(path.join(dir, 'report.md'), 'my notes');
            return ['report', 'p', '--out', 'report.md'];
        },
        message: /^kam: report\.md exists; pass --force to overwrite it\.$/,
    },
    {
        situation: 'a report written into a read-only folder',
        unprivileged: true,
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o555 });
            fs.chmodSync(path.join(dir, 'locked'), 0o555);
            return ['report', 'p', '--out', 'locked/summary.md'];
        },
        message: /^kam: Cannot write locked\/summary\.md: permission denied \(EACCES\): the folder \/.*\/locked is not writable\.$/,
    },
    {
        situation: 'a report written below a folder that cannot be created (read-only parent)',
        unprivileged: true,
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'locked'), { mode: 0o555 });
            fs.chmodSync(path.join(dir, 'locked'), 0o555);
            return ['report', 'p', '--out', 'locked/2026/summary.md'];
        },
        message: /^kam: Cannot create the folder \/.*\/locked\/2026 for locked\/2026\/summary\.md: permission denied \(EACCES\)\.$/,
    },
    {
        situation: 'an unreadable plan (chmod 000)',
        unprivileged: true,
        setup: (dir) => {
            fs.chmodSync(path.join(dir, 'p', 'baltic-paper.kam'), 0o000);
            return ['validate', 'p'];
        },
        message: /^kam: Cannot read the plan \/.*\/p\/baltic-paper\.kam: permission denied \(EACCES\)\.$/,
    },
    {
        situation: 'an unreadable folder of plans (chmod 000)',
        unprivileged: true,
        setup: (dir) => {
            fs.mkdirSync(path.join(dir, 'p', 'archive'));
            fs.copyFileSync(path.join(dir, 'p', 'baltic-paper.kam'), path.join(dir, 'p', 'archive', 'old.kam'));
            fs.chmodSync(path.join(dir, 'p', 'archive'), 0o000);
            return ['validate', 'p'];
        },
        message: /^kam: Cannot read the folder \/.*\/p\/archive: permission denied \(EACCES\)\.$/,
    },
    {
        situation: 'a plan given inside a folder that cannot be entered',
        unprivileged: true,
        setup: (dir) => {
            fs.chmodSync(path.join(dir, 'p'), 0o600);
            return ['validate', 'p/danube-foods.kam'];
        },
        message: /^kam: Cannot read \/.*\/p\/danube-foods\.kam: permission denied \(EACCES\)\.$/,
    },
];

describe('every failure is one clear line, exit 2, and no file changed', () => {
    it.concurrent.each(cases.map((c) => [c.situation, c] as const))('%s', async (_situation, c) => {
        if (c.unprivileged && unprivileged === undefined) return; // root, and no setpriv or runuser: see the file's comment
        const dir = workspace();
        const args = c.setup(dir);
        const before = snapshot(dir);
        const result = await run(args, { cwd: dir, asNobody: c.unprivileged });
        expect(result.signal, 'killed: kam did not finish').toBeNull();
        const lines = result.err.split('\n').filter((l) => l !== '');
        expect(lines, result.err).toHaveLength(1);
        expect(result.err).not.toMatch(/^\s+at /m);
        expect(lines[0]).toMatch(c.message);
        expect(result.code).toBe(2);
        expect(result.out).toBe('');
        expect(snapshot(dir)).toEqual(before);
    }, 90_000);
});

describe('what kam reads', () => {
    it('reads 2,000 plans with no more than 64 open files (ulimit -n 64)', async () => {
        const dir = workspace();
        const plans = path.join(dir, 'p');
        const baltic = fs.readFileSync(path.join(plans, 'baltic-paper.kam'), 'utf8');
        fs.rmSync(path.join(plans, 'baltic-paper.kam'));
        fs.rmSync(path.join(plans, 'danube-foods.kam'));
        for (let i = 0; i < 2000; i++) {
            const folder = path.join(plans, `region-${i % 10}`);
            fs.mkdirSync(folder, { recursive: true });
            fs.writeFileSync(path.join(folder, `account-${i}.kam`), baltic.replace('BalticPaper "Baltic Paper"', `Account${i} "Account ${i}"`));
        }
        const result = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
            const child = spawn('bash', ['-c', `ulimit -n 64 && exec "${process.execPath}" "${KAM}" validate p`], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
            let out = '';
            let err = '';
            child.stdout.on('data', (c) => { out += c; });
            child.stderr.on('data', (c) => { err += c; });
            child.on('close', (code) => resolve({ code, out, err }));
        });
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/\n2002 files, 2000 accounts: 0 errors, 14000 warnings, \d+ notes\.\n$/);
    }, 120_000);

    it('skips a named pipe found in a folder, and says so', async () => {
        const dir = workspace();
        spawnSync('mkfifo', [path.join(dir, 'p', 'waiting.kam')]);
        const result = await run(['validate', 'p'], { cwd: dir });
        expect(result.signal).toBeNull();
        expect(result.code).toBe(0);
        expect(result.err).toMatch(/^warning: skipped \/.*\/p\/waiting\.kam: it is a named pipe \(FIFO\), not a regular file\n$/);
        expect(result.out).toMatch(/4 files, 2 accounts/);
    });

    it('follows symbolic links to plans and folders, reads each plan once, and stops at a loop', async () => {
        const dir = workspace();
        // The accounts live elsewhere; the portfolio links to a folder of them and to one plan.
        fs.mkdirSync(path.join(dir, 'shared', 'accounts'), { recursive: true });
        fs.renameSync(path.join(dir, 'p', 'danube-foods.kam'), path.join(dir, 'shared', 'accounts', 'danube-foods.kam'));
        fs.renameSync(path.join(dir, 'p', 'baltic-paper.kam'), path.join(dir, 'shared', 'baltic-paper.kam'));
        fs.symlinkSync('../shared/accounts', path.join(dir, 'p', 'accounts'));
        fs.symlinkSync('../shared/baltic-paper.kam', path.join(dir, 'p', 'baltic-paper.kam'));
        // The same plan by a second name, and a link back up (a loop).
        fs.symlinkSync('../shared/baltic-paper.kam', path.join(dir, 'p', 'baltic-again.kam'));
        fs.symlinkSync('..', path.join(dir, 'shared', 'accounts', 'up'));
        const result = await run(['validate', 'p', '--format', 'json'], { cwd: dir });
        expect(result.err).toBe('');
        expect(result.code).toBe(0);
        const json = JSON.parse(result.out);
        expect(json.files.map((f: { file: string }) => f.file).sort()).toEqual(['p/accounts/danube-foods.kam', 'p/baltic-again.kam', 'p/scoring-model.kam', 'p/team.kam']);
        expect(json.accounts.map((a: { title: string }) => a.title).sort()).toEqual(['Baltic Paper', 'Danube Foods']);
        // No "defined twice" findings: the second name is the same plan, read once.
        expect(result.out).not.toMatch(/duplicate/);
    });

    it('an empty folder passes with --allow-empty', async () => {
        const dir = workspace();
        fs.mkdirSync(path.join(dir, 'empty'));
        const result = await run(['validate', 'empty', '--allow-empty'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.out).toMatch(/^0 files, 0 accounts: 0 errors/m);
    });

    it('warns about a misspelt setting in kam.config.json, with the setting it probably means', async () => {
        const dir = workspace();
        fs.writeFileSync(path.join(dir, 'p', 'kam.config.json'), JSON.stringify({ today: '2026-11-24', treshold: { keyThreshold: 7 } }));
        const result = await run(['validate', 'p'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.err).toMatch(/^warning: \/.*\/p\/kam\.config\.json: Unknown setting "treshold" is ignored — did you mean "thresholds"\?/m);
    });
});

describe('what kam writes', () => {
    it('replaces an existing report with --force, whole, keeping its permissions', async () => {
        const dir = workspace();
        const out = path.join(dir, 'report.md');
        fs.writeFileSync(out, 'old report');
        fs.chmodSync(out, 0o640);
        const result = await run(['report', 'p', '--out', 'report.md', '--force'], { cwd: dir });
        expect(result.code).toBe(0);
        expect(result.err).toBe('Wrote report.md (2 accounts).\n');
        expect(fs.readFileSync(out, 'utf8')).toMatch(/^# Key account portfolio/);
        expect(fs.statSync(out).mode & 0o777).toBe(0o640);
        // No temporary file left beside it.
        expect(fs.readdirSync(dir).sort()).toEqual(['p', 'report.md']);
    });

    it('writes the HTML portfolio page to standard output as to a file (part by part, the same bytes)', async () => {
        const dir = workspace();
        const printed = await run(['report', 'p', '--format', 'html'], { cwd: dir });
        const written = await run(['report', 'p', '--format', 'html', '--out', 'portfolio.html'], { cwd: dir });
        expect([printed.code, written.code]).toEqual([0, 0]);
        expect(printed.err).toBe('');
        expect(printed.out).toMatch(/^<!DOCTYPE html>[^]*<\/html>\n\n$/);
        // Standard output ends the page with a newline, as every line kam prints.
        expect(printed.out).toBe(`${fs.readFileSync(path.join(dir, 'portfolio.html'), 'utf8')}\n`);
    });

    it('says so when standard output is a full disk (exit 2), for reports and findings', async () => {
        const dir = workspace();
        for (const args of [['report', 'p'], ['report', 'p', '--format', 'html'], ['validate', 'p']]) {
            const full = fs.openSync('/dev/full', 'w');
            const result = await run(args, { cwd: dir, stdout: full });
            fs.closeSync(full);
            expect(result.code).toBe(2);
            expect(result.err).toBe('kam: cannot write to standard output: no space left on the device (ENOSPC).\n');
        }
    });

    it('stops quietly when the reader of its output has gone (`| head`): exit 141, like cat', async () => {
        const dir = workspace();
        const result = await run(['validate', 'p'], { cwd: dir, closeStdout: true });
        expect(result.err).toBe('');
        expect(result.code).toBe(BROKEN_PIPE_EXIT);
    });

    it('prints plan text to the terminal with control and bidi characters shown, not obeyed', async () => {
        const dir = workspace();
        const plan = path.join(dir, 'p', 'baltic-paper.kam');
        const hostile = 'Baltic \u001b]0;pwned\u0007Paper \u202Eevil\u2066 \u001b[2J\u009b31m';
        fs.writeFileSync(plan, fs.readFileSync(plan, 'utf8').replace('"Baltic Paper"', `"${hostile}"`));
        const text = await run(['validate', 'p'], { cwd: dir });
        expect(text.code).toBe(0);
        expect(text.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        expect(text.out).toContain('Baltic U+001B]0;pwnedU+0007Paper U+202EevilU+2066 U+001B[2JU+009B31m (p/baltic-paper.kam): strategic value 3.7');
        // JSON keeps the data (escaped the JSON way) and is just as safe to print.
        const json = await run(['validate', 'p', '--format', 'json'], { cwd: dir });
        expect(json.out).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u);
        expect(JSON.parse(json.out).accounts.find((a: { name: string }) => a.name === 'BalticPaper').title).toBe(hostile);
    });
});

describe('a failure kam did not foresee', () => {
    // A preloaded script breaks JSON.stringify, as a bug would.
    function breakJson(dir: string): string {
        const preload = path.join(dir, 'break-json.cjs');
        fs.writeFileSync(preload, 'JSON.stringify = () => { throw new Error("the JSON writer broke"); };\n');
        return preload;
    }

    it('is one line, without a stack trace, exit 2', async () => {
        const dir = workspace();
        const result = await run(['validate', 'p', '--format', 'json'], { cwd: dir, nodeOptions: ['--require', breakJson(dir)] });
        expect(result.code).toBe(2);
        expect(result.err).toBe('kam: internal error: the JSON writer broke (a bug in kam: run again with KAM_DEBUG=1 to see where, and please report it)\n');
    });

    it('shows the stack with KAM_DEBUG=1', async () => {
        const dir = workspace();
        const result = await run(['validate', 'p', '--format', 'json'], { cwd: dir, nodeOptions: ['--require', breakJson(dir)], env: { KAM_DEBUG: '1' } });
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: internal error: Error: the JSON writer broke\n\s+at /);
    });

    it('is one line too when it happens outside the command (an uncaught exception)', async () => {
        const dir = workspace();
        const preload = path.join(dir, 'late.cjs');
        fs.writeFileSync(preload, 'setTimeout(() => { throw new Error("a timer broke"); }, 0);\n');
        const result = await run(['validate', 'p'], { cwd: dir, nodeOptions: ['--require', preload] });
        expect(result.code).toBe(2);
        expect(result.err).toBe('kam: internal error: a timer broke (a bug in kam: run again with KAM_DEBUG=1 to see where, and please report it)\n');
    });
});
