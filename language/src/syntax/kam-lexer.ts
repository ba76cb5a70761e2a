/**
 * The lexer, with word keywords recognised after the fact: Chevrotain reads every word as an ID
 * (the keywords' own patterns are never tried, see kam-token-builder.ts) and each ID whose text is
 * a keyword becomes that keyword's token. The tokens are the same as Langium's lexer gives with one
 * pattern per keyword; the lexing of a plan takes about half the time.
 */
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import type { TokenType } from 'chevrotain';
import { wordKeywords } from './kam-token-builder.js';

export class KamLexer extends DefaultLexer {
    private readonly keywordsByWord: Map<string, TokenType>;
    private readonly idTypeIndex: number | undefined;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.keywordsByWord = wordKeywords(Object.values(this.definition));
        this.idTypeIndex = this.definition['ID']?.tokenTypeIdx;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        if (this.keywordsByWord.size === 0) return result;
        for (const token of result.tokens) {
            if (token.tokenTypeIdx !== this.idTypeIndex) continue;
            const keyword = this.keywordsByWord.get(token.image);
            if (keyword !== undefined) {
                token.tokenType = keyword;
                token.tokenTypeIdx = keyword.tokenTypeIdx!;
            }
        }
        return result;
    }
}
