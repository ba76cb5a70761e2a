/**
 * Navigation across the portfolio: go to definition, find references and rename across files
 * (a team member renamed everywhere), the outline, workspace symbols, folding and semantic tokens.
 */
import { describe, expect, it } from 'vitest';
import { TextDocument, type LangiumDocument } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { buildWorkspace, diagnosticCodes } from '../helpers/workspace.js';
import { readPlans } from '../helpers/portfolio-fixture.js';
import { EDITING_FIXTURE, editingWorkspace, positionOf, textAt } from './editing-fixture.js';

const workspace = await editingWorkspace();
const { services } = workspace;
const danube = workspace.document('danube-foods.kam');
const team = workspace.document('team.kam');

const at = (document: LangiumDocument, text: string, occurrence = 0) => ({
    textDocument: { uri: document.uri.toString() }, position: positionOf(document, text, occurrence),
});
const fileName = (uri: string) => uri.slice(uri.lastIndexOf('/') + 1);

describe('go to definition', () => {
    it('leads from an owner to the team member in the team file', async () => {
        const links = await services.lsp.DefinitionProvider!.getDefinition(danube, at(danube, 'anna'));
        expect(links?.map((l) => [fileName(l.targetUri), textAt(team, l.targetSelectionRange)])).toEqual([['team.kam', 'anna']]);
    });

    it('leads from a scored factor to the scoring model', async () => {
        const links = await services.lsp.DefinitionProvider!.getDefinition(danube, at(danube, 'strategicFit 7'));
        expect(links?.map((l) => fileName(l.targetUri))).toEqual(['scoring-model.kam']);
    });

    it('leads from "reports to" to the stakeholder in the same plan', async () => {
        const links = await services.lsp.DefinitionProvider!.getDefinition(danube, at(danube, 'horvat\n'));
        expect(links?.map((l) => [fileName(l.targetUri), l.targetSelectionRange.start.line])).toEqual([['danube-foods.kam', positionOf(danube, 'horvat "Ivana').line]]);
    });
});

describe('find references', () => {
    it('finds every use of a team member in every plan', async () => {
        const references = services.lsp.ReferencesProvider!.findReferences(team, { ...at(team, 'anna'), context: { includeDeclaration: false } });
        const perFile = (await references).reduce<Record<string, number>>((acc, r) => ({ ...acc, [fileName(r.uri)]: (acc[fileName(r.uri)] ?? 0) + 1 }), {});
        // Danube: owner, relationship owner, objective owner, action owner, risk owner; Baltic: backup owner, relationship owner
        expect(perFile).toEqual({ 'danube-foods.kam': 5, 'baltic-paper.kam': 2 });
    });
});

describe('rename', () => {
    it('renames a team member everywhere, across files, and every reference still resolves', async () => {
        const edit = await services.lsp.RenameProvider!.rename(team, { ...at(team, 'anna'), newName: 'annaKeller' });
        const changes = edit?.changes ?? {};
        expect(Object.keys(changes).map(fileName).sort()).toEqual(['baltic-paper.kam', 'danube-foods.kam', 'team.kam']);
        const files = readPlans(EDITING_FIXTURE);
        for (const [uri, edits] of Object.entries(changes)) {
            const name = fileName(uri);
            files[name] = TextDocument.applyEdits(workspace.document(name).textDocument, edits);
        }
        expect(files['team.kam']).toContain('member annaKeller "Anna Keller"');
        expect(files['baltic-paper.kam']).toContain('backup owner annaKeller');
        expect(files['danube-foods.kam']).not.toMatch(/\banna\b/);
        const renamed = await buildWorkspace(files);
        for (const name of Object.keys(files)) expect(diagnosticCodes(renamed.document(name))).not.toContain('linking-error');
    });

    it('refuses a name a plan could not hold, or one another element of the kind already has', async () => {
        const rename = (newName: string) => services.lsp.RenameProvider!.rename(team, { ...at(team, 'anna'), newName });
        await expect(rename('has space')).rejects.toThrow('"has space" cannot be a name: a name is one word of letters, digits, _ and - that starts with a letter');
        await expect(rename('')).rejects.toThrow('A team member needs a name: "" is empty.');
        await expect(rename('1bad')).rejects.toThrow('"1bad" cannot be a name');
        await expect(rename('ben')).rejects.toThrow('There is already a team member named ben (Ben Ortiz): renaming anna to ben would merge the two');
        // Stakeholders are named per account: another account may have a wagner, this one may not have two.
        await expect(services.lsp.RenameProvider!.rename(danube, { ...at(danube, 'horvat, novak'), newName: 'wagner' })).rejects.toThrow('There is already a stakeholder named wagner (Tobias Wagner)');
        // A keyword is a name like any other.
        const edit = await rename('due');
        expect(Object.values(edit?.changes ?? {}).flat().every((e) => e.newText === 'due')).toBe(true);
    });

    it('renames an element whose name is a keyword, from its declaration', async () => {
        const files = readPlans(EDITING_FIXTURE);
        files['team.kam'] = files['team.kam'].replace('member anna ', 'member due ');
        for (const name of Object.keys(files)) files[name] = files[name].replace(/\banna\b/g, 'due').replace('member due "Anna', 'member due "Anna');
        const keywordWorkspace = await buildWorkspace(files);
        const keywordTeam = keywordWorkspace.document('team.kam');
        const range = await keywordWorkspace.services.lsp.RenameProvider!.prepareRename(keywordTeam, { textDocument: { uri: keywordTeam.uri.toString() }, position: positionOf(keywordTeam, 'due "Anna') });
        expect(range && textAt(keywordTeam, range)).toBe('due');
        const edit = await keywordWorkspace.services.lsp.RenameProvider!.rename(keywordTeam, { textDocument: { uri: keywordTeam.uri.toString() }, position: positionOf(keywordTeam, 'due "Anna'), newName: 'annaKeller' });
        expect(Object.keys(edit?.changes ?? {}).length).toBeGreaterThan(1);
    });

    it('renames a stakeholder from one of its references', async () => {
        const edit = await services.lsp.RenameProvider!.rename(danube, { ...at(danube, 'horvat, novak'), newName: 'ivana' });
        const edits = edit?.changes?.[danube.uri.toString()] ?? [];
        // the declaration, two "reports to", "agreed with"
        expect(edits).toHaveLength(4);
        expect(edits.every((e) => textAt(danube, e.range) === 'horvat')).toBe(true);
    });
});

