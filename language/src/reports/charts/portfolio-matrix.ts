/**
 * The portfolio matrix: strategic value (attractiveness, up) against relationship strength (right),
 * the thresholds splitting it into Strategic, Star, Status and Streamline; bubble area = current revenue.
 */
import type { PortfolioAccountRow, PortfolioView } from '../view-model.js';
import type { Quadrant } from '../../domain/portfolio.js';
import { formatScore } from '../../domain/quantities.js';
import { el, fit, leaf, svg, text, textWidth, token, type Safe } from './svg.js';

const LEFT = 50;
const TOP = 14;
const PLOT_W = 560;
const PLOT_H = 420;
const MAX_R = 30;

interface Box { x: number; y: number; w: number; h: number }

function overlaps(a: Box, b: Box): boolean {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

/** Where an account stood at an earlier revision, to draw its move from then to now. */
export interface EarlierPosition {
    strategicValue: number;
    relationship: number;
}

export function portfolioMatrix(view: PortfolioView, id: string, options: { interactive?: boolean; earlier?: ReadonlyMap<string, EarlierPosition> } = {}): Safe {
    const { keyThreshold, strengthThreshold } = view.thresholds;
    const xOf = (v: number) => LEFT + (PLOT_W * Math.max(0, Math.min(10, v))) / 10;
    const yOf = (v: number) => TOP + PLOT_H - (PLOT_H * Math.max(0, Math.min(10, v))) / 10;
    const tx = xOf(strengthThreshold);
    const ty = yOf(keyThreshold);
    const quadrantBoxes = [
        { q: 'Star', x: LEFT, y: TOP, w: tx - LEFT, h: ty - TOP, label: 'Star — invest in the relationship', anchor: 'start' },
        { q: 'Strategic', x: tx, y: TOP, w: LEFT + PLOT_W - tx, h: ty - TOP, label: 'Strategic — develop jointly', anchor: 'end' },
        { q: 'Streamline', x: LEFT, y: ty, w: tx - LEFT, h: TOP + PLOT_H - ty, label: 'Streamline — serve efficiently', anchor: 'start' },
        { q: 'Status', x: tx, y: ty, w: LEFT + PLOT_W - tx, h: TOP + PLOT_H - ty, label: 'Status — maintain', anchor: 'end' },
    ];
    const background = quadrantBoxes.map((b) => el('g', { class: `kam-quadrant kam-quadrant-${token(b.q)}` },
        leaf('rect', { class: 'kam-quadrant-box', x: b.x, y: b.y, width: Math.max(0, b.w), height: Math.max(0, b.h) }),
        text(b.anchor === 'start' ? b.x + 6 : b.x + b.w - 6, b.y < ty ? b.y + 16 : b.y + b.h - 8, b.label, { class: 'kam-quadrant-label', 'text-anchor': b.anchor })));
    // Only accounts with a quadrant: one whose plan could be read only in part has provisional numbers and is not placed.
    const placed = view.accounts.filter((a): a is PortfolioAccountRow & { strategicValue: number; relationship: number; quadrant: Quadrant } =>
        a.strategicValue !== undefined && a.relationship !== undefined && a.quadrant !== undefined);
    const maxRevenue = Math.max(0, ...placed.map((a) => a.revenue ?? 0));
    const taken: Box[] = quadrantBoxes.map((b) => ({ x: b.anchor === 'start' ? b.x : b.x + b.w - textWidth(b.label), y: b.y < ty ? b.y + 4 : b.y + b.h - 20, w: textWidth(b.label), h: 16 }));
    // Largest first, so small bubbles are drawn on top and stay clickable.
    const ordered = placed.slice().sort((a, b) => (b.revenue ?? 0) - (a.revenue ?? 0));
    const bubbles = ordered.map((a) => {
        const cx = xOf(a.relationship);
        const cy = yOf(a.strategicValue);
        const r = a.revenue && maxRevenue > 0 ? Math.max(5, MAX_R * Math.sqrt(a.revenue / maxRevenue)) : 5;
        taken.push({ x: cx - r, y: cy - r, w: 2 * r, h: 2 * r });
        return { a, cx, cy, r };
    });
    const labels = bubbles.map(({ a, cx, cy, r }) => {
        const label = fit(a.title, 150);
        const w = textWidth(label);
        const candidates: Box[] = [
            { x: cx + r + 4, y: cy - 8, w, h: 16 }, { x: cx - r - 4 - w, y: cy - 8, w, h: 16 },
            { x: cx - w / 2, y: cy - r - 20, w, h: 16 }, { x: cx - w / 2, y: cy + r + 4, w, h: 16 },
        ];
        const inside = (b: Box) => b.x >= LEFT && b.x + b.w <= LEFT + PLOT_W && b.y >= TOP && b.y + b.h <= TOP + PLOT_H;
        const box = candidates.find((b) => inside(b) && !taken.some((t) => overlaps(t, b))) ?? candidates.find(inside) ?? candidates[0];
        taken.push(box);
        return text(box.x, box.y + 12, label, { class: 'kam-bubble-label' });
    });
    const circles = bubbles.map(({ a, cx, cy, r }) => {
        const description = `${a.title}: strategic value ${a.strategicValueDisplay}, relationship ${a.relationshipDisplay}, ${a.quadrant}, revenue ${a.revenueDisplay}`;
        const interactive = options.interactive && a.uri;
        return el('g', {
            class: `kam-bubble kam-quadrant-${token(a.quadrant)}`,
            tabindex: interactive ? 0 : undefined,
            role: interactive ? 'link' : undefined,
            'aria-label': interactive ? `Open the plan of ${description}` : undefined,
            'data-kam-open': interactive ? a.uri : undefined,
        }, el('title', {}, description), leaf('circle', { cx, cy, r, class: a.revenue ? 'kam-bubble-fill' : 'kam-bubble-fill kam-no-revenue' }));
    });
    // An arrow from where an account stood then to where it is now (by account name), drawn under the bubbles.
    const trails = options.earlier ? bubbles.flatMap(({ a, cx, cy, r }) => {
        const then = options.earlier!.get(a.name);
        if (!then) return [];
        const x1 = xOf(then.relationship);
        const y1 = yOf(then.strategicValue);
        const length = Math.hypot(cx - x1, cy - y1);
        if (length <= r + 2) return [];
        // Stop at the bubble's edge, so the arrowhead stays visible.
        const x2 = cx - ((cx - x1) * (r + 1)) / length;
        const y2 = cy - ((cy - y1) * (r + 1)) / length;
        return [el('g', { class: 'kam-trail' },
            el('title', {}, `${a.title}: strategic value ${formatScore(then.strategicValue)} → ${a.strategicValueDisplay}, relationship ${formatScore(then.relationship)} → ${a.relationshipDisplay}`),
            leaf('circle', { class: 'kam-trail-start', cx: x1, cy: y1, r: 3 }),
            leaf('line', { class: 'kam-trail-line', x1, y1, x2, y2, 'marker-end': `url(#${id}-arrow)` }))];
    }) : [];
    const ticks = [0, 2, 4, 6, 8, 10].flatMap((v) => [
        text(xOf(v), TOP + PLOT_H + 16, String(v), { class: 'kam-small kam-muted', 'text-anchor': 'middle' }),
        text(LEFT - 8, yOf(v) + 4, String(v), { class: 'kam-small kam-muted', 'text-anchor': 'end' }),
    ]);
    const unplaced = view.accounts.length - placed.length;
    return svg({
        id, width: LEFT + PLOT_W + 10, height: TOP + PLOT_H + 40, className: 'kam-portfolio-matrix',
        title: `Portfolio matrix: ${placed.length} account${placed.length === 1 ? '' : 's'} by strategic value and relationship strength${unplaced ? ` (${unplaced} not placed)` : ''}`,
        description: `Attractive from strategic value ${keyThreshold}, strong from relationship strength ${strengthThreshold}; bubble area is current revenue. ` +
            placed.map((a) => `${a.title} ${a.quadrant} (${a.strategicValueDisplay}, ${a.relationshipDisplay})`).join('; '),
    },
    ...background,
    leaf('rect', { class: 'kam-frame', x: LEFT, y: TOP, width: PLOT_W, height: PLOT_H }),
    leaf('line', { class: 'kam-threshold', x1: tx, x2: tx, y1: TOP, y2: TOP + PLOT_H }),
    leaf('line', { class: 'kam-threshold', x1: LEFT, x2: LEFT + PLOT_W, y1: ty, y2: ty }),
    ...ticks,
    trails.length ? el('defs', {}, el('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        leaf('path', { class: 'kam-trail-head', d: 'M0,0 L10,5 L0,10 z' }))) : undefined,
    ...trails,
    text(LEFT + PLOT_W / 2, TOP + PLOT_H + 34, 'relationship strength →', { class: 'kam-label kam-strong', 'text-anchor': 'middle' }),
    text(14, TOP + PLOT_H / 2, 'strategic value →', { class: 'kam-label kam-strong', 'text-anchor': 'middle', transform: `rotate(-90 14 ${TOP + PLOT_H / 2})` }),
    ...circles,
    ...labels,
    );
}
