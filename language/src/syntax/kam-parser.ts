/**
 * The plan parser: Langium's, with error recovery that keeps a mistake inside its own block.
 *
 * A plan is a list of entries inside `{ … }`, one per line. When a block meets something that is
 * not one of its entries (`teir key`, `status on-track` in an objective), Chevrotain's default
 * recovery either closes the block early (when the word happens to be an entry of an enclosing
 * block: `status` is an account entry) or re-synchronises on the enclosing block's words, and the
 * rest of the block is lost — the reviewer then reports missing stakeholders and risks that are
 * there. Here the parser skips only the bad entry: tokens up to the next entry of the same block,
 * or up to its `}`, stepping over nested `{ … }` whole. A block really left open is told apart by
 * layout: a line that starts at or left of the line that opened the block belongs outside it, and
 * there a missing `}` is inserted as usual.
 */
import { AstUtils, createCompletionParser, createParser, isAstNode, LangiumParser, type AstNode, type AstReflection, type LangiumCompletionParser, type LangiumCoreServices, type ParseResult, type ParserOptions } from 'langium';
import { KamLinker } from '../workspace/kam-linker.js';
import { EOF, isRecognitionException, tokenMatcher, type DSLMethodOpts, type IToken, type TokenType } from 'chevrotain';
import { KamSyntaxMessages } from './syntax-messages.js';
import { CompactCstNodeBuilder } from './compact-cst-builder.js';
import { rememberRepeatedEntry } from './repeated-entries.js';
import { startsNextEntry } from './kam-lexer.js';
import { addLinesAndColumns } from './token-lines.js';

/** The parts of Chevrotain's recognizer that block-aware recovery uses (instance methods, overridable). */
interface Recognizer {
    LA(howMuch: number): IToken;
    SKIP_TOKEN(): IToken;
    exportLexerState(): number;
    importLexerState(state: number): void;
    SAVE_ERROR(error: Error): Error;
    getCurrRuleFullName(): string;
    isBackTracking(): boolean;
    RECORDING_PHASE: boolean;
    tryInRepetitionRecovery(grammarRule: (...args: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType): void;
    canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean;
    tokVector: IToken[];
    currIdx: number;
    tokenMatcher(token: IToken, type: TokenType): boolean;
}

/** Thrown-away tokens are reported like Chevrotain's own in-repetition recovery (a MismatchedTokenException). */
class MismatchedTokenException extends Error {
    readonly name = 'MismatchedTokenException';
    resyncedTokens: IToken[] = [];
    context: unknown;
    constructor(message: string, readonly token: IToken, readonly previousToken: IToken) {
        super(message);
    }
}

/** The names of each syntax node type's list properties (those whose default is an empty list), read once per type. */
function listPropertiesOf(reflection: AstReflection): (type: string) => readonly string[] {
    const known = new Map<string, readonly string[]>();
    return (type) => {
        let lists = known.get(type);
        if (!lists) {
            lists = Object.values(reflection.getTypeMetaData(type).properties).filter((p) => Array.isArray(p.defaultValue)).map((p) => p.name);
            known.set(type, lists);
        }
        return lists;
    };
}

export class KamParser extends LangiumParser {
    private readonly recognizer: Recognizer;
    private readonly braces: { open: TokenType; close: TokenType };

    constructor(services: LangiumCoreServices) {
        super(services);
        // Langium's builder, keeping leaves as numbers until read and lists exact (compact-cst-builder.ts); Langium offers no hook for it.
        this.compactBuilder = new CompactCstNodeBuilder(listPropertiesOf(services.shared.AstReflection));
        (this as unknown as { nodeBuilder: CompactCstNodeBuilder }).nodeBuilder = this.compactBuilder;
        this.recognizer = this.wrapper as unknown as Recognizer;
        const tokens = services.parser.Lexer.definition;
        this.braces = { open: tokens['{'], close: tokens['}'] };
        installBlockRecovery(this.recognizer, services);
        if (tokens['ID']) noNameOnTheNextEntry(this.recognizer, tokens['ID']);
        keepFirstValueOfEachEntry(this);
        placeMistakesByLine(this.recognizer);
        const linker = services.references.Linker;
        this.referenceLister = linker instanceof KamLinker ? linker : undefined;
    }

