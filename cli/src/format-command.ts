/**
 * `kam format [--check] [paths...]`: the language server's formatter (lsp/kam-formatter.ts) on the
 * command line. It only changes whitespace; a plan with a syntax error is left exactly as it is
 * (its text cannot be laid out safely) and named. `--check` changes nothing and exits 1 when a
 * plan would change, as a CI step; without it, changed plans are rewritten in place, atomically.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Command } from 'commander';
import { Option } from 'commander';
import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { FormattingOptions } from 'vscode-languageserver-protocol';
import type { KamServices } from '../../language/src/kam-module.js';
import { CliError, fsReason } from './errors.js';
import { oneLineErrors, type Output } from './main.js';
import { loadPortfolio } from './portfolio-workspace.js';
import { terminalLine } from './terminal-text.js';

/** The layout the examples and the editor's format on save use. */
const PLAN_LAYOUT: FormattingOptions = { insertSpaces: true, tabSize: 4 };

export type FormatOutcome = { kind: 'unchanged' } | { kind: 'changed'; text: string } | { kind: 'syntax-error'; line: number };

/** What the formatter makes of one plan. */
export async function formatPlan(services: KamServices, document: LangiumDocument): Promise<FormatOutcome> {
    const { lexerErrors, parserErrors } = document.parseResult;
    if (lexerErrors.length + parserErrors.length > 0) return { kind: 'syntax-error', line: syntaxErrorLine(document) };
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options: PLAN_LAYOUT });
    const original = document.textDocument.getText();
    const text = TextDocument.applyEdits(document.textDocument, edits);
    return text === original ? { kind: 'unchanged' } : { kind: 'changed', text };
}

function syntaxErrorLine(document: LangiumDocument): number {
    const lexer = document.parseResult.lexerErrors[0];
    if (lexer?.line !== undefined) return lexer.line;
    const token = document.parseResult.parserErrors[0]?.token;
    return Number.isFinite(token?.startLine) ? token!.startLine! : 1;
}

/**
 * Writes a plan's new text in place without a moment where it is half written: a temporary file
 * beside it (through a symbolic link, beside the real file), the plan's permissions, then a rename.
 */
export function rewritePlan(file: string, text: string): void {
    const target = fs.realpathSync.native(file);
    const stats = fs.statSync(target);
    const temporary = path.join(path.dirname(target), `.${path.basename(target)}.kam-format-${process.pid}`);
    try {
        fs.writeFileSync(temporary, text, { mode: stats.mode & 0o777, flag: 'wx' });
        fs.renameSync(temporary, target);
    } catch (error) {
        fs.rmSync(temporary, { force: true });
        throw new CliError(`Cannot rewrite ${file}: ${fsReason(error)}. It is unchanged.`);
    }
}

async function format(paths: string[], options: { check?: boolean; root?: string; allowEmpty?: boolean }, io: Output): Promise<number> {
    const portfolio = await loadPortfolio(paths, { root: options.root, allowEmpty: options.allowEmpty });
    portfolio.notes.forEach((n) => io.err(`warning: ${terminalLine(n)}`));
    let changed = 0;
    let broken = 0;
    for (const document of portfolio.requested) {
        const file = path.relative(process.cwd(), document.uri.fsPath) || document.uri.fsPath;
        const outcome = await formatPlan(portfolio.services, document);
        if (outcome.kind === 'syntax-error') {
            broken++;
            io.err(terminalLine(`${file}: left as it is: syntax error on line ${outcome.line} (fix it, then format)`));
        } else if (outcome.kind === 'changed') {
            changed++;
            if (!options.check) rewritePlan(document.uri.fsPath, outcome.text);
            io.out(terminalLine(options.check ? `${file}: would be reformatted` : `${file}: formatted`));
        }
    }
    const plans = portfolio.requested.length;
    const summary = options.check
        ? `${changed} of ${plans} plan${plans === 1 ? '' : 's'} would be reformatted`
        : `${changed} of ${plans} plan${plans === 1 ? '' : 's'} reformatted`;
    io.err(`${summary}${broken ? `, ${broken} left as ${broken === 1 ? 'it is' : 'they are'} (syntax errors)` : ''}.`);
    return (options.check && changed > 0) || broken > 0 ? 1 : 0;
}

export function registerFormatCommand(program: Command, io: Output, setExitCode: (code: number) => void): void {
    program.command('format')
        .configureOutput(oneLineErrors(io, 'kam format --help'))
        .description('lay out plans as the editor does (whitespace only); --check changes nothing and exits 1 when a plan would change')
        .argument('[paths...]', '.kam files or folders', ['.'])
        .option('--check', 'change nothing; list the plans that would be reformatted and exit 1 if there are any')
        .addOption(new Option('--root <folder>', 'portfolio root whose plans are loaded for references (default: nearest folder with kam.config.json)'))
        .addOption(new Option('--allow-empty', 'a folder without plans is not an error'))
        .action(async (paths: string[], options) => setExitCode(await format(paths, options, io)));
}
