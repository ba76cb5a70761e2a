/**
 * Syntax errors in the writer's words: "Unknown entry `teir` in account Nordwind Logistics — did you
 * mean `tier`? Entries allowed here: …" instead of "Expecting token of type '}' but found 'teir'".
 * Built from the grammar's own vocabulary (grammar-vocabulary.ts).
 */
import type { IToken, TokenType } from 'chevrotain';
import type { GrammarAST, LangiumCoreServices } from 'langium';
import { LangiumParserErrorMessageProvider, DefaultLexerErrorMessageProvider } from 'langium';
import { startsNextEntry } from './kam-lexer.js';
import { article, didYouMean, grammarVocabulary, ruleLabel, type GrammarVocabulary } from './grammar-vocabulary.js';

/** What a terminal is, said the way a plan is written. */
const TERMINAL_WORDS: Record<string, string> = {
    NUMBER: 'a number (such as 7)',
    PERCENT: 'a percentage (such as 20%)',
    AMOUNT: 'an amount (such as 1.2M)',
    DATE: 'a date written as yyyy-mm-dd',
    STRING: 'a text in double quotes',
    ID: 'a name',
};

/** What a data-type rule that is not a list of values stands for. */
const RULE_WORDS: Record<string, string> = {
    Name: 'a name (one word, such as anna or nordwind)',
    Amount: 'an amount (such as 1.2M or 850000)',
    Measure: 'a number, a percentage or an amount',
};

/** The rule a Chevrotain rule name stands for: Langium appends a zero-width space. */
export function plainRuleName(name: string | undefined): string {
    return (name ?? '').replace(/\u200B$/, '');
}

function quoteToken(token: IToken | undefined): string {
    if (!token || token.image === undefined || token.tokenType?.name === 'EOF') return 'the end of the file';
    const image = token.image.length > 40 ? `${token.image.slice(0, 37)}…` : token.image;
    return `\`${image.replace(/`/g, "'")}\``;
}

/** A token type in words: terminals by what they hold, keywords (named by their own text) quoted. */
function describeTokenType(type: TokenType): string {
    const name = type.name;
    if (name === 'EOF') return 'the end of the file';
    return TERMINAL_WORDS[name] ?? `\`${name.replace(/:KW$/, '')}\``;
}

export class KamSyntaxMessages {
    readonly vocabulary: GrammarVocabulary;

    constructor(grammar: GrammarAST.Grammar) {
        this.vocabulary = grammarVocabulary(grammar);
    }

    /** An entry a block does not know, skipped by the parser's recovery. */
    unknownEntry(ruleName: string, token: IToken, header: readonly string[]): string {
        const rule = plainRuleName(ruleName);
        const entries = this.vocabulary.entries.get(rule) ?? [];
        const word = token.image ?? '';
        const suggestion = /^[A-Za-z]/.test(word) ? didYouMean(word, entries) : undefined;
        const hint = suggestion ? ` — did you mean \`${suggestion}\`?` : '.';
        if (rule === 'PlanFile') {
            return `Unknown element ${quoteToken(token)}${hint} A plan file holds: ${entries.join(', ')}.`;
        }
        const where = header.length ? ` in ${this.blockLabel(header)}` : '';
        return `Unknown entry ${quoteToken(token)}${where}${hint} Entries allowed here: ${entries.join(', ')}.`;
    }

    /**
     * "account Nordwind Logistics", "risk The group re-tenders…", "will and skill" from the tokens
     * that open a block (`account nordwind "Nordwind Logistics" {`): the opening words, then the
     * display text if there is one, else the name.
     */
    blockLabel(header: readonly string[]): string {
        const openers = [...this.vocabulary.entries.values()].flat().sort((a, b) => b.length - a.length);
        const start = header.join(' ');
        const opener = openers.find((o) => start === o || start.startsWith(`${o} `)) ?? header[0] ?? '';
        const rest = header.slice(opener.split(' ').length);
        const text = rest.find((t) => t.startsWith('"'));
        const name = text ? text.slice(1, -1) : rest[0];
        const shown = name && name.length > 40 ? `${name.slice(0, 37)}…` : name;
        return shown ? `${opener} ${shown}` : opener;
    }

