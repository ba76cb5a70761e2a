/**
 * The grammar is generated in production mode (`langium generate --mode=production`), so `kam` and
 * the language server skip Chevrotain's checks of the grammar (ambiguous alternatives, left
 * recursion, unreachable tokens …) at every start. Here those checks run, on the same grammar and
 * the same parser and lexer: a grammar change that Chevrotain would reject fails this test.
 */
import { EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamLanguageMetaData } from '../../language/src/generated/module.js';

describe('the KAM grammar as Chevrotain checks it', () => {
    it('is generated for production: the checks are skipped at start', () => {
        expect(KamLanguageMetaData.mode).toBe('production');
    });

    it('has no definition error Chevrotain would report, in its parser or its lexer', () => {
        const { Kam } = createKamServices(EmptyFileSystem, { LanguageMetaData: () => ({ ...KamLanguageMetaData, mode: 'development' as const }) });
        // Building them runs the checks; an error in the grammar throws here ("Parser Definition Errors detected").
        const parser = Kam.parser.LangiumParser as unknown as { wrapper: { skipValidations: boolean; definitionErrors: unknown[] } };
        expect(parser.wrapper.skipValidations).toBe(false);
        expect(parser.wrapper.definitionErrors).toEqual([]);
        expect(Kam.parser.Lexer.tokenize('account acme "Acme" { tier key }').errors).toEqual([]);
        expect(Kam.parser.LangiumParser.parse('account acme "Acme" { tier key }').parserErrors).toEqual([]);
    });
});
