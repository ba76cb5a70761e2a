/** Options of `kam report` beyond the format and the output file. */
import { Option } from 'commander';
import { CliError } from './errors.js';

/** The portfolio report is for leadership: codes, files and lines only when an author asks for them. */
export const detailOption = new Option('--detail', "keep the findings' codes, files and lines for the plans' authors (a last section in Markdown, a folded one in HTML)");

/** Refuses a deck without --out before any work: a PowerPoint file is not for a terminal. */
export function checkDeckOptions(format: string, options: { out?: string; since?: string }): void {
    if (format === 'pptx' && !options.out) throw new CliError('--format pptx writes a PowerPoint file: give --out FILE, e.g. -o review.pptx.');
    if (options.since !== undefined && format !== 'pptx') throw new CliError('--since adds "what changed" to a review deck: use it with --format pptx (kam diff compares in the other formats).');
}
