/**
 * The lexer, with word keywords recognised after the fact: Chevrotain reads every word as an ID
 * (the keywords' own patterns are never tried, see kam-token-builder.ts) and each ID whose text is
 * a keyword becomes that keyword's token. The tokens are the same as Langium's lexer gives with one
 * pattern per keyword; the lexing of a plan takes about half the time.
 *
 * Keywords are names too, except one: a keyword that starts a line right after keywords a name
 * always follows (`owner` or `reports to` left without its name, then `revenue current …` on the
 * next line) is the next entry, not the name. Such a token is marked (`startsNextEntry`: the
 * keywords left without their name) and the parser does not take it for a name (kam-parser.ts):
 * the writer reads "`owner` needs its name on the same line" instead of an unknown team member
 * called `revenue` and an unknown entry `current`.
 *
 * Tokens are read with their offsets only: lines and columns are added when a mistake needs them
 * (token-lines.ts).
 */
import { DefaultLexer, type LangiumCoreServices, type LexerResult, type TokenizeOptions } from 'langium';
import { Lexer as ChevrotainLexer, type IToken, type TokenType } from 'chevrotain';
import { wordKeywords } from './kam-token-builder.js';
import { grammarVocabulary } from './grammar-vocabulary.js';
import { addLineAndColumn, lineBreakBetween, rememberText } from './token-lines.js';

/** A keyword token that opens the next entry where a name was expected: the keywords left without it (`reports to`). */
export interface NextEntryToken extends IToken {
    startsNextEntry: string;
}

export function startsNextEntry(token: IToken): token is NextEntryToken {
    return typeof (token as Partial<NextEntryToken>).startsNextEntry === 'string';
}

/**
 * Chevrotain's lexer keeping offsets only (`positionTracking: 'onlyOffset'`), with the end offset
 * Langium reads (a token without one is not taken into the tree). Chevrotain makes each token with
 * the method named here; the fields are those of its full tokens, in their order, less the lines.
 */
class OffsetLexer extends ChevrotainLexer {
    protected createOffsetOnlyToken(image: string, startOffset: number, tokenTypeIdx: number, tokenType: TokenType): IToken {
        return { image, startOffset, endOffset: startOffset + image.length - 1, tokenTypeIdx, tokenType };
    }
}

/** A token kind's name that JavaScript would list first among an object's keys (`7`): the dictionary would not keep the lexer's order. */
const listedFirst = (name: string) => /^(0|[1-9]\d*)$/.test(name);

export class KamLexer extends DefaultLexer {
    private readonly keywordsByWord: Map<string, TokenType>;
    private readonly idTypeIndex: number | undefined;
    /** By their last keyword's token type, the grammar's runs of keywords (longest first); `text` only when a name always follows. */
    private readonly runsEndingWith: Map<TokenType, { words: string[]; text?: string }[]>;

    constructor(services: LangiumCoreServices) {
        super(services);
        // Lines and columns are worked out only when a mistake needs them (token-lines.ts): no line
        // breaks counted in every token, four fields a token fewer. The vocabulary is Langium's, in
        // its order (the first pattern that matches wins).
        if (!Object.keys(this.definition).some(listedFirst)) {
            this.chevrotainLexer = new OffsetLexer(Object.values(this.definition), {
                positionTracking: 'onlyOffset',
                skipValidations: true, // Langium's lexer just checked the same vocabulary
                errorMessageProvider: services.parser.LexerErrorMessageProvider,
            });
        }
        this.keywordsByWord = wordKeywords(Object.values(this.definition));
        this.idTypeIndex = this.definition['ID']?.tokenTypeIdx;
        this.runsEndingWith = new Map();
        for (const [run, beforeAName] of grammarVocabulary(services.Grammar).keywordRunsBeforeAName) {
            const words = run.split(' ');
            const last = this.definition[words[words.length - 1]];
            if (!last) continue;
            const runs = this.runsEndingWith.get(last) ?? [];
            runs.push({ words, text: beforeAName ? run : undefined });
            runs.sort((a, b) => b.words.length - a.words.length);
            this.runsEndingWith.set(last, runs);
        }
    }

    /** The run of keywords a name always follows that the text ends with at `tokens[index]` (`reports to`), if any. */
    private runBeforeAName(tokens: readonly IToken[], index: number): string | undefined {
        const runs = this.runsEndingWith.get(tokens[index].tokenType);
        if (!runs) return undefined;
        for (const run of runs) {
            const start = index - run.words.length + 1;
            if (start < 0) continue;
            let matches = true;
            for (let w = 0; w < run.words.length - 1 && matches; w++) matches = tokens[start + w].image === run.words[w];
            if (matches) return run.text;
        }
        return undefined;
    }

    override tokenize(text: string, options?: TokenizeOptions): LexerResult {
        const result = super.tokenize(text, options);
        rememberText(result.tokens, text);
        addLineAndColumn(result.errors, text);
        if (this.keywordsByWord.size === 0) return result;
        const tokens = result.tokens;
        for (let i = 0; i < tokens.length; i++) {
            const token = tokens[i];
            if (token.tokenTypeIdx !== this.idTypeIndex) continue;
            const keyword = this.keywordsByWord.get(token.image);
            if (keyword === undefined) continue;
            token.tokenType = keyword;
            token.tokenTypeIdx = keyword.tokenTypeIdx!;
            if (i > 0 && lineBreakBetween(text, tokens[i - 1], token)) {
                const run = this.runBeforeAName(tokens, i - 1);
                if (run !== undefined) (token as NextEntryToken).startsNextEntry = run;
            }
        }
        return result;
    }
}