describe('the outline', () => {
    const outline = (symbols: DocumentSymbol[] | undefined, depth = 0): string[] =>
        (symbols ?? []).flatMap((s) => [`${'  '.repeat(depth)}${s.name}${s.detail ? ` (${s.detail})` : ''}`, ...outline(s.children, depth + 1)]);

    it('shows account → stakeholders, objectives with their KPIs and actions, risks', async () => {
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(danube, { textDocument: { uri: danube.uri.toString() } });
        expect(symbols[0].kind).toBe(SymbolKind.Class);
        expect(outline(symbols)).toEqual([
            'DanubeFoods (Danube Foods)',
            '  horvat (Ivana Horvat, Chief Operating Officer)',
            '  wagner (Tobias Wagner, Head of Controlling)',
            '  novak (Petra Novak, Line Supervisor)',
            '  fewerStops (Cut unplanned line stops by a third · due 2027-06-30)',
            '    Unplanned stops per month',
            '    On-time delivery',
            '    Monitoring live on line 3 (due 2026-11-24)',
            '    Install condition monitoring on line 3 (due 2026-12-04 · in-progress)',
            '    Agree the spare-parts stock with controlling (due 2026-11-20)',
            '    Survey the lines (due 2026-10-01 · done)',
            '  Horvat moves to the group board (likelihood medium · impact high)',
        ]);
    });

    it('shows the team and its members', async () => {
        const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(team, { textDocument: { uri: team.uri.toString() } });
        expect(outline(symbols)).toEqual([
            'Sales (Key Account Team)',
            '  anna (Anna Keller, Key Account Director)',
            '  ben (Ben Ortiz, Key Account Manager)',
            '  chiara (Chiara Rossi, Solutions Engineer)',
        ]);
    });
});

describe('workspace symbols', () => {
    it('find accounts, team members and factors across the portfolio', async () => {
        const find = async (query: string) => (await services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query }))
            .map((s) => [s.name, s.kind, fileName(s.location.uri)]);
        expect(await find('Danube')).toEqual([['DanubeFoods', SymbolKind.Class, 'danube-foods.kam']]);
        expect(await find('chiara')).toEqual([['chiara', SymbolKind.Variable, 'team.kam']]);
        expect(await find('strategicFit')).toEqual([['strategicFit', SymbolKind.Property, 'scoring-model.kam']]);
    });
});

describe('folding', () => {
    it('folds the account, each block inside it, and the scores', async () => {
        const ranges = await services.lsp.FoldingRangeProvider!.getFoldingRanges(danube, { textDocument: { uri: danube.uri.toString() } });
        const starts = ranges.map((r) => r.startLine);
        for (const header of ['account DanubeFoods', 'scores {', 'stakeholder horvat', 'objective fewerStops', 'risk "Horvat']) {
            expect(starts).toContain(positionOf(danube, header).line);
        }
    });
});

describe('semantic tokens', () => {
    it('colour names by what they are, references like their target, and values as enum members', async () => {
        const provider = services.lsp.SemanticTokenProvider!;
        const tokens = SemanticTokensDecoder.decode(await provider.semanticHighlight(danube, { textDocument: { uri: danube.uri.toString() } }), provider.tokenTypes, danube);
        const typeOf = (text: string, occurrence = 0) => {
            const offset = danube.textDocument.offsetAt(positionOf(danube, text, occurrence));
            return tokens.find((t) => t.offset === offset)?.tokenType;
        };
        expect(typeOf('DanubeFoods')).toBe('class');
        expect(typeOf('anna')).toBe('variable');
        expect(typeOf('horvat "Ivana')).toBe('parameter');
        expect(typeOf('horvat\n')).toBe('parameter');
        expect(typeOf('strategicFit')).toBe('property');
        expect(typeOf('fewerStops')).toBe('function');
        expect(typeOf('executive')).toBe('enumMember');
        expect(typeOf('champion', 0)).toBe('enumMember');
        expect(typeOf('in-progress')).toBe('enumMember');
    });
});
