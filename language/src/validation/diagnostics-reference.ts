/** Renders docs/diagnostics.md, the reference of every reviewer code, from the code table. */
import { DIAGNOSTICS, type DiagnosticInfo } from './diagnostic-codes.js';

const AREA_TITLES: Record<DiagnosticInfo['area'], string> = {
    stakeholders: 'Stakeholders: the decision-making unit',
    scoring: 'The scoring model and the scores',
    accounts: 'The account',
    'renewals-and-reviews': 'Renewals, reviews and the joint plan',
    pipeline: 'The pipeline, whitespace and currencies',
    completeness: 'Plan completeness: the five elements of an action plan',
    objectives: 'Objectives and actions',
    'feedback-and-risks': 'Feedback and risks',
    portfolio: 'The portfolio',
    names: 'Names, references and dates',
    entries: 'Entries, numbers and syntax errors',
};

export function renderDiagnosticsReference(): string {
    const out = [
        '# The reviewer\'s diagnostics',
        '',
        '<!-- Generated from language/src/validation/diagnostic-codes.ts by `npm run docs:diagnostics`; do not edit by hand. -->',
        '',
        'Every finding of the KAM plan reviewer carries a stable code. Change a code\'s severity, or switch it off, with the',
        '`kam.severity` setting in VS Code or `"severity"` in `kam.config.json`:',
        '',
        '```json',
        '{ "severity": { "kam.missing-champion": "information", "kam.no-risks": "off" } }',
        '```',
        '',
        'Severities: **error** where the numbers would be wrong, **warning** for risks to the relationship or the plan,',
        '**information** for advice. Codes marked *quick fix* offer a fix from the light bulb (Ctrl+.).',
        '',
    ];
    for (const [area, title] of Object.entries(AREA_TITLES)) {
        out.push(`## ${title}`, '');
        for (const [code, info] of Object.entries(DIAGNOSTICS).filter(([, i]) => i.area === area)) {
            out.push(`### \`${code}\``, '');
            out.push(`*${info.severity}*${info.quickFix ? ' · *quick fix*' : ''}`, '');
            out.push(info.meaning, '');
            out.push('```kam', info.example, '```', '');
            out.push(`**Fix:** ${info.fix}`, '');
        }
    }
    out.push('## Syntax errors', '',
        'Text the parser cannot read carries the codes `lexing-error` (a character no word starts with, a text without its closing quote) and `parsing-error` (an unknown entry, a value that is not one of the allowed ones, a missing `}`); the message names the entry, suggests the nearest word and lists what is allowed there. The parser skips only the bad entry and reads on, so the rest of the block and the file are still checked; findings that something is missing wait for the fix (`kam.review-waits-for-syntax-fix`).', '');
    return out.join('\n');
}
