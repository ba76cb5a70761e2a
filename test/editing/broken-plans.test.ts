/**
 * The language server must never crash while a plan is half-typed: every editing provider answers
 * on broken and partial documents (unclosed blocks, missing values, unresolved names).
 */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'langium/test';
import type { LangiumDocument } from 'langium';
import { editingWorkspace, wholeDocument } from './editing-fixture.js';

const workspace = await editingWorkspace();
const { services } = workspace;

const BROKEN_PLANS: Record<string, string> = {
    'an unclosed account': 'account Half "Half" {\n    tier key\n    owner anna\n    scores {\n        currentRevenue 8\n',
    'a stakeholder without a name': 'account A {\n    stakeholder {\n        role executive\n        trusted advisor\n    }\n}\n',
    'a KPI without a target': 'account A {\n    objective o {\n        kpi "Stops" current 12 target\n        action "Call" owner nobody due 2027-02-30\n    }\n}\n',
    'unresolved names': 'account A {\n    owner nobody\n    scores { unknownFactor 7 }\n    stakeholder s { reports to ghost relationship owner nobody }\n}\n',
    'a scoring model with a broken weight': 'scoring model M {\n    factor a weight\n    factor b weight 40%\n',
    'stray text': '}}} account { ,,, "',
    'an empty file': '',
};

describe.each(Object.entries(BROKEN_PLANS))('every editing provider on %s', (_name, text) => {
    let document: LangiumDocument;
    const textDocument = () => ({ uri: document.uri.toString() });
    const middle = () => document.textDocument.positionAt(Math.floor(text.length / 2));

    it('answers without throwing', async () => {
        document = await parseDocument(services, text, { validation: true });
        const lsp = services.lsp;
        await expect(Promise.resolve(lsp.InlayHintProvider!.getInlayHints(document, { textDocument: textDocument(), range: wholeDocument(document) }))).resolves.toBeDefined();
        await expect(Promise.resolve(lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: textDocument() }))).resolves.toBeDefined();
        await lsp.HoverProvider!.getHoverContent(document, { textDocument: textDocument(), position: middle() });
        await expect(Promise.resolve(lsp.CompletionProvider!.getCompletion(document, { textDocument: textDocument(), position: middle() }))).resolves.toBeDefined();
        await expect(Promise.resolve(lsp.CompletionProvider!.getCompletion(document, { textDocument: textDocument(), position: document.textDocument.positionAt(text.length) }))).resolves.toBeDefined();
        await expect(Promise.resolve(lsp.DocumentSymbolProvider!.getSymbols(document, { textDocument: textDocument() }))).resolves.toBeDefined();
        await expect(Promise.resolve(lsp.FoldingRangeProvider!.getFoldingRanges(document, { textDocument: textDocument() }))).resolves.toBeDefined();
        await expect(Promise.resolve(lsp.SemanticTokenProvider!.semanticHighlight(document, { textDocument: textDocument() }))).resolves.toBeDefined();
        await lsp.DefinitionProvider!.getDefinition(document, { textDocument: textDocument(), position: middle() });
        await lsp.RenameProvider!.prepareRename(document, { textDocument: textDocument(), position: middle() });
    });

    it('is not reformatted while it has syntax errors, or keeps its text when it has none', async () => {
        const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: textDocument(), options: { insertSpaces: true, tabSize: 4 } });
        const hasSyntaxErrors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length > 0;
        if (hasSyntaxErrors) expect(edits).toEqual([]);
        else expect(edits.every((e) => /^\s*$/.test(e.newText) && /^\s*$/.test(document.textDocument.getText(e.range)))).toBe(true);
    });
});
