/**
 * `kam`: the KAM plan language on the command line, for CI pipelines and people outside VS Code.
 *   kam validate <paths...>   check plans; exit code 1 when any has errors
 *   kam report <paths...>     the portfolio (or single-account) summary report
 *   kam lsp --stdio           the language server, for any LSP editor
 */
import * as path from 'node:path';
import { URI } from 'langium';
import { Command, CommanderError, Option } from 'commander';
import type { LangiumDocument } from 'langium';
import { reviewDocument, toFinding } from '../../language/src/analysis/review.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import type { ReportKind } from '../../language/src/reports/render-report.js';
import { reportContextFor } from '../../language/src/analysis/team-directory.js';
import { formatScore } from '../../language/src/domain/quantities.js';
import { countBySeverity } from '../../language/src/domain/findings.js';
import { completenessLabel } from '../../language/src/reports/markdown-tables.js';
import { CliError, loadPortfolio, type LoadedPortfolio } from './portfolio-workspace.js';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';
import { terminalLine, terminalSafeJson } from './terminal-text.js';
import { writeReportFile } from './report-file.js';
import { registerMcpCommand } from './mcp-command.js';
import { registerImportCommand } from './import-command.js';
import { registerFormatCommand } from './format-command.js';
import { registerDiffCommands } from './diff-commands.js';
import { checkDeckOptions, detailOption } from './report-options.js';

export const KAM_VERSION = '0.1.0';

/**
 * Where the CLI's text goes. Text for people (findings, account lines, messages) is escaped with
 * terminalLine before it gets here, so a plan cannot send control sequences to a terminal.
 */
export interface Output {
    out: (text: string) => void;
    err: (text: string) => void;
    /**
     * A long page (the portfolio's HTML report) written part by part as it is made, then a newline;
     * without it, the parts are joined and written with `out`.
     */
    page?: (parts: Iterable<string>) => void;
}

interface LoadCommandOptions {
    today?: string;
    root?: string;
    allowEmpty?: boolean;
}

async function load(paths: string[], options: LoadCommandOptions, io: Output): Promise<LoadedPortfolio> {
    const portfolio = await loadPortfolio(paths, { root: options.root, today: validateTodayOption(options.today), allowEmpty: options.allowEmpty });
    portfolio.notes.forEach((n) => io.err(`warning: ${terminalLine(n)}`));
    portfolio.settingsProblems.forEach((p) => io.err(`warning: ${terminalLine(p)}`));
    return portfolio;
}

function relative(root: string, document: LangiumDocument): string {
    return path.relative(process.cwd(), document.uri.fsPath) || path.relative(root, document.uri.fsPath);
}

/**
 * The requested plans' accounts with their findings. The terminal names each plan by its path from
 * where `kam` runs; reports by its path in the portfolio, as the language server does.
 */
function reviewed(portfolio: LoadedPortfolio, naming: 'terminal' | 'report'): ReviewedAccount[] {
    const analyzer = portfolio.services.analysis.PlanAnalyzer;
    const root = URI.file(portfolio.root);
    return portfolio.requested.flatMap((d) => reviewDocument(analyzer, d,
        naming === 'terminal' ? relative(portfolio.root, d) : portfolio.services.portfolio.PortfolioConfig.sourceOf(d.uri, root)));
}

function validateTodayOption(today: string | undefined): string | undefined {
    if (today !== undefined && !isValidIsoDate(today)) throw new CliError(`--today must be a date written as yyyy-mm-dd, not "${today}".`);
    return today;
}