    private readonly referenceLister: KamLinker | undefined;
    private readonly compactBuilder: CompactCstNodeBuilder;

    /** Each parse's references are kept with its tree, so linking need not search the tree for them (kam-linker.ts). */
    override parse<T extends AstNode = AstNode>(input: string, options?: ParserOptions): ParseResult<T> {
        const result = this.referenceLister ? this.referenceLister.parsing(() => super.parse<T>(input, options)) : super.parse<T>(input, options);
        this.compactBuilder.finish();
        return result;
    }

    /**
     * Each pass of a repetition reads one entry (`industry "…"`, `stakeholder x { … }`). When an
     * entry goes wrong half-way (`industry` with no text after it, `trusted advisor high`), the
     * error is already recorded; here only the rest of that entry is skipped — up to the next line
     * that starts at or left of where the entry started, or the block's `}` — and the block reads
     * on. Without this, Chevrotain re-synchronises on what follows the whole block and the rest of
     * the account is lost.
     */
    override many(idx: number, callback: DSLMethodOpts<unknown>): void {
        const definition = (typeof callback === 'function' ? callback : callback.DEF) as () => unknown;
        const guarded = (): unknown => {
            const recognizer = this.recognizer;
            if (recognizer.RECORDING_PHASE || recognizer.isBackTracking()) return definition.call(this.wrapper);
            const entryStart = recognizer.LA(1);
            try {
                return definition.call(this.wrapper);
            } catch (error) {
                if (!(error instanceof Error) || !isRecognitionException(error) || !this.skipRestOfEntry(entryStart)) throw error;
                return undefined;
            }
        };
        super.many(idx, (typeof callback === 'function' ? guarded : { ...callback, DEF: guarded }) as DSLMethodOpts<unknown>);
    }

