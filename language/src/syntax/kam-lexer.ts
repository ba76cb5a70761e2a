/**
 * The lexer, with word keywords recognised after the fact: Chevrotain reads every word as an ID
 * (the keywords' own patterns are never tried, see kam-token-builder.ts) and each ID whose text is
 * a keyword becomes that keyword's token. The tokens are the same as Langium's lexer gives with one
 * pattern per keyword; the lexing of a plan takes about half the time.
 *
 * Keywords are names too, except one: a keyword that starts a line right after a keyword a name
 * always follows (`owner` left without its name, then `revenue current …` on the next line) is
 * the next entry, not the name. Such a token is marked (`startsNextEntry`) and the parser does not
 * take it for a name (kam-parser.ts): the writer reads "`owner` needs a name" instead of an unknown
 * team member called `revenue` and an unknown entry `current`.
 */
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import type { IToken, TokenType } from 'chevrotain';
import { wordKeywords } from './kam-token-builder.js';
import { grammarVocabulary } from './grammar-vocabulary.js';

/** A keyword token that opens the next entry where a name was expected. */
export interface NextEntryToken extends IToken {
    startsNextEntry: true;
}

export function startsNextEntry(token: IToken): token is NextEntryToken {
    return (token as Partial<NextEntryToken>).startsNextEntry === true;
}

export class KamLexer extends DefaultLexer {
    private readonly keywordsByWord: Map<string, TokenType>;
    private readonly idTypeIndex: number | undefined;
    /** The token types of the keywords a name always follows (`owner`, `account` …). */
    private readonly beforeAName: Set<TokenType>;

    constructor(services: LangiumCoreServices) {
        super(services);
        this.keywordsByWord = wordKeywords(Object.values(this.definition));
        this.idTypeIndex = this.definition['ID']?.tokenTypeIdx;
        const keywords = grammarVocabulary(services.Grammar).keywordsBeforeAName;
        this.beforeAName = new Set(Object.values(this.definition).filter((type) => keywords.has(type.name)));
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        if (this.keywordsByWord.size === 0) return result;
        let previous: IToken | undefined;
        for (const token of result.tokens) {
            if (token.tokenTypeIdx === this.idTypeIndex) {
                const keyword = this.keywordsByWord.get(token.image);
                if (keyword !== undefined) {
                    token.tokenType = keyword;
                    token.tokenTypeIdx = keyword.tokenTypeIdx!;
                    if (previous !== undefined && this.beforeAName.has(previous.tokenType) && token.startLine! > previous.endLine!) {
                        (token as NextEntryToken).startsNextEntry = true;
                    }
                }
            }
            previous = token;
        }
        return result;
    }
}
