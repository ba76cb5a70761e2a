/**
 * Plan text shown on one line, in any output (labels, Markdown, messages): line breaks become spaces,
 * control characters show as the symbols Unicode has for them (ESC as ␛, NUL as ␀; C1 controls as
 * �) — they are invisible and a report may be read in a terminal — and bidi embeddings, overrides
 * and isolates (U+202A-202E, U+2066-2069) are left out: they would reorder the words after them,
 * ours too. Text is shown in the order it was typed.
 */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

export function oneLine(text: string): string {
    return visibleControls(text.replace(/[\r\n\u2028\u2029]+/g, ' ').replace(BIDI_CONTROLS, '')).trim();
}

function visibleControls(text: string): string {
    // eslint-disable-next-line no-control-regex
    return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, (c) => {
        const code = c.charCodeAt(0);
        return code < 0x20 ? String.fromCharCode(0x2400 + code) : code === 0x7f ? '\u2421' : '\uFFFD';
    });
}
