/**
 * Every payload of the hostile-text corpus in every string of a rich plan, through every output:
 * the Markdown reports and hovers (parsed as GitHub and VS Code parse them), the HTML reports, inlay
 * hints and code lenses. Each output is compared with the same plan holding a harmless text in the
 * same places: the payload may change no structure (no link, image, HTML, heading, list, emphasis,
 * strikethrough, table column that the harmless text did not have), and the reader sees what the
 * writer typed, character for character (line breaks read as spaces, no white space at the ends,
 * control characters shown as their symbols, e.g. ␛, bidi embeddings and overrides left out).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { oneLine } from '../../language/src/domain/plain-text.js';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { teamDirectory } from '../../language/src/analysis/team-directory.js';
import { cell, escapeMarkdown } from '../../language/src/reports/markdown-tables.js';
import { renderAccountReport, renderPortfolioReport, type ReportContext } from '../../language/src/reports/render-report.js';
import { HARMLESS, PAYLOADS, planString } from '../helpers/hostile-text.js';
import { brokenTables, markedSkeleton, mdastSkeleton, parseGfm, visibleLines } from '../helpers/markdown-structure.js';
import { buildWorkspace, TEST_TODAY, type TestWorkspace } from '../helpers/workspace.js';

/** The scoring model, the team and a plan using every kind of string the grammar has, each holding `text`. */
function richPortfolio(text: string): Record<string, string> {
    const s = planString(text);
    return {
        'model.kam': `scoring model Model ${s} {
    scale 1 to 10
    factor fit ${s} weight 50% qualitative future description ${s}
    factor size ${s} weight 50% quantitative past
}
`,
        'team.kam': `team Sales ${s} {
    member anna ${s} title ${s} capacity 3 key accounts
    member ben ${s} title ${s}
}
`,
        'rich.kam': `account Rich ${s} {
    industry ${s}
    tier key
    status key
    strategy grow
    owner anna
    backup owner ben
    revenue current 6M EUR potential 9M EUR
    relationship stage cooperative
    value proposition ${s}
    customer {
        goal ${s}
        market ${s}
        strategy ${s}
        organisation ${s}
    }
    scores {
        fit 7 because ${s}
        size 5 because ${s}
    }
    stakeholder boss ${s} {
        title ${s}
        role executive, finance
        influence high
        stance supporter
        relationship owner anna
        trusted advisor 8
        strategic partner 6
        cadence monthly
        last contact 2026-11-12
        expects product ${s} status met how ${s}
    }
    stakeholder aide ${s} {
        title ${s}
        role user
        influence medium
        stance champion
        reports to boss
    }
    objective uptime ${s} {
        owner anna
        due 2027-06-30
        agreed with boss
        kpi ${s} current 12 target 8 unit ${s} lower-is-better
        milestone ${s} due 2027-03-31 status planned
        action ${s} owner ben due 2026-11-01 status in-progress
    }
    feedback ${s} {
        from boss
        received 2026-10-01
        action ${s} owner anna due 2026-12-15
    }
    risk ${s} { likelihood medium impact high contingency ${s} owner anna }
    opportunity ${s} { kind cross-sell value 400k EUR with boss owner anna due 2027-09-30 }
    competitor ${s} {
        share 30%
        strength ${s}
        warning sign ${s}
    }
}
`,
    };
}

interface Outputs {
    markdown: Record<string, string>;
    html: Record<string, string>;
    /** Inlay hint labels and tooltips, code lens titles: plain text. */
    plain: Record<string, unknown>;
}

async function hoverAt(workspace: TestWorkspace, document: LangiumDocument, before: string, word: string): Promise<string> {
    const text = document.textDocument.getText();
    const at = text.indexOf(before + word);
    if (at < 0) throw new Error(`${before + word} not in ${document.uri}`);
    const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(at + before.length),
    });
    const contents = result?.contents as { kind: string; value: string } | undefined;
    expect(contents?.kind).toBe('markdown');
    return contents!.value;
}

