/** Options of `kam report` beyond the format and the output file. */
import { Option } from 'commander';

/** The portfolio report is for leadership: codes, files and lines only when an author asks for them. */
export const detailOption = new Option('--detail', "keep the findings' codes, files and lines for the plans' authors (a last section in Markdown, a folded one in HTML)");
