/**
 * Text a writer may type into any string of a plan, and that no output may read as anything but
 * text: HTML, Markdown block and inline syntax, entities, line breaks, backslashes, pipes, invisible
 * and bidi-override characters, control characters, very long and non-Latin text. The same corpus
 * runs over every output format (test/reports/hostile-text.test.ts).
 *
 * Every payload fits in a plan STRING (`/"(\\.|[^"\\])*"/`): `planString` writes `"` and `\` as the
 * grammar's escapes, everything else (raw line breaks, ESC, NUL …) as is; Langium's value converter
 * reads it back unchanged.
 */

export interface Payload {
    /** A short name for test titles. */
    name: string;
    text: string;
}

export const PAYLOADS: readonly Payload[] = [
    // HTML
    { name: 'script element', text: '<script>window.__kamPwned = 1</script>' },
    { name: 'img onerror', text: '<img src=x onerror="window.__kamPwned=3">' },
    { name: 'closing svg', text: '</svg><svg onload="window.__kamPwned=4">' },
    { name: 'anchor', text: '<a href="javascript:alert(1)">click</a>' },
    { name: 'html comment and block', text: '<!-- hidden --><details open><summary>x</summary>' },
    { name: 'attribute quotes', text: `"onerror=window.__kamPwned=2 x=" ' onmouseover='alert(1)` },
    // Markdown blocks (they matter where text starts a line)
    { name: 'atx heading', text: '# Pwned heading' },
    { name: 'closing hashes', text: 'Acme Corp ##' },
    { name: 'setext heading', text: 'Title\n=====' },
    { name: 'thematic break', text: '---' },
    { name: 'block quote', text: '> quoted' },
    { name: 'bullet list', text: '- item' },
    { name: 'ordered list', text: '1. first\n2) second\n+ third' },
    { name: 'task list', text: '- [ ] task' },
    { name: 'code fence', text: '```js\nalert(1)\n```\n~~~\nmore\n~~~' },
    { name: 'indented code', text: '    four spaces of code' },
    { name: 'table', text: '| a | b |\n| --- | --- |\n| c | d |' },
    // Markdown inline
    { name: 'link', text: '[click me](http://evil.example/)' },
    { name: 'image', text: '![tracker](http://evil.example/x.png)' },
    { name: 'reference link', text: 'see [docs]\n\n[docs]: http://evil.example "t"' },
    { name: 'footnote', text: 'note[^1]\n\n[^1]: http://evil.example' },
    { name: 'bare urls', text: 'visit https://evil.example/path, www.evil.example or ftp://evil.example now' },
    { name: 'autolinks', text: '<https://evil.example> and <ceo@evil.example>' },
    { name: 'email', text: 'write to ceo@evil.example or mailto:ceo@evil.example' },
    { name: 'strikethrough', text: '~~gone~~ and ~single~' },
    { name: 'emphasis', text: '**bold** __bold__ *em* _em_ ***both***' },
    { name: 'code span', text: 'run `rm -rf /` now' },
    { name: 'math', text: 'costs $x^2$ and $$\\huge y$$' },
    // entities, breaks, escapes
    { name: 'entities', text: '&lt;script&gt; &#x3C;b&#x3E; &#60; &amp; &copy; R&D' },
    { name: 'line breaks', text: 'line one\nline two\r\n\r\nline three\rfour' },
    { name: 'hard breaks', text: 'two spaces  \nand a backslash\\\nbreak' },
    { name: 'backslashes', text: 'C:\\path\\to\\file \\\\ \\* \\[x\\] \\' },
    { name: 'pipes', text: 'a | b || c \\| d |' },
    // invisible, control, long, non-Latin
    { name: 'bidi and zero-width', text: 'invoice\u202Efdp.exe\u2067 nested\u202A zero\u200Bwidth\u200Djoin\uFEFFbom\u2060word' },
    { name: 'control characters', text: 'esc \u001b[31mred\u001b[0m nul \u0000 bell \u0007 del \u007f c1 \u009b' },
    { name: 'very long', text: `${'Lorem ipsum dolor sit amet, '.repeat(200)}[end](http://evil.example)` },
    { name: 'unicode', text: 'Ünïcödé 🚀 👩‍👩‍👧 日本語 مرحبا Ελληνικά' },
];

/** Text no output format may change: the baseline every payload is compared with. */
export const HARMLESS = 'Harmless words';

/** A plan STRING literal holding `text`: `"` and `\` escaped as the grammar reads them. */
export function planString(text: string): string {
    return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
