/** Markdown building blocks shared by the hover and the summary reports. */
import type { AccountScorecard } from '../domain/scorecard.js';
import { oneLine } from '../domain/plain-text.js';
import { formatPercent, formatPlain, formatScore } from '../domain/quantities.js';
import { pipelineText, renewalText, rhythmText } from './account-calendar.js';

/**
 * Plan text as Markdown text, on one line: what the writer typed is what the reader sees, in a
 * report on GitHub, in a wiki or in an editor's hover. The text can never become markup (no HTML,
 * link, image, autolink, heading, list, quote, code, emphasis, strikethrough, math, entity or table
 * cell), wherever it lands: in a table cell, after a label, or at the start of a line.
 *
 * CommonMark lets any ASCII punctuation be escaped with a backslash, so characters that can be markup
 * anywhere are always escaped (`\\ \` * _ [ ] < > ~ | $`); the others only where they would be
 * markup: `&` before an entity, `:` in `://` and the `.` of `www.` (GFM's bare-URL links), `@` in an
 * e-mail address, `#` `-` `+` `=` `1.` `1)` at the start, and a closing run of `#` at the end (an ATX
 * heading's closing sequence). Letters, digits and other punctuation stay as typed. (GitHub alone
 * links an e-mail address whatever is escaped: it looks for them after escapes are resolved. A
 * mailto: link is all that can come of it; changing the address would be worse.)
 *
 * Line breaks become spaces (a line break could start any block), control characters show as their
 * symbols (ESC as ␛: they are invisible, and a report may be read in a terminal), and the bidi
 * embeddings, overrides and isolates (U+202A-202E, U+2066-2069) are left out: they would reorder
 * the words after them, ours too (a finding quotes plan text mid-sentence), and Markdown has no
 * element to contain them. Text is shown in the order it was typed.
 */
export function escapeMarkdown(text: string): string {
    return oneLine(text)
        .replace(/[\\`*_[\]<>~|$]/g, '\\$&')
        .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/(www)\./gi, '$1\\.')
        .replace(/(?<=[A-Za-z0-9.+_-])@(?=[A-Za-z0-9_-])/g, '\\@')
        .replace(/^(?:#(?=#{0,5}(?:\s|$))|[-+](?=\s|$)|-(?=[ \t]*-)|=(?=[=\s]*$))/, '\\$&')
        .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2')
        .replace(/(\s)#(?=#*\s*$)/, '$1\\#');
}

/** A table cell: plan text escaped (pipes included), a number as is, nothing as a dash. */
export function cell(text: string | number | undefined): string {
    if (text === undefined) return '—';
    return escapeMarkdown(String(text));
}


/** Markup that the table's author wrote on purpose, kept as is by `table`. */
export class Markup {
    constructor(readonly text: string) {}
}

export type Cell = string | number | undefined | Markup;

/** A Markdown table; `numeric` columns are right-aligned. User text in cells is escaped. */
export function table(header: string[], rows: Cell[][], numeric: number[] = []): string {
    const lines = [`| ${header.join(' | ')} |`, `| ${header.map((_, i) => (numeric.includes(i) ? '---:' : '---')).join(' | ')} |`];
    for (const row of rows) lines.push(`| ${row.map((c) => (c instanceof Markup ? c.text : cell(c))).join(' | ')} |`);
    return lines.join('\n');
}

/** A table without the columns nobody filled in (every cell empty): a reader should not scan dashes. */
export function compactTable(header: string[], rows: Cell[][], numeric: number[] = []): string {
    const empty = (c: Cell) => c === undefined || c === '' || (c instanceof Markup && c.text === '');
    const keep = header.map((_, i) => i === 0 || rows.some((row) => !empty(row[i])));
    const pick = <T>(items: T[]) => items.filter((_, i) => keep[i]);
    const kept = header.map((_, i) => i).filter((i) => keep[i]);
    return table(pick(header), rows.map(pick), numeric.filter((i) => keep[i]).map((i) => kept.indexOf(i)));
}

/** The strategic-value breakdown: factor, weight, score, weighted contribution. */
export function scoreBreakdownTable(card: AccountScorecard): string {
    const rows: Cell[][] = card.strategicValue.contributions.map((c) => [c.factor.title, formatPercent(c.factor.weight), formatPlain(c.score), formatScore(c.contribution)]);
    const floor = card.strategicValue.unscored.length ? card.strategicValue.unscoredContribution / card.strategicValue.unscored.reduce((sum, f) => sum + f.weight, 0) : 0;
    for (const f of card.strategicValue.unscored) rows.push([f.title, formatPercent(f.weight), 'not scored (counts as the minimum)', formatScore(f.weight * floor)]);
    rows.push([new Markup('**Strategic value**'), '', '', new Markup(`**${formatScore(card.strategicValue.value)}**`)]);
    return table(['Factor', 'Weight', 'Score', 'Contribution'], rows, [1, 2, 3]);
}

/**
 * One line: "Strategic value 7.4 · Star · relationship 5.1 · plan 4/5". For an account read only
 * in part (a syntax error), the numbers are marked provisional and no quadrant is given.
 */
export function headline(card: AccountScorecard): string {
    if (card.syntaxErrorLine !== undefined) {
        return `Numbers provisional until the syntax error on line ${card.syntaxErrorLine} is fixed · strategic value ~${formatScore(card.strategicValue.value)} · relationship ~${formatScore(card.relationship.value)}`;
    }
    const parts = [`Strategic value ${formatScore(card.strategicValue.value)}`];
    if (card.quadrant) parts.push(card.quadrant);
    parts.push(`relationship ${formatScore(card.relationship.value)}`);
    parts.push(completenessLabel(card));
    return parts.join(' · ');
}

/** "plan 4/5": the elements of an action plan present. */
export function completenessLabel(card: Pick<AccountScorecard, 'completeness'>): string {
    return `plan ${card.completeness.present}/${card.completeness.total}`;
}

/** Renewal, review rhythm and pipeline as Markdown paragraphs (each preceded by a blank line), for the hover. */
export function accountCalendarLines(card: AccountScorecard): string[] {
    const lines: string[] = [];
    const add = (label: string, text: string | undefined) => {
        if (text) lines.push('', `**${label}** ${escapeMarkdown(text)}`);
    };
    add('Renewal', renewalText(card));
    add('Reviews', rhythmText(card));
    add('Pipeline', pipelineText(card));
    return lines;
}
