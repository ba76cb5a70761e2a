/**
 * Keywords are names too. Every word keyword of the grammar (`due`, `will`, `profitability`, `key` …)
 * is also an ID, as a Chevrotain token category: where the grammar expects an ID, a keyword is read
 * as a name; where it expects the keyword, it is the keyword. Everyday words can then name accounts,
 * people and factors without a long list of alternatives in every name (which cost a closure per
 * keyword for every name parsed).
 */
import { DefaultTokenBuilder, type GrammarAST } from 'langium';
import type { TokenType } from 'chevrotain';

export class KamTokenBuilder extends DefaultTokenBuilder {
    protected override buildKeywordToken(keyword: GrammarAST.Keyword, terminalTokens: TokenType[], caseInsensitive: boolean): TokenType {
        const token = super.buildKeywordToken(keyword, terminalTokens, caseInsensitive);
        const id = terminalTokens.find((t) => t.name === 'ID');
        if (id && /^[A-Za-z][\w-]*$/.test(keyword.value)) token.CATEGORIES = [id];
        return token;
    }
}
