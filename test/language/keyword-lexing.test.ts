/**
 * Word keywords are read as names and then recognised by their text (kam-lexer.ts), not tried one
 * pattern at a time. A reviewer must not notice: every plan is cut into exactly the tokens Langium's
 * own lexer gives with one pattern per keyword — the same kinds, texts, offsets, lines and columns,
 * the same comments and the same unreadable characters — on every example plan, every plan the
 * fuzzer broke, words that only start or end like a keyword, and generated character soup.
 * The tokens are read with their offsets only; lines and columns, which a mistake needs, are
 * added to them then (token-lines.ts), and must be those Langium's lexer tracks as it reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultLexer, DefaultTokenBuilder, EmptyFileSystem, type GrammarAST } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamLexer, startsNextEntry } from '../../language/src/syntax/kam-lexer.js';
import { addLinesAndColumns } from '../../language/src/syntax/token-lines.js';
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

/**
 * Every field of every token. Kinds are numbered per lexer: the number must be the kind's own. The
 * mark of a keyword that opens the next entry where a name was left out (kam-lexer.ts) is ours
 * alone, and only on such rare tokens.
 */
const fieldsOf = (t: IToken) => Object.entries(t).filter(([key]) => key !== 'startsNextEntry').sort(([a], [b]) => a.localeCompare(b)).map(([key, value]) =>
    key === 'tokenType' ? `tokenType=${(value as TokenType).name}` : key === 'tokenTypeIdx' ? `tokenTypeIdx=${value === t.tokenType.tokenTypeIdx}` : `${key}=${String(value)}`).join(' ');

/** A token as the lexer makes it, in the order Chevrotain writes the fields (one object shape for the parser): no lines yet. */
const OFFSETS_ONLY = ['image', 'startOffset', 'endOffset', 'tokenTypeIdx', 'tokenType'];

function expectSameTokens(text: string): void {
    const ours = Kam.parser.Lexer.tokenize(text);
    const theirs = reference.parser.Lexer.tokenize(text);
    for (const token of [...ours.tokens, ...ours.hidden]) expect(Object.keys(token).filter((key) => key !== 'startsNextEntry')).toEqual(OFFSETS_ONLY);
    addLinesAndColumns(ours.tokens);
    addLinesAndColumns(ours.hidden, text);
    expect(ours.tokens.map(describeToken)).toEqual(theirs.tokens.map(describeToken));
    expect(ours.tokens.map(fieldsOf)).toEqual(theirs.tokens.map(fieldsOf));
    expect(ours.hidden.map(fieldsOf)).toEqual(theirs.hidden.map(fieldsOf));
    expect(ours.errors).toEqual(theirs.errors);
}

/** Pieces of plan text that any plan may hold. */
const READABLE = [' ', '  ', '\n', '\r\n', '\r', '\t', '{', '}', ',', '"a"', '"\\""', '"x\ny"', '// c', '/* c\r\n */', '_',
    '0', '7', '-7', '2026', '2026-1-5', '2026-12-31', '12.5', '3k', '4M', '5B', '1%', 'k', 'M', 'B', 'x', 'Z', 'key', 'key-account', 'account',
    'stakeholder', 'due', 'on-track', '"é€"'];

/** Those pieces and the characters around which Chevrotain's recovery starts: stray quotes, slashes, dots, minus signs, non-ASCII. */
const SOUP = [' ', '  ', '\n', '\r\n', '\r', '\t', '\f', '{', '}', ',', '"', '\\', '\\"', '/', '*', '//', '/*', '*/', '-', '.', '%', '_',
    '0', '7', '2026', '2026-1-5', '2026-12-31', '12.5', '3k', '4M', '5B', 'k', 'M', 'B', 'x', 'Z', 'key', 'key-account', 'account',
    'stakeholder', 'due', 'on-track', 'é', '\u00a0', '\u2028', '§', ':', '#', '\0', '€'];

