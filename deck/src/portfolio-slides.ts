/**
 * The portfolio review, slide by slide, from the portfolio view (language/src/reports/portfolio-view.ts):
 * the headline, the matrix as a native bubble chart, the Pareto chart, the accounts table and the
 * accounts that need attention first.
 */
import type { PortfolioDiff } from '../../language/src/plan-diff/portfolio-diff.js';
import { accountChangeLines, diffHeadline, revisionText } from '../../language/src/plan-diff/diff-words.js';
import { formatPercent } from '../../language/src/domain/quantities.js';
import type { Quadrant } from '../../language/src/domain/portfolio.js';
import type { PortfolioView } from '../../language/src/reports/view-model.js';
import { attentionView } from '../../language/src/reports/attention-view.js';
import { COLOURS, CONTENT_WIDTH, FONT, PAGE, contentSlide, emptyNote, pagedTable, plain, tiles, titleSlide, type Cell, type DeckFrame, type Pptx } from './slide-kit.js';

export const PORTFOLIO_SECTIONS = {
    headline: 'Portfolio headline',
    matrix: 'Portfolio matrix',
    pareto: 'Revenue concentration',
    accounts: 'The accounts',
    attention: 'Needs attention first',
    changes: 'Since the last review',
} as const;

export const QUADRANT_COLOURS: Record<Quadrant, string> = { Strategic: '1B7F3B', Star: '2E86AB', Status: 'B45309', Streamline: '6B7280' };
/** Up to this many accounts, each bubble is its own series and carries its name; beyond, one series per quadrant. */
const NAMED_BUBBLES = 20;
/** The Pareto chart shows the largest accounts, at most this many bars. */
const PARETO_BARS = 20;

/** A share for a slide: `67.567568%` reads as `68%`. */
function wholePercent(share: number): string {
    return `${share.toFixed(0)}%`;
}

export function portfolioSlides(pptx: Pptx, view: PortfolioView, diff?: PortfolioDiff): void {
    const frame: DeckFrame = { footer: `${plain(view.title, 80)} · portfolio review · as of ${view.today}` };
    titleSlide(pptx, 'Portfolio review', view.title, [`${view.counts.accounts} account${view.counts.accounts === 1 ? '' : 's'}`, `As of ${view.today}`]);
    headlineSlide(pptx, frame, view);
    attentionSlide(pptx, frame, view);
    matrixSlide(pptx, frame, view);
    paretoSlide(pptx, frame, view);
    accountsSlides(pptx, frame, view);
    if (diff) changesSlides(pptx, frame, diff);
}

function headlineSlide(pptx: Pptx, frame: DeckFrame, view: PortfolioView): void {
    const slide = contentSlide(pptx, frame, PORTFOLIO_SECTIONS.headline,
        `Key threshold ${view.thresholds.keyThreshold} · strong relationship from ${view.thresholds.strengthThreshold} · renewal window ${view.thresholds.renewalWindowDays} days`);
    const p = view.pareto;
    const quadrantCounts = view.quadrants.map((q) => `${q.accounts.length} ${q.quadrant}`).join(' · ');
    const unplanned = view.renewals.filter((r) => !r.planned).length;
    const bottom = tiles(slide, [
        { label: 'Accounts', value: String(view.counts.accounts), note: quadrantCounts + (view.unplaced.length ? ` · ${view.unplaced.length} not placed` : ''), colour: COLOURS.navy },
        { label: 'Revenue', value: p.totalDisplay, note: p.currencies.length > 1 && !p.currency ? `mixed currencies: ${p.currencies.join(', ')}` : 'current revenue of the accounts', colour: COLOURS.accent },
        {
            label: 'Top fifth of accounts', value: p.rows.length ? wholePercent(p.topFifthShare) : '—',
            note: p.rows.length ? `of revenue from ${p.topFifthCount} account${p.topFifthCount === 1 ? '' : 's'} · limit ${formatPercent(p.limit)}` : 'no revenue recorded',
            colour: p.overLimit ? COLOURS.bad : COLOURS.good,
        },
        { label: 'Weighted pipeline', value: view.pipeline?.weighted ?? '—', note: view.pipeline ? `of ${view.pipeline.open} open${view.pipeline.gapToPotential ? ` · gap to potential ${view.pipeline.gapToPotential}` : ''}` : 'no pipeline in one currency', colour: COLOURS.accent },
        { label: 'Reviewer findings', value: `${view.counts.errors} / ${view.counts.warnings}`, note: 'errors / warnings across the plans', colour: view.counts.errors ? COLOURS.bad : view.counts.warnings ? COLOURS.watch : COLOURS.good },
        { label: 'Renewals in the window', value: String(view.renewals.length), note: unplanned ? `${unplanned} with nothing planned for it` : 'each with a plan aimed at it', colour: unplanned ? COLOURS.watch : COLOURS.good },
    ], PAGE.top + 0.2);
    const lines = view.quadrants.filter((q) => q.accounts.length).map((q) => ({
        text: `${q.quadrant} (${q.advice}): ${q.accounts.map((a) => plain(a, 60)).join(', ')}`,
        options: { breakLine: true, paraSpaceAfter: 3 },
    }));
    if (lines.length) {
        slide.addText(lines, { x: PAGE.margin, y: bottom + 0.2, w: CONTENT_WIDTH, h: PAGE.bottom - bottom - 0.2, fontFace: FONT, fontSize: 11, color: COLOURS.ink, margin: 0, valign: 'top', fit: 'shrink' });
    }
}

