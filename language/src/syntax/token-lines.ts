/**
 * The lexer reads a plan's tokens with their offsets only (kam-lexer.ts): Chevrotain's line and
 * column tracking counts the line breaks of every token and gives each token four more fields,
 * though a plan without mistakes never reads them (a syntax node's lines are worked out from the
 * document's line starts when asked, compact-cst.ts). Lines and columns are for mistakes: the
 * parser's recovery reads the layout (kam-parser.ts) and a syntax error is placed by its token.
 * There they are added to every token of the plan at once, as Chevrotain's full tracking gives them.
 */
import type { ILexingError, IToken } from 'chevrotain';
import { lineStarts, positionAt } from './compact-cst.js';

/** The text each list of tokens was read from, for the lines a mistake needs. */
const textOfTokens = new WeakMap<readonly IToken[], string>();

export function rememberText(tokens: readonly IToken[], text: string): void {
    textOfTokens.set(tokens, text);
}

/** Whether the text between two tokens breaks the line (the line tracking's `startLine > endLine`). */
export function lineBreakBetween(text: string, before: IToken, after: IToken): boolean {
    for (let i = before.startOffset + before.image.length; i < after.startOffset; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 /* \n */ || c === 13 /* \r */) return true;
    }
    return false;
}

/**
 * Gives every token read from the same text (the lexer's list, or any list and its text) its lines
 * and columns (1-based, the end column the last character's), once: the values of Chevrotain's
 * `positionTracking: 'full'`. Tokens that already have them, or whose text is not known, are left as they are.
 */
export function addLinesAndColumns(tokens: readonly IToken[], text = textOfTokens.get(tokens)): void {
    if (tokens.length === 0 || tokens[0].startLine !== undefined || text === undefined) return;
    const starts = lineStarts(text);
    for (const token of tokens) {
        // Chevrotain's end-of-file tokens, appended for its lookahead, are frozen with lines of their own.
        if (token.startLine !== undefined) continue;
        const length = token.image.length;
        const start = positionAt(starts, token.startOffset);
        token.startLine = start.line + 1;
        token.startColumn = start.character + 1;
        const end = length > 0 ? positionAt(starts, token.startOffset + length - 1) : start;
        if (end.line === start.line) {
            token.endLine = token.startLine;
            token.endColumn = token.startColumn + length - 1;
        } else {
            // A token that spans lines (a quoted text, a block comment) ends on its last line; one that
            // ends with a line break ends, for Chevrotain, at column 1 of the line that break ends.
            const lastChar = text.charCodeAt(token.startOffset + length - 1);
            token.endLine = end.line + 1;
            token.endColumn = lastChar === 10 || lastChar === 13 ? 1 : end.character + 1;
        }
    }
}

/** A lexing error's line and column (1-based), worked out from its offset. */
export function addLineAndColumn(errors: ILexingError[], text: string): void {
    if (errors.length === 0) return;
    const starts = lineStarts(text);
    for (const error of errors) {
        const { line, character } = positionAt(starts, error.offset);
        error.line = line + 1;
        error.column = character + 1;
    }
}
