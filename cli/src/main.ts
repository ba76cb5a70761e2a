/**
 * `kam`: the KAM plan language on the command line, for CI pipelines and people outside VS Code.
 *   kam validate <paths...>   check plans; exit code 1 when any has errors
 *   kam report <paths...>     the portfolio (or single-account) summary report
 *   kam lsp --stdio           the language server, for any LSP editor
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, Option } from 'commander';
import type { LangiumDocument } from 'langium';
import { reviewDocument, toFinding } from '../../language/src/analysis/review.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { renderAccountReport, renderPortfolioReport, type ReportKind } from '../../language/src/reports/render-report.js';
import { teamDirectory } from '../../language/src/analysis/team-directory.js';
import { formatScore } from '../../language/src/domain/quantities.js';
import { countBySeverity } from '../../language/src/domain/findings.js';
import { CliError, loadPortfolio, type LoadedPortfolio } from './portfolio-workspace.js';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';

interface Output {
    out: (text: string) => void;
    err: (text: string) => void;
}

function relative(root: string, document: LangiumDocument): string {
    return path.relative(process.cwd(), document.uri.fsPath) || path.relative(root, document.uri.fsPath);
}

function reviewed(portfolio: LoadedPortfolio): ReviewedAccount[] {
    const analyzer = portfolio.services.analysis.PlanAnalyzer;
    return portfolio.requested.flatMap((d) => reviewDocument(analyzer, d, relative(portfolio.root, d)));
}

function validateTodayOption(today: string | undefined): string | undefined {
    if (today !== undefined && !isValidIsoDate(today)) throw new CliError(`--today must be a date written as yyyy-mm-dd, not "${today}".`);
    return today;
}

async function validate(paths: string[], options: { format: string; today?: string; root?: string }, io: Output): Promise<number> {
    const portfolio = await loadPortfolio(paths, { root: options.root, today: validateTodayOption(options.today) });
    portfolio.settingsProblems.forEach((p) => io.err(`warning: ${p}`));
    const files = portfolio.requested.map((d) => ({ file: relative(portfolio.root, d), findings: (d.diagnostics ?? []).map(toFinding) }));
    const accounts = reviewed(portfolio);
    const all = files.flatMap((f) => f.findings);
    const counts = countBySeverity(all);
    if (options.format === 'json') {
        io.out(JSON.stringify({
            files,
            accounts: accounts.map(({ card, source }) => ({
                name: card.plan.name, title: card.plan.title, file: source,
                strategicValue: card.strategicValue.value, relationshipStrength: card.relationship.value, quadrant: card.quadrant ?? null,
            })),
            summary: { files: files.length, accounts: accounts.length, ...counts },
        }, null, 2));
    } else {
        for (const f of files) {
            for (const d of f.findings) io.out(`${f.file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`);
        }
        if (all.length) io.out('');
        for (const { card, findings, source } of accounts) {
            const c = countBySeverity(findings);
            io.out(`${card.plan.title} (${source}): strategic value ${formatScore(card.strategicValue.value)}, relationship ${formatScore(card.relationship.value)}, ` +
                `${card.quadrant ?? 'no quadrant'}; ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}`);
        }
        io.out(`${files.length} file${files.length === 1 ? '' : 's'}, ${accounts.length} account${accounts.length === 1 ? '' : 's'}: ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}, ${counts.information + counts.hint} note${counts.information + counts.hint === 1 ? '' : 's'}.`);
    }
    return counts.error > 0 ? 1 : 0;
}

async function report(paths: string[], options: { format: string; out?: string; force?: boolean; account?: string; today?: string; root?: string }, io: Output): Promise<number> {
    const portfolio = await loadPortfolio(paths, { root: options.root, today: validateTodayOption(options.today) });
    portfolio.settingsProblems.forEach((p) => io.err(`warning: ${p}`));
    const settings = portfolio.services.analysis.ReviewSettings;
    let accounts = reviewed(portfolio);
    if (options.account) {
        accounts = accounts.filter((a) => a.card.plan.name === options.account || a.card.plan.title === options.account);
        if (accounts.length === 0) throw new CliError(`No account named "${options.account}" in ${paths.join(', ')}.`);
    }
    const context = { today: settings.today(), thresholds: settings.settings.thresholds, people: teamDirectory(portfolio.services.shared.workspace.LangiumDocuments) };
    const format = options.format as ReportKind;
    const content = accounts.length === 1 && (options.account || portfolio.requested.length === 1)
        ? renderAccountReport(accounts, format, context)
        : renderPortfolioReport(accounts, format, context);
    if (options.out) {
        if (fs.existsSync(options.out) && !options.force) {
            throw new CliError(`${options.out} exists; pass --force to overwrite it.`);
        }
        fs.mkdirSync(path.dirname(path.resolve(options.out)), { recursive: true });
        fs.writeFileSync(options.out, content);
        io.err(`Wrote ${options.out} (${accounts.length} account${accounts.length === 1 ? '' : 's'}).`);
    } else {
        io.out(content);
    }
    return 0;
}

export function buildProgram(io: Output, setExitCode: (code: number) => void): Command {
    const program = new Command('kam')
        .description('KAM Plans: check key-account plans and report on the portfolio.')
        .version('0.1.0')
        .showHelpAfterError()
        .configureOutput({ writeOut: (s) => io.out(s.trimEnd()), writeErr: (s) => io.err(s.trimEnd()) })
        .exitOverride();
    const todayOption = new Option('--today <date>', 'review as of this date (yyyy-mm-dd), for reproducible runs');
    const rootOption = new Option('--root <folder>', 'portfolio root whose plans are loaded for references (default: nearest folder with kam.config.json)');
    program.command('validate')
        .description('check plans and print each account\'s strategic value, quadrant and findings; exit code 1 on errors')
        .argument('[paths...]', '.kam files or folders', ['.'])
        .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
        .addOption(todayOption).addOption(rootOption)
        .action(async (paths: string[], options) => setExitCode(await validate(paths, options, io)));
    program.command('report')
        .description('write a summary report: one account, or the whole portfolio')
        .argument('[paths...]', '.kam files or folders', ['.'])
        .addOption(new Option('--format <format>', 'report format: Markdown, a self-contained HTML page with charts, or the JSON view model').choices(['md', 'html', 'json']).default('md'))
        .option('-o, --out <file>', 'write to this file instead of standard output')
        .option('-f, --force', 'overwrite an existing --out file')
        .option('--account <name>', 'report on this account only')
        .addOption(todayOption).addOption(rootOption)
        .action(async (paths: string[], options) => setExitCode(await report(paths, options, io)));
    program.command('lsp')
        .description('start the KAM language server (for Neovim, Helix, Emacs …)')
        .option('--stdio', 'talk LSP over standard input and output')
        .option('--node-ipc', 'talk LSP over Node IPC')
        .action(async () => {
            const { startKamLanguageServer } = await import('../../server/src/start-server.js');
            startKamLanguageServer();
        });
    program.addHelpText('after', `
Examples:
  kam validate examples                        check the plans under a folder
  kam validate plans/ --format json            the same, as JSON for a pipeline
  kam report examples --out portfolio.md       portfolio summary in Markdown
  kam report examples --format html -o p.html  the same with charts, one page
  kam report plans/nordwind-logistics.kam      one account on a page
  kam lsp --stdio                              language server for other editors

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
            io.err(`kam: ${error.message}`);
            return 2;
        }
        if (error && typeof error === 'object' && 'exitCode' in error && 'code' in error) {
            // commander has already printed help or the usage error.
            const code = (error as { exitCode: number; code: string }).code;
            return code === 'commander.helpDisplayed' || code === 'commander.version' || code === 'commander.help' ? 0 : 2;
        }
        throw error;
    }
    return exitCode;
}
