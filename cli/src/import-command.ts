/**
 * `kam import customers.csv`: a CRM export → the Pareto table, the ABC split, a first strategic
 * value and ranked key-account candidates (import/src), as a Markdown, HTML or JSON report; with
 * `--scaffold DIR`, a plan for each candidate. Settings (thresholds, today, the `import` section)
 * come from the kam.config.json of the portfolio: --root, else the nearest one above the export,
 * else above the current folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { isValidIsoDate, todayIso } from '../../language/src/domain/quantities.js';
import { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
import type { ImportContext, ImportReportFormat } from '../../import/src/index.js';
import { CliError, fsReason } from './errors.js';
import type { Output } from './main.js';
import { readRegularFileBytes } from './plan-files.js';
import { findConfigRoot } from './portfolio-workspace.js';
import { writeReportFile } from './report-file.js';
import { terminalLine, terminalSafeJson } from './terminal-text.js';

interface ImportCommandOptions {
    format: ImportReportFormat;
    out?: string;
    force?: boolean;
    scaffold?: string;
    candidates?: string;
    encoding?: string;
    delimiter?: string;
    today?: string;
    root?: string;
}

/** The kam.config.json that applies, and what the import takes from it. */
function portfolioSettings(csv: string, root: string | undefined, importContext: (raw: unknown) => ImportContext): ImportContext & { file?: string } {
    const folder = root ? path.resolve(root) : findConfigRoot(path.dirname(path.resolve(csv))) ?? findConfigRoot(process.cwd());
    const file = folder && path.join(folder, CONFIG_FILE);
    if (!file || !fs.existsSync(file)) return importContext(undefined);
    let raw: unknown;
    try {
        raw = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
        throw new CliError(`${file} ${error instanceof SyntaxError ? `is not valid JSON (${error.message})` : `cannot be read: ${fsReason(error)}`}.`);
    }
    const context = importContext(raw);
    return { ...context, file, problems: context.problems.map((p) => `${file}: ${p}`) };
}

async function importCommand(csv: string, options: ImportCommandOptions, io: Output): Promise<void> {
    if (options.today !== undefined && !isValidIsoDate(options.today)) throw new CliError(`--today must be a date written as yyyy-mm-dd, not "${options.today}".`);
    const candidates = options.candidates === undefined ? undefined : Number(options.candidates);
    if (candidates !== undefined && (!Number.isInteger(candidates) || candidates < 1)) throw new CliError(`--candidates must be a whole number from 1, not "${options.candidates}".`);
    if (options.delimiter !== undefined && [...(options.delimiter === '\\t' ? '\t' : options.delimiter)].length !== 1) throw new CliError(`--delimiter must be one character (or \\t for tab), not "${options.delimiter}".`);
    const { EncodingError, ExportError, importContext, importCustomers, renderImportReport, scaffoldPlans } = await import('../../import/src/index.js');
    const config = portfolioSettings(csv, options.root, importContext);
    config.problems.forEach((p) => io.err(`warning: ${terminalLine(p)}`));
    let bytes: Buffer;
    try {
        bytes = readRegularFileBytes(csv);
    } catch (error) {
        throw new CliError(`Cannot read the export ${csv}: ${fsReason(error)}.`);
    }
    const today = options.today ?? config.today ?? todayIso();
    let result;
    try {
        result = importCustomers(bytes, {
            source: path.basename(csv), today, settings: config.settings, keyThreshold: config.keyThreshold, paretoLimit: config.paretoLimit,
            candidates, encoding: options.encoding, delimiter: options.delimiter === '\\t' ? '\t' : options.delimiter,
        });
    } catch (error) {
        if (error instanceof ExportError || error instanceof EncodingError) throw new CliError(`${csv}: ${error.message}`);
        throw error;
    }
    const content = renderImportReport(result.view, options.format);
    const inputs = new Set([fs.realpathSync.native(csv), ...(config.file ? [config.file] : [])]);
    if (options.out) {
        writeReportFile(options.out, content, { force: options.force, inputs });
        io.err(terminalLine(`Wrote ${options.out}: ${result.view.read.customers} customer${result.view.read.customers === 1 ? '' : 's'}, ${result.view.candidates.length} candidate${result.view.candidates.length === 1 ? '' : 's'}.`));
    } else {
        io.out(options.format === 'json' ? terminalSafeJson(content) : content);
    }
    const problems = result.exported.problems;
    if (problems.length) io.err(terminalLine(`${problems.length} problem${problems.length === 1 ? '' : 's'} in ${csv} (each with its line in the report's Problems), e.g. line ${problems[0].line}: ${problems[0].message}`));
    if (options.scaffold) {
        const scaffolded = scaffoldPlans(result.analysis.candidates, options.scaffold, { today, source: path.basename(csv), settings: config.settings });
        for (const file of scaffolded.kept) io.err(terminalLine(`${file} exists; left as it is.`));
        io.err(terminalLine(`Wrote ${scaffolded.written.length} plan${scaffolded.written.length === 1 ? '' : 's'} to ${options.scaffold}; run kam validate ${options.scaffold} to see what each still needs.`));
    }
}

export function registerImportCommand(program: Command, io: Output): void {
    program.command('import')
        .description('read a CRM export (CSV): Pareto table, ABC split, a first strategic value and ranked key-account candidates; --scaffold writes their plans')
        .argument('<file>', 'the CRM export: CSV with a header line, any delimiter and encoding')
        .addOption(new Option('--format <format>', 'report format').choices(['md', 'html', 'json']).default('md'))
        .option('-o, --out <file>', 'write the report to this file instead of standard output')
        .option('-f, --force', 'overwrite an existing --out file')
        .option('--scaffold <folder>', 'write a plan for each candidate into this folder (existing files are never overwritten)')
        .option('--candidates <n>', 'how many candidates to list and scaffold (default 20, or import.candidates in kam.config.json)')
        .option('--encoding <name>', 'the export\'s encoding, when detection guesses wrong (utf-8, utf-16le, windows-1252, latin1 …)')
        .option('--delimiter <char>', 'the field delimiter, when detection guesses wrong (\\t for tab)')
        .addOption(new Option('--today <date>', 'the date the report and plans are as of (yyyy-mm-dd)'))
        .addOption(new Option('--root <folder>', 'the portfolio whose kam.config.json applies (default: the nearest above the export, else above the current folder)'))
        .action((file: string, options: ImportCommandOptions) => importCommand(file, options, io));
}
