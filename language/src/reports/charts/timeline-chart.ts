/** Objectives, milestones and actions on a timeline, with owners; overdue ones marked, today drawn. */
import { addDaysIso, daysBetween, isPlanDate } from '../../domain/quantities.js';
import type { TimelineItem, TimelineView } from '../view-model.js';
import { el, fit, leaf, svg, text, textWidth, type Safe } from './svg.js';

const PLOT = 520;
/** The label column is as wide as the longest label needs, within these bounds (beyond, the <title> has it all). */
const MIN_LABEL = 330;
const MAX_LABEL = 470;
/** Room on the right for the last month's name. */
const RIGHT = 50;
const ROW = 22;
const TOP = 44;

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The first day of every month from `start`'s month to `end`'s, as ISO dates. */
function monthsBetween(start: string, end: string): { date: string; year: number; month: number }[] {
    const months: { date: string; year: number; month: number }[] = [];
    let year = Number(start.slice(0, 4));
    let month = Number(start.slice(5, 7));
    const last = end.slice(0, 7);
    for (;;) {
        const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-01`;
        if (date.slice(0, 7) > last) return months;
        months.push({ date, year, month });
        if (++month > 12) { month = 1; year++; }
    }
}

function describe(item: TimelineItem): string {
    return [
        `${item.kind}: ${item.label}`,
        item.owner ? `owner ${item.owner.name}` : item.kind === 'milestone' ? undefined : 'no owner',
        item.due ? (isPlanDate(item.due) ? `due ${item.due}` : `due ${item.due} (not a date)`) : 'no due date',
        item.status,
        item.overdue ? 'OVERDUE' : undefined,
    ].filter(Boolean).join(' · ');
}

function marker(item: TimelineItem, x: number, y: number): Safe {
    if (item.kind === 'objective') return leaf('path', { class: 'kam-marker', d: `M${x},${y - 7} L${x + 7},${y} L${x},${y + 7} L${x - 7},${y} z` });
    if (item.kind === 'milestone') return leaf('path', { class: 'kam-marker', d: `M${x},${y - 6} L${x + 6},${y + 5} L${x - 6},${y + 5} z` });
    return leaf('circle', { class: 'kam-marker', cx: x, cy: y, r: 5 });
}

export function timelineChart(view: TimelineView, id: string): Safe {
    if (view.items.length === 0) {
        return svg({ id, width: 640, height: 40, className: 'kam-timeline', title: 'Timeline: no objectives' },
            text(0, 24, 'No objectives or actions.', { class: 'kam-muted' }));
    }
    const indentOf = (item: TimelineItem) => (item.kind === 'objective' ? 0 : 14);
    const fontOf = (item: TimelineItem) => (item.kind === 'objective' ? 12.5 * 1.08 : 12);
    const LABEL = Math.min(MAX_LABEL, Math.max(MIN_LABEL, ...view.items.map((item) => indentOf(item) + textWidth(item.label, fontOf(item)) + 12)));
    const WIDTH = LABEL + PLOT + RIGHT;
    // Date arithmetic on `yyyy-mm-dd` strings through the domain core; the view model keeps
    // impossible dates (2027-02-30) out of start and end, and such items are drawn as undated.
    const start = view.start ? addDaysIso(view.start, -14) : view.today;
    const end = view.end ? addDaysIso(view.end, 14) : addDaysIso(start, 90);
    const span = Math.max(1, daysBetween(start, end));
    const xOf = (date: string) => LABEL + (PLOT * daysBetween(start, date)) / span;
    const months = monthsBetween(start, end);
    const step = months.length > 30 ? 12 : months.length > 12 ? 3 : 1;
    const ticks = months.filter((m) => (m.month - 1) % step === 0 && m.date >= start).map((m) => {
        const x = xOf(m.date);
        return el('g', { class: 'kam-tick' },
            leaf('line', { class: 'kam-grid', x1: x, x2: x, y1: TOP - 6, y2: TOP + view.items.length * ROW }),
            text(x + 3, TOP - 8, step === 12 ? String(m.year) : `${MONTH_NAMES[m.month - 1]} ${m.year}`, { class: 'kam-small kam-muted' }));
    });
    const todayX = xOf(view.today);
    const rows = view.items.map((item, i) => {
        const y = TOP + i * ROW + ROW / 2;
        const indent = indentOf(item);
        const classes = ['kam-item', `kam-item-${item.kind}`, item.status ? `kam-status-${item.status}` : '', item.overdue ? 'kam-overdue' : ''].filter(Boolean).join(' ');
        let when: Safe;
        if (item.due && isPlanDate(item.due)) {
            const x = xOf(item.due);
            const right = x < LABEL + PLOT * 0.6;
            const note = [item.due, item.status, item.owner?.name, item.overdue ? 'overdue' : undefined].filter(Boolean).join(' · ');
            when = el('g', {}, marker(item, x, y), text(right ? x + 10 : x - 10, y + 4, note, { class: item.overdue ? 'kam-small kam-overdue-label' : 'kam-small kam-muted', 'text-anchor': right ? 'start' : 'end' }));
        } else {
            const note = item.kind === 'objective' && item.group === 'Feedback responses' ? '' : [item.due ? `due ${item.due} is not a date` : 'no due date', item.owner?.name].filter(Boolean).join(' · ');
            when = text(LABEL + 4, y + 4, note, { class: 'kam-small kam-muted' });
        }
        return el('g', { class: classes },
            el('title', {}, describe(item)),
            i % 2 === 0 ? leaf('rect', { class: 'kam-band', x: 0, y: y - ROW / 2, width: WIDTH, height: ROW }) : undefined,
            text(indent, y + 4, fit(item.label, LABEL - indent - 10, fontOf(item)), { class: item.kind === 'objective' ? 'kam-label kam-strong' : 'kam-label' }),
            when);
    });
    const overdue = view.items.filter((i) => i.overdue).length;
    return svg({
        id, width: WIDTH, height: TOP + view.items.length * ROW + 8, className: 'kam-timeline',
        title: `Timeline of objectives and actions${overdue ? `: ${overdue} overdue` : ''}`,
        description: view.items.map(describe).join('; '),
    },
    ...ticks,
    ...rows,
    leaf('line', { class: 'kam-today', x1: todayX, x2: todayX, y1: TOP - 22, y2: TOP + view.items.length * ROW }),
    text(todayX, TOP - 26, `today ${view.today}`, { class: 'kam-small kam-today-label', 'text-anchor': todayX > LABEL + PLOT * 0.8 ? 'end' : 'middle' }),
    );
}
