/**
 * The reviewer's findings in a sales director's words: no diagnostic codes, file paths, line numbers
 * or plan syntax. The reviewer's messages already name people and objectives by name and title; what
 * is left to take out is what only an author can use (the entry to write, the line it is on, the
 * config file to change). Authors get the codes, files and lines in the report's detail section.
 */
import type { ReviewFinding } from '../domain/findings.js';

/** Findings whose message is about the plan's text, not the account: one sentence a director can read. */
const SENTENCES: Record<string, string> = {
    'lexing-error': 'Part of the plan could not be read (a typing mistake in the file): its numbers are provisional until it is fixed.',
    'parsing-error': 'Part of the plan could not be read (a typing mistake in the file): its numbers are provisional until it is fixed.',
    'kam.review-waits-for-syntax-fix': 'The review of part of this plan waits until a typing mistake in it is fixed: its numbers are provisional.',
    'kam.duplicate-entry': 'The plan states one fact twice with different values; only the first counts until the author keeps one.',
    'kam.duplicate-name': 'Two things in the plan share a name, so references to them are ambiguous.',
    'kam.invalid-date': 'The plan holds a date that is not a real calendar date, or one with a mistyped year.',
    'validation-exception': 'The reviewer could not check part of this plan.',
};

/** How the linker names what a reference points at (Langium's AST type names), in plain words. */
const REFERENCE_KINDS: Record<string, string> = {
    TeamMember: 'a team member', Stakeholder: 'a stakeholder', Factor: 'a scoring factor', Account: 'an account',
    ScoringModel: 'a scoring model', Team: 'a team', Objective: 'an objective',
};

/**
 * The reviewer's instructions to authors, written in plan syntax, as a director reads them. Each is
 * the reviewer's own fixed wording (validation/*.ts), matched exactly where it stands, so the plan's
 * own words in a message (a title with backticks, a quoted action) are never changed.
 */
const AUTHOR_PHRASES: Array<[RegExp, string]> = [
    [/ \(`review cadence quarterly`\) and record `last reviewed`\.$/, ' and record when it was last reviewed.'],
    [/ and record `signed off by … on …`\.$/, ' and record who signed it off, and when.'],
    [/: add `how "…"`\.$/, '.'],
    [/ is tagged `(future|qualitative)`:/, ' is tagged $1:'],
    [/ Add "[^"]*" to currency\.rates in kam\.config\.json\.$/, ''],
    [/ Add "currency": \{ "reporting": "…", "rates": \{ … \} \}\.$/, ''],
];

/** Where a message names something by the id the author typed (a factor in the scores), to be said by its title. */
const ID_SLOTS: Record<string, RegExp> = {
    'kam.score-off-scale': /^(Score (?:too large|\S+) for )(\S+)( is off the scale)/,
};

/**
 * One finding as a director reads it. `accountTitle` is dropped from the front of the message when
 * the message starts with it, because the findings are listed under the account's name; `titles`
 * (ids to titles: the scoring model's factors) names what the message names by id.
 */
export function plainFinding(finding: Pick<ReviewFinding, 'code' | 'message'>, accountTitle?: string, titles: ReadonlyMap<string, string> = new Map()): string {
    const fixed = SENTENCES[finding.code];
    if (fixed) return fixed;
    if (finding.code === 'linking-error') {
        const kind = /reference to (\w+) named/.exec(finding.message)?.[1];
        return `The plan refers to ${REFERENCE_KINDS[kind ?? ''] ?? 'something'} that is not defined anywhere in the portfolio.`;
    }
    let text = finding.message;
    if (accountTitle && text.startsWith(`${accountTitle}: `)) text = capitalise(text.slice(accountTitle.length + 2));
    for (const [pattern, words] of AUTHOR_PHRASES) text = text.replace(pattern, words);
    const slot = ID_SLOTS[finding.code];
    if (slot) text = text.replace(slot, (whole, before: string, id: string, after: string) => titles.has(id) ? `${before}${titles.get(id)}${after}` : whole);
    return text;
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