function attentionSlide(pptx: Pptx, frame: DeckFrame, view: PortfolioView): void {
    const attention = attentionView(view);
    const rows: Cell[][] = attention.accounts.map((a) => [
        { text: plain(a.title, 80), bold: true }, a.owner ? plain(a.owner, 50) : '—', a.strategicValueDisplay, a.reasons.map((r) => plain(r.text, 200)).join('; '),
    ]);
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, PORTFOLIO_SECTIONS.attention), 'No account needs attention: no renewal, deadline, weak key relationship, error or overdue work to act on.');
        return;
    }
    pagedTable(pptx, frame, {
        title: PORTFOLIO_SECTIONS.attention, subtitle: `${attention.accounts.length} of ${attention.accountCount} accounts, worst first: strategic value × how close the trouble is to lost revenue`,
        header: ['Account', 'Owner', 'Strategic value', 'Why'], widths: [3.0, 1.9, 1.6, CONTENT_WIDTH - 6.5], rows, fontPt: 12, maxRows: 10,
    });
}

function matrixSlide(pptx: Pptx, frame: DeckFrame, view: PortfolioView): void {
    const { keyThreshold, strengthThreshold } = view.thresholds;
    // As the view places them: both scores and a quadrant (a plan read only in part has none).
    const placed = view.accounts.filter((a) => a.strategicValue !== undefined && a.relationship !== undefined && a.quadrant !== undefined);
    const named = placed.length <= NAMED_BUBBLES;
    const slide = contentSlide(pptx, frame, PORTFOLIO_SECTIONS.matrix,
        `Strategic value (across) × relationship strength (up) · bubble size: current revenue · colour: quadrant · the axes cross at the thresholds (${keyThreshold} and ${strengthThreshold})${named ? '' : ` · ${placed.length} accounts, named in the accounts table`}`);
    if (placed.length === 0) {
        emptyNote(slide, 'No account has both scores yet: none can be placed in the matrix.');
        return;
    }

    // An account without revenue is drawn at the smallest size rather than left out.
    const revenues = placed.map((a) => a.revenue).filter((r): r is number => r !== undefined && r > 0);
    const smallest = revenues.length ? Math.min(...revenues) : 1;
    const size = (a: (typeof placed)[number]) => (a.revenue !== undefined && a.revenue > 0 ? a.revenue : smallest);
    const groups = named
        ? placed.map((a, i) => ({ name: plain(a.title, 40), members: [i], colour: QUADRANT_COLOURS[a.quadrant!] }))
        : (Object.keys(QUADRANT_COLOURS) as Quadrant[]).map((q) => ({ name: q, members: placed.flatMap((a, i) => (a.quadrant === q ? [i] : [])), colour: QUADRANT_COLOURS[q] }))
            .filter((g) => g.members.length);
    // Series 0 holds every x; each later series has a y (and a size) only at its own accounts: the
    // other points are left out of the chart's XML (see withoutEmptyPoints in index.ts).
    const data = [
        { name: 'X-Axis', values: placed.map((a) => a.strategicValue!) },
        ...groups.map((g) => ({
            name: g.name,
            values: placed.map((a, i) => (g.members.includes(i) ? a.relationship! : null)),
            sizes: placed.map((a, i) => (g.members.includes(i) ? size(a) : null)),
        })),
    ];
    slide.addChart('bubble', data as never, {
        x: PAGE.margin, y: PAGE.top + 0.15, w: CONTENT_WIDTH - 2.2, h: PAGE.bottom - PAGE.top - 0.15,
        chartColors: groups.map((g) => g.colour), chartColorsOpacity: 70,
        valAxisMinVal: 0, valAxisMaxVal: 10, catAxisMinVal: 0, catAxisMaxVal: 10, valAxisMajorUnit: 1, catAxisMajorUnit: 1,
        // The value axis crosses at a strategic value and the category axis at a strength: the quadrant lines.
        valAxisCrossesAt: strengthThreshold, catAxisCrossesAt: keyThreshold, valAxisLabelPos: 'low', catAxisLabelPos: 'low',
        showValAxisTitle: true, valAxisTitle: 'Relationship strength', showCatAxisTitle: true, catAxisTitle: 'Strategic value',
        valAxisTitleFontSize: 12, catAxisTitleFontSize: 12, valAxisLabelFontSize: 10, catAxisLabelFontSize: 10,
        valAxisLabelFontFace: FONT, catAxisLabelFontFace: FONT, valAxisTitleFontFace: FONT, catAxisTitleFontFace: FONT,
        // The quadrants' colours are explained beside the chart.
        showLegend: false,
        showSerName: named, showValue: false, dataLabelFontSize: 10, dataLabelFontFace: FONT, dataLabelPosition: 'r', dataLabelColor: COLOURS.ink,
        valGridLine: { style: 'none' }, catGridLine: { style: 'none' },
    } as never);
    // What the colours mean, beside the chart.
    const x = PAGE.margin + CONTENT_WIDTH - 2.0;
    let y = PAGE.top + 0.4;
    for (const q of view.quadrants) {
        slide.addShape('ellipse', { x, y: y + 0.05, w: 0.22, h: 0.22, fill: { color: QUADRANT_COLOURS[q.quadrant], transparency: 30 }, line: { color: QUADRANT_COLOURS[q.quadrant], width: 0.75 } });
        slide.addText([{ text: q.quadrant, options: { bold: true, breakLine: true } }, { text: q.advice, options: { fontSize: 9, color: COLOURS.muted } }],
            { x: x + 0.3, y, w: 1.7, h: 1.05, fontFace: FONT, fontSize: 12, color: COLOURS.ink, margin: 0, valign: 'top', fit: 'shrink' });
        y += 1.15;
    }
    if (view.unplaced.length) {
        slide.addText(`Not placed (a score is missing): ${view.unplaced.map((u) => plain(u, 40)).join(', ')}`, { x, y, w: 2.0, h: PAGE.bottom - y, fontFace: FONT, fontSize: 9, color: COLOURS.muted, margin: 0, valign: 'top', fit: 'shrink' });
    }
}

