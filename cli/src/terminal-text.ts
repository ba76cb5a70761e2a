/**
 * Text from plans, file names and settings reaches a terminal (or a CI log, which renders like one)
 * only through these functions, so a plan cannot move the cursor, recolour or retitle the terminal
 * (ESC / CSI / OSC sequences), hide text (NUL, backspace, carriage return), fake a line of output
 * (a newline inside a message), or reorder what is shown (bidirectional overrides, "Trojan Source").
 * The characters are not dropped but shown as their code points (ESC as `U+001B`), so what a plan
 * holds can still be seen.
 *
 * Neutralised: C0 controls (U+0000-U+001F), DEL (U+007F), C1 controls (U+0080-U+009F), the line
 * and paragraph separators (U+2028, U+2029) and the bidirectional formatting characters: the
 * embeddings and overrides U+202A-U+202E, the isolates U+2066-U+2069 and the marks U+200E, U+200F,
 * U+061C. Everything else, including other non-ASCII letters, emoji and joiners, is kept.
 */

const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const UNSAFE_EXCEPT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** `U+001B`: how the language's own messages show a character that cannot be shown (syntax-messages.ts). */
function visible(char: string): string {
    return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One line for the terminal: every unsafe character, newlines and tabs included, shown as its code point (`U+001B`, `U+000A`). */
export function terminalLine(text: string): string {
    return text.replace(UNSAFE, visible);
}

/** Several lines for the terminal: like `terminalLine`, but newlines and tabs are kept (a carriage return is not). */
export function terminalBlock(text: string): string {
    return text.replace(UNSAFE_EXCEPT_LINES, visible);
}

/**
 * JSON text with the same characters written as `\uXXXX` escapes: the same data for any JSON
 * reader, and nothing a terminal acts on. (JSON.stringify escapes C0 controls, but not DEL, C1
 * controls or the bidirectional characters.) Valid because these characters can stand in JSON
 * text only inside strings; newlines and tabs, which may be the layout's whitespace, are left alone
 * (inside strings JSON.stringify has escaped them already).
 */
export function terminalSafeJson(json: string): string {
    return json.replace(UNSAFE_EXCEPT_LINES, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
