/** The risk register as a likelihood × impact grid; each risk a numbered dot (the numbers match the table). */
import type { RiskLevel } from '../../domain/model.js';
import type { RiskView } from '../view-model.js';
import { el, leaf, svg, text, type Safe } from './svg.js';

const LEVELS: RiskLevel[] = ['low', 'medium', 'high'];
const AXIS = 90;
const CELL_W = 150;
const CELL_H = 70;

function heat(likelihood: number, impact: number): string {
    const score = (likelihood + 1) * (impact + 1);
    return score >= 6 ? 'high' : score >= 3 ? 'medium' : 'low';
}

export function riskMatrix(risks: RiskView[], id: string): Safe {
    const cells: Safe[] = [];
    for (let l = 0; l < 3; l++) {
        for (let i = 0; i < 3; i++) {
            const x = AXIS + i * CELL_W;
            const y = (2 - l) * CELL_H;
            const inCell = risks.filter((r) => r.likelihood === LEVELS[l] && r.impact === LEVELS[i]);
            cells.push(el('g', { class: `kam-heat kam-heat-${heat(l, i)}` },
                leaf('rect', { class: 'kam-heat-box', x, y, width: CELL_W, height: CELL_H }),
                ...inCell.map((r, k) => {
                    const cx = x + 20 + (k % 5) * 27;
                    const cy = y + 20 + Math.floor(k / 5) * 27;
                    return el('g', { class: 'kam-risk-dot' },
                        el('title', {}, `Risk ${r.number}: ${r.text} (likelihood ${r.likelihood}, impact ${r.impact})${r.contingency ? `; contingency: ${r.contingency}` : '; no contingency'}`),
                        leaf('circle', { cx, cy, r: 11 }),
                        text(cx, cy + 4, String(r.number), { class: 'kam-dot-label', 'text-anchor': 'middle' }));
                })));
        }
    }
    const axes = [
        ...LEVELS.map((level, i) => text(AXIS + i * CELL_W + CELL_W / 2, 3 * CELL_H + 16, level, { class: 'kam-small', 'text-anchor': 'middle' })),
        text(AXIS + 1.5 * CELL_W, 3 * CELL_H + 34, 'impact →', { class: 'kam-label kam-strong', 'text-anchor': 'middle' }),
        ...LEVELS.map((level, l) => text(AXIS - 8, (2 - l) * CELL_H + CELL_H / 2 + 4, level, { class: 'kam-small', 'text-anchor': 'end' })),
        text(0, 12, 'likelihood ↑', { class: 'kam-label kam-strong' }),
    ];
    const unassessed = risks.filter((r) => !r.likelihood || !r.impact);
    const note = unassessed.length
        ? text(0, 3 * CELL_H + 56, `Not assessed: ${unassessed.map((r) => `#${r.number}`).join(', ')} (likelihood or impact missing)`, { class: 'kam-small kam-muted' })
        : undefined;
    return svg({
        id, width: AXIS + 3 * CELL_W + 4, height: 3 * CELL_H + (note ? 66 : 42), className: 'kam-risks',
        title: `Risk register: ${risks.length} risk${risks.length === 1 ? '' : 's'} by likelihood and impact`,
        description: risks.length ? risks.map((r) => `${r.number}. ${r.text}: likelihood ${r.likelihood ?? 'unknown'}, impact ${r.impact ?? 'unknown'}`).join('; ') : 'No risks are listed.',
    }, ...cells, ...axes, note);
}
