/**
 * The diff as a pull-request comment: a short headline and one table row per changed account
 * first, what changed in the portfolio, then each account's details folded in `<details>`. GitHub
 * takes comments up to 65,536 characters; past a budget the remaining accounts are counted, not
 * listed (the JSON and HTML formats have them all).
 */
import { escape as escapeHtml } from 'html-escaper';
import { oneLine } from '../domain/plain-text.js';
import { formatAmount } from '../domain/quantities.js';
import { escapeMarkdown, Markup, table } from '../reports/markdown-tables.js';
import { accountChangeLines, completenessChange, diffHeadline, findingsChange, revisionText, scoreChange, signed, valueChange } from './diff-words.js';
import type { AccountDiff, PortfolioDiff } from './portfolio-diff.js';

/** Well under GitHub's 65,536-character limit for a comment, leaving room for a bot's own words. */
export const PR_COMMENT_BUDGET = 60_000;
const TABLE_ROWS = 50;

function quadrantCell(d: AccountDiff): string {
    if (d.quadrant.before === d.quadrant.after) return d.quadrant.after ?? '—';
    return `${d.quadrant.before ?? '—'} → **${d.quadrant.after ?? '—'}**`;
}

function accountCell(d: AccountDiff): Markup {
    const note = d.kind === 'added' ? ' *(new)*' : d.kind === 'removed' ? ' *(removed)*' : '';
    return new Markup(`${escapeMarkdown(d.title)}${note}`);
}

function details(d: AccountDiff): string {
    const lines = accountChangeLines(d);
    const summary = `${oneLine(d.title)}: ${[
        d.strategicValue.delta ? `strategic value ${signed(d.strategicValue.delta)}` : undefined,
        d.relationship.delta ? `relationship ${signed(d.relationship.delta)}` : undefined,
        d.quadrant.before !== d.quadrant.after && d.kind === 'changed' ? valueChange(d.quadrant) : undefined,
        d.kind === 'added' ? 'new plan' : d.kind === 'removed' ? 'removed' : undefined,
    ].filter(Boolean).join(', ') || `${lines.length} change${lines.length === 1 ? '' : 's'}`}`;
    const findings = [
        ...d.findings.added.map((f) => `- new ${f.severity} \`${f.code}\`: ${escapeMarkdown(f.message)}`),
        ...d.findings.resolved.map((f) => `- resolved \`${f.code}\`: ${escapeMarkdown(f.message)}`),
    ];
    return [
        `<details><summary>${escapeHtml(summary)}</summary>`,
        '',
        ...lines.map((l) => `- **${l.label}:** ${escapeMarkdown(l.text)}`),
        ...(findings.length ? ['', '**Reviewer**', '', ...findings] : []),
        '',
        '</details>',
    ].join('\n');
}

export function diffMarkdown(diff: PortfolioDiff, options: { budget?: number } = {}): string {
    const budget = options.budget ?? PR_COMMENT_BUDGET;
    const out: string[] = [
        '## Key account plans: what changed',
        '',
        `${escapeMarkdown(revisionText(diff.base))} → ${escapeMarkdown(revisionText(diff.head))}`,
        '',
        `**${escapeMarkdown(diffHeadline(diff))}**`,
        '',
    ];
    if (diff.accounts.length === 0) {
        out.push('No account plan changed in meaning: no number, quadrant, stakeholder, commitment or finding moved.', '');
        return out.join('\n');
    }
    const shown = diff.accounts.slice(0, TABLE_ROWS);
    out.push(table(['Account', 'Strategic value', 'Relationship', 'Quadrant', 'Plan', 'Findings'],
        shown.map((d) => [accountCell(d), scoreChange(d.strategicValue), scoreChange(d.relationship), new Markup(quadrantCell(d)), completenessChange(d), findingsChange(d)]),
        [1, 2]));
    if (diff.accounts.length > shown.length) out.push('', `…and ${diff.accounts.length - shown.length} more changed accounts (see \`kam diff --format json\` or \`--format html\`).`);
    out.push('');
    const portfolio: string[] = [];
    if (diff.quadrantMoves.length) {
        portfolio.push(`- **Moved quadrant:** ${diff.quadrantMoves.slice(0, 20).map((m) => `${escapeMarkdown(m.title)} (${m.from ?? '—'} → ${m.to ?? '—'})`).join('; ')}${diff.quadrantMoves.length > 20 ? `; …and ${diff.quadrantMoves.length - 20} more` : ''}`);
    }
    if (diff.topMovers.length) {
        portfolio.push(`- **Top movers:** ${diff.topMovers.map((m) => `${escapeMarkdown(m.title)} (value ${m.strategicValue.delta === undefined ? '—' : signed(m.strategicValue.delta)}, relationship ${m.relationship.delta === undefined ? '—' : signed(m.relationship.delta)})`).join('; ')}`);
    }
    const p = diff.pareto;
    if (p.accounts.before || p.accounts.after) {
        const total = p.total.before === p.total.after ? formatAmount(p.total.after!) : `${formatAmount(p.total.before!)} → ${formatAmount(p.total.after!)}`;
        portfolio.push(`- **Revenue concentration:** the top fifth brings ${valueChange({ before: p.topFifthShare.before?.toFixed(0), after: p.topFifthShare.after?.toFixed(0) }, (s) => `${s}%`)} of revenue`
            + ` (limit ${p.limit}%${p.overLimit.after ? ', over it' : ''}); ${valueChange(p.accountsFor80Percent, String)} accounts bring 80%; total ${total}${p.currency ? ` ${escapeMarkdown(p.currency)}` : ''}`);
    }
    if (diff.unreadable.after?.length) {
        portfolio.push(`- **Not read whole now (syntax errors):** ${diff.unreadable.after.map((u) => `${escapeMarkdown(u.source)} line ${u.line}`).join('; ')}`);
    }
    if (portfolio.length) out.push('### Portfolio', '', ...portfolio, '');
    out.push('### Accounts', '');
    let length = out.join('\n').length;
    let folded = 0;
    for (const d of diff.accounts) {
        const block = details(d);
        if (length + block.length + 200 > budget) {
            folded++;
            continue;
        }
        out.push(block, '');
        length += block.length + 2;
    }
    if (folded) out.push(`…the details of ${folded} more account${folded === 1 ? '' : 's'} do not fit in a comment (see \`kam diff --format html\`).`, '');
    return out.join('\n');
}