async function validate(paths: string[], options: LoadCommandOptions & { format: string }, io: Output): Promise<number> {
    const portfolio = await load(paths, options, io);
    const files = portfolio.requested.map((d) => ({ file: relative(portfolio.root, d), findings: (d.diagnostics ?? []).map(toFinding) }));
    const accounts = reviewed(portfolio, 'terminal');
    const all = files.flatMap((f) => f.findings);
    const counts = countBySeverity(all);
    if (options.format === 'sarif') {
        // Paths from where kam runs (the repository's root in CI), as code scanning resolves them.
        const { sarifLog } = await import('../../language/src/reports/sarif-log.js');
        const log = sarifLog(files.map((f) => ({ path: f.file.split(path.sep).join('/'), findings: f.findings })), { toolVersion: KAM_VERSION, baseFolder: process.cwd() });
        io.out(terminalSafeJson(JSON.stringify(log, null, 2)));
    } else if (options.format === 'json') {
        io.out(terminalSafeJson(JSON.stringify({
            files,
            accounts: accounts.map(({ card, source }) => ({
                name: card.plan.name, title: card.plan.title, file: source,
                strategicValue: card.strategicValue.value ?? null, relationshipStrength: card.relationship.value ?? null, quadrant: card.quadrant ?? null,
                planCompleteness: { present: card.completeness.present, total: card.completeness.total, missing: card.completeness.elements.filter((e) => !e.present).map((e) => e.key) },
                // The account was read only in part: its numbers are provisional.
                syntaxErrorLine: card.syntaxErrorLine ?? null,
            })),
            summary: { files: files.length, accounts: accounts.length, ...counts },
        }, null, 2)));
    } else {
        for (const f of files) {
            for (const d of f.findings) io.out(terminalLine(`${f.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`));
        }
        if (all.length) io.out('');
        for (const { card, findings, source } of accounts) {
            const c = countBySeverity(findings);
            const numbers = card.syntaxErrorLine !== undefined
                ? `numbers provisional until the syntax error on line ${card.syntaxErrorLine} is fixed`
                : `strategic value ${formatScore(card.strategicValue.value)}, relationship ${formatScore(card.relationship.value)}, ${card.quadrant ?? 'no quadrant'}, ${completenessLabel(card)}`;
            io.out(terminalLine(`${card.plan.title} (${source}): ${numbers}; ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}`));
        }
        io.out(`${files.length} file${files.length === 1 ? '' : 's'}, ${accounts.length} account${accounts.length === 1 ? '' : 's'}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} note${counts.information + counts.hint === 1 ? '' : 's'}.`);
    }
    return counts.error > 0 ? 1 : 0;
}

async function report(paths: string[], options: LoadCommandOptions & { format: string; out?: string; force?: boolean; account?: string; since?: string; detail?: boolean }, io: Output): Promise<number> {
    checkDeckOptions(options.format, options);
    const portfolio = await load(paths, options, io);
    let accounts = reviewed(portfolio, 'report');
    if (options.account) {
        accounts = accounts.filter((a) => a.card.plan.name === options.account || a.card.plan.title === options.account);
        if (accounts.length === 0) throw new CliError(`No account named "${options.account}" in ${paths.join(', ')}.`);
    }
    const context = { ...reportContextFor(portfolio.services, portfolio.requested[0]?.uri), detail: options.detail };
    const single = accounts.length === 1 && Boolean(options.account || portfolio.requested.length === 1);
    if (options.format === 'pptx') {
        const { writeDeckReport } = await import('./deck-report.js');
        await writeDeckReport(accounts, single, context, portfolio, options, io);
        return 0;
    }
    const format = options.format as ReportKind;
    const { renderAccountReport, renderPortfolioReportParts } = await import('../../language/src/reports/render-report.js');
    const parts = single
        ? [renderAccountReport(accounts, format, context)]
        : renderPortfolioReportParts(accounts, format, context);
    if (options.out) {
        writeReportFile(options.out, parts, { force: options.force, inputs: portfolio.inputs });
        io.err(terminalLine(`Wrote ${options.out} (${accounts.length} account${accounts.length === 1 ? '' : 's'}).`));
    } else if (format === 'json') {
        // The JSON view model is made safe for a terminal without changing its data.
        io.out(terminalSafeJson([...parts].join('')));
    } else if (io.page) {
        // Markdown and HTML as they are (kam.ts escapes them only when standard output is a terminal).
        io.page(parts);
    } else {
        io.out([...parts].join(''));
    }
    return 0;
}

/**
 * Commander's output through `io`, with its errors made one line (`kam: unknown command 'valdate'
 * (did you mean validate?); see kam --help`) instead of the message followed by the whole help.
 */
export function oneLineErrors(io: Output, help: string) {
    return {
        writeOut: (s: string) => io.out(s.trimEnd()),
        writeErr: (s: string) => io.err(s.trimEnd()),
        outputError: (message: string, write: (s: string) => void) => {
            const line = message.trim()
                .replace(/^error: /, '')
                .replace(/\s*\n\s*\(Did you mean (.*)\?\)/, ' (did you mean $1?)')
                .replace(/\s*\n\s*/g, ' ')
                .replace(/\.$/, '');
            write(`kam: ${terminalLine(line)}; see ${help}.`);
        },
    };
}