async function render(text: string): Promise<Outputs> {
    const workspace = await buildWorkspace(richPortfolio(text));
    const analyzer = workspace.services.analysis.PlanAnalyzer;
    const accounts = [...workspace.documents.entries()].flatMap(([name, d]) => reviewDocument(analyzer, d, name));
    const context: ReportContext = {
        today: TEST_TODAY,
        thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds,
        people: teamDirectory(workspace.services.shared.workspace.LangiumDocuments),
    };
    const rich = workspace.document('rich.kam');
    const lsp = workspace.services.lsp;
    const hints = await lsp.InlayHintProvider!.getInlayHints(rich, {
        textDocument: { uri: rich.uri.toString() },
        range: { start: { line: 0, character: 0 }, end: rich.textDocument.positionAt(rich.textDocument.getText().length) },
    });
    const lenses = [rich, workspace.document('model.kam')].flatMap((d) => lsp.CodeLensProvider!.provideCodeLens(d, { textDocument: { uri: d.uri.toString() } }) as Array<{ command?: { title: string } }>);
    return {
        markdown: {
            'account report': renderAccountReport(accounts, 'md', context),
            'portfolio report': renderPortfolioReport(accounts, 'md', context),
            'account hover': await hoverAt(workspace, rich, 'account ', 'Rich'),
            'stakeholder hover': await hoverAt(workspace, rich, 'stakeholder ', 'boss'),
            'stakeholder reference hover': await hoverAt(workspace, rich, 'with ', 'boss'),
            'factor hover': await hoverAt(workspace, workspace.document('model.kam'), 'factor ', 'fit'),
            'team member hover': await hoverAt(workspace, workspace.document('team.kam'), 'member ', 'anna'),
        },
        html: {
            'account report': renderAccountReport(accounts, 'html', context),
            'portfolio report': renderPortfolioReport(accounts, 'html', context),
        },
        plain: {
            'inlay hints': (hints ?? []).map((h) => ({ label: h.label, tooltip: h.tooltip })),
            'code lenses': lenses.map((l) => l.command?.title),
        },
    };
}

// ---------------------------------------------------------------- what the reader sees

const BIDI = /[\u202A-\u202E\u2066-\u2069]/;

/** The plan text as the reader should see it: line breaks as spaces, control characters as their symbols, no bidi controls. */
function expectedVisible(text: string): string {
    return [...text.replace(/\r\n|[\r\n]/g, ' ')]
        .map((c) => {
            const code = c.codePointAt(0)!;
            if (code < 0x20 && c !== '\t') return String.fromCodePoint(0x2400 + code);
            if (code === 0x7f) return '\u2421';
            if (code >= 0x80 && code <= 0x9f) return '\uFFFD';
            return c;
        })
        .filter((c) => !BIDI.test(c))
        .join('');
}

interface Char { c: string; ours: boolean; depth: number }

/** Runs of white space as one space, none at the ends. */
function collapse(chars: Char[]): Char[] {
    const out: Char[] = [];
    for (const ch of chars) {
        if (/\s/.test(ch.c)) {
            if (out.length && out[out.length - 1].c !== ' ') out.push({ ...ch, c: ' ' });
        } else {
            out.push(ch);
        }
    }
    while (out.length && out[out.length - 1].c === ' ') out.pop();
    return out;
}

/** The characters of a rendered line without bidi controls, each with the embedding depth it is drawn at. */
function withDepth(line: string): Char[] {
    const stack: string[] = [];
    const out: Char[] = [];
    for (const c of line) {
        if (/[\u202A\u202B\u202D\u202E]/.test(c)) stack.push('embedding');
        else if (/[\u2066-\u2068]/.test(c)) stack.push('isolate');
        else if (c === '\u202C') { if (stack[stack.length - 1] === 'embedding') stack.pop(); }
        else if (c === '\u2069') { const i = stack.lastIndexOf('isolate'); if (i >= 0) stack.length = i; }
        else out.push({ c, ours: false, depth: stack.length });
    }
    return out;
}

/** The baseline's line with the payload where the harmless text was; which characters are ours. */
function expectedLine(baseline: string, visible: string): Char[] {
    const parts = baseline.split(HARMLESS);
    return parts.flatMap((part, i) => [
        ...[...part].map((c) => ({ c, ours: true, depth: 0 })),
        ...(i < parts.length - 1 ? [...visible].map((c) => ({ c, ours: false, depth: 0 })) : []),
    ]);
}

function expectSameText(actual: string[], baseline: string[], payload: string): void {
    const visible = expectedVisible(payload);
    expect(actual.length).toBe(baseline.length);
    // A payload over several lines moves the entries after it: findings name other line numbers.
    const lineNumbers = (line: string) => line.replace(/\bline \d+/g, 'line N');
    actual.forEach((line, i) => {
        const got = collapse(withDepth(lineNumbers(line)));
        // Plan text on its own is trimmed; quoted inside a finding it keeps its spaces (one, as read).
        const wants = [visible.trim(), visible].map((v) => collapse(expectedLine(lineNumbers(baseline[i]), v)));
        const text = (chars: Char[]) => chars.map((c) => c.c).join('');
        const want = wants.find((w) => text(w) === text(got)) ?? wants[0];
        expect(text(got)).toBe(text(want));
        // Our own words after the plan text are never drawn inside the writer's bidi override.
        const overridden = want.map((w, j) => (w.ours && got[j].depth > 0 ? w.c : '')).join('');
        expect(overridden, `our text drawn inside a bidi embedding in ${JSON.stringify(line)}`).toBe('');
    });
}

