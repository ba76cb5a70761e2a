/** KPIs, current against target: a bar for the current value, a tick for the target. */
import { formatKpiValue } from '../../domain/progress.js';
import type { KpiView } from '../view-model.js';
import { el, fit, leaf, svg, text, type Safe } from './svg.js';

const WIDTH = 800;
const LABEL = 270;
const PLOT = 250;
const ROW = 36;

function trend(xs: number[], y: number): Safe {
    return el('g', { class: 'kam-kpi-trend' },
        leaf('polyline', { class: 'kam-trend-line', points: xs.map((x) => `${Math.round(x * 10) / 10},${y}`).join(' ') }),
        ...xs.slice(0, -1).map((x) => leaf('circle', { class: 'kam-trend-dot', cx: Math.round(x * 10) / 10, cy: y, r: 3 })));
}

export function kpiChart(kpis: KpiView[], id: string): Safe {
    if (kpis.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-kpis', title: 'KPIs: none are set' },
            text(0, 24, 'No KPIs are set.', { class: 'kam-muted' }));
    }
    const rows = kpis.map((k, i) => {
        const y = 6 + i * ROW;
        const earlier = k.history.map((r) => r.value);
        const low = Math.min(0, k.current, k.target, ...earlier);
        const high = Math.max(k.current, k.target, 0, ...earlier);
        const range = high - low || 1;
        const scale = (v: number) => LABEL + (PLOT * (v - low)) / (range * 1.1);
        const x0 = scale(0);
        const xc = scale(k.current);
        const xt = scale(k.target);
        return el('g', { class: `kam-kpi ${k.onTarget ? 'kam-on-target' : `kam-kpi-${k.direction}`}` },
            el('title', {}, `${k.label} (${k.objective}): current ${formatKpiValue(k.current, k.unit)}, target ${formatKpiValue(k.target, k.unit)}, ${k.gapDisplay}` +
                (k.history.length ? `\nearlier: ${k.history.map((r) => `${r.date} ${formatKpiValue(r.value, k.unit)}`).join(', ')}` : '')),
            text(0, y + 13, fit(k.label, LABEL - 10), { class: 'kam-label' }),
            text(0, y + 27, fit(k.objective, LABEL - 10, 10.5), { class: 'kam-small kam-muted' }),
            leaf('rect', { class: 'kam-track', x: LABEL, y: y + 6, width: PLOT, height: 14, rx: 2 }),
            leaf('rect', { class: 'kam-bar', x: Math.min(x0, xc), y: y + 6, width: Math.abs(xc - x0), height: 14, rx: 2 }),
            leaf('line', { class: 'kam-target', x1: xt, x2: xt, y1: y + 1, y2: y + 25 }),
            // The trend: each earlier value as a dot on the track, joined up to today's value.
            k.history.length ? trend([...k.history.map((r) => scale(r.value)), xc], y + 13) : undefined,
            text(LABEL + PLOT + 10, y + 17, fit(`${formatKpiValue(k.current, k.unit)} → ${formatKpiValue(k.target, k.unit)} · ${k.gapDisplay}`, WIDTH - LABEL - PLOT - 10), { class: k.onTarget ? 'kam-value kam-good-label' : 'kam-value' }));
    });
    return svg({
        id, width: WIDTH, height: 10 + kpis.length * ROW, className: 'kam-kpis',
        title: `KPIs, current against target: ${kpis.filter((k) => k.onTarget).length} of ${kpis.length} on target`,
        description: kpis.map((k) => `${k.label}: ${formatKpiValue(k.current, k.unit)} now, target ${formatKpiValue(k.target, k.unit)}`).join('; '),
    }, ...rows);
}
