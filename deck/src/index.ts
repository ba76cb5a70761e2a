/**
 * The review deck: an account's review, or the portfolio's, as a PowerPoint file with native,
 * editable charts (bar, bubble) and shapes, made by pptxgenjs from the view model alone. Runs
 * wherever the language server runs, the browser's web worker included: the deck is made in
 * memory and returned as bytes; nothing here touches a file.
 */
import PptxGenJS from 'pptxgenjs';
import JSZip from 'jszip';
import type { PortfolioDiff } from '../../language/src/plan-diff/portfolio-diff.js';
import { revisionText } from '../../language/src/plan-diff/diff-words.js';
import type { AccountView, PortfolioView } from '../../language/src/reports/view-model.js';
import { accountSlides } from './account-slides.js';
import { portfolioSlides } from './portfolio-slides.js';
import { FONT, plain } from './slide-kit.js';

export { ACCOUNT_SECTIONS } from './account-slides.js';
export { PORTFOLIO_SECTIONS } from './portfolio-slides.js';

export interface DeckOptions {
    /** What changed since the last review (`kam diff`'s comparison): adds a "since the last review" slide. */
    diff?: PortfolioDiff;
}

function newDeck(title: string): PptxGenJS {
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = title;
    pptx.subject = 'Key account review';
    pptx.company = 'KAM Plans';
    pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
    return pptx;
}

/** One account's review deck; a file holding several plans gives one review after the other. */
export async function accountReviewDeck(views: AccountView[], options: DeckOptions = {}): Promise<Uint8Array> {
    const pptx = newDeck(views.length === 1 ? `${plain(views[0].title, 120)} — account review` : 'Account reviews');
    const since = options.diff && revisionText(options.diff.base);
    for (const view of views) {
        const diff = options.diff?.accounts.find((a) => a.name === view.name);
        // An account the comparison leaves out did not change: the slide says so.
        const change = since ? { diff, since } : undefined;
        accountSlides(pptx, view, change);
    }
    return finish(pptx);
}

/** The portfolio's review deck. */
export async function portfolioReviewDeck(view: PortfolioView, options: DeckOptions = {}): Promise<Uint8Array> {
    const pptx = newDeck(`${plain(view.title, 120)} — portfolio review`);
    portfolioSlides(pptx, view, options.diff);
    return finish(pptx);
}

async function finish(pptx: PptxGenJS): Promise<Uint8Array> {
    const bytes = await pptx.write({ outputType: 'uint8array' }) as Uint8Array;
    return withoutEmptyPoints(bytes);
}

/**
 * pptxgenjs writes a bubble series' missing points as empty values (`<c:v></c:v>`), which
 * PowerPoint and LibreOffice read as 0: a bubble at the origin. A missing point is one left out,
 * so the matrix's series (one per account or quadrant) keep only their own bubbles.
 */
async function withoutEmptyPoints(bytes: Uint8Array): Promise<Uint8Array> {
    const zip = await JSZip.loadAsync(bytes);
    const charts = zip.file(/^ppt\/charts\/chart\d+\.xml$/);
    for (const chart of charts) {
        const xml = await chart.async('string');
        if (xml.includes('<c:bubbleChart>')) zip.file(chart.name, xml.replace(/<c:pt idx="\d+">\s*<c:v><\/c:v>\s*<\/c:pt>/g, ''));
    }
    // Written again compressed: pptxgenjs stores the deck's parts uncompressed.
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', mimeType: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' });
}