function paretoSlide(pptx: Pptx, frame: DeckFrame, view: PortfolioView): void {
    const p = view.pareto;
    const shown = p.rows.slice(0, PARETO_BARS);
    const subtitle = p.rows.length
        ? `The top fifth (${p.topFifthCount} account${p.topFifthCount === 1 ? '' : 's'}) brings ${wholePercent(p.topFifthShare)} of ${p.totalDisplay}; ${p.accountsFor80Percent} account${p.accountsFor80Percent === 1 ? '' : 's'} make 80%${p.overLimit ? ` — above the limit of ${formatPercent(p.limit)}` : ''}`
        : undefined;
    const slide = contentSlide(pptx, frame, PORTFOLIO_SECTIONS.pareto, subtitle);
    if (shown.length === 0) {
        emptyNote(slide, 'No account records a current revenue: the concentration cannot be shown.');
        return;
    }
    slide.addChart('bar', [{ name: `Revenue${p.currency ? ` (${p.currency})` : ''}`, labels: shown.map((r) => `${plain(r.title, 30)} (${wholePercent(r.cumulativeShare)} cum.)`), values: shown.map((r) => r.revenue) }], {
        x: PAGE.margin, y: PAGE.top + 0.2, w: CONTENT_WIDTH, h: PAGE.bottom - PAGE.top - 0.2, barDir: 'col',
        chartColors: [COLOURS.accent], showValue: true, dataLabelFormatCode: '#,##0', dataLabelFontSize: shown.length > 12 ? 8 : 10, dataLabelFontFace: FONT,
        catAxisLabelFontSize: shown.length > 12 ? 8 : 10, catAxisLabelFontFace: FONT, valAxisLabelFontSize: 10, valAxisLabelFontFace: FONT, valAxisLabelFormatCode: '#,##0',
        showLegend: false, showValAxisTitle: true, valAxisTitle: `Current revenue${p.currency ? ` (${p.currency})` : ''}`, valAxisTitleFontSize: 11, valAxisTitleFontFace: FONT,
        valGridLine: { color: 'E5E7EB', size: 0.5 }, barGapWidthPct: 50,
        ...(p.rows.length > shown.length ? { showTitle: true, title: `The ${shown.length} largest of ${p.rows.length} accounts`, titleFontSize: 12, titleFontFace: FONT } : {}),
    });
}

