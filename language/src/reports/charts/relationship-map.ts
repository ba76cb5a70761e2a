/**
 * The relationship map: the customer's org chart from `reports to`, each stakeholder coloured by stance,
 * sized by influence, with our relationship owner named. Layout by dagre (a layered graph layout), so
 * managers sit above the people who report to them.
 */
import dagre from '@dagrejs/dagre';
import type { InfluenceLevel } from '../../domain/model.js';
import type { RelationshipView, StakeholderNode } from '../view-model.js';
import { el, fit, leaf, round, svg, text, textWidth, token, type Safe } from './svg.js';

const SIZE: Record<InfluenceLevel | 'unknown', { width: number; height: number; border: number }> = {
    high: { width: 250, height: 84, border: 3 },
    medium: { width: 234, height: 80, border: 2 },
    low: { width: 220, height: 76, border: 1 },
    unknown: { width: 220, height: 76, border: 1 },
};
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'];
/** Each line of a box below the name adds this much height. */
const LINE = 15;
const OURS = { width: 200, height: 44 };

/** The most a box may widen to hold a long name or title (beyond it the text is cut, the <title> has it all). */
const MAX_WIDTH = 380;

/** "index 7.0 · last contact 42 d ago · 3 meetings": the age comes from the view model. */
function contactLine(s: StakeholderNode): string {
    const age = s.daysSinceContact === undefined ? s.contactAgeDisplay : `last contact ${s.contactAgeDisplay}`;
    return `index ${s.indexDisplay} · ${age}${s.contactHistory.length ? ` · ${s.contactHistory.length} meeting${s.contactHistory.length === 1 ? '' : 's'}` : ''}`;
}

/** The lines under a stakeholder's name, in the order a reader scans them. */
function nodeLines(s: StakeholderNode): string[] {
    return [
        s.title,
        `${s.stance ?? 'stance unknown'} · ${s.influence ?? 'unknown'} influence`,
        s.owner ? `our owner: ${s.owner.name}` : 'no owner on our side',
        contactLine(s),
    ].filter((l): l is string => Boolean(l));
}

/** Wide enough for the name (bold) and every line: names are never cut while they fit MAX_WIDTH. */
function nodeWidth(s: StakeholderNode): number {
    const content = Math.max(textWidth(s.name, 13) * 1.1, ...nodeLines(s).map((l) => textWidth(l, 11))) + 30;
    return Math.min(MAX_WIDTH, Math.max(SIZE[s.influence ?? 'unknown'].width, content));
}

function ourWidth(member: OurTeamMember): number {
    return Math.min(MAX_WIDTH, Math.max(OURS.width, textWidth(member.person.name, 12.5) * 1.1 + 30));
}

/** One of our people on the account, facing counterparts at the customer. */
function ourBox(member: OurTeamMember, x: number, y: number): Safe {
    const width = ourWidth(member);
    const left = x - width / 2;
    const top = y - OURS.height / 2;
    return el('g', { class: 'kam-our-node', 'data-our-member': member.person.id },
        el('title', {}, `${member.person.name}, our ${member.role.replace(/-/g, ' ')}${member.counterparts.length ? `, faces ${member.counterparts.join(', ')}` : ''}`),
        leaf('rect', { class: 'kam-our-box', x: left, y: top, width, height: OURS.height, rx: 22 }),
        text(left + 14, top + 18, fit(member.person.name, width - 24, 12.5 * 1.1), { class: 'kam-node-name' }),
        text(left + 14, top + 34, fit(`our ${member.role.replace(/-/g, ' ')}`, width - 24, 11), { class: 'kam-node-line' }));
}

function nodeBox(s: StakeholderNode, x: number, y: number, width: number, height: number): Safe {
    const size = SIZE[s.influence ?? 'unknown'];
    const left = x - width / 2;
    const top = y - height / 2;
    const inner = width - 18;
    const lines = nodeLines(s);
    const tooltip = [
        `${s.name}${s.title ? `, ${s.title}` : ''}`,
        s.roles.length ? `roles: ${s.roles.join(', ')}` : undefined,
        `stance: ${s.stance ?? 'unknown'}; influence: ${s.influence ?? 'unknown'}`,
        `trusted advisor ${s.trustedAdvisor ?? '—'}, strategic partner ${s.strategicPartner ?? '—'}, index ${s.indexDisplay}`,
        `our relationship owner: ${s.owner?.name ?? 'none'}`,
        s.lastContact ? `last contact ${s.lastContact} (${s.contactAgeDisplay})` : undefined,
        ...s.contactHistory.slice(0, 5).map((c) => `${c.date} ${c.kind}${c.title ? `: ${c.title}` : ''}`),
    ].filter(Boolean).join('\n');
    return el('g', { class: `kam-node kam-stance-${token(s.stance)} kam-influence-${token(s.influence)}`, 'data-stakeholder': s.id },
        el('title', {}, tooltip),
        leaf('rect', { class: 'kam-node-box', x: left, y: top, width, height, rx: 6, 'stroke-width': size.border }),
        leaf('rect', { class: 'kam-node-stripe', x: left, y: top, width: 8, height, rx: 3 }),
        text(left + 14, top + 19, fit(s.name, inner, 13 * 1.1), { class: 'kam-node-name' }),
        ...lines.map((line, i) => text(left + 14, top + 37 + i * 15, fit(line, inner, 11), { class: 'kam-node-line' })),
    );
}

