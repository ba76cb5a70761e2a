/** The Pareto curve of revenue: each account's share (bars, largest first) and the cumulative share (line). */
import type { ParetoView } from '../view-model.js';
import { el, fit, leaf, round, svg, text, type Safe } from './svg.js';

const LEFT = 100;
const TOP = 16;
const PLOT_W = 540;
const PLOT_H = 240;

export function paretoChart(view: ParetoView, id: string): Safe {
    // What the rows stand for: accounts, or (an import) customers, a large export's by hundredths.
    const noun = view.population?.noun ?? 'account';
    if (view.rows.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-pareto', title: `Revenue concentration: no ${noun} states its current revenue` },
            text(0, 24, `No ${noun} states its current revenue.`, { class: 'kam-muted' }));
    }
    const n = view.rows.length;
    const count = view.population?.count ?? n;
    const whole = `${count.toLocaleString('en')} ${noun}${count === 1 ? '' : 's'}`;
    const topFifth = `${view.population?.perRow ? 'top fifth' : `top ${view.topFifthCount}`} of ${whole} bring`;
    const slot = PLOT_W / n;
    const yOf = (pct: number) => TOP + PLOT_H - (PLOT_H * pct) / 100;
    const showLabels = n <= 24;
    const bars = view.rows.map((r, i) => el('g', { class: i < view.topFifthCount ? 'kam-pareto-bar kam-top-fifth' : 'kam-pareto-bar' },
        el('title', {}, `${i + 1}. ${r.title}: ${r.share.toFixed(1)}% of revenue, cumulative ${r.cumulativeShare.toFixed(1)}%`),
        leaf('rect', { class: 'kam-bar', x: LEFT + i * slot + slot * 0.15, y: yOf(r.share), width: Math.max(0.5, slot * 0.7), height: (PLOT_H * r.share) / 100 })));
    const line = view.rows.map((r, i) => `${i === 0 ? 'M' : 'L'}${round(LEFT + i * slot + slot / 2)},${round(yOf(r.cumulativeShare))}`).join(' ');
    const points = n <= 60 ? view.rows.map((r, i) => leaf('circle', { class: 'kam-cumulative-point', cx: LEFT + i * slot + slot / 2, cy: yOf(r.cumulativeShare), r: 3 })) : [];
    const labels = showLabels ? view.rows.map((r, i) => {
        const x = LEFT + i * slot + slot / 2;
        const y = TOP + PLOT_H + 12;
        return text(x, y, fit(r.title, 110, 11), { class: 'kam-small', 'text-anchor': 'end', transform: `rotate(-35 ${round(x)} ${round(y)})` });
    }) : [text(LEFT + PLOT_W / 2, TOP + PLOT_H + 16, `${whole}${view.population?.perRow ? ` in ${view.population.perRow}` : ''}, largest first`, { class: 'kam-small kam-muted', 'text-anchor': 'middle' })];
    const fifthX = LEFT + view.topFifthCount * slot;
    const grid = [0, 20, 40, 60, 80, 100].map((p) => el('g', {},
        leaf('line', { class: 'kam-grid', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(p), y2: yOf(p) }),
        text(LEFT - 6, yOf(p) + 4, `${p}%`, { class: 'kam-small kam-muted', 'text-anchor': 'end' })));
    const bottom = TOP + PLOT_H + (showLabels ? 90 : 30);
    return svg({
        id, width: LEFT + PLOT_W + 70, height: bottom, className: 'kam-pareto',
        title: `Revenue concentration: the ${topFifth} ${view.topFifthShare.toFixed(0)}% of revenue`,
        description: `${view.accountsFor80Percent.toLocaleString('en')} of ${whole} bring 80% of revenue. Limit ${view.limit}%.${view.overLimit ? ' Above the limit.' : ''}`,
    },
    ...grid,
    ...bars,
    leaf('line', { class: 'kam-threshold', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(80), y2: yOf(80) }),
    text(LEFT + PLOT_W + 4, yOf(80) + 4, '80%', { class: 'kam-small' }),
    view.limit !== 80 ? leaf('line', { class: 'kam-limit', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(view.limit), y2: yOf(view.limit) }) : undefined,
    view.limit !== 80 ? text(LEFT + PLOT_W + 4, yOf(view.limit) + 4, `limit ${view.limit}%`, { class: 'kam-small' }) : undefined,
    leaf('line', { class: view.overLimit ? 'kam-fifth kam-over-limit' : 'kam-fifth', x1: fifthX, x2: fifthX, y1: TOP, y2: TOP + PLOT_H }),
    text(fifthX + 4, TOP + 12, `top fifth: ${view.topFifthShare.toFixed(0)}%`, { class: view.overLimit ? 'kam-small kam-overdue-label' : 'kam-small' }),
    leaf('path', { class: 'kam-cumulative', d: line }),
    ...points,
    ...labels,
    );
}
