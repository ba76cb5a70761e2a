/**
 * What every slide of a review deck shares: the palette, the title and footer, tiles for headline
 * numbers, and tables that continue on the next slide instead of running off the page. Text is
 * measured before it is placed (an estimate from Calibri's average glyph width, kept on the
 * generous side), so boxes are sized to their text and a long list splits across slides.
 */
import type PptxGenJS from 'pptxgenjs';
import { oneLine } from '../../language/src/domain/plain-text.js';

export type Pptx = PptxGenJS;
export type Slide = PptxGenJS.Slide;

/** Slide size (LAYOUT_WIDE, 16:9) and the content area below the title, in inches. */
export const PAGE = { width: 13.333, height: 7.5, margin: 0.5, top: 1.3, bottom: 6.85 };
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const FONT = 'Calibri';

export const COLOURS = {
    ink: '1F2937', muted: '6B7280', navy: '1F3A5F', accent: '2E86AB', rule: 'D1D5DB', paper: 'F3F4F6', white: 'FFFFFF',
    good: '2E7D32', watch: 'B45309', bad: 'C62828',
};

/** Stance colours, warm to cold, with the text colour that reads on each. */
export const STANCE_COLOURS: Record<string, { fill: string; text: string }> = {
    champion: { fill: '1B7F3B', text: 'FFFFFF' },
    supporter: { fill: '8BC34A', text: '1F2937' },
    neutral: { fill: 'D1D5DB', text: '1F2937' },
    skeptic: { fill: 'F59E0B', text: '1F2937' },
    blocker: { fill: 'C62828', text: 'FFFFFF' },
    unknown: { fill: 'FFFFFF', text: '1F2937' },
};

