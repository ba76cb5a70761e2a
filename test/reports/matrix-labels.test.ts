/**
 * The portfolio matrix's names: the example portfolio's eight accounts each named in full, no name
 * over another, over a bubble or across a quadrant line; at 2,000 accounts only the most important
 * are named and the rest are points with a hover title, placed in about linear time.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { crosses, overlaps, placeLabels, type Box, type LabelRequest } from '../../language/src/reports/charts/label-placement.js';
import { portfolioMatrix } from '../../language/src/reports/charts/portfolio-matrix.js';
import { textWidth } from '../../language/src/reports/charts/svg.js';
import { portfolioView, type PortfolioView } from '../../language/src/reports/view-model.js';
import { reviewedExamples } from '../helpers/report-fixtures.js';

let examples: PortfolioView;

beforeAll(async () => {
    const fixture = await reviewedExamples();
    examples = portfolioView(fixture.accounts, fixture.context);
});

function attrs(markup: string): Record<string, string> {
    return Object.fromEntries([...markup.matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

/** What the matrix drew: each name's box (as the chart measures it), each bubble's box, the two threshold lines. */
function drawn(svg: string) {
    const labels = [...svg.matchAll(/<text([^>]*class="kam-bubble-label"[^>]*)>([^<]*)<\/text>/g)].map((m) => {
        const a = attrs(m[1]);
        return { name: m[2], box: { x: Number(a.x) - 1, y: Number(a.y) - 11.5, w: textWidth(m[2], 11.5) + 2, h: 15 } };
    });
    const bubbles = [...svg.matchAll(/<circle([^>]*class="kam-bubble-fill[^"]*"[^>]*)\/>/g)].map((m) => {
        const a = attrs(m[1]);
        const r = Number(a.r);
        return { x: Number(a.cx) - r, y: Number(a.cy) - r, w: 2 * r, h: 2 * r };
    });
    const rules = [...svg.matchAll(/<line([^>]*class="kam-threshold"[^>]*)\/>/g)].map((m) => {
        const a = attrs(m[1]);
        return { x1: Number(a.x1), y1: Number(a.y1), x2: Number(a.x2), y2: Number(a.y2) };
    });
    return { labels, bubbles, rules };
}

function circleHits(box: Box, bubble: Box): boolean {
    // The true circle, not its square: a name may sit by a bubble's corner.
    const r = bubble.w / 2;
    const cx = bubble.x + r;
    const cy = bubble.y + r;
    const nx = Math.max(box.x, Math.min(cx, box.x + box.w));
    const ny = Math.max(box.y, Math.min(cy, box.y + box.h));
    return Math.hypot(nx - cx, ny - cy) < r;
}