// ---------------------------------------------------------------- the tests

describe('escapeMarkdown', () => {
    // Wherever the text lands: alone on a line (where # - + = 1. > start blocks), in a heading, in a
    // table cell, right after our own bold label.
    const places: Array<[string, (escaped: string) => string, string, string]> = [
        ['at the start of a line', (e) => e, 'root(paragraph)', 'paragraph'],
        ['in a heading', (e) => `# ${e}`, 'root(heading1)', 'heading1'],
        ['in a table cell', (e) => `| Name | Value |\n| --- | ---: |\n| ${e} | 1 |`, 'root(table[2](tableRow[2](tableCell tableCell) tableRow[2](tableCell tableCell)))', 'table[2]'],
        ['in bold, then our words', (e) => `**${e}** — our words`, 'root(paragraph(strong))', 'paragraph(strong)'],
    ];

    it.each(PAYLOADS.map((p) => [p.name, p.text] as const))('%s stays text in every place', (_name, payload) => {
        const escaped = escapeMarkdown(payload);
        expect(escaped).not.toMatch(/[\r\n]/);
        for (const [place, wrap, gfmSkeleton, markedShape] of places) {
            const markdown = wrap(escaped);
            const tree = parseGfm(markdown);
            expect(mdastSkeleton(tree), place).toBe(gfmSkeleton);
            expect(markedSkeleton(markdown), place).toBe(markedShape);
            const lines = visibleLines(tree).join(' | ');
            expect(lines.replace(/\s+/g, ' '), place).toContain(expectedVisible(payload).replace(/\s+/g, ' ').trim());
        }
    });

    it('escapes only what could be markup where it stands: plain names read as typed', () => {
        for (const plain of ['Danube Foods', 'Dr. Helen Marsh', 'Lines 1-4 (Graz), 98% on time', 'R&D and Q&A', 'Q3: up 40% — 2027', '-4 stops', '#1 supplier', 'C# and F#', '1.5M EUR', 'A+B', 'Ünïcödé 🚀', 'say "hi" it\'s fine!', '{braces} and (parens)']) {
            expect(escapeMarkdown(plain)).toBe(plain);
        }
        expect(escapeMarkdown('snake_case *stars* ~x~ `code` [x] <b> a|b $5 \\')).toBe('snake\\_case \\*stars\\* \\~x\\~ \\`code\\` \\[x\\] \\<b\\> a\\|b \\$5 \\\\');
        expect(escapeMarkdown('&amp; &#60; see https://x.example or www.x.example, mail a@x.example')).toBe('\\&amp; \\&#60; see https\\://x.example or www\\.x.example, mail a\\@x.example');
        expect(escapeMarkdown('# Heading')).toBe('\\# Heading');
        expect(escapeMarkdown('- item')).toBe('\\- item');
        expect(escapeMarkdown('---')).toBe('\\---');
        expect(escapeMarkdown('2027. was good')).toBe('2027\\. was good');
        expect(escapeMarkdown('Acme ##')).toBe('Acme \\##');
        expect(escapeMarkdown('  two\r\nlines\u001b[0m\u202Eend  ')).toBe('two lines\u241B\\[0mend');
    });

    it('a table cell: nothing is a dash, a number is itself', () => {
        expect(cell(undefined)).toBe('—');
        expect(cell(12.5)).toBe('12.5');
        expect(cell('a | b')).toBe('a \\| b');
    });
});

const MARKDOWN_OUTPUTS = ['account report', 'portfolio report', 'account hover', 'stakeholder hover', 'stakeholder reference hover', 'factor hover', 'team member hover'];

let baseline: Outputs;

beforeAll(async () => {
    baseline = await render(HARMLESS);
});