    /** Skips to where the next entry may start; false when nothing could be skipped (let Chevrotain recover). */
    private skipRestOfEntry(entryStart: IToken): boolean {
        const recognizer = this.recognizer;
        addLinesAndColumns(recognizer.tokVector);
        const { open, close } = this.braces;
        const column = entryStart.startColumn ?? 0;
        let depth = 0;
        let skipped = 0;
        for (;;) {
            const token = recognizer.LA(1);
            if (tokenMatcher(token, EOF)) break;
            if (depth === 0) {
                if (tokenMatcher(token, close)) break;
                if (startsLine(recognizer) && (token.startColumn ?? 0) <= column && token !== entryStart) break;
            }
            if (tokenMatcher(token, open)) depth++;
            else if (tokenMatcher(token, close)) depth--;
            recognizer.SKIP_TOKEN();
            skipped++;
        }
        return skipped > 0 || recognizer.LA(1) !== entryStart;
    }
}

/** The parts of Langium's parser that an assignment uses (private there; instance methods, overridable). */
interface Assigner {
    readonly current: Record<string, unknown>;
    readonly linker: { buildReference(node: AstNode, property: string, refNode: unknown, refText: string): unknown };
    assign(operator: string, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void;
    linkCstNode(item: unknown): void;
}

/**
 * An entry that takes one value (`tier key`, `owner anna`: `=` in the grammar) keeps the first value
 * written, where Langium's assignment would keep the last; each later one is remembered for the
 * reviewer (repeated-entries.ts). A later block (a second `scores { … }`) stays out of the tree, but
 * knows its container, so that a request at its text (hover, completion) still finds its plan. A
 * later name (`owner ben` after `owner anna`) is kept as a reference of its own: it is linked and
 * indexed like any other, so that rename and find references reach it (kam-references.ts).
 */
function keepFirstValueOfEachEntry(parser: LangiumParser): void {
    const assigner = parser as unknown as Assigner;
    const assign = assigner.assign;
    // Every value the parser reads passes here: the rare later writing is handled apart, so this stays small enough for V8 to inline.
    assigner.assign = function (this: Assigner, operator, feature, value, cstNode, crossRef) {
        if (operator === '=' && this.current[feature] !== undefined) keepAside(this, feature, value, cstNode, crossRef);
        else assign.call(this, operator, feature, value, cstNode, crossRef);
    };
}

/** A later writing of an entry that takes one value, remembered beside the node that holds the first. */
function keepAside(assigner: Assigner, feature: string, value: unknown, cstNode: unknown, crossRef: unknown): void {
    const node = assigner.current as unknown as AstNode;
    if (isAstNode(value)) {
        (value as { $container?: unknown }).$container = node;
        (value as { $containerProperty?: string }).$containerProperty = feature;
        assigner.linkCstNode(value);
        // Langium's own parser links nodes to their containers after the parse, from the root, which
        // never reaches this one (the bundled parser links them as they are assigned: then a no-op).
        AstUtils.linkContentToContainer(value, { deep: true });
    }
    const ignored = crossRef === 'single' && typeof value === 'string' ? assigner.linker.buildReference(node, feature, cstNode, value) : value;
    rememberRepeatedEntry(node, feature, ignored);
}

/** Langium's `createLangiumParser`, building a KamParser. */
export function createKamParser(services: LangiumCoreServices): LangiumParser {
    const parser = new KamParser(services);
    createParser(services.Grammar, parser, services.parser.Lexer.definition);
    parser.finalize();
    return parser;
}

/**
 * Langium's completion parser, built when the first completion asks for it. Langium builds it with
 * every other service when the language server starts — a second Chevrotain parser, about 20 ms of
 * every start, on a portfolio of one plan or 2,000 — though many sessions never ask for a completion.
 * The completion provider only calls `parse`.
 */
export function lazyCompletionParser(services: LangiumCoreServices): Pick<LangiumCompletionParser, 'parse'> {
    let parser: LangiumCompletionParser | undefined;
    return { parse: (input) => (parser ??= createCompletionParser(services)).parse(input) };
}

function installBlockRecovery(recognizer: Recognizer, services: LangiumCoreServices): void {
    const tokens = services.parser.Lexer.definition;
    const open = tokens['{'];
    const close = tokens['}'];
    if (!open || !close) return;
    const messages = new KamSyntaxMessages(services.Grammar);
    const defaultRecovery = recognizer.tryInRepetitionRecovery;
    const defaultInsertion = recognizer.canRecoverWithSingleTokenInsertion;

    recognizer.tryInRepetitionRecovery = function (this: Recognizer, grammarRule, args, lookAhead, expected) {
        const atTop = expected === EOF;
        if (expected !== close && !atTop) return defaultRecovery.call(this, grammarRule, args, lookAhead, expected);
        addLinesAndColumns(this.tokVector);
        const saved = this.exportLexerState();
        const firstBad = this.LA(1);
        const previous = this.LA(0);
        const block = atTop ? undefined : openingBrace(this, open, close);
        const indent = block === undefined ? -1 : lineStart(this.tokVector, block).startColumn ?? 0;
        const skipped: IToken[] = [];
        const report = () => {
            const header = block === undefined ? [] : this.tokVector.slice(this.tokVector.indexOf(lineStart(this.tokVector, block)), block).map((t) => t.image);
            const message = messages.unknownEntry(this.getCurrRuleFullName(), firstBad, header);
            const error = new MismatchedTokenException(message, firstBad, previous);
            error.resyncedTokens = skipped.slice(1);
            this.SAVE_ERROR(error);
        };
        let depth = 0;
        for (;;) {
            const token = this.LA(1);
            if (tokenMatcher(token, EOF)) {
                if (atTop && skipped.length) { report(); return; }
                break;
            }
            if (depth === 0 && skipped.length > 0) {
                if (tokenMatcher(token, close) && !atTop) { report(); return; }
                // A line that starts left of the block's contents belongs outside it: the block is left open.
                if (!atTop && startsLine(this) && token.startColumn! <= indent) break;
                if (lookAhead.call(this)) {
                    report();
                    grammarRule.apply(this, args);
                    return;
                }
            }
            if (tokenMatcher(token, open)) depth++;
            else if (tokenMatcher(token, close)) {
                if (depth === 0) break; // an unbalanced `}` at the top level: leave it to the default error
                depth--;
            }
            skipped.push(token);
            this.SKIP_TOKEN();
        }
        this.importLexerState(saved);
    };

    // Close a block early only when the next line really starts outside it (see above).
    recognizer.canRecoverWithSingleTokenInsertion = function (this: Recognizer, expected, follows) {
        addLinesAndColumns(this.tokVector);
        if (expected === close && startsLine(this)) {
            const block = openingBrace(this, open, close);
            if (block !== undefined && this.LA(1).startColumn! > (lineStart(this.tokVector, block).startColumn ?? 0)) return false;
        }
        return defaultInsertion.call(this, expected, follows);
    };
}

/**
 * The tokens are read without lines and columns (token-lines.ts); a syntax error is placed by its
 * token's, so the plan's tokens get them when its first error is recorded. Installed last: every
 * other step of recording an error sees them.
 */
function placeMistakesByLine(recognizer: Recognizer): void {
    const save = recognizer.SAVE_ERROR;
    recognizer.SAVE_ERROR = function (this: Recognizer, error: Error) {
        addLinesAndColumns(this.tokVector);
        return save.call(this, error);
    };
}

/**
 * A keyword that opens the next line's entry is not the name its line left out (kam-lexer.ts):
 * where a name is expected, it does not match, so the parser reports the missing name and, by
 * Chevrotain's usual recovery, reads the entry it opens.
 */
function noNameOnTheNextEntry(recognizer: Recognizer, id: TokenType): void {
    const matches = recognizer.tokenMatcher;
    recognizer.tokenMatcher = (token, type) => (type === id && startsNextEntry(token) ? false : matches(token, type));
    // The mistake is the keywords left without their name: the error marks them all (`reports to`),
    // not the next line's entry.
    const save = recognizer.SAVE_ERROR;
    recognizer.SAVE_ERROR = function (this: Recognizer, error: Error & { token?: IToken; previousToken?: IToken }) {
        if (error.name === 'MismatchedTokenException' && error.token && startsNextEntry(error.token) && error.previousToken) {
            error.token = keywordRunEndingWith(this, error.previousToken, error.token.startsNextEntry.split(' ').length);
        }
        return save.call(this, error);
    };
}

/** One token spanning the `words` keywords that end with `last` (`reports to`), or `last` when they are not found. */
function keywordRunEndingWith(recognizer: Recognizer, last: IToken, words: number): IToken {
    const tokens = recognizer.tokVector;
    // The run was just read: it ends at or right before the parser's position.
    let end = Math.min(recognizer.currIdx, tokens.length - 1);
    while (end >= 0 && tokens[end] !== last) end--;
    const first = end - words + 1 >= 0 ? tokens[end - words + 1] : undefined;
    if (!first || first === last) return last;
    return { ...last, startOffset: first.startOffset, startLine: first.startLine, startColumn: first.startColumn };
}

/** Is the next token the first on its line? */
function startsLine(recognizer: Recognizer): boolean {
    const previous = recognizer.LA(0);
    const next = recognizer.LA(1);
    return previous.endLine === undefined || Number.isNaN(previous.endLine) || (next.startLine ?? 0) > previous.endLine;
}

/** The index of the innermost `{` not yet closed before the parser's position. */
function openingBrace(recognizer: Recognizer, open: TokenType, close: TokenType): number | undefined {
    const tokens = recognizer.tokVector;
    let depth = 0;
    for (let i = Math.min(recognizer.currIdx, tokens.length - 1); i >= 0; i--) {
        const token = tokens[i];
        if (tokenMatcher(token, close)) depth++;
        else if (tokenMatcher(token, open)) {
            if (depth === 0) return i;
            depth--;
        }
    }
    return undefined;
}

/** The first token on the line of `tokens[index]`: where the block's header starts. */
function lineStart(tokens: readonly IToken[], index: number): IToken {
    const line = tokens[index].startLine;
    let first = index;
    while (first > 0 && tokens[first - 1].endLine === line) first--;
    return tokens[first];
}