/** Plan text as one line for a slide (no control characters, which the slide's XML cannot hold), shortened to `max` characters. */
export function plain(text: string | undefined, max = 600): string {
    const line = oneLine(text ?? '');
    return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** Lines `text` wraps into in a box `width` inches wide at `fontPt` (Calibri averages about half an em per character; a little more is allowed, as words wrap early). */
export function linesOf(text: string, width: number, fontPt: number): number {
    const perLine = Math.max(1, Math.floor(width / ((fontPt * 0.53) / 72)));
    let lines = 0;
    for (const paragraph of text.split('\n')) {
        let used = 0;
        lines++;
        for (const word of paragraph.split(/\s+/).filter(Boolean)) {
            const length = word.length;
            if (used === 0) {
                lines += Math.floor((length - 1) / perLine);
                used = ((length - 1) % perLine) + 1;
            } else if (used + 1 + length <= perLine) {
                used += 1 + length;
            } else {
                lines += 1 + Math.floor((length - 1) / perLine);
                used = ((length - 1) % perLine) + 1;
            }
        }
    }
    return lines;
}

/** Height in inches of `lines` lines at `fontPt`, with the box's inner margins. */
export function heightOf(lines: number, fontPt: number): number {
    return (lines * fontPt * 1.25) / 72 + 0.12;
}

export interface DeckFrame {
    /** What the footer names on every slide: the account or the portfolio, and the date. */
    footer: string;
}

/** A content slide: its title, a thin rule, and the footer with the slide number. */
export function contentSlide(pptx: Pptx, frame: DeckFrame, title: string, subtitle?: string): Slide {
    const slide = pptx.addSlide();
    slide.background = { color: COLOURS.white };
    slide.addText(title, { x: PAGE.margin, y: 0.3, w: CONTENT_WIDTH, h: 0.6, fontFace: FONT, fontSize: 26, bold: true, color: COLOURS.navy, fit: 'shrink', valign: 'middle', margin: 0 });
    slide.addShape('line', { x: PAGE.margin, y: 0.95, w: CONTENT_WIDTH, h: 0, line: { color: COLOURS.accent, width: 1.5 } });
    if (subtitle) {
        const fontPt = linesOf(subtitle, CONTENT_WIDTH, 12) > 1 ? 10 : 12;
        slide.addText(subtitle, { x: PAGE.margin, y: 1.0, w: CONTENT_WIDTH, h: 0.32, fontFace: FONT, fontSize: fontPt, color: COLOURS.muted, valign: 'middle', margin: 0 });
    }
    slide.addText(frame.footer, { x: PAGE.margin, y: 7.0, w: CONTENT_WIDTH - 1, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOURS.muted, valign: 'middle', margin: 0 });
    slide.slideNumber = { x: PAGE.width - PAGE.margin - 0.6, y: 7.0, w: 0.6, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOURS.muted, align: 'right' };
    return slide;
}

/** The opening slide: what kind of review, of what, and a few lines (who, as of when). */
export function titleSlide(pptx: Pptx, kind: string, title: string, lines: string[]): void {
    const slide = pptx.addSlide();
    slide.background = { color: COLOURS.navy };
    slide.addText(kind, { x: 0.8, y: 1.6, w: 11.7, h: 0.5, fontFace: FONT, fontSize: 20, color: 'BFD7EA', margin: 0 });
    slide.addText(plain(title, 120), { x: 0.8, y: 2.15, w: 11.7, h: 1.3, fontFace: FONT, fontSize: 44, bold: true, color: COLOURS.white, margin: 0, valign: 'top', fit: 'shrink' });
    slide.addText(lines.map((text) => ({ text, options: { breakLine: true } })), { x: 0.8, y: 3.7, w: 11.7, h: 1.4, fontFace: FONT, fontSize: 18, color: COLOURS.white, margin: 0, valign: 'top', paraSpaceAfter: 4 });
}

/** A plain sentence where a section has nothing to show, so the slide says why it is empty. */
export function emptyNote(slide: Slide, text: string, y = PAGE.top + 0.2): void {
    slide.addText(text, { x: PAGE.margin, y, w: CONTENT_WIDTH, h: 0.5, fontFace: FONT, fontSize: 16, color: COLOURS.muted, italic: true, margin: 0 });
}

export interface Tile {
    label: string;
    value: string;
    /** A line under the value: the threshold, the advice, what it is made of. */
    note?: string;
    colour?: string;
}

/** Headline numbers as tiles, `perRow` to a row, from `y` down; returns where the tiles end. */
export function tiles(slide: Slide, items: Tile[], y: number, perRow = 3): number {
    const gap = 0.25;
    const width = (CONTENT_WIDTH - gap * (perRow - 1)) / perRow;
    const height = 1.55;
    items.forEach((t, i) => {
        const x = PAGE.margin + (i % perRow) * (width + gap);
        const top = y + Math.floor(i / perRow) * (height + gap);
        slide.addShape('rect', { x, y: top, w: width, h: height, fill: { color: COLOURS.paper }, line: { color: COLOURS.rule, width: 0.75 } });
        slide.addShape('rect', { x, y: top, w: 0.09, h: height, fill: { color: t.colour ?? COLOURS.accent }, line: { color: t.colour ?? COLOURS.accent, width: 0 } });
        slide.addText(t.label, { x: x + 0.25, y: top + 0.1, w: width - 0.35, h: 0.32, fontFace: FONT, fontSize: 13, color: COLOURS.muted, margin: 0, valign: 'middle', fit: 'shrink' });
        slide.addText(t.value, { x: x + 0.25, y: top + 0.42, w: width - 0.35, h: 0.6, fontFace: FONT, fontSize: t.value.length > 14 ? 22 : 30, bold: true, color: t.colour ?? COLOURS.ink, margin: 0, valign: 'middle', fit: 'shrink' });
        if (t.note) {
            slide.addText(t.note, { x: x + 0.25, y: top + 1.02, w: width - 0.35, h: 0.45, fontFace: FONT, fontSize: linesOf(t.note, width - 0.35, 11) > 2 ? 9 : 11, color: COLOURS.muted, margin: 0, valign: 'top', fit: 'shrink' });
        }
    });
    return y + Math.ceil(items.length / perRow) * (height + gap) - gap;
}

/** A table cell: text, and optionally its colours. */
export type Cell = string | { text: string; fill?: string; color?: string; bold?: boolean };

export interface PagedTable {
    title: string;
    subtitle?: string;
    header: string[];
    /** Column widths in inches; they add up to the table's width. */
    widths: number[];
    rows: Cell[][];
    /** Font size of the body rows. */
    fontPt?: number;
    /** Never more rows than this on one slide, however short they are. */
    maxRows?: number;
    /** Where the table starts on its first slide (below something else). */
    firstTop?: number;
    /** Draws above the table on the first slide. */
    before?: (slide: Slide) => void;
}

/**
 * A table over as many slides as it needs: each slide holds the rows that fit below the header
 * (by their measured height, and at most `maxRows`), and says which part it is ("Risks (2/3)").
 * Returns the slides.
 */
export function pagedTable(pptx: Pptx, frame: DeckFrame, table: PagedTable): Slide[] {
    const fontPt = table.fontPt ?? 12;
    const cellText = (c: Cell) => (typeof c === 'string' ? c : c.text);
    // Inner margins of a cell take about 0.15 in of its width.
    const rowHeight = (row: Cell[]) => Math.max(0.36, ...row.map((c, i) => heightOf(linesOf(cellText(c), table.widths[i] - 0.15, fontPt), fontPt) + 0.06));
    const headerHeight = Math.max(...table.header.map((h, i) => heightOf(linesOf(h, table.widths[i] - 0.15, fontPt), fontPt) + 0.06), 0.4);
    // A cell taller than a whole slide is cut to what fits, so no row runs off the page.
    const roomLines = Math.floor(((PAGE.bottom - PAGE.top - headerHeight - 0.3) * 72) / (fontPt * 1.25));
    const fitted = (c: Cell, width: number): Cell => {
        const text = cellText(c);
        if (linesOf(text, width - 0.15, fontPt) <= roomLines) return c;
        let cut = text.slice(0, Math.floor((text.length * roomLines) / linesOf(text, width - 0.15, fontPt)));
        while (cut.length > 1 && linesOf(`${cut}…`, width - 0.15, fontPt) > roomLines) cut = cut.slice(0, Math.floor(cut.length * 0.9));
        return typeof c === 'string' ? `${cut.trimEnd()}…` : { ...c, text: `${cut.trimEnd()}…` };
    };
    const fittedRows = table.rows.map((row) => row.map((c, i) => fitted(c, table.widths[i])));
    const pages: Cell[][][] = [];
    let page: Cell[][] = [];
    let top = (table.firstTop ?? PAGE.top + (table.subtitle ? 0.15 : 0)) + headerHeight;
    for (const row of fittedRows) {
        const h = rowHeight(row);
        if (page.length > 0 && (top + h > PAGE.bottom || page.length >= (table.maxRows ?? 12))) {
            pages.push(page);
            page = [];
            top = PAGE.top + headerHeight;
        }
        page.push(row);
        top += h;
    }
    if (page.length) pages.push(page);
    return pages.map((rows, p) => {
        const title = pages.length > 1 ? `${table.title} (${p + 1}/${pages.length})` : table.title;
        const slide = contentSlide(pptx, frame, title, p === 0 ? table.subtitle : undefined);
        if (p === 0) table.before?.(slide);
        const header = table.header.map((h) => ({ text: h, options: { bold: true, color: COLOURS.white, fill: { color: COLOURS.navy } } }));
        const body = rows.map((row) => row.map((c) => typeof c === 'string'
            ? { text: c, options: {} }
            : { text: c.text, options: { bold: c.bold, color: c.color, fill: c.fill ? { color: c.fill } : undefined } }));
        const y = p === 0 ? (table.firstTop ?? PAGE.top + (table.subtitle ? 0.15 : 0)) : PAGE.top;
        slide.addTable([header, ...body], {
            x: PAGE.margin, y, w: table.widths.reduce((a, b) => a + b, 0), colW: table.widths,
            rowH: [headerHeight, ...rows.map(rowHeight)],
            fontFace: FONT, fontSize: fontPt, color: COLOURS.ink, valign: 'top',
            border: { type: 'solid', pt: 0.75, color: COLOURS.rule }, margin: 0.06,
            autoPage: false,
        });
        return slide;
    });
}

/** Bullet points over as many slides as they need, each point a sentence of plain words. */
export function pagedBullets(pptx: Pptx, frame: DeckFrame, title: string, items: Array<{ text: string; colour?: string }>, subtitle?: string): Slide[] {
    const fontPt = 14;
    const width = CONTENT_WIDTH - 0.4;
    const pages: Array<typeof items> = [];
    let page: typeof items = [];
    let used = 0;
    const room = PAGE.bottom - PAGE.top - (subtitle ? 0.15 : 0);
    for (const item of items) {
        const h = heightOf(linesOf(item.text, width, fontPt), fontPt) + 0.08;
        if (page.length && used + h > room) {
            pages.push(page);
            page = [];
            used = 0;
        }
        page.push(item);
        used += h;
    }
    if (page.length) pages.push(page);
    return pages.map((points, p) => {
        const slide = contentSlide(pptx, frame, pages.length > 1 ? `${title} (${p + 1}/${pages.length})` : title, p === 0 ? subtitle : undefined);
        slide.addText(points.map((point) => ({ text: point.text, options: { bullet: true, color: point.colour ?? COLOURS.ink, fontSize: fontPt, fontFace: FONT, paraSpaceAfter: 6, breakLine: true } })), {
            x: PAGE.margin, y: PAGE.top + (subtitle && p === 0 ? 0.15 : 0), w: CONTENT_WIDTH, h: PAGE.bottom - PAGE.top - 0.1,
            fontFace: FONT, fontSize: fontPt, valign: 'top', margin: 0.05,
        });
        return slide;
    });
}
