/**
 * The relationship map as shapes a user can move and edit: one box per stakeholder, filled by
 * stance, bordered by influence, with our owner and the last contact; arrowed lines from a manager
 * to the people who report to them. Laid out by dagre (managers above their reports), as the
 * preview's map, then scaled into the slide.
 */
import dagre from '@dagrejs/dagre';
import type { AccountView, StakeholderNode } from '../../language/src/reports/view-model.js';
import { COLOURS, CONTENT_WIDTH, FONT, PAGE, STANCE_COLOURS, contentSlide, emptyNote, linesOf, plain, type DeckFrame, type Pptx } from './slide-kit.js';

/** A box's size before scaling, in points (dagre's spacing defaults are in the tens of units, so it lays out in points, not inches). */
const BOX_WIDTH = 200;
/** The box text's size at full scale, in points. */
const TEXT_PT = 9.5;
const POINT = 1 / 72;
const BORDER: Record<string, number> = { high: 3, medium: 1.75, low: 0.75 };
const LEGEND_HEIGHT = 0.35;

function contactLine(s: StakeholderNode): string {
    if (s.daysSinceContact === undefined) return 'no contact recorded';
    if (s.daysSinceContact === 0) return 'last contact today';
    return `last contact ${s.daysSinceContact} day${s.daysSinceContact === 1 ? '' : 's'} ago`;
}

/** What a box says, line by line: name, title, stance and influence, our owner, the last contact. */
function boxText(s: StakeholderNode): Array<{ text: string; options: { bold?: boolean; breakLine?: boolean } }> {
    return [
        { text: plain(s.name, 60), options: { bold: true, breakLine: true } },
        ...(s.title ? [{ text: plain(s.title, 70), options: { breakLine: true } }] : []),
        { text: `${s.stance ?? 'stance unknown'} · ${s.influence ?? 'unknown'} influence · index ${s.indexDisplay}`, options: { breakLine: true } },
        { text: s.owner ? `our owner: ${plain(s.owner.name, 40)}` : 'no owner on our side', options: { breakLine: true } },
        { text: contactLine(s), options: {} },
    ];
}

export function relationshipSlide(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const r = view.relationship;
    const slide = contentSlide(pptx, frame, 'Relationship map',
        `Relationship strength ${r.display} of 10 (strong from ${r.threshold})${r.stage ? ` · stage ${r.stage}` : ''} · ${r.stakeholders.length} stakeholder${r.stakeholders.length === 1 ? '' : 's'}`);
    if (r.stakeholders.length === 0) {
        emptyNote(slide, 'No stakeholders are mapped yet: the decision-making unit is unknown.');
        return;
    }
    const texts = new Map(r.stakeholders.map((s) => [s.id, boxText(s)]));
    // Every box as tall as the fullest one needs, so the rows line up.
    const lines = Math.max(...[...texts.values()].map((t) => t.reduce((n, line) => n + linesOf(line.text, (BOX_WIDTH - 10) * POINT, line.options.bold ? TEXT_PT + 1.5 : TEXT_PT), 0)));
    const BOX = { width: BOX_WIDTH, height: lines * TEXT_PT * 1.22 + 12 };
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 22, ranksep: 34, edgesep: 10, marginx: 0, marginy: 0 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const s of r.stakeholders) g.setNode(s.id, { width: BOX.width, height: BOX.height });
    for (const s of r.stakeholders) if (s.reportsTo) g.setEdge(s.reportsTo, s.id);
    dagre.layout(g);
    const graph = g.graph();
    const areaTop = PAGE.top + 0.15;
    const areaHeight = PAGE.bottom - areaTop - LEGEND_HEIGHT - 0.1;
    // A little larger than drawn when there is room; smaller when the map is wide or deep.
    const scale = Math.min(1.25 * POINT, CONTENT_WIDTH / (graph.width ?? 1), areaHeight / (graph.height ?? 1));
    const offsetX = PAGE.margin + (CONTENT_WIDTH - (graph.width ?? 0) * scale) / 2;
    const place = (x: number, y: number) => ({ x: offsetX + x * scale, y: areaTop + y * scale });
    const zoom = scale / POINT;
    const fontPt = Math.max(6, TEXT_PT * zoom);
    // Lines first, so the boxes sit on top of their ends.
    for (const s of r.stakeholders) {
        if (!s.reportsTo) continue;
        const from = g.node(s.reportsTo);
        const to = g.node(s.id);
        const start = place(from.x, from.y + from.height / 2);
        const end = place(to.x, to.y - to.height / 2);
        slide.addShape('line', {
            x: Math.min(start.x, end.x), y: start.y, w: Math.abs(end.x - start.x), h: Math.max(0.01, end.y - start.y),
            flipH: end.x < start.x, line: { color: COLOURS.muted, width: 1.25, endArrowType: 'triangle' },
        });
    }
    for (const s of r.stakeholders) {
        const n = g.node(s.id);
        const at = place(n.x - n.width / 2, n.y - n.height / 2);
        const colours = STANCE_COLOURS[s.stance ?? 'unknown'];
        const lines = texts.get(s.id)!.map((line) => ({ text: line.text, options: { ...line.options, color: colours.text, fontSize: line.options.bold ? fontPt + 1.5 : fontPt } }));
        slide.addText(lines, {
            x: at.x, y: at.y, w: BOX.width * scale, h: BOX.height * scale, shape: 'roundRect', rectRadius: 0.08,
            fill: { color: colours.fill }, color: colours.text,
            line: { color: s.influence === 'high' ? COLOURS.navy : COLOURS.muted, width: BORDER[s.influence ?? 'low'] ?? 0.75 },
            fontFace: FONT, fontSize: fontPt, valign: 'middle', align: 'left', margin: 4 * zoom, fit: 'shrink',
        });
    }
    legend(slide);
}

/** What the colours and borders mean, along the bottom. */
function legend(slide: ReturnType<Pptx['addSlide']>): void {
    const y = PAGE.bottom - LEGEND_HEIGHT + 0.05;
    let x = PAGE.margin;
    for (const [stance, c] of Object.entries(STANCE_COLOURS)) {
        slide.addShape('roundRect', { x, y: y + 0.06, w: 0.22, h: 0.2, fill: { color: c.fill }, line: { color: COLOURS.muted, width: 0.5 }, rectRadius: 0.03 });
        slide.addText(stance, { x: x + 0.27, y, w: 1.1, h: 0.32, fontFace: FONT, fontSize: 10, color: COLOURS.ink, margin: 0, valign: 'middle' });
        x += 1.4;
    }
    slide.addText('Thick border: high influence · arrow: reports to', { x, y, w: PAGE.width - PAGE.margin - x, h: 0.32, fontFace: FONT, fontSize: 10, color: COLOURS.muted, margin: 0, valign: 'middle' });
}