function accountsSlides(pptx: Pptx, frame: DeckFrame, view: PortfolioView): void {
    const rows: Cell[][] = view.accounts.map((a) => [
        { text: plain(a.title, 80), bold: true }, a.owner ? plain(a.owner.name, 50) : '—', a.tier ?? '—',
        a.quadrant ? { text: a.quadrant, color: QUADRANT_COLOURS[a.quadrant], bold: true } : '—',
        a.strategicValueDisplay, a.relationshipDisplay, a.revenueDisplay, a.pipelineDisplay ?? '—', a.nextRenewal ?? '—',
        { text: `${a.errors} / ${a.warnings}`, color: a.errors ? COLOURS.bad : undefined },
    ]);
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, PORTFOLIO_SECTIONS.accounts), 'The portfolio holds no account plan.');
        return;
    }
    pagedTable(pptx, frame, {
        title: PORTFOLIO_SECTIONS.accounts, subtitle: 'By strategic value, highest first',
        header: ['Account', 'Owner', 'Tier', 'Quadrant', 'Strategic value', 'Relationship', 'Revenue', 'Weighted pipeline', 'Next renewal', 'Errors / warnings'],
        widths: [2.6, 1.5, 0.85, 1.05, 0.95, 1.1, 1.0, 1.1, 1.1, 1.08], rows, fontPt: 11, maxRows: 12,
    });
}

function changesSlides(pptx: Pptx, frame: DeckFrame, diff: PortfolioDiff): void {
    const rows: Cell[][] = diff.accounts.map((a) => [
        { text: plain(a.title, 80), bold: true },
        accountChangeLines(a).slice(0, 4).map((l) => `${l.label}: ${plain(l.text, 200)}`).join('\n') || 'changed in detail only',
    ]);
    const subtitle = `Since ${plain(revisionText(diff.base), 100)}: ${diffHeadline(diff)}`;
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, PORTFOLIO_SECTIONS.changes, subtitle), 'No account\'s plan changed in meaning since then.');
        return;
    }
    pagedTable(pptx, frame, { title: PORTFOLIO_SECTIONS.changes, subtitle, header: ['Account', 'What moved (the first four changes)'], widths: [3.0, CONTENT_WIDTH - 3.0], rows, fontPt: 11, maxRows: 8 });
}