/** A small deterministic generator (the soup is the same on every run). */
function* soup(count: number, seed: number, pieces: readonly string[]): Generator<string> {
    let state = seed;
    const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let i = 0; i < count; i++) {
        let text = '';
        const length = 1 + Math.floor(next() * 40);
        for (let j = 0; j < length; j++) text += pieces[Math.floor(next() * pieces.length)];
        yield text;
    }
}

const plans = PLAN_CORPUS;

describe('word keywords read as names, then recognised', () => {
    it('uses the keyword-recognising lexer, and never tries a word keyword’s own pattern', () => {
        expect(Kam.parser.Lexer).toBeInstanceOf(KamLexer);
        const words = Object.values(Kam.parser.Lexer.definition).filter((t) => /^[A-Za-z][\w-]*$/.test(t.name) && t.name !== 'ID');
        expect(words.length).toBeGreaterThan(140);
        expect(words.filter((t) => typeof t.PATTERN === 'string').map((t) => t.name)).toEqual([]);
    });

    it('cuts generated character soup into the tokens Langium’s lexer gives', () => {
        let unreadable = 0;
        for (const text of soup(3000, 7, SOUP)) {
            expectSameTokens(text);
            if (Kam.parser.Lexer.tokenize(text).errors.length > 0) unreadable++;
        }
        // Both kinds are exercised: soup read whole, and soup with characters only error recovery reads.
        expect(unreadable).toBeGreaterThan(100);
        expect(unreadable).toBeLessThan(2900);
        for (const text of soup(1000, 11, READABLE)) expectSameTokens(text);
    });

    it('reads dates, percents, amounts and numbers as the grammar’s terminals in their order', () => {
        const text = '2026-1-5 2026-01-015 20261-01-01 2026-123-1 12.5% -3.5k 4Mx 5B_ -7 007 2026-01-01 1% 9k9 1e5';
        expectSameTokens(text);
        expect(Kam.parser.Lexer.tokenize(text).errors).toEqual([]);
        expect(Kam.parser.Lexer.tokenize(text).tokens.map((t) => `${t.tokenType.name}:${t.image}`)).toEqual([
            'DATE:2026-1-5', 'NUMBER:2026', 'NUMBER:-01', 'NUMBER:-015', 'NUMBER:20261', 'NUMBER:-01', 'NUMBER:-01', 'NUMBER:2026', 'NUMBER:-123',
            'NUMBER:-1', 'PERCENT:12.5%', 'AMOUNT:-3.5k', 'NUMBER:4', 'ID:Mx', 'NUMBER:5', 'ID:B_', 'NUMBER:-7', 'NUMBER:007', 'DATE:2026-01-01',
            'PERCENT:1%', 'NUMBER:9', 'ID:k9', 'NUMBER:1', 'ID:e5',
        ]);
        // A dot or a minus that starts no number is an unexpected character, reported by Chevrotain.
        for (const text of ['12.% 1.5.3%', '- 5', '2026-01-01.5', '2026-01-01%', 'x12.5']) expectSameTokens(text);
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
            'note "two\nlines \\" quoted" /* a\r\nb\rc */ x // end',
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

    it('marks a keyword that starts a line after keywords left without their name, and no other token', () => {
        const text = [
            'scoring model m {',
            '    scale 1 to',
            '    factor revenue',
            '}',
            'account nordwind {',
            '    owner',
            '    revenue current 4M',
            '    owner revenue',
            '    stakeholder falk {',
            '        reports to',
            '        trusted advisor 7',
            '        relationship owner',
            '        trusted advisor 7',
            '    }',
            '}',
        ].join('\n');
        const tokens = Kam.parser.Lexer.tokenize(text).tokens;
        addLinesAndColumns(tokens);
        const marked = tokens.filter(startsNextEntry).map((t) => `${t.startLine}: ${t.image}`);
        // `revenue` on its line after `owner`, `trusted` after `reports to` and after `relationship owner`;
        // not after `owner revenue` (the name is there), nor after the `to` of `scale 1 to` (a number follows it).
        expect(marked).toEqual(['7: revenue', '11: trusted', '13: trusted']);
    });
});
