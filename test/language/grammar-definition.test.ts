/**
 * The grammar is generated in production mode (`langium generate --mode=production`), so `kam` and
 * the language server skip Chevrotain's checks of the grammar (ambiguous alternatives, left
 * recursion, unreachable tokens …) at every start. Here those checks run, on the same grammar and
 * the same parser and lexer: a grammar change that Chevrotain would reject fails this test.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { createLangiumGrammarServices } from 'langium/grammar';
import { describe, expect, it } from 'vitest';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamLanguageMetaData } from '../../language/src/generated/module.js';
import { grammarVocabulary } from '../../language/src/syntax/grammar-vocabulary.js';
// @ts-expect-error a build script in plain JavaScript, without types
import { oneValueSummary, withoutOneValueWarnings } from '../../scripts/langium-generate.mjs';

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

describe('the KAM grammar as Langium checks it (npm run langium:generate)', () => {
    it('has no error, and warns only of the entries that take one value, which the parser handles', async () => {
        const grammarServices = createLangiumGrammarServices(EmptyFileSystem).grammar;
        const text = fs.readFileSync(path.resolve(__dirname, '../../language/src/kam.langium'), 'utf8');
        const document = grammarServices.shared.workspace.LangiumDocumentFactory.fromString(text, URI.file('/kam.langium'));
        await grammarServices.shared.workspace.DocumentBuilder.build([document], { validation: true });
        const findings = (document.diagnostics ?? []).map((d) => ({ ...d, message: typeof d.message === 'string' ? d.message : d.message.value }));
        expect(findings.filter((d) => d.severity === 1)).toEqual([]);
        // As the generator prints them; the build (scripts/langium-generate.mjs) says the one-value warnings
        // in one line and passes on anything else.
        const output = findings.map((d) => `language/src/kam.langium:${d.range.start.line + 1}:${d.range.start.character + 1} - ${d.message}`).concat('Something else to know.').join('\n');
        const filtered = withoutOneValueWarnings(output);
        expect(filtered.output).toBe('Something else to know.');
        expect(filtered.entries.length).toBe(findings.length);
        expect(filtered.entries.length).toBeGreaterThan(40);
        const { Kam } = createKamServices(EmptyFileSystem);
        const oneValue = new Set([...grammarVocabulary(Kam.Grammar).oneValueEntries.values()].flat());
        expect(filtered.entries.filter((entry: string) => !oneValue.has(entry))).toEqual([]);
        expect(oneValueSummary(filtered.entries)).toMatch(/^\d+ entries take one value \(industry, tier, status …\)/);
    });
});