export interface OurTeamMember {
    role: string;
    person: { id: string; name: string };
    /** Stakeholder ids this person faces. */
    counterpartIds: string[];
    counterparts: string[];
}

export function relationshipMap(view: RelationshipView, id: string, ourTeam: OurTeamMember[] = []): Safe {
    if (view.stakeholders.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-relationship-map', title: 'Relationship map: no stakeholders are mapped' },
            text(0, 24, 'No stakeholders are mapped.', { class: 'kam-muted' }));
    }
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 44, marginx: 4, marginy: 4 });
    g.setDefaultEdgeLabel(() => ({}));
    const height = (s: StakeholderNode) => SIZE[s.influence ?? 'unknown'].height + LINE;
    for (const s of view.stakeholders) g.setNode(s.id, { width: nodeWidth(s), height: height(s) });
    for (const s of view.stakeholders) if (s.reportsTo) g.setEdge(s.reportsTo, s.id);
    // Our people sit above the counterparts they face; their ids cannot clash with the customer's.
    const ids = new Set(view.stakeholders.map((s) => s.id));
    const ours = ourTeam.filter((m) => m.counterpartIds.some((c) => ids.has(c)));
    ours.forEach((m, i) => {
        g.setNode(`our:${i}`, { width: ourWidth(m), height: OURS.height });
        for (const c of m.counterpartIds) if (ids.has(c)) g.setEdge(`our:${i}`, c, { facing: true });
    });
    dagre.layout(g);
    const graph = g.graph();
    const legendHeight = 30;
    const width = Math.max(560, graph.width ?? 0);
    const svgHeight = (graph.height ?? 0) + legendHeight + 8;
    const edges = g.edges().map((e) => {
        const edge = g.edge(e) as { points?: { x: number; y: number }[]; facing?: boolean };
        const d = (edge.points ?? []).map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
        return edge.facing ? leaf('path', { class: 'kam-facing', d }) : leaf('path', { class: 'kam-edge', d, 'marker-end': `url(#${id}-arrow)` });
    });
    const nodes = view.stakeholders.map((s) => {
        const n = g.node(s.id);
        return nodeBox(s, n.x, n.y, n.width, n.height);
    });
    const ourNodes = ours.map((m, i) => {
        const n = g.node(`our:${i}`);
        return ourBox(m, n.x, n.y);
    });
    const legendY = (graph.height ?? 0) + 14;
    const legend = STANCES.map((stance, i) => el('g', { class: `kam-legend kam-stance-${stance}` },
        leaf('rect', { class: 'kam-node-stripe', x: i * 92, y: legendY, width: 12, height: 12, rx: 2 }),
        text(i * 92 + 17, legendY + 10, stance, { class: 'kam-small' })));
    if (ours.length) {
        legend.push(el('g', { class: 'kam-legend' },
            leaf('line', { class: 'kam-facing', x1: STANCES.length * 92, x2: STANCES.length * 92 + 20, y1: legendY + 6, y2: legendY + 6 }),
            text(STANCES.length * 92 + 25, legendY + 10, 'our team faces', { class: 'kam-small' })));
    }
    return svg({
        id, width: Math.max(width, ours.length ? STANCES.length * 92 + 120 : 0), height: svgHeight, className: 'kam-relationship-map',
        title: `Relationship map: ${view.stakeholders.length} stakeholder${view.stakeholders.length === 1 ? '' : 's'}, relationship strength ${view.display}`,
        description: view.stakeholders.map((s) => `${s.name}${s.reportsTo ? ` reports to ${view.stakeholders.find((o) => o.id === s.reportsTo)?.name}` : ''}, ${s.stance ?? 'stance unknown'}, ${s.influence ?? 'unknown'} influence, our owner ${s.owner?.name ?? 'none'}`).join('; '),
    },
    el('defs', {}, el('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        leaf('path', { class: 'kam-arrow', d: 'M0,0 L10,5 L0,10 z' }))),
    ...edges, ...nodes, ...ourNodes, ...legend);
}
