/** The strategic-value breakdown: each factor's score on its scale, its weight and its weighted contribution. */
import { formatPercent, formatPlain, formatScore } from '../../domain/quantities.js';
import type { StrategicValueView } from '../view-model.js';
import { el, fit, leaf, svg, text, type Safe } from './svg.js';

const WIDTH = 680;
const LABEL = 300;
const BAR = 270;
const ROW = 26;

export function strategicValueChart(view: StrategicValueView, id: string): Safe {
    const rows = view.factors.map((f, i) => {
        const y = 8 + i * ROW;
        const label = f.title;
        const span = Math.max(1, view.scaleMax);
        const scored = f.score !== undefined;
        return el('g', { class: scored ? 'kam-factor' : 'kam-factor kam-unscored' },
            el('title', {}, scored ? `${f.title}: score ${formatPlain(f.score)} of ${formatPlain(view.scaleMax)}, weight ${formatPercent(f.weight)}, contributes ${formatScore(f.contribution)}` : `${f.title}: not scored (weight ${formatPercent(f.weight)})`),
            text(0, y + 13, fit(label, LABEL - 56), { class: 'kam-label' }),
            text(LABEL - 10, y + 13, `${formatPercent(f.weight)}`, { class: 'kam-muted', 'text-anchor': 'end' }),
            leaf('rect', { class: 'kam-track', x: LABEL, y: y + 2, width: BAR, height: 14, rx: 2 }),
            scored ? leaf('rect', { class: 'kam-bar', x: LABEL, y: y + 2, width: (BAR * Math.max(0, Math.min(f.score!, span))) / span, height: 14, rx: 2 }) : undefined,
            text(LABEL + BAR + 8, y + 13, scored ? `${f.score} → +${formatScore(f.contribution)}` : 'not scored', { class: scored ? 'kam-value' : 'kam-muted' }),
        );
    });
    // The stacked total: the contributions add up to the strategic value, on 0-10, against the threshold.
    const totalY = 16 + view.factors.length * ROW;
    let x = LABEL;
    const segments = view.factors.filter((f) => f.contribution !== undefined).map((f, i) => {
        const w = (BAR * f.contribution!) / 10;
        const seg = el('rect', { class: `kam-seg kam-seg-${i % 6}`, x, y: totalY, width: w, height: 20 }, el('title', {}, `${f.title}: +${formatScore(f.contribution)}`));
        x += w;
        return seg;
    });
    const thresholdX = LABEL + (BAR * view.threshold) / 10;
    const height = totalY + 48;
    return svg({
        id, width: WIDTH, height, className: 'kam-strategic-value',
        title: `Strategic value ${view.display} of 10`,
        description: view.factors.length
            ? `Breakdown by factor. ${view.factors.map((f) => f.score === undefined ? `${f.title} not scored` : `${f.title} ${formatPlain(f.score)} (weight ${formatPercent(f.weight)}) contributes ${formatScore(f.contribution)}`).join('; ')}. Attractive from ${view.threshold}.`
            : 'No scoring model: the account has no scores.',
    },
    ...rows,
    text(0, totalY + 15, 'Strategic value', { class: 'kam-label kam-strong' }),
    leaf('rect', { class: 'kam-track', x: LABEL, y: totalY, width: BAR, height: 20 }),
    ...segments,
    leaf('line', { class: 'kam-threshold', x1: thresholdX, x2: thresholdX, y1: totalY - 4, y2: totalY + 24 }),
    text(thresholdX, totalY + 38, `attractive from ${view.threshold}`, { class: 'kam-muted kam-small', 'text-anchor': 'middle' }),
    text(LABEL + BAR + 8, totalY + 15, `${view.display} / 10`, { class: 'kam-value kam-strong' }),
    );
}
