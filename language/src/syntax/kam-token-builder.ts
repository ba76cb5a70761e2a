/**
 * Keywords are names too. Every word keyword of the grammar (`due`, `will`, `profitability`, `key` …)
 * is also an ID, as a Chevrotain token category: where the grammar expects an ID, a keyword is read
 * as a name; where it expects the keyword, it is the keyword. Everyday words can then name accounts,
 * people and factors without a long list of alternatives in every name (which cost a closure per
 * keyword for every name parsed).
 *
 * The lexer never tries a word keyword's own pattern: it reads every word as an ID and `KamLexer`
 * looks the word up among the keywords (one map lookup, instead of a regular expression per keyword
 * sharing the word's first letter, then the ID's as the longer alternative).
 */
import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import { Lexer, type TokenType } from 'chevrotain';

export class KamTokenBuilder extends DefaultTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find((t) => t.name === 'ID');
        if (id && /^[A-Za-z][\w-]*$/.test(keyword.value)) {
            token.CATEGORIES = [id];
            if (!caseInsensitive && readsAsOneId(id, keyword.value)) {
                token.PATTERN = Lexer.NA;
                delete token.LONGER_ALT;
            }
        }
        return token;
    }
}

/** The word keywords the lexer reads as IDs, by their text. */
export function wordKeywords(tokenTypes: Iterable<TokenType>): Map<string, TokenType> {
    const words = new Map<string, TokenType>();
    for (const token of tokenTypes) {
        if (token.PATTERN === Lexer.NA && token.CATEGORIES?.some((category) => category.name === 'ID')) words.set(token.name, token);
    }
    return words;
}

/** Whether the ID terminal reads the whole keyword as one token (so retyping it gives the keyword). */
function readsAsOneId(id: TokenType, keyword: string): boolean {
    const pattern = id.PATTERN;
    if (!(pattern instanceof RegExp)) return false;
    return new RegExp(`^(?:${pattern.source})$`, pattern.flags.replace(/[gy]/g, '')).test(keyword);
}