export function buildProgram(io: Output, setExitCode: (code: number) => void): Command {
    const program = new Command('kam')
        .description('KAM Plans: check key-account plans and report on the portfolio.')
        .version(KAM_VERSION)
        .configureOutput(oneLineErrors(io, 'kam --help'))
        .exitOverride();
    const todayOption = new Option('--today <date>', 'review as of this date (yyyy-mm-dd), for reproducible runs');
    const rootOption = new Option('--root <folder>', 'portfolio root whose plans are loaded for references (default: nearest folder with kam.config.json)');
    const allowEmptyOption = new Option('--allow-empty', 'a folder without plans is not an error');
    program.command('validate')
        .configureOutput(oneLineErrors(io, 'kam validate --help'))
        .description('check plans and print each account\'s strategic value, quadrant and findings; exit code 1 on errors')
        .argument('[paths...]', '.kam files or folders', ['.'])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
        .addOption(todayOption).addOption(rootOption).addOption(allowEmptyOption)
        .action(async (paths: string[], options) => setExitCode(await validate(paths, options, io)));
    program.command('report')
        .configureOutput(oneLineErrors(io, 'kam report --help'))
        .description('write a summary report: one account, or the whole portfolio')
        .argument('[paths...]', '.kam files or folders', ['.'])
        .addOption(new Option('--format <format>', 'report format: Markdown, a self-contained HTML page with charts, the JSON view model, or a PowerPoint review deck (with --out)').choices(['md', 'html', 'json', 'pptx']).default('md'))
        .option('-o, --out <file>', 'write to this file instead of standard output')
        .option('-f, --force', 'overwrite an existing --out file (never a plan or another file the run read)')
        .option('--account <name>', 'report on this account only')
        .option('--since <revision>', 'with --format pptx: add what changed since this git tag, commit or date (yyyy-mm-dd)')
        .addOption(detailOption)
        .addOption(todayOption).addOption(rootOption).addOption(allowEmptyOption)
        .action(async (paths: string[], options) => setExitCode(await report(paths, options, io)));
    program.command('lsp')
        .configureOutput(oneLineErrors(io, 'kam lsp --help'))
        .description('start the KAM language server (for Neovim, Helix, Emacs …)')
        .option('--stdio', 'talk LSP over standard input and output')
        .option('--node-ipc', 'talk LSP over Node IPC')
        .action(async () => {
            const { startKamLanguageServer } = await import('../../server/src/start-server.js');
            startKamLanguageServer();
        });
    registerFormatCommand(program, io, setExitCode);
    registerDiffCommands(program, io, setExitCode);
    registerMcpCommand(program, io);
    registerImportCommand(program, io);
    program.addHelpText('after', `
Examples:
  kam validate examples                        check the plans under a folder
  kam validate plans/ --format json            the same, as JSON for a pipeline
  kam report examples --out portfolio.md       portfolio summary in Markdown
  kam report examples --format html -o p.html  the same with charts, one page
  kam report plans/nordwind-logistics.kam      one account on a page
  kam report a.kam --format pptx -o a.pptx     an account's review deck (pptx)
  kam lsp --stdio                              language server for other editors
  kam validate plans/ --format sarif           findings for code scanning
  kam format --check plans/                    exit 1 if a plan needs formatting
  kam diff                                     what changed since leaving main
  kam diff v2026-Q3 --format html -o d.html    since a tag, with charts
  kam diff --since 2026-09-30                  since the end of a day
  kam history plans/nordwind.kam               an account over the commits

Exit codes: 0 fine, 1 a plan has errors (kam validate), 2 bad usage.
Run kam <command> --help for a command's options.`);
    return program;
}

export async function runCli(argv: string[], io: Output = { out: (s) => console.log(s), err: (s) => console.error(s) }): Promise<number> {
    let exitCode = 0;
    const program = buildProgram(io, (code) => { exitCode = code; });
    if (argv.length === 0) {
        // `kam` alone: what it can do, on standard output, and no error.
        program.outputHelp();
        return 0;
    }
    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
        if (error instanceof CliError) {
            io.err(`kam: ${terminalLine(error.message)}`);
            return 2;
        }
        if (error instanceof CommanderError) {
            // commander has already printed help or the usage error.
            return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
        }
        throw error;
    }
    return exitCode;
}
