/**
 * KPIs, current against target: a bar for the current value, a tick for the target, coloured by
 * the way the KPI has to move. A higher-is-better KPI short of its target is a bar on its way (the
 * accent colour); a lower-is-better KPI above its target shows the part still to cut past the
 * target tick in the warning colour, never the on-track colour; a reached target is green. The
 * text beside the bar is measured, not cut: the chart grows to hold it, and every row has a
 * <title> with the full text.
 */
import { formatKpiValue } from '../../domain/progress.js';
import type { KpiView } from '../view-model.js';
import { el, fit, leaf, svg, text, textWidth, type Safe } from './svg.js';

const MIN_LABEL = 200;
const MAX_LABEL = 340;
const PLOT = 250;
const ROW = 40;
const GAP = 12;

/** How a KPI stands, as a CSS class: reached, on its way up, or still above a target it must come down to. */
export function kpiState(k: Pick<KpiView, 'onTarget' | 'direction'>): 'reached' | 'rising' | 'to-cut' {
    if (k.onTarget) return 'reached';
    return k.direction === 'decrease' ? 'to-cut' : 'rising';
}

function trend(xs: number[], y: number): Safe {
    return el('g', { class: 'kam-kpi-trend' },
        leaf('polyline', { class: 'kam-trend-line', points: xs.map((x) => `${Math.round(x * 10) / 10},${y}`).join(' ') }),
        ...xs.slice(0, -1).map((x) => leaf('circle', { class: 'kam-trend-dot', cx: Math.round(x * 10) / 10, cy: y, r: 3 })));
}

/** The two lines beside a bar: the values, then the gap and which way is better. */
function valueLines(k: KpiView): [string, string] {
    const way = k.direction === 'decrease' ? 'lower is better' : k.direction === 'increase' ? 'higher is better' : 'hold';
    return [`${k.currentDisplay} now → target ${k.targetDisplay}`, `${k.gapDisplay} · ${way}`];
}

export function kpiChart(kpis: KpiView[], id: string): Safe {
    if (kpis.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-kpis', title: 'KPIs: none are set' },
            text(0, 24, 'No KPIs are set.', { class: 'kam-muted' }));
    }
    const label = Math.min(MAX_LABEL, Math.max(MIN_LABEL, ...kpis.map((k) => textWidth(k.label) + GAP)));
    const valueWidth = Math.max(...kpis.flatMap((k) => valueLines(k).map((line, i) => textWidth(line, i === 0 ? 12 : 11))));
    const width = label + PLOT + GAP + valueWidth + 4;
    const rows = kpis.map((k, i) => {
        const y = 6 + i * ROW;
        const earlier = k.history.map((r) => r.value);
        const low = Math.min(0, k.current, k.target, ...earlier);
        const high = Math.max(k.current, k.target, 0, ...earlier);
        const range = high - low || 1;
        const scale = (v: number) => label + (PLOT * (v - low)) / (range * 1.1);
        const x0 = scale(0);
        const xc = scale(k.current);
        const xt = scale(k.target);
        const state = kpiState(k);
        const [values, gap] = valueLines(k);
        // Lower is better and not there yet: up to the target is what may stay, beyond it is what must go.
        const bars = state === 'to-cut'
            ? [leaf('rect', { class: 'kam-bar kam-kpi-kept', x: Math.min(x0, xt), y: y + 6, width: Math.abs(xt - x0), height: 14, rx: 2 }),
                leaf('rect', { class: 'kam-bar kam-kpi-excess', x: Math.min(xt, xc), y: y + 6, width: Math.abs(xc - xt), height: 14, rx: 2 })]
            : [leaf('rect', { class: 'kam-bar', x: Math.min(x0, xc), y: y + 6, width: Math.abs(xc - x0), height: 14, rx: 2 })];
        return el('g', { class: `kam-kpi kam-kpi-${state}${k.onTarget ? ' kam-on-target' : ''}`, 'data-kpi-state': state },
            el('title', {}, `${k.label} (${k.objective}): current ${k.currentDisplay}, target ${k.targetDisplay}, ${k.progressDisplay}` +
                (k.history.length ? `\nearlier: ${k.history.map((r) => `${r.date} ${formatKpiValue(r.value, k.unit)}`).join(', ')}` : '')),
            text(0, y + 13, fit(k.label, label - GAP), { class: 'kam-label' }),
            text(0, y + 28, fit(k.objective, label - GAP, 10.5), { class: 'kam-small kam-muted' }),
            leaf('rect', { class: 'kam-track', x: label, y: y + 6, width: PLOT, height: 14, rx: 2 }),
            ...bars,
            leaf('line', { class: 'kam-target', x1: xt, x2: xt, y1: y + 1, y2: y + 25 }),
            // The trend: each earlier value as a dot on the track, joined up to today's value.
            k.history.length ? trend([...k.history.map((r) => scale(r.value)), xc], y + 13) : undefined,
            text(label + PLOT + GAP, y + 13, values, { class: state === 'reached' ? 'kam-value kam-good-label' : 'kam-value' }),
            text(label + PLOT + GAP, y + 28, gap, { class: `kam-small ${state === 'to-cut' ? 'kam-excess-label' : 'kam-muted'}` }));
    });
    return svg({
        id, width, height: 10 + kpis.length * ROW, className: 'kam-kpis',
        title: `KPIs, current against target: ${kpis.filter((k) => k.onTarget).length} of ${kpis.length} on target`,
        description: kpis.map((k) => `${k.label}: ${k.currentDisplay} now, target ${k.targetDisplay}, ${k.direction === 'decrease' ? 'lower is better' : 'higher is better'}`).join('; '),
    }, ...rows);
}