describe('portfolio matrix names', () => {
    it('names all eight example accounts in full, clear of each other, of every bubble and of the quadrant lines', () => {
        const svg = portfolioMatrix(examples, 'pm').markup;
        const { labels, bubbles, rules } = drawn(svg);
        expect(labels.map((l) => l.name).sort()).toEqual(examples.accounts.filter((a) => a.quadrant).map((a) => a.title).sort());
        expect(labels.every((l) => !l.name.includes('…'))).toBe(true);
        expect(rules).toHaveLength(2);
        for (const [i, l] of labels.entries()) {
            for (const other of labels.slice(i + 1)) expect(overlaps(l.box, other.box), `${l.name} over ${other.name}`).toBe(false);
            for (const rule of rules) expect(crosses(l.box, rule, 0), `${l.name} across a quadrant line`).toBe(false);
            for (const b of bubbles) expect(circleHits(l.box, b), `${l.name} over a bubble`).toBe(false);
        }
    });

    it('explains bubble size and colour in a legend', () => {
        const svg = portfolioMatrix(examples, 'pm').markup;
        expect(svg).toContain('data-kam="matrix-legend"');
        expect(svg).toContain('Bubble area = current revenue:');
        // Nordwind's 4.6M EUR is the largest: the legend's bubbles are a quarter and a sixteenth of it, to scale.
        expect(svg).toContain('>1.15M EUR</text>');
        expect(svg).toContain('>288k EUR</text>');
        for (const q of ['Strategic', 'Star', 'Status', 'Streamline']) expect(svg).toMatch(new RegExp(`kam-quadrant-${q.toLowerCase()}"><circle class="kam-legend-swatch"`));
    });

    it('at 2,000 accounts names the largest that have room, draws the rest as points with a hover title, and stays fast', async () => {
        let seed = 7;
        const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
        const accounts = Array.from({ length: 2000 }, (_, i) => {
            const strategicValue = 1 + random() * 9;
            const relationship = 1 + random() * 9;
            const revenue = Math.round(random() ** 3 * 5e6);
            return {
                name: `a${i}`, title: `Account number ${i} GmbH`, revenue, revenueDisplay: `${revenue}`, strategicValue, strategicValueDisplay: strategicValue.toFixed(1),
                relationship, relationshipDisplay: relationship.toFixed(1), errors: 0, warnings: 0,
                quadrant: strategicValue >= 6 ? (relationship >= 5 ? 'Strategic' : 'Star') : relationship >= 5 ? 'Status' : 'Streamline',
            };
        });
        const view = { ...examples, accounts } as unknown as PortfolioView;
        const started = performance.now();
        const svg = portfolioMatrix(view, 'big').markup;
        const elapsed = performance.now() - started;
        if (process.env.KAM_MATRIX_SVG) (await import('node:fs')).writeFileSync(process.env.KAM_MATRIX_SVG, svg);
        const { labels, bubbles, rules } = drawn(svg);
        expect(bubbles).toHaveLength(2000);
        expect(svg.match(/kam-bubble-fill kam-point/g)).toHaveLength(1970);
        expect(svg.match(/<title>Account number \d+ GmbH:/g)).toHaveLength(2000);
        expect(labels.length).toBeGreaterThanOrEqual(8);
        expect(labels.length).toBeLessThanOrEqual(30);
        const largest = accounts.slice().sort((a, b) => b.revenue - a.revenue)[0];
        expect(labels.map((l) => l.name)).toContain(largest.title);
        for (const [i, l] of labels.entries()) {
            for (const other of labels.slice(i + 1)) expect(overlaps(l.box, other.box)).toBe(false);
            for (const rule of rules) expect(crosses(l.box, rule, 0)).toBe(false);
        }
        // Accounts on the same spot share a name ("… +2 more"): they count as named.
        const named = labels.reduce((n, l) => n + 1 + Number(/ \+(\d+) more$/.exec(l.name)?.[1] ?? 0), 0);
        expect(svg).toContain(`${(2000 - named).toLocaleString('en')} accounts without a name`);
        expect(elapsed).toBeLessThan(2000);
    });

    it('names accounts on the same spot once, "+N more": 2,000 copies of the eight examples (the benchmark\'s portfolio)', async () => {
        const accounts = Array.from({ length: 2000 }, (_, i) => {
            const a = examples.accounts[i % examples.accounts.length];
            return { ...a, name: `${a.name}_${i}`, title: `${a.title} ${i}` };
        });
        const svg = portfolioMatrix({ ...examples, accounts }, 'bench').markup;
        const { labels } = drawn(svg);
        if (process.env.KAM_MATRIX_SVG) (await import('node:fs')).writeFileSync(process.env.KAM_MATRIX_SVG, svg);
        expect(labels).toHaveLength(8);
        expect(labels.map((l) => l.name)).toContain('Nordwind Logistics 0 +249 more');
        expect(labels.every((l) => / \+249 more$/.test(l.name))).toBe(true);
        expect(svg).not.toContain('without a name');
    });

    it('places labels in about linear time: 20,000 requests against a spatial grid', () => {
        const requests: LabelRequest[] = Array.from({ length: 20_000 }, (_, i) => ({ key: String(i), cx: (i * 37) % 4000, cy: Math.floor(i / 100) * 20, r: 4, width: 60, height: 14 }));
        const started = performance.now();
        const placed = placeLabels(requests, { bounds: { x: 0, y: 0, w: 4000, h: 4000 }, obstacles: [], rules: [{ x1: 2000, x2: 2000, y1: 0, y2: 4000 }] });
        expect(performance.now() - started).toBeLessThan(3000);
        const boxes = [...placed.values()];
        expect(boxes.length).toBeGreaterThan(1000);
        expect(boxes.every((b) => !crosses(b, { x1: 2000, x2: 2000, y1: 0, y2: 4000 }))).toBe(true);
    });
});

describe('an amount the reviewer leaves out', () => {
    it('a negative revenue has no area: the smallest bubble, never a NaN radius', async () => {
        const fixture = await reviewedExamples();
        const vestergaard = fixture.accounts.find((a) => a.card.plan.name === 'vestergaard')!;
        const credit = { ...vestergaard, card: { ...vestergaard.card, plan: { ...vestergaard.card.plan, currentRevenue: { amount: -1, currency: 'EUR' } } } };
        const view = portfolioView(fixture.accounts.map((a) => (a === vestergaard ? credit : a)), fixture.context);
        const svg = portfolioMatrix(view, 'credit').markup;
        expect(svg).not.toMatch(/NaN|Infinity/);
        expect(drawn(svg).bubbles.length).toBe(8);
    });
});
