/**
 * A plan's tokens are read with their offsets only (kam-lexer.ts); lines and columns are worked out
 * when a mistake needs them (token-lines.ts): for the parser's recovery, which reads the plan's
 * layout, and for the place of a syntax error. A reviewer must not notice: a plan without mistakes
 * is read without a single line worked out, and a plan with one gets the lines and columns
 * Langium's lexer tracks as it reads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultLexer, EmptyFileSystem } from 'langium';
import type { IToken } from 'chevrotain';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';

const { Kam } = createKamServices(EmptyFileSystem);

/** Langium's own lexer over the same vocabulary, tracking lines and columns as it reads. */
const tracking = createKamServices(EmptyFileSystem, { parser: { Lexer: (services) => new DefaultLexer(services) } }).Kam.parser.Lexer;

/** Parses a plan and returns, beside the result, the tokens as the parser left them. */
function parseKeepingTokens(text: string) {
    const lexer = Kam.parser.Lexer;
    const tokenize = lexer.tokenize;
    let tokens: IToken[] = [];
    lexer.tokenize = (input, options) => {
        const lexed = tokenize.call(lexer, input, options);
        tokens = lexed.tokens;
        return lexed;
    };
    try {
        return { result: Kam.parser.LangiumParser.parse(text), tokens };
    } finally {
        lexer.tokenize = tokenize;
    }
}

const place = (token: IToken) => `${token.image} ${token.startOffset} ${token.startLine}:${token.startColumn}-${token.endLine}:${token.endColumn}`;

const read = (plan: string) => fs.readFileSync(path.join(ROOT, plan), 'utf8');
const withMistakes = PLAN_CORPUS.filter((plan) => Kam.parser.LangiumParser.parse(read(plan)).parserErrors.length > 0);
const withoutMistakes = PLAN_CORPUS.filter((plan) => !withMistakes.includes(plan));

describe('lines and columns worked out for mistakes only', () => {
    it('has plans of both kinds to read', () => {
        expect(withMistakes.length).toBeGreaterThanOrEqual(8);
        expect(withoutMistakes.length).toBeGreaterThanOrEqual(10);
    });

    it.each(withoutMistakes)('reads %s, which has no mistake, without working out a line', (plan) => {
        const { result, tokens } = parseKeepingTokens(read(plan));
        expect(result.lexerErrors).toEqual([]);
        expect(result.parserErrors).toEqual([]);
        expect(tokens.length).toBeGreaterThan(0);
        expect(tokens.filter((token) => token.startLine !== undefined).map(place)).toEqual([]);
    });

    it.each(withMistakes)('gives the tokens of %s, which has a mistake, the lines and columns Langium’s lexer tracks', (plan) => {
        const text = read(plan);
        const { result, tokens } = parseKeepingTokens(text);
        const tracked = tracking.tokenize(text).tokens;
        // Chevrotain pads the parser's list with end-of-file tokens for its lookahead.
        expect(tokens.slice(0, tracked.length).map(place)).toEqual(tracked.map(place));
        for (const error of result.parserErrors) {
            if (Number.isNaN(error.token.startOffset)) continue; // a token the recovery inserted has no place
            expect(Number.isInteger(error.token.startLine), error.message).toBe(true);
        }
    });

    it('places a character no word starts with on its line and column', () => {
        const text = 'account nordwind {\r\n    tier key\r\n    § industry "Logistics"\r\n}\r\n';
        const { result } = parseKeepingTokens(text);
        expect(result.lexerErrors.map((error) => [error.line, error.column, error.length])).toEqual([[3, 5, 1]]);
        expect(result.lexerErrors.map((error) => [error.line, error.column])).toEqual(tracking.tokenize(text).errors.map((error) => [error.line, error.column]));
    });

    it('still keeps a broken entry inside its block by the plan’s layout', () => {
        const text = [
            'account nordwind "Nordwind" {',
            '    stakeholder anna "Anna Berg" {',
            '        stance',
            '        role executive',
            '    }',
            '    stakeholder ben "Ben Ode" {',
            '        role finance',
            '    }',
            '}',
        ].join('\n');
        const { result, tokens } = parseKeepingTokens(text);
        expect(result.parserErrors.length).toBeGreaterThan(0);
        expect(tokens[0].startLine).toBe(1);
        const account = (result.value as unknown as { elements: Array<{ stakeholders: Array<{ name: string; roles: string[] }> }> }).elements[0];
        expect(account.stakeholders.map((s) => `${s.name}: ${s.roles.join(', ')}`)).toEqual(['anna: executive', 'ben: finance']);
    });
});
