/**
 * The portfolio matrix: strategic value (attractiveness, up) against relationship strength (right),
 * the thresholds splitting it into Strategic, Star, Status and Streamline; bubble area = current revenue.
 */
import type { PortfolioAccountRow, PortfolioView } from '../view-model.js';
import type { Quadrant } from '../../domain/portfolio.js';
import { formatCompact, formatScore } from '../../domain/quantities.js';
import { placeLabels, type Box } from './label-placement.js';
import { el, fit, leaf, svg, text, textWidth, token, type Safe } from './svg.js';

const LEFT = 50;
const TOP = 14;
const PLOT_W = 600;
const PLOT_H = 420;
const MAX_R = 30;
/** Up to this many accounts every one is a bubble with its name; beyond it only the most important are. */
const ALL_LABELLED = 60;
/** How many accounts get a bubble and a name in a large portfolio; the rest are points with a hover title. */
const TOP_LABELLED = 30;
const LABEL_FONT = 11.5;
const LABEL_H = 15;
/** A name longer than this is cut (the bubble's title has it in full). */
const LABEL_MAX_W = 300;
/** A name with no room in full gets further chances, cut to these widths. */
const LABEL_SHORTER_W = [200, 120];
const LEGEND_H = 44;

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
    const quadrantLabels: Box[] = quadrantBoxes.map((b) => { const w = textWidth(b.label, 11) * 1.1 + 4; return { x: b.anchor === 'start' ? b.x + 4 : b.x + b.w - 4 - w, y: b.y < ty ? b.y + 4 : b.y + b.h - 20, w, h: 16 }; });
    // Most important first: they get a name first, and in a large portfolio only they get one.
    const byImportance = placed.slice().sort((a, b) => (b.revenue ?? 0) - (a.revenue ?? 0) || b.strategicValue - a.strategicValue);
    // Accounts drawn on the same spot (within a few pixels) share one bubble and one name, "… and 249 more":
    // the names go to different places, not to copies of one.
    const limit = placed.length <= ALL_LABELLED ? placed.length : TOP_LABELLED;
    const labelled = new Set<PortfolioAccountRow>();
    const sameSpot = new Map<string, { first: PortfolioAccountRow; more: number }>();
    for (const a of byImportance) {
        const spot = `${Math.round(xOf(a.relationship) / 4)},${Math.round(yOf(a.strategicValue) / 4)}`;
        const taken = sameSpot.get(spot);
        if (taken) taken.more++;
        else if (labelled.size < limit) {
            sameSpot.set(spot, { first: a, more: 0 });
            labelled.add(a);
        }
    }
    const others = new Map([...sameSpot.values()].map((s) => [s.first, s.more]));
    // In a crowded matrix the named bubbles are smaller, so their names find room.
    const maxR = placed.length > ALL_LABELLED ? MAX_R / 2 : MAX_R;
    const bubbles = byImportance.map((a) => {
        const cx = xOf(a.relationship);
        const cy = yOf(a.strategicValue);
        const point = !labelled.has(a);
        // A revenue of zero or below (a typo, a credit) has no area: the smallest bubble, as for none stated.
        const r = point ? 3 : a.revenue !== undefined && a.revenue > 0 && maxRevenue > 0 ? Math.max(5, maxR * Math.sqrt(a.revenue / maxRevenue)) : 5;
        return { a, cx, cy, r, point, box: { x: cx - r, y: cy - r, w: 2 * r, h: 2 * r } };
    });
    const nameOf = (b: (typeof bubbles)[number], width: number) => {
        const more = others.get(b.a) ? ` +${others.get(b.a)!.toLocaleString('en')} more` : '';
        const room = width - textWidth(more, LABEL_FONT);
        return `${textWidth(b.a.title, LABEL_FONT) <= room ? b.a.title : fit(b.a.title, room, LABEL_FONT)}${more}`;
    };
    const bounds = { x: LEFT + 1, y: TOP + 1, w: PLOT_W - 2, h: PLOT_H - 2 };
    const rules = [{ x1: tx, x2: tx, y1: TOP, y2: TOP + PLOT_H }, { x1: LEFT, x2: LEFT + PLOT_W, y1: ty, y2: ty }];
    // Points may sit under a name (its halo keeps it readable); bubbles may not.
    const obstacles = [...quadrantLabels, ...bubbles.filter((b) => !b.point).map((b) => b.box)];
    const request = (b: (typeof bubbles)[number], name: string) => ({ key: b.a.name, cx: b.cx, cy: b.cy, r: b.r, width: textWidth(name, LABEL_FONT) + 2, height: LABEL_H, own: b.box });
    // Every name in full first; then the names that found no room, shorter and shorter.
    const names = new Map(bubbles.map((b) => [b.a.name, nameOf(b, LABEL_MAX_W)]));
    const positions = placeLabels(bubbles.filter((b) => !b.point).map((b) => request(b, names.get(b.a.name)!)), { bounds, obstacles, rules });
    for (const width of LABEL_SHORTER_W) {
        const retry = bubbles.filter((b) => !b.point && !positions.has(b.a.name));
        if (!retry.length) break;
        for (const b of retry) names.set(b.a.name, nameOf(b, width));
        const again = placeLabels(retry.map((b) => request(b, names.get(b.a.name)!)), { bounds, obstacles: [...obstacles, ...positions.values()], rules });
        for (const [key, box] of again) positions.set(key, box);
    }
    const labels = bubbles.flatMap(({ a }) => {
        const box = positions.get(a.name);
        return box ? [text(box.x + 1, box.y + 11.5, names.get(a.name)!, { class: 'kam-bubble-label', 'data-account': a.name })] : [];
    });
    // Drawn largest first, so small bubbles are on top and stay clickable.
    bubbles.sort((x, y) => y.r - x.r);
    const circles = bubbles.map(({ a, cx, cy, r, point }) => {
        const description = `${a.title}: strategic value ${a.strategicValueDisplay}, relationship ${a.relationshipDisplay}, ${a.quadrant}, revenue ${a.revenueDisplay}`;
        const interactive = options.interactive && a.uri;
        return el('g', {
            class: `kam-bubble kam-quadrant-${token(a.quadrant)}`,
            tabindex: interactive ? 0 : undefined,
            role: interactive ? 'link' : undefined,
            'aria-label': interactive ? `Open the plan of ${description}` : undefined,
            'data-kam-open': interactive ? a.uri : undefined,
        }, el('title', {}, description), leaf('circle', { cx, cy, r, class: point ? 'kam-bubble-fill kam-point' : a.revenue ? 'kam-bubble-fill' : 'kam-bubble-fill kam-no-revenue' }));
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
    // Named: each account with a name on the chart, and those named with it as "and N more".
    const named = bubbles.filter((b) => positions.has(b.a.name)).reduce((n, b) => n + 1 + (others.get(b.a) ?? 0), 0);
    const unnamed = placed.length - named;
    return svg({
        id, width: LEFT + PLOT_W + 10, height: TOP + PLOT_H + 40 + LEGEND_H + (unnamed > 0 ? 18 : 0), className: 'kam-portfolio-matrix',
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
    legend(TOP + PLOT_H + 50, maxRevenue, maxR, view.pareto.currency, unnamed),
    );
}

/** What size and colour mean: two reference bubbles (the largest revenue and a quarter of it) and the four quadrants. */
function legend(y: number, maxRevenue: number, maxR: number, currency: string | undefined, unnamed: number): Safe {
    const items: Safe[] = [];
    let x = LEFT;
    if (maxRevenue > 0) {
        items.push(text(x, y + 12, 'Bubble area = current revenue:', { class: 'kam-small kam-muted' }));
        x += textWidth('Bubble area = current revenue:', 11) + 10;
        // True to scale (area ∝ revenue): a quarter and a sixteenth of the largest account.
        for (const share of [1 / 4, 1 / 16]) {
            const r = maxR * Math.sqrt(share);
            const label = `${formatCompact(maxRevenue * share)}${currency ? ` ${currency}` : ''}`;
            items.push(leaf('circle', { class: 'kam-legend-bubble', cx: x + r, cy: y + 8, r }), text(x + 2 * r + 4, y + 12, label, { class: 'kam-small' }));
            x += 2 * r + 14 + textWidth(label, 11);
        }
        items.push(leaf('circle', { class: 'kam-legend-bubble kam-no-revenue', cx: x + 5, cy: y + 8, r: 5 }), text(x + 14, y + 12, 'none stated', { class: 'kam-small' }));
    }
    x = LEFT;
    const y2 = y + 28;
    items.push(text(x, y2 + 4, 'Colour = quadrant:', { class: 'kam-small kam-muted' }));
    x += textWidth('Colour = quadrant:', 11) + 10;
    for (const q of ['Strategic', 'Star', 'Status', 'Streamline']) {
        items.push(el('g', { class: `kam-quadrant-${token(q)}` }, leaf('circle', { class: 'kam-legend-swatch', cx: x + 6, cy: y2, r: 6 }), text(x + 16, y2 + 4, q, { class: 'kam-small' })));
        x += 24 + textWidth(q, 11);
    }
    if (unnamed > 0) items.push(text(LEFT, y2 + 22, `${unnamed.toLocaleString('en')} account${unnamed === 1 ? '' : 's'} without a name (no room, or a point in a large portfolio): hover for the name and numbers.`, { class: 'kam-small kam-muted' }));
    return el('g', { class: 'kam-legend', 'data-kam': 'matrix-legend' }, ...items);
}