    mismatch(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        const { expected, actual, previous } = options;
        const rule = plainRuleName(options.ruleName);
        if (actual.tokenType?.name === 'EOF') {
            return `The file ends before ${article(ruleLabel(rule))} ${ruleLabel(rule)} is finished: ${describeTokenType(expected)} is missing.`;
        }
        if (expected.name === '}' || expected.name === '}:KW') {
            return `${quoteToken(actual)} cannot go here: the ${ruleLabel(rule)} above is still open. Add \`}\` to close it.`;
        }
        if (expected.name === 'ID' && startsNextEntry(actual)) {
            const keywords = actual.startsNextEntry;
            return `\`${keywords}\` needs its name on the same line: ${quoteToken(actual)} on the next line starts another entry. Write the name right after \`${keywords}\`.`;
        }
        const after = previous?.image ? ` after \`${previous.image}\`` : '';
        return `Expected ${describeTokenType(expected)}${after}, but found ${quoteToken(actual)}.`;
    }

    noViableAlternative(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; ruleName: string }): string {
        const rule = plainRuleName(options.ruleName);
        const actual = options.actual[0];
        const values = this.vocabulary.values.get(rule);
        if (values) {
            const label = ruleLabel(rule);
            const word = actual?.image ?? '';
            const suggestion = /^[A-Za-z]/.test(word) ? didYouMean(word, values) : undefined;
            const found = actual?.tokenType?.name === 'EOF' ? `The file ends where ${article(label)} ${label} is expected` : `${quoteToken(actual)} is not ${article(label)} ${label}`;
            return `${found}${suggestion ? ` — did you mean \`${suggestion}\`?` : '.'} ${capitalise(article(label))} ${label} is one of: ${values.join(', ')}.`;
        }
        const after = options.previous?.image ? ` after \`${options.previous.image}\`` : '';
        const wanted = RULE_WORDS[rule] ?? this.firstTokens(options.expectedPathsPerAlt);
        return `Expected ${wanted}${after}, but found ${quoteToken(actual)}.`;
    }

    notAllInputParsed(firstRedundant: IToken): string {
        if (firstRedundant.image === '}') return 'This `}` closes nothing: there is no open block here. Remove it, or check the `{` above.';
        return `${quoteToken(firstRedundant)} is not part of any plan element: a plan file holds ${(this.vocabulary.entries.get('PlanFile') ?? []).join(', ')}.`;
    }

    private firstTokens(paths: TokenType[][][]): string {
        const firsts = [...new Set(paths.flat().map((path) => path[0]).filter(Boolean).map(describeTokenType))];
        if (firsts.length <= 1) return firsts[0] ?? 'something else';
        return firsts.length > 8 ? `one of ${firsts.slice(0, 8).join(', ')} …` : `one of ${firsts.join(', ')}`;
    }
}

function capitalise(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The parser's messages: Chevrotain calls these when it meets something the grammar does not allow. */
export class KamParserErrorMessageProvider extends LangiumParserErrorMessageProvider {
    private readonly messages: KamSyntaxMessages;

    constructor(services: LangiumCoreServices) {
        super();
        this.messages = new KamSyntaxMessages(services.Grammar);
    }

    override buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string {
        return this.messages.mismatch(options);
    }

    override buildNoViableAltMessage(options: { expectedPathsPerAlt: TokenType[][][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.messages.noViableAlternative(options);
    }

    override buildEarlyExitMessage(options: { expectedIterationPaths: TokenType[][]; actual: IToken[]; previous: IToken; customUserDescription?: string; ruleName: string }): string {
        return this.messages.noViableAlternative({ expectedPathsPerAlt: [options.expectedIterationPaths], actual: options.actual, previous: options.previous, ruleName: options.ruleName });
    }

    override buildNotAllInputParsedMessage(options: { firstRedundant: IToken; ruleName: string }): string {
        return this.messages.notAllInputParsed(options.firstRedundant);
    }
}

/** Characters that no word of a plan starts with. */
export class KamLexerErrorMessageProvider extends DefaultLexerErrorMessageProvider {
    override buildUnexpectedCharactersMessage(fullText: string, startOffset: number, length: number, line?: number, column?: number): string {
        const text = fullText.substring(startOffset, startOffset + length);
        if (text.startsWith('"')) return 'This text has no closing `"`: texts are written between double quotes on one entry.';
        const shown = [...text].slice(0, 20).map((c) => (/[\p{Cc}\p{Cf}]/u.test(c) ? `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : c)).join('');
        void line; void column;
        return `Unexpected character${length > 1 ? 's' : ''} \`${shown.replace(/`/g, "'")}\`: names are words (letters, digits, _ and -), texts go between double quotes, comments start with //.`;
    }
}
