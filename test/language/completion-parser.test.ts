/**
 * The completion parser is built by the first completion, not when the language server starts:
 * Langium makes every service at `initialize`, and this second Chevrotain parser was about 20 ms of
 * every start. Completion itself answers as before.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbstractLangiumParser, EmptyFileSystem, LangiumCompletionParser } from 'langium';
import { parseHelper } from 'langium/test';
import type { PlanFile } from '../../language/src/generated/ast.js';
import { createKamServices } from '../../language/src/kam-module.js';

describe('the completion parser', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    it('is not built when the server makes its services, and is built once by the first completion', async () => {
        // Every parser Langium builds is finalized once; count the completion parsers among them.
        let built = 0;
        const finalize = AbstractLangiumParser.prototype.finalize;
        vi.spyOn(AbstractLangiumParser.prototype, 'finalize').mockImplementation(function (this: AbstractLangiumParser) {
            if (this instanceof LangiumCompletionParser) built++;
            finalize.call(this);
        });
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        // The server's initialize makes every service of every language.
        await shared.lsp.LanguageServer.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: null });
        expect(built).toBe(0);

        const text = 'account acme "Acme" {\n    industry "Tools"\n    tier ';
        const document = await parseHelper<PlanFile>(Kam)(text);
        const at = { textDocument: { uri: document.uri.toString() }, position: document.textDocument.positionAt(text.length) };
        const first = await Kam.lsp.CompletionProvider!.getCompletion(document, at);
        const second = await Kam.lsp.CompletionProvider!.getCompletion(document, at);
        expect(built).toBe(1);
        // The tiers a key account manager chooses from.
        expect(first?.items.map((item) => item.label)).toEqual(expect.arrayContaining(['key', 'standard']));
        expect(second?.items.map((item) => item.label)).toEqual(first?.items.map((item) => item.label));
    });
});
