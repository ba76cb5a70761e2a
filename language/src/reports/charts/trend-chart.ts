/**
 * An account's strategic value and relationship strength over the revisions of its plan (oldest
 * left): two lines on the 0-10 scale with the attractiveness and strength thresholds, a point per
 * revision (hollow where the plan had a syntax error and its numbers were provisional).
 */
import { formatScore } from '../../domain/quantities.js';
import { el, fit, leaf, svg, text, type Safe } from './svg.js';

export interface TrendPoint {
    /** The revision's short label: a date, a tag. */
    label: string;
    /** Longer words for the tooltip: the commit's subject. */
    detail?: string;
    strategicValue?: number;
    relationship?: number;
    provisional?: boolean;
}

const LEFT = 40;
const TOP = 12;
const PLOT_W = 600;
const PLOT_H = 200;

export function trendChart(points: TrendPoint[], id: string, thresholds: { keyThreshold: number; strengthThreshold: number }): Safe {
    const n = points.length;
    const xOf = (i: number) => LEFT + (n <= 1 ? PLOT_W / 2 : (PLOT_W * i) / (n - 1));
    const yOf = (v: number) => TOP + PLOT_H - (PLOT_H * Math.max(0, Math.min(10, v))) / 10;
    const series = (key: 'strategicValue' | 'relationship', cls: string, name: string) => {
        const known = points.map((p, i) => ({ p, i })).filter(({ p }) => p[key] !== undefined);
        const path = known.map(({ p, i }, k) => `${k === 0 ? 'M' : 'L'}${xOf(i).toFixed(1)},${yOf(p[key]!).toFixed(1)}`).join(' ');
        return el('g', { class: `kam-history ${cls}` },
            known.length > 1 ? leaf('path', { class: 'kam-history-line', d: path }) : undefined,
            ...known.map(({ p, i }) => el('circle', { class: p.provisional ? 'kam-history-point kam-provisional' : 'kam-history-point', cx: xOf(i), cy: yOf(p[key]!), r: 4 },
                el('title', {}, `${p.label}${p.detail ? ` (${p.detail})` : ''}: ${name} ${formatScore(p[key])}${p.provisional ? ', provisional (syntax error)' : ''}`))));
    };
    // Every label when they fit, else about eight of them, always the first and the last.
    const every = Math.max(1, Math.ceil(n / 8));
    const ticks = points.map((p, i) => (i % every === 0 || i === n - 1)
        ? text(xOf(i), TOP + PLOT_H + 16, fit(p.label, 90, 11), { class: 'kam-small kam-muted', 'text-anchor': n === 1 ? 'middle' : i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle' })
        : undefined);
    const grid = [0, 2, 4, 6, 8, 10].map((v) => el('g', {},
        leaf('line', { class: 'kam-grid', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(v), y2: yOf(v) }),
        text(LEFT - 8, yOf(v) + 4, String(v), { class: 'kam-small kam-muted', 'text-anchor': 'end' })));
    const last = points[n - 1];
    return svg({
        id, width: LEFT + PLOT_W + 150, height: TOP + PLOT_H + 30, className: 'kam-history-chart',
        title: `Strategic value and relationship strength over ${n} revision${n === 1 ? '' : 's'}`,
        description: points.map((p) => `${p.label}: strategic value ${formatScore(p.strategicValue)}, relationship ${formatScore(p.relationship)}${p.provisional ? ' (provisional)' : ''}`).join('; '),
    },
    ...grid,
    leaf('line', { class: 'kam-threshold', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(thresholds.keyThreshold), y2: yOf(thresholds.keyThreshold) }),
    thresholds.strengthThreshold !== thresholds.keyThreshold
        ? leaf('line', { class: 'kam-threshold kam-threshold-strength', x1: LEFT, x2: LEFT + PLOT_W, y1: yOf(thresholds.strengthThreshold), y2: yOf(thresholds.strengthThreshold) })
        : undefined,
    ...ticks,
    series('strategicValue', 'kam-history-value', 'strategic value'),
    series('relationship', 'kam-history-relationship', 'relationship'),
    last?.strategicValue !== undefined ? text(LEFT + PLOT_W + 10, yOf(last.strategicValue) + 4, `value ${formatScore(last.strategicValue)}`, { class: 'kam-small kam-history-value-label' }) : undefined,
    last?.relationship !== undefined ? text(LEFT + PLOT_W + 10, yOf(last.relationship) + 16, `relationship ${formatScore(last.relationship)}`, { class: 'kam-small kam-history-relationship-label' }) : undefined,
    );
}
