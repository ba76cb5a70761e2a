/** Where a document's syntax errors are: the reviewer and the numbers treat an account with one as read only in part. */
import type { LangiumDocument } from 'langium';

export interface SyntaxErrorPlace {
    offset: number;
    /** 1-based. */
    line: number;
}

const places = new WeakMap<object, SyntaxErrorPlace[]>();

/** The lexer's and the parser's errors of a document, in text order (computed once per parse). */
export function syntaxErrorOffsets(document: LangiumDocument): SyntaxErrorPlace[] {
    const result = document.parseResult;
    let found = places.get(result);
    if (!found) {
        found = [];
        for (const e of result.lexerErrors) found.push({ offset: e.offset, line: e.line ?? document.textDocument.positionAt(e.offset).line + 1 });
        for (const e of result.parserErrors) {
            const token = Number.isFinite(e.token.startOffset) && e.token.startOffset >= 0 ? e.token
                : (e as { previousToken?: typeof e.token }).previousToken;
            if (token && Number.isFinite(token.startOffset) && token.startOffset >= 0) {
                found.push({ offset: token.startOffset, line: token.startLine ?? document.textDocument.positionAt(token.startOffset).line + 1 });
            } else {
                found.push({ offset: 0, line: 1 });
            }
        }
        found.sort((a, b) => a.offset - b.offset);
        places.set(result, found);
    }
    return found;
}

/** The first syntax error between two offsets (an account's text), if any. */
export function firstSyntaxErrorIn(document: LangiumDocument, start: number, end: number): SyntaxErrorPlace | undefined {
    return syntaxErrorOffsets(document).find((e) => e.offset >= start && e.offset <= end);
}
