/**
 * Word keywords are read as names and then recognised by their text (kam-lexer.ts), not tried one
 * pattern at a time. A reviewer must not notice: every plan is cut into exactly the tokens Langium's
 * own lexer gives with one pattern per keyword — the same kinds, texts, offsets, lines and columns,
 * the same comments and the same unreadable characters — on every example plan, every plan the
 * fuzzer broke, and words that only start or end like a keyword.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultLexer, DefaultTokenBuilder, EmptyFileSystem, type GrammarAST } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamLexer } from '../../language/src/syntax/kam-lexer.js';
import { shape } from '../helpers/syntax-shape.js';

const { Kam } = createKamServices(EmptyFileSystem);

/** Langium's lexer over the same vocabulary: each word keyword its own pattern, the ID its longer alternative. */
class OnePatternPerKeyword extends DefaultTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find((t) => t.name === 'ID');
        if (id && /^[A-Za-z][\w-]*$/.test(keyword.value)) token.CATEGORIES = [id];
        return token;
    }
}
const reference = createKamServices(EmptyFileSystem, {
    parser: { TokenBuilder: () => new OnePatternPerKeyword(), Lexer: (services) => new DefaultLexer(services) }
}).Kam;

const describeToken = (t: IToken) => [t.tokenType.name, t.image, t.startOffset, t.startLine, t.startColumn, t.endLine, t.endColumn].join(' ');

function expectSameTokens(text: string): void {
    const ours = Kam.parser.Lexer.tokenize(text);
    const theirs = reference.parser.Lexer.tokenize(text);
    expect(ours.tokens.map(describeToken)).toEqual(theirs.tokens.map(describeToken));
    expect(ours.hidden.map(describeToken)).toEqual(theirs.hidden.map(describeToken));
    expect(ours.errors).toEqual(theirs.errors);
}

const plans = PLAN_CORPUS;

describe('word keywords read as names, then recognised', () => {
    it('uses the keyword-recognising lexer, and never tries a word keyword’s own pattern', () => {
        expect(Kam.parser.Lexer).toBeInstanceOf(KamLexer);
        const words = Object.values(Kam.parser.Lexer.definition).filter((t) => /^[A-Za-z][\w-]*$/.test(t.name) && t.name !== 'ID');
        expect(words.length).toBeGreaterThan(140);
        expect(words.filter((t) => typeof t.PATTERN === 'string').map((t) => t.name)).toEqual([]);
    });

    it.each(plans)('cuts %s into the tokens Langium’s lexer gives', (plan) => {
        expectSameTokens(fs.readFileSync(path.join(ROOT, plan), 'utf8'));
    });

    it('keeps a word that only starts, ends or is joined like a keyword a name', () => {
        const text = [
            'account keyed "K" { tier key-account }',
            'stakeholder due_date "D" { stance champion- }',
            'objective renewal2 "R" { due 2027-01-01 }',
            'factor profitability-index weight 10% quantitative future',
            'member will "Will" key',
            '_key Key KEY grow-into-key grow-into',
            'risk  x§y "" /* stakeholder */ // tier key',
        ].join('\r\n');
        expectSameTokens(text);
        const tokens = Kam.parser.Lexer.tokenize(text).tokens;
        const kindOf = (image: string) => tokens.find((t) => t.image === image)?.tokenType.name;
        expect(kindOf('keyed')).toBe('ID');
        expect(kindOf('key')).toBe('key');
        expect(kindOf('key-account')).toBe('ID');
        expect(kindOf('due_date')).toBe('ID');
        expect(kindOf('profitability-index')).toBe('ID');
        expect(kindOf('grow-into-key')).toBe('grow-into-key');
        expect(kindOf('Key')).toBe('ID');
    });

    it('parses a plan into the same tree and the same syntax errors as with one pattern per keyword', () => {
        for (const plan of plans) {
            const text = fs.readFileSync(path.join(ROOT, plan), 'utf8');
            const ours = Kam.parser.LangiumParser.parse(text);
            const theirs = reference.parser.LangiumParser.parse(text);
            expect(shape(ours.value), plan).toEqual(shape(theirs.value));
            expect(ours.parserErrors.map((e) => e.message), plan).toEqual(theirs.parserErrors.map((e) => e.message));
        }
    });
});
