/** The expectations matrix: stakeholder × kind (product, communication, service), met / at risk / unmet. */
import type { ExpectationCell, ExpectationRow } from '../view-model.js';
import { EXPECTATION_KINDS } from '../view-model.js';
import { el, fit, leaf, svg, text, token, type Safe } from './svg.js';

const NAME = 190;
const CELL = 150;
const ROW = 30;

const LABEL: Record<ExpectationCell['status'], string> = { met: '✓ met', 'at-risk': '! at risk', unmet: '✗ unmet', unknown: '? unknown', none: '—' };

export function expectationsMatrix(rows: ExpectationRow[], id: string): Safe {
    if (rows.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-expectations', title: 'Expectations matrix: no stakeholder expectations are recorded' },
            text(0, 24, 'No stakeholder expectations are recorded.', { class: 'kam-muted' }));
    }
    const width = NAME + CELL * EXPECTATION_KINDS.length;
    const header = EXPECTATION_KINDS.map((k, i) => text(NAME + i * CELL + CELL / 2, 16, k, { class: 'kam-label kam-strong', 'text-anchor': 'middle' }));
    const body = rows.map((row, r) => {
        const y = 26 + r * ROW;
        return el('g', { class: 'kam-expectation-row' },
            text(0, y + 19, fit(row.name, NAME - 8), { class: 'kam-label' }),
            ...row.cells.map((c, i) => {
                const count = c.items.length > 1 ? ` (${c.items.length})` : '';
                return el('g', { class: `kam-cell kam-fulfil-${token(c.status)}` },
                    el('title', {}, c.items.length
                        ? `${row.name}, ${c.kind}:\n${c.items.map((e) => `• ${e.description} — ${e.fulfilment}${e.how ? `; how: ${e.how}` : ''}`).join('\n')}`
                        : `${row.name} states no ${c.kind} expectation`),
                    leaf('rect', { class: 'kam-cell-box', x: NAME + i * CELL + 2, y: y + 2, width: CELL - 4, height: ROW - 4, rx: 3 }),
                    text(NAME + i * CELL + CELL / 2, y + 19, `${LABEL[c.status]}${count}`, { class: 'kam-cell-label', 'text-anchor': 'middle' }));
            }));
    });
    const summary = rows.map((r) => `${r.name}: ${r.cells.map((c) => `${c.kind} ${c.status}`).join(', ')}`).join('; ');
    return svg({ id, width, height: 26 + rows.length * ROW + 4, className: 'kam-expectations', title: 'Expectations matrix: stakeholder by kind of expectation', description: summary },
        ...header, ...body);
}
