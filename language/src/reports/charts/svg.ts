/**
 * A tiny SVG writer for the chart renderers. Every attribute value and every text node goes through
 * html-escaper, so a plan's text (which may hold any characters) can never become markup. Colours are
 * CSS classes (see ../page-assets.ts), never inline styles: the strict Content-Security-Policy of the
 * webview and the report forbids `style` attributes, and one SVG is themed by either stylesheet.
 */
import { escape } from 'html-escaper';

export type Attrs = Record<string, string | number | boolean | undefined>;

/** A piece of SVG/HTML that is already safe to emit. */
export class Safe {
    constructor(readonly markup: string) {}
    toString(): string {
        return this.markup;
    }
}

export type Child = Safe | string | number | undefined | false | Child[];

function attrs(a: Attrs): string {
    // A loop, not entries/filter/map/join: a 2,000-account report writes about 100,000 elements.
    let markup = '';
    for (const k in a) {
        const v = a[k];
        if (v === undefined || v === false) continue;
        markup += v === true ? ` ${k}` : ` ${k}="${escape(typeof v === 'number' ? round(v) : String(v))}"`;
    }
    return markup;
}

function children(c: Child): string {
    if (c === undefined || c === false) return '';
    if (Array.isArray(c)) {
        // Concatenated, not joined: a join copies its whole subtree's text again at every level of
        // nesting; concatenation keeps a rope, copied once when the page is written.
        let markup = '';
        for (const item of c) markup += children(item);
        return markup;
    }
    if (c instanceof Safe) return c.markup;
    return escape(String(c));
}

/** `<tag attrs>children</tag>`; string children are text and escaped. */
export function el(tag: string, a: Attrs = {}, ...content: Child[]): Safe {
    return new Safe(`<${tag}${attrs(a)}>${children(content)}</${tag}>`);
}

/**
 * `el` in parts, for a long page: the opening tag, each child's markup as `content` makes it, the
 * closing tag. A writer that hands each part on as it comes keeps only one part's pieces alive,
 * where `el` keeps every piece of the page until the page is whole.
 */
export function* elementParts(tag: string, a: Attrs, content: Iterable<Child>): Generator<Safe> {
    yield new Safe(`<${tag}${attrs(a)}>`);
    for (const c of content) yield c instanceof Safe ? c : new Safe(children(c));
    yield new Safe(`</${tag}>`);
}

/** Parts' markup joined: one copy of the text, where concatenation would keep a rope to flatten. */
export function markupOf(parts: Iterable<Safe>): string {
    const markup: string[] = [];
    for (const part of parts) markup.push(part.markup);
    return markup.join('');
}

/** A self-closing element. */
export function leaf(tag: string, a: Attrs = {}): Safe {
    return new Safe(`<${tag}${attrs(a)}/>`);
}

export function join(...content: Child[]): Safe {
    return new Safe(children(content));
}

/** Two decimals at most: smaller SVG, stable snapshots. */
export function round(n: number): string {
    return String(Math.round(n * 100) / 100);
}

/** Advance widths in em, by character class, close to DejaVu Sans (the widest of the usual sans fonts), so a measured label fits in any of them. */
const NARROW = new Set("iljI.,:;'!|");
const SEMI = new Set(' ftr()[]{}-/"`');
const WIDE = new Set('mwMW—%@');
const BROAD = new Set('ABCDEFGHJKLNOPQRSTUVXYZ0123456789#$&?→~+=<>');

function charWidth(c: string): number {
    if (NARROW.has(c)) return 0.29;
    if (SEMI.has(c)) return 0.39;
    if (WIDE.has(c)) return 0.95;
    if (BROAD.has(c)) return 0.7;
    return 0.61;
}

/** The width of a label in the chart font, measured character by character (no font metrics in a worker or the CLI). */
export function textWidth(text: string, fontSize = 12): number {
    let em = 0;
    for (const c of text) em += charWidth(c);
    return em * fontSize;
}

/** Shortens a label to fit `width` pixels, with an ellipsis; the full text belongs in a <title>. */
export function fit(text: string, width: number, fontSize = 12): string {
    if (textWidth(text, fontSize) <= width) return text;
    const chars = [...text];
    let used = textWidth('…', fontSize);
    let n = 0;
    while (n < chars.length && used + charWidth(chars[n]) * fontSize <= width) used += charWidth(chars[n++]) * fontSize;
    return `${chars.slice(0, Math.max(1, n)).join('').trimEnd()}…`;
}

/** Turns any text into a safe CSS class suffix (for enum values such as stances). */
export function token(text: string | undefined): string {
    return (text ?? 'unknown').toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/**
 * The outer `<svg>`: scalable (viewBox), with an accessible name and description. The id prefix keeps
 * several charts on one page apart.
 */
export function svg(options: { id: string; width: number; height: number; title: string; description?: string; className: string }, ...content: Child[]): Safe {
    const titleId = `${options.id}-title`;
    const descId = `${options.id}-desc`;
    return el('svg', {
        xmlns: 'http://www.w3.org/2000/svg',
        id: options.id,
        class: `kam-chart ${options.className}`,
        viewBox: `0 0 ${round(options.width)} ${round(options.height)}`,
        width: round(options.width),
        height: round(options.height),
        role: 'img',
        'aria-labelledby': options.description ? `${titleId} ${descId}` : titleId,
        'font-family': 'inherit',
        'font-size': 12,
    },
    el('title', { id: titleId }, options.title),
    options.description ? el('desc', { id: descId }, options.description) : undefined,
    ...content);
}

/** A text label; `anchor` start|middle|end. */
export function text(x: number, y: number, content: string, a: Attrs = {}): Safe {
    return el('text', { x, y, ...a }, content);
}

/** An HTML-safe string for text outside the SVG helpers (tables, headings). */
export function escapeText(value: string | number | undefined): string {
    return value === undefined ? '' : escape(String(value));
}
