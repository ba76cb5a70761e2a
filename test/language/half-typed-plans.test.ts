/**
 * Half-typed plans are the normal case in an editor. Every example plan, cut off after each of its
 * lines and in the middle of a line, goes through every check and every inline view: no message,
 * hint, lens or hover may show the writer `undefined`, `NaN`, `Infinity`, `[object Object]` or an
 * exponent, and nothing may throw.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EmptyFileSystem, URI } from 'langium';
import { createKamServices } from '../../language/src/kam-module.js';
import { buildWorkspace, TEST_TODAY } from '../helpers/workspace.js';
import { EXAMPLES, PORTFOLIO_FIXTURE, readPlans } from '../helpers/portfolio-fixture.js';

const MALFORMED = /undefined|NaN|Infinity|\[object Object\]|\d[eE][+-]\d/;
const portfolio = path.join(EXAMPLES, 'portfolio');
const plans = ['nordwind-logistics.kam', 'aldermoor-healthcare.kam', 'kessler-autoteile.kam'];

/** Services over the examples' team and scoring model, and a check that shows one text to every inline view. */
async function reviewer() {
    const { shared, Kam } = createKamServices(EmptyFileSystem);
    Kam.analysis.ReviewSettings.setOverrideLayer({ today: TEST_TODAY });
    const documents = shared.workspace.LangiumDocuments;
    const factory = shared.workspace.LangiumDocumentFactory;
    for (const file of ['team.kam', 'scoring-model.kam']) {
        documents.addDocument(factory.fromString(fs.readFileSync(path.join(portfolio, file), 'utf8'), URI.parse(`file:///w/${file}`)));
    }
    await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
    let n = 0;
    /** What the plan's checks, hints, lenses and hovers show that is malformed, and its diagnostics. */
    return async (text: string, label: string): Promise<{ problems: string[]; messages: string[] }> => {
        const uri = URI.parse(`file:///w/cut-${n++}.kam`);
        const document = factory.fromString(text, uri);
        documents.addDocument(document);
        await shared.workspace.DocumentBuilder.build([document], { validation: true });
        const seen: string[] = [
            ...(document.diagnostics ?? []).map((d) => String(d.message)),
            ...((await Kam.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } })) ?? []).map((h) => JSON.stringify(h.label)),
            ...((await Kam.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: uri.toString() } })) ?? []).map((l) => l.command?.title ?? ''),
            ...await hoversOf(Kam, document),
        ];
        const problems = seen.filter((shown) => MALFORMED.test(String(shown))).map((shown) => `${label}: ${shown}`);
        if ((document.diagnostics ?? []).some((d) => d.code === 'validation-exception' || /An error occurred/.test(String(d.message)))) problems.push(`${label}: a check threw`);
        const messages = (document.diagnostics ?? []).map((d) => String(d.message));
        await shared.workspace.DocumentBuilder.update([], [uri]);
        return { problems, messages };
    };
}

describe('half-typed plans', () => {
    for (const plan of plans) {
        it(`${plan}, cut off anywhere, shows nothing malformed`, async () => {
            const text = fs.readFileSync(path.join(portfolio, 'accounts', plan), 'utf8');
            const review = await reviewer();
            const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index!);
            // After every line, and in the middle of every third line.
            const cuts = [...lineEnds, ...lineEnds.filter((_, i) => i % 3 === 0).map((end, i) => Math.max(0, end - 1 - (i % 7)))];
            const problems: string[] = [];
            for (const cut of cuts) problems.push(...(await review(text.slice(0, cut), `cut at ${cut}`)).problems);
            expect(problems.slice(0, 10)).toEqual([]);
        });

        it(`${plan}, with each name after owner, reports to, with … left out, says so and shows nothing malformed`, async () => {
            const text = fs.readFileSync(path.join(portfolio, 'accounts', plan), 'utf8');
            const review = await reviewer();
            const lines = text.split('\n');
            const named = lines.map((line, i) => ({ i, match: /^(\s*(?:.*\s)?(owner|reports to|part of|with|by))\s+[\w-]+\s*$/.exec(line) })).filter((l) => l.match && !l.match[1].trim().startsWith('//'));
            expect(named.length).toBeGreaterThan(2);
            const problems: string[] = [];
            for (const { i, match } of named) {
                const bare = [...lines.slice(0, i), match![1], ...lines.slice(i + 1)].join('\n');
                const { problems: shown, messages } = await review(bare, `line ${i + 1} without its name`);
                problems.push(...shown);
                // Told as a missing name (`owner`, `relationship owner` …), whether the next line is another entry or the block's end.
                if (!messages.some((m) => m.includes(`${match![2]}\` needs its name on the same line`) || m.startsWith('Expected a name after'))) {
                    problems.push(`line ${i + 1} without its name: ${messages.filter((m) => !m.startsWith('The review')).slice(0, 2).join(' | ')}`);
                }
            }
            expect(problems.slice(0, 10)).toEqual([]);
        });
    }
});

describe('a score cut before its number', () => {
    it.each([
        ['the next word read as a factor', '        strategicFit 9 be'],
        ['the factor alone', '        strategicFit'],
    ])('is told as a missing number, not as a score off the scale (%s)', async (_case, lastLine) => {
        const { 'scoring-model.kam': model, 'team.kam': team } = readPlans(PORTFOLIO_FIXTURE);
        const plan = ['account cut "Cut Plan" {', '    tier key', '    owner anna', '    scores {', '        currentRevenue 8', lastLine].join('\n');
        const workspace = await buildWorkspace({ 'scoring-model.kam': model, 'team.kam': team, 'cut.kam': plan });
        const diagnostics = workspace.document('cut.kam').diagnostics ?? [];
        expect(diagnostics.map((d) => d.message)).toContain('The file ends before a factor score is finished: a number (such as 7) is missing.');
        expect(diagnostics.filter((d) => d.code === 'kam.score-off-scale')).toEqual([]);
    });
});

/** The hover on every line's first word: accounts, stakeholders, factors and keywords. */
async function hoversOf(Kam: ReturnType<typeof createKamServices>['Kam'], document: import('langium').LangiumDocument): Promise<string[]> {
    const lines = document.textDocument.getText().split('\n');
    const out: string[] = [];
    for (let line = 0; line < lines.length; line += 4) {
        const character = lines[line].search(/\S/);
        if (character < 0) continue;
        const hover = await Kam.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position: { line, character: character + 1 } });
        if (hover) out.push(JSON.stringify(hover.contents));
    }
    return out;
}
