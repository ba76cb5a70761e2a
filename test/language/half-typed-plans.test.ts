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

describe('half-typed plans', () => {
    for (const plan of plans) {
        it(`${plan}, cut off anywhere, shows nothing malformed`, async () => {
            const text = fs.readFileSync(path.join(portfolio, 'accounts', plan), 'utf8');
            const { shared, Kam } = createKamServices(EmptyFileSystem);
            Kam.analysis.ReviewSettings.setOverrideLayer({ today: TEST_TODAY });
            const documents = shared.workspace.LangiumDocuments;
            const factory = shared.workspace.LangiumDocumentFactory;
            for (const file of ['team.kam', 'scoring-model.kam']) {
                documents.addDocument(factory.fromString(fs.readFileSync(path.join(portfolio, file), 'utf8'), URI.parse(`file:///w/${file}`)));
            }
            await shared.workspace.DocumentBuilder.build(documents.all.toArray(), { validation: true });
            const lineEnds = [...text.matchAll(/\n/g)].map((m) => m.index!);
            // After every line, and in the middle of every third line.
            const cuts = [...lineEnds, ...lineEnds.filter((_, i) => i % 3 === 0).map((end, i) => Math.max(0, end - 1 - (i % 7)))];
            const problems: string[] = [];
            for (const [i, cut] of cuts.entries()) {
                const uri = URI.parse(`file:///w/cut-${i}.kam`);
                const document = factory.fromString(text.slice(0, cut), uri);
                documents.addDocument(document);
                await shared.workspace.DocumentBuilder.build([document], { validation: true });
                const seen: string[] = [
                    ...(document.diagnostics ?? []).map((d) => String(d.message)),
                    ...((await Kam.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } } })) ?? []).map((h) => JSON.stringify(h.label)),
                    ...((await Kam.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: uri.toString() } })) ?? []).map((l) => l.command?.title ?? ''),
                    ...await hoversOf(Kam, document),
                ];
                for (const shown of seen.filter((s) => MALFORMED.test(String(s)))) problems.push(`cut at ${cut}: ${shown}`);
                if ((document.diagnostics ?? []).some((d) => d.code === 'validation-exception' || /An error occurred/.test(String(d.message)))) problems.push(`cut at ${cut}: a check threw`);
                await shared.workspace.DocumentBuilder.update([], [uri]);
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