describe('the harmless baseline', () => {
    it('shows the harmless text in every output', () => {
        expect(Object.keys(baseline.markdown)).toEqual(MARKDOWN_OUTPUTS);
        for (const [name, markdown] of Object.entries(baseline.markdown)) expect(markdown, name).toContain(HARMLESS);
        for (const [name, html] of Object.entries(baseline.html)) expect(html, name).toContain(HARMLESS);
        expect(JSON.stringify(baseline.plain['inlay hints'])).toContain(HARMLESS);
        // The report prints the plan's strings, the tables are whole and our own markup is markup.
        const report = parseGfm(baseline.markdown['account report']);
        expect(mdastSkeleton(report)).toMatch(/^root\(heading1 paragraph paragraph\(strong\) table\[2\]/);
        expect(brokenTables(report)).toEqual([]);
        expect(mdastSkeleton(parseGfm(baseline.markdown['account hover']))).toMatch(/^root\(paragraph\(strong\) table\[4\]/);
    });
});

describe.each(PAYLOADS.map((p) => [p.name, p.text] as const))('hostile text: %s', (_name, payload) => {
    let outputs: Outputs;

    beforeAll(async () => {
        outputs = await render(payload);
    });

    describe.each(MARKDOWN_OUTPUTS)('Markdown: %s', (output) => {
        it('has the structure the harmless text has (GFM, as GitHub reads it)', () => {
            const tree = parseGfm(outputs.markdown[output]);
            expect(mdastSkeleton(tree)).toBe(mdastSkeleton(parseGfm(baseline.markdown[output])));
            expect(brokenTables(tree)).toEqual([]);
        });

        it('has the structure the harmless text has (marked, as VS Code reads it)', () => {
            expect(markedSkeleton(outputs.markdown[output])).toBe(markedSkeleton(baseline.markdown[output]));
        });

        it('shows what the writer typed', () => {
            expectSameText(visibleLines(parseGfm(outputs.markdown[output])), visibleLines(parseGfm(baseline.markdown[output])), payload);
        });

        it('keeps every line of plan text on one line and no control character in the file', () => {
            expect(outputs.markdown[output].split('\n').length).toBe(baseline.markdown[output].split('\n').length);
            // eslint-disable-next-line no-control-regex
            expect(outputs.markdown[output]).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
        });
    });

    describe.each(['account report', 'portfolio report'])('HTML: %s', (output) => {
        it('has the elements and attributes the harmless text has', () => {
            // Element and attribute names: attribute values (geometry measured from the text's length) may differ.
            const tags = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][\w-]*)((?:\s+[\w-]+(?:="[^"]*")?)*)\s*\/?>/g)]
                .map((m) => `${m[0].startsWith('</') ? '/' : ''}${m[1]}${[...m[2].replace(/="[^"]*"/g, '').matchAll(/\s([\w-]+)/g)].map((a) => ` ${a[1]}`).join('')}`);
            expect(tags(outputs.html[output])).toEqual(tags(baseline.html[output]));
            // Anything a browser could start a tag, comment or declaration with, well-formed or not.
            const openings = (html: string) => html.match(/<[a-zA-Z!/?]/g)?.length;
            expect(openings(outputs.html[output])).toBe(openings(baseline.html[output]));
            expect(outputs.html[output]).not.toMatch(/<[a-z][^>]*\son[a-z]+\s*=/i);
            expect(outputs.html[output]).not.toContain('<script>window');
        });
    });

    it('inlay hints and code lenses are plain text: the payload as typed on one line, nothing else changed', () => {
        // A label is one line: line breaks and control characters in plan text become spaces.
        const expected = JSON.parse(JSON.stringify(baseline.plain).split(HARMLESS).join(JSON.stringify(oneLine(payload)).slice(1, -1)));
        expect(outputs.plain).toEqual(expected);
    });
});

describe('names written as identifiers', () => {
    // An identifier may hold `_` (`__big__`): accounts without a display name, owners and currencies print it.
    const portfolio = (account: string, member: string, currency: string) => ({
        'team.kam': `team Sales "Sales" {\n    member ${member} "Anna Keller"\n}\n`,
        'plan.kam': `account ${account} {\n    tier key\n    owner ${member}\n    revenue current 2M ${currency}\n}\n`,
    });

    async function reports(files: Record<string, string>): Promise<string[]> {
        const workspace = await buildWorkspace(files);
        const accounts = reviewDocument(workspace.services.analysis.PlanAnalyzer, workspace.document('plan.kam'), 'plan.kam');
        const context: ReportContext = { today: TEST_TODAY, thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds };
        return [renderAccountReport(accounts, 'md', context), renderPortfolioReport(accounts, 'md', context), await hoverAt(workspace, workspace.document('plan.kam'), 'account ', files['plan.kam'].split(' ')[1])];
    }

    it('stay text: no emphasis from underscores, the same structure as plain names', async () => {
        const plain = await reports(portfolio('PlainCo', 'anna', 'EUR'));
        const hostile = await reports(portfolio('__BigCo__', '_anna_', '__EUR__'));
        hostile.forEach((markdown, i) => {
            expect(mdastSkeleton(parseGfm(markdown))).toBe(mdastSkeleton(parseGfm(plain[i])));
            expect(markedSkeleton(markdown)).toBe(markedSkeleton(plain[i]));
        });
        expect(visibleLines(parseGfm(hostile[1])).filter((l) => l.startsWith('Total'))).toEqual([
            'Total 2M __EUR__. The top 1 account (a fifth of the portfolio) bring 100% of revenue; 1 of 1 bring 80%. That is above the 80% limit: revenue depends on very few customers.',
        ]);
        expect(visibleLines(parseGfm(hostile[0]))[0]).toBe('__BigCo__');
    });
});
