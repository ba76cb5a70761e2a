/**
 * The relationship map: the customer's org chart from `reports to`, each stakeholder coloured by stance,
 * sized by influence, with our relationship owner named. Layout by dagre (a layered graph layout), so
 * managers sit above the people who report to them.
 */
import dagre from '@dagrejs/dagre';
import type { InfluenceLevel } from '../../domain/model.js';
import type { RelationshipView, StakeholderNode } from '../view-model.js';
import { el, fit, leaf, round, svg, text, token, type Safe } from './svg.js';

const SIZE: Record<InfluenceLevel | 'unknown', { width: number; height: number; border: number }> = {
    high: { width: 250, height: 84, border: 3 },
    medium: { width: 234, height: 80, border: 2 },
    low: { width: 220, height: 76, border: 1 },
    unknown: { width: 220, height: 76, border: 1 },
};
const STANCES = ['champion', 'supporter', 'neutral', 'skeptic', 'blocker', 'unknown'];

function nodeBox(s: StakeholderNode, x: number, y: number, width: number, height: number): Safe {
    const size = SIZE[s.influence ?? 'unknown'];
    const left = x - width / 2;
    const top = y - height / 2;
    const inner = width - 18;
    const lines = [
        s.title,
        `${s.stance ?? 'stance unknown'} · ${s.influence ?? 'unknown'} influence`,
        `index ${s.indexDisplay} · ${s.owner ? `our owner: ${s.owner.name}` : 'no owner on our side'}`,
    ].filter((l): l is string => Boolean(l));
    const tooltip = [
        `${s.name}${s.title ? `, ${s.title}` : ''}`,
        s.roles.length ? `roles: ${s.roles.join(', ')}` : undefined,
        `stance: ${s.stance ?? 'unknown'}; influence: ${s.influence ?? 'unknown'}`,
        `trusted advisor ${s.trustedAdvisor ?? '—'}, strategic partner ${s.strategicPartner ?? '—'}, index ${s.indexDisplay}`,
        `our relationship owner: ${s.owner?.name ?? 'none'}`,
        s.lastContact ? `last contact ${s.lastContact}` : undefined,
    ].filter(Boolean).join('\n');
    return el('g', { class: `kam-node kam-stance-${token(s.stance)} kam-influence-${token(s.influence)}`, 'data-stakeholder': s.id },
        el('title', {}, tooltip),
        leaf('rect', { class: 'kam-node-box', x: left, y: top, width, height, rx: 6, 'stroke-width': size.border }),
        leaf('rect', { class: 'kam-node-stripe', x: left, y: top, width: 8, height, rx: 3 }),
        text(left + 14, top + 19, fit(s.name, inner, 13), { class: 'kam-node-name' }),
        ...lines.map((line, i) => text(left + 14, top + 37 + i * 15, fit(line, inner, 11), { class: 'kam-node-line' })),
    );
}

export function relationshipMap(view: RelationshipView, id: string): Safe {
    if (view.stakeholders.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-relationship-map', title: 'Relationship map: no stakeholders are mapped' },
            text(0, 24, 'No stakeholders are mapped.', { class: 'kam-muted' }));
    }
    const g = new dagre.graphlib.Graph();
    g.setGraph({ rankdir: 'TB', nodesep: 24, ranksep: 44, marginx: 4, marginy: 4 });
    g.setDefaultEdgeLabel(() => ({}));
    for (const s of view.stakeholders) g.setNode(s.id, { ...SIZE[s.influence ?? 'unknown'] });
    for (const s of view.stakeholders) if (s.reportsTo) g.setEdge(s.reportsTo, s.id);
    dagre.layout(g);
    const graph = g.graph();
    const legendHeight = 30;
    const width = Math.max(560, graph.width ?? 0);
    const height = (graph.height ?? 0) + legendHeight + 8;
    const edges = g.edges().map((e) => {
        const points: { x: number; y: number }[] = g.edge(e).points ?? [];
        const d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${round(p.x)},${round(p.y)}`).join(' ');
        return leaf('path', { class: 'kam-edge', d, 'marker-end': `url(#${id}-arrow)` });
    });
    const nodes = view.stakeholders.map((s) => {
        const n = g.node(s.id);
        return nodeBox(s, n.x, n.y, n.width, n.height);
    });
    const legendY = (graph.height ?? 0) + 14;
    const legend = STANCES.map((stance, i) => el('g', { class: `kam-legend kam-stance-${stance}` },
        leaf('rect', { class: 'kam-node-stripe', x: i * 92, y: legendY, width: 12, height: 12, rx: 2 }),
        text(i * 92 + 17, legendY + 10, stance, { class: 'kam-small' })));
    return svg({
        id, width, height, className: 'kam-relationship-map',
        title: `Relationship map: ${view.stakeholders.length} stakeholder${view.stakeholders.length === 1 ? '' : 's'}, relationship strength ${view.display}`,
        description: view.stakeholders.map((s) => `${s.name}${s.reportsTo ? ` reports to ${view.stakeholders.find((o) => o.id === s.reportsTo)?.name}` : ''}, ${s.stance ?? 'stance unknown'}, ${s.influence ?? 'unknown'} influence, our owner ${s.owner?.name ?? 'none'}`).join('; '),
    },
    el('defs', {}, el('marker', { id: `${id}-arrow`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' },
        leaf('path', { class: 'kam-arrow', d: 'M0,0 L10,5 L0,10 z' }))),
    ...edges, ...nodes, ...legend);
}
