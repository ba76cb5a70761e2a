/** Markdown building blocks shared by the hover and the summary reports. */
import type { AccountScorecard } from '../domain/scorecard.js';
import { formatPercent, formatPlain, formatScore } from '../domain/quantities.js';

/** Markdown table cells may hold any user text: pipes and line breaks must not break the table. */
export function cell(text: string | number | undefined): string {
    if (text === undefined) return '—';
    return String(text).replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/([<>*_`[\]])/g, '\\$1');
}

/**
 * Plan text inside Markdown prose: every character Markdown could read as markup is escaped, so
 * what the writer typed stays text (no link, heading, image, HTML, emphasis or entity).
 */
export function escapeMarkdown(text: string): string {
    return text.replace(/[\r\n]+/g, ' ').replace(/[\\`*_{}[\]()#+\-.!|<>~&:]/g, '\\$&');
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
