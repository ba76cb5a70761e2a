/**
 * An entry that takes one value, written twice: the plan says two things. The first counts — in
 * every number — the reviewer says which one is ignored, and the editor still answers on the text
 * of the ignored one (a second `scores { … }` block is outside the plan's tree but in its file):
 * at an ignored name with the element that name is (not with the one that counts), and renaming a
 * team member or a factor renames the ignored writings too, so no stale name is left behind.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AstUtils, type LangiumDocument } from 'langium';
import { buildWorkspace, type TestWorkspace } from '../helpers/workspace.js';
import { PORTFOLIO_FIXTURE, readPlans } from '../helpers/portfolio-fixture.js';
import { isAccount, type Account, type PlanFile } from '../../language/src/generated/ast.js';
import { repeatedEntriesOf } from '../../language/src/syntax/repeated-entries.js';

const PLAN = `account saltmarsh "Saltmarsh Foods" {
    tier key
    owner anna
    tier standard
    owner ben
    scores { currentRevenue 8 potentialRevenue 9 profitMargin 6 strategicFit 7 referralValue 5 easeOfDoingBusiness 4 }
    scores { currentRevenue 1 potentialRevenue 1 }
    stakeholder pike "Eve Pike" {
        role executive
        trusted advisor 6
        trusted advisor 11
        stance supporter
    }
}
`;

let workspace: TestWorkspace;
let document: LangiumDocument;
let account: Account;

beforeAll(async () => {
    const { 'scoring-model.kam': model, 'team.kam': team } = readPlans(PORTFOLIO_FIXTURE);
    workspace = await buildWorkspace({ 'scoring-model.kam': model, 'team.kam': team, 'saltmarsh.kam': PLAN });
    document = workspace.document('saltmarsh.kam');
    account = (document.parseResult.value as PlanFile).elements.find(isAccount)!;
});

function offsetOf(text: string, occurrence = 1): number {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) offset = PLAN.indexOf(text, offset + 1);
    if (offset < 0) throw new Error(`${text} not in the plan`);
    return offset;
}

describe('an entry that takes one value, written twice', () => {
    it('counts the first in every number', () => {
        expect(account.tier).toBe('key');
        expect(account.owner?.ref?.name).toBe('anna');
        const card = workspace.services.analysis.PlanAnalyzer.analyzeAccount(account)!;
        expect(card.plan.tier).toBe('key');
        expect(card.plan.owner).toBe('anna');
        // 20×8 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4 = 705 → 7.05 → 7.1: the first score card, not the second
        expect(card.strategicValue.value).toBe(7.1);
        expect(card.plan.stakeholders[0].trustedAdvisor).toBe(6);
    });

    it('is reported once for each later writing, naming the one that counts', () => {
        const repeated = (document.diagnostics ?? []).filter((d) => d.code === 'kam.duplicate-entry');
        expect(repeated.map((d) => [d.range.start.line, d.message])).toEqual(expect.arrayContaining([
            [3, '`tier` is written twice in account Saltmarsh Foods: the first (key, line 2) counts and standard is ignored. Keep one.'],
            [4, '`owner` is written twice in account Saltmarsh Foods: the first (anna, line 3) counts and ben is ignored. Keep one.'],
            [6, '`scores` is written twice in account Saltmarsh Foods: the first (scores { cur…ss 4 }, line 6) counts and scores { cur…ue 1 } is ignored. Keep one.'],
            [10, '`trusted advisor` is written twice in stakeholder Eve Pike: the first (6, line 10) counts and 11 is ignored. Keep one.'],
        ]));
        expect(repeated).toHaveLength(4);
        // The ignored rating is not judged on its own: it is ignored.
        expect((document.diagnostics ?? []).filter((d) => d.code === 'kam.rating-out-of-range')).toEqual([]);
    });

    it('keeps the later writings aside, each knowing the element it was written in', () => {
        expect(repeatedEntriesOf(account).map((entry) => entry.property)).toEqual(['tier', 'owner', 'scores']);
        const ignoredScores = repeatedEntriesOf(account).find((entry) => entry.property === 'scores')!.value as Account['scores'] & object;
        expect(ignoredScores.$container).toBe(account);
        expect(AstUtils.getDocument(ignoredScores)).toBe(document);
        expect(AstUtils.streamAst(account).toArray()).not.toContain(ignoredScores);
    });

    it('still answers hover, go to definition and completion on the text of the ignored one', async () => {
        const lsp = workspace.services.lsp;
        const at = (offset: number) => ({ textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        const factorInIgnoredCard = offsetOf('currentRevenue 1') + 2;
        await expect(lsp.HoverProvider!.getHoverContent(document, at(factorInIgnoredCard))).resolves.not.toThrow;
        const definition = await lsp.DefinitionProvider!.getDefinition(document, at(factorInIgnoredCard));
        expect(definition?.map((link) => link.targetUri)).toEqual([workspace.document('scoring-model.kam').uri.toString()]);
        const completion = await lsp.CompletionProvider!.getCompletion(document, at(offsetOf('potentialRevenue 1')));
        expect(completion?.items.length ?? 0).toBeGreaterThan(0);
        await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, at(offsetOf('ben')));
    });

    it('answers at an ignored name with the element it names, not with the one that counts', async () => {
        const lsp = workspace.services.lsp;
        const at = (offset: number) => ({ textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(offset) });
        const ben = offsetOf('owner ben') + 'owner '.length;
        const team = workspace.document('team.kam');
        const benInTeam = team.textDocument.positionAt(team.textDocument.getText().indexOf('ben "Ben Ortiz"'));
        const definition = await lsp.DefinitionProvider!.getDefinition(document, at(ben));
        expect(definition?.map((link) => [link.targetUri, link.targetSelectionRange.start])).toEqual([[team.uri.toString(), benInTeam]]);
        const hover = await lsp.HoverProvider!.getHoverContent(document, at(ben));
        expect(JSON.stringify(hover)).toContain('Ben Ortiz');
        expect(JSON.stringify(hover)).not.toContain('Anna Keller');
        const highlights = await lsp.DocumentHighlightProvider!.getDocumentHighlight(document, at(ben));
        expect(highlights?.map((h) => document.textDocument.offsetAt(h.range.start))).toEqual([ben]);
    });

    it('renames the ignored writings with the team member or factor they name', async () => {
        const rename = async (file: string, name: string, newName: string) => {
            const declaring = workspace.document(file);
            const position = declaring.textDocument.positionAt(declaring.textDocument.getText().search(new RegExp(`\\b${name}\\b`)));
            const edit = await workspace.services.lsp.RenameProvider!.rename(declaring, { textDocument: { uri: declaring.uri.toString() }, position, newName });
            return (edit?.changes?.[document.uri.toString()] ?? []).map((change) => [document.textDocument.offsetAt(change.range.start), change.newText]);
        };
        // Ben is named only in the ignored `owner ben`: a rename that left it would make it name nobody.
        expect(await rename('team.kam', 'ben', 'benedikt')).toEqual([[offsetOf('owner ben') + 'owner '.length, 'benedikt']]);
        expect(await rename('team.kam', 'anna', 'annika')).toEqual([[offsetOf('owner anna') + 'owner '.length, 'annika']]);
        expect(await rename('scoring-model.kam', 'currentRevenue', 'revenueToday')).toEqual([
            [offsetOf('currentRevenue 8'), 'revenueToday'],
            [offsetOf('currentRevenue 1'), 'revenueToday'],
        ]);
    });

    it('says so when an ignored name names nobody, as for any other name', async () => {
        const { 'scoring-model.kam': model, 'team.kam': team } = readPlans(PORTFOLIO_FIXTURE);
        const typo = await buildWorkspace({ 'scoring-model.kam': model, 'team.kam': team, 'saltmarsh.kam': PLAN.replace('owner ben', 'owner bem') });
        const diagnostics = typo.document('saltmarsh.kam').diagnostics ?? [];
        const line = PLAN.slice(0, offsetOf('owner ben')).split('\n').length - 1;
        expect(diagnostics.filter((d) => d.range.start.line === line).map((d) => d.code ?? (d.data as { code?: string } | undefined)?.code).sort()).toEqual(['kam.duplicate-entry', 'linking-error']);
        expect(typo.services.analysis.PlanAnalyzer.analyzeAccount((typo.document('saltmarsh.kam').parseResult.value as PlanFile).elements.find(isAccount)!)!.plan.owner).toBe('anna');
    });
});
