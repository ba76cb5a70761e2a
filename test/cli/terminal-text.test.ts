/** Text from plans reaches a terminal neutralised: shown, never acted on. */
import { describe, expect, it } from 'vitest';
import { terminalBlock, terminalLine, terminalSafeJson } from '../../cli/src/terminal-text.js';

describe('terminalLine', () => {
    it.each([
        ['an ANSI colour (CSI)', 'red \u001b[31mALERT\u001b[0m', 'red U+001B[31mALERTU+001B[0m'],
        ['an OSC window title ended by BEL', '\u001b]0;pwned\u0007Title', 'U+001B]0;pwnedU+0007Title'],
        ['a C1 CSI (U+009B)', 'a\u009b2Jb', 'aU+009B2Jb'],
        ['NUL and DEL', 'a\u0000b\u007fc', 'aU+0000bU+007Fc'],
        ['a carriage return that would overwrite the line', 'ok\rFAKE', 'okU+000DFAKE'],
        ['a newline that would fake a line of output', 'msg\nplan.kam:1:1 error x', 'msgU+000Aplan.kam:1:1 error x'],
        ['a tab and a backspace', 'a\tb\bc', 'aU+0009bU+0008c'],
        ['a right-to-left override (Trojan Source)', 'user\u202Egnp.exe', 'userU+202Egnp.exe'],
        ['the other embeddings, overrides and isolates', '\u202A\u202B\u202C\u202D\u2066\u2067\u2068\u2069', 'U+202AU+202BU+202CU+202DU+2066U+2067U+2068U+2069'],
        ['bidi marks', '\u200E\u200F\u061C', 'U+200EU+200FU+061C'],
        ['line and paragraph separators', 'a\u2028b\u2029c', 'aU+2028bU+2029c'],
    ])('shows %s as code points', (_situation, text, shown) => {
        expect(terminalLine(text)).toBe(shown);
    });

    it('keeps ordinary text as it is: accents, other scripts, emoji with joiners, backslashes, quotes', () => {
        const text = 'Müller & Søn — 東京 «Δ» 👩‍👩‍👧 C:\\plans\\a.kam "x" `y` 12%';
        expect(terminalLine(text)).toBe(text);
    });

    it('leaves nothing a terminal acts on, whatever the input', () => {
        let all = '';
        for (let c = 0; c < 0x3000; c++) all += String.fromCodePoint(c);
        expect(terminalLine(all)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/u);
    });
});

describe('terminalBlock', () => {
    it('keeps newlines and tabs, and neutralises the rest, carriage returns included', () => {
        expect(terminalBlock('# Title\n\n| a\t| b |\r\n\u001b[2J\u202E')).toBe('# Title\n\n| a\t| b |U+000D\nU+001B[2JU+202E');
    });
});

describe('terminalSafeJson', () => {
    it('escapes what JSON.stringify leaves raw, and the data read back is the same', () => {
        const value = { title: 'A\u202Eb\u009bc\u007f\u2028d\u001be\n', list: ['\u2066x\u2069'] };
        const json = JSON.stringify(value, null, 2);
        const safe = terminalSafeJson(json);
        expect(safe).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u);
        expect(safe).toContain('A\\u202eb\\u009bc\\u007f\\u2028d\\u001be\\n');
        expect(JSON.parse(safe)).toEqual(value);
        // The layout's own newlines and indentation are untouched.
        expect(safe.split('\n')).toHaveLength(json.split('\n').length);
    });
});
