/**
 * One account's review, slide by slide, from its view model (language/src/reports/account-view.ts):
 * every number is the view's, written as the view formats it; the deck only chooses what goes where.
 */
import type { AccountDiff } from '../../language/src/plan-diff/portfolio-diff.js';
import { accountChangeLines } from '../../language/src/plan-diff/diff-words.js';
import { formatKpiValue, isOpen } from '../../language/src/domain/progress.js';
import { addDaysIso, formatPercent, isPlanDate } from '../../language/src/domain/quantities.js';
import type { AccountView, ExpectationCell, TimelineItem } from '../../language/src/reports/view-model.js';
import { plainFinding } from '../../language/src/reports/plain-findings.js';
import type { ReviewFinding } from '../../language/src/domain/findings.js';
import { relationshipSlide } from './relationship-slide.js';
import {
    COLOURS, CONTENT_WIDTH, FONT, PAGE, contentSlide, emptyNote, linesOf, pagedBullets, pagedTable, plain, tiles, titleSlide,
    type Cell, type DeckFrame, type Pptx,
} from './slide-kit.js';

/** The section titles of an account's review, in order (the tests and the README name them). */
export const ACCOUNT_SECTIONS = {
    headline: 'Headline',
    strategicValue: 'Strategic value',
    relationship: 'Relationship map',
    expectations: 'Expectations',
    objectives: 'Objectives and KPIs',
    actions: 'The next 90 days',
    risks: 'Risks',
    opportunities: 'Opportunities',
    findings: 'Findings to discuss',
    changes: 'Since the last review',
} as const;

/** How far ahead the actions slide looks. */
const ACTION_HORIZON_DAYS = 90;

const STATUS_FILL: Record<string, string> = { met: 'DCFCE7', 'at-risk': 'FEF3C7', unmet: 'FEE2E2', unknown: 'F3F4F6', none: 'FFFFFF' };
const LEVEL_FILL: Record<string, string> = { high: 'FEE2E2', medium: 'FEF3C7', low: 'DCFCE7' };

/** An account's changes since a revision, and that revision in words. */
export interface AccountChange {
    /** Undefined when the comparison found the account unchanged. */
    diff?: AccountDiff;
    /** "qbr-2026-q3 (3f2a1b9, 2026-09-30)". */
    since: string;
}

export function accountSlides(pptx: Pptx, view: AccountView, change?: AccountChange): void {
    const frame: DeckFrame = { footer: `${plain(view.title, 80)} · account review · as of ${view.today}` };
    accountTitleSlide(pptx, view);
    headlineSlide(pptx, frame, view);
    strategicValueSlide(pptx, frame, view);
    relationshipSlide(pptx, frame, view);
    expectationsSlides(pptx, frame, view);
    objectivesSlides(pptx, frame, view);
    actionsSlides(pptx, frame, view);
    risksSlides(pptx, frame, view);
    opportunitiesSlides(pptx, frame, view);
    findingsSlides(pptx, frame, view);
    if (change) changesSlides(pptx, frame, view, change);
}

function accountTitleSlide(pptx: Pptx, view: AccountView): void {
    const owner = view.owner ? `Key account manager: ${plain(view.owner.name, 80)}${view.owner.title ? `, ${plain(view.owner.title, 80)}` : ''}` : 'No key account manager named';
    titleSlide(pptx, 'Account review', view.title, [owner, view.backupOwner ? `Backup: ${plain(view.backupOwner.name, 80)}` : 'No backup owner', `As of ${view.today}`]);
}

/** The colour of a score against its threshold. */
function against(value: number | undefined, threshold: number): string {
    if (value === undefined) return COLOURS.muted;
    return value >= threshold ? COLOURS.good : COLOURS.watch;
}

function headlineSlide(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const facts = view.facts.filter((f) => ['Industry', 'Tier', 'Status', 'Strategy'].includes(f.label)).map((f) => `${f.label.toLowerCase()} ${plain(f.value, 60)}`);
    const slide = contentSlide(pptx, frame, `${ACCOUNT_SECTIONS.headline}: ${plain(view.title, 60)}`, facts.join(' · '));
    const sv = view.strategicValue;
    const r = view.relationship;
    const pipeline = view.money.pipeline;
    const missing = view.completeness.elements.filter((e) => !e.present).map((e) => e.label.toLowerCase());
    const gap = pipeline?.gapToPotential ? `gap to potential ${pipeline.gapToPotential}` : undefined;
    const bottom = tiles(slide, [
        { label: 'Strategic value', value: `${sv.display} / ${sv.scaleMax}`, note: `key threshold ${sv.threshold}`, colour: against(sv.value, sv.threshold) },
        { label: 'Quadrant', value: view.quadrant ?? 'not placed', note: view.quadrantAdvice ?? 'the account needs both scores to be placed', colour: COLOURS.navy },
        { label: 'Relationship strength', value: `${r.display} / 10`, note: `strong from ${r.threshold}${r.stage ? ` · stage ${r.stage}` : ''}`, colour: against(r.strength, r.threshold) },
        {
            label: 'Plan completeness', value: `${view.completeness.present} of ${view.completeness.total}`,
            note: missing.length ? `missing: ${missing.join(', ')}` : 'all five elements of an action plan',
            colour: view.completeness.present === view.completeness.total ? COLOURS.good : COLOURS.watch,
        },
        { label: 'Revenue', value: view.money.current ?? '—', note: view.money.potential ? `potential ${view.money.potential}` : 'no potential stated', colour: COLOURS.accent },
        {
            label: 'Weighted pipeline', value: pipeline?.openCount ? pipeline.weighted : 'none open',
            note: pipeline?.openCount
                ? [`of ${pipeline.open} open in ${pipeline.openCount} ${pipeline.openCount === 1 ? 'opportunity' : 'opportunities'}`, gap].filter(Boolean).join(' · ')
                : gap ?? 'no open opportunity with a value',
            colour: COLOURS.accent,
        },
    ], PAGE.top + 0.2);
    const notes = [
        view.syntaxErrorLine !== undefined ? 'The plan could be read only in part: its numbers are provisional until it is corrected.' : undefined,
        view.valueProposition ? `Value proposition: ${plain(view.valueProposition, 400)}` : undefined,
        view.calendar.renewal ? `Next renewal: ${plain(view.calendar.renewal, 200)}` : undefined,
        view.calendar.reviews ? `Reviews: ${plain(view.calendar.reviews, 200)}` : undefined,
    ].filter((n): n is string => n !== undefined);
    if (notes.length) {
        const room = PAGE.bottom - bottom - 0.2;
        // The smallest of three sizes at which the notes fit below the tiles.
        const fontPt = [13, 11, 9].find((pt) => notes.reduce((h, n) => h + linesOf(n, CONTENT_WIDTH, pt), 0) * pt * 1.25 / 72 <= room) ?? 9;
        slide.addText(notes.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 3 } })), {
            x: PAGE.margin, y: bottom + 0.2, w: CONTENT_WIDTH, h: room, fontFace: FONT, fontSize: fontPt, color: COLOURS.ink, margin: 0, valign: 'top',
        });
    }
}

function strategicValueSlide(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const sv = view.strategicValue;
    const slide = contentSlide(pptx, frame, ACCOUNT_SECTIONS.strategicValue,
        `${sv.display} on a scale of ${sv.scaleMin} to ${sv.scaleMax} · key threshold ${sv.threshold} · each bar is a factor's weighted contribution`);
    if (sv.factors.length === 0) {
        emptyNote(slide, 'No scoring model applies to this account: its strategic value cannot be broken down.');
        return;
    }
    const factors = sv.factors;
    // Factors in the model's order from the top: a bar chart draws its first category at the bottom.
    const ordered = factors.slice().reverse();
    slide.addChart('bar', [{ name: 'Contribution to the strategic value', labels: ordered.map((f) => plain(f.title, 40)), values: ordered.map((f) => f.contribution ?? 0) }], {
        x: PAGE.margin, y: PAGE.top + 0.2, w: 7.2, h: PAGE.bottom - PAGE.top - 0.3, barDir: 'bar',
        chartColors: [COLOURS.accent], showValue: true, dataLabelFormatCode: '0.0', dataLabelFontSize: 11, dataLabelFontFace: FONT,
        catAxisLabelFontSize: 11, catAxisLabelFontFace: FONT, valAxisLabelFontSize: 10, valAxisLabelFontFace: FONT, valAxisMinVal: 0,
        showLegend: false, valGridLine: { color: 'E5E7EB', size: 0.5 }, catGridLine: { style: 'none' },
        showTitle: false, barGapWidthPct: 60,
    });
    const rows: Cell[][] = factors.map((f) => [plain(f.title, 60), formatPercent(f.weight), f.score === undefined ? 'not scored' : String(f.score), f.contribution === undefined ? '—' : f.contribution.toFixed(2)]);
    rows.push([{ text: 'Strategic value', bold: true }, '', '', { text: sv.display, bold: true }]);
    const widths = [2.3, 0.85, 0.9, 1.05];
    slide.addTable([
        ['Factor', 'Weight', 'Score', 'Adds'].map((h) => ({ text: h, options: { bold: true, color: COLOURS.white, fill: { color: COLOURS.navy } } })),
        ...rows.map((row) => row.map((c) => (typeof c === 'string' ? { text: c, options: {} } : { text: c.text, options: { bold: c.bold } }))),
    ], { x: PAGE.margin + 7.4, y: PAGE.top + 0.3, w: widths.reduce((a, b) => a + b), colW: widths, fontFace: FONT, fontSize: rows.length > 9 ? 10 : 12, color: COLOURS.ink, border: { type: 'solid', pt: 0.75, color: COLOURS.rule }, margin: 0.06 });
}

function cellText(cell: ExpectationCell): string {
    if (cell.items.length === 0) return '—';
    return cell.items.map((i) => `${plain(i.description, 160)} (${i.fulfilment}${i.how ? `: ${plain(i.how, 120)}` : ''})`).join('\n');
}

function expectationsSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const rows: Cell[][] = view.expectations.map((e) => [
        { text: plain(e.name, 60), bold: true },
        ...e.cells.map((c): Cell => ({ text: cellText(c), fill: STATUS_FILL[c.status] })),
    ]);
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.expectations), 'No stakeholder\'s expectations are recorded: we cannot tell whether we meet them.');
        return;
    }
    pagedTable(pptx, frame, {
        title: ACCOUNT_SECTIONS.expectations, subtitle: 'What each stakeholder expects of us, and whether we meet it (green met, amber at risk, red unmet, grey unknown)',
        header: ['Stakeholder', 'Of the product or service', 'Of how we communicate', 'Of customer service'], widths: [2.3, 3.35, 3.34, 3.34], rows, fontPt: 11, maxRows: 6,
    });
}

function objectivesSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const objectives = view.timeline.items.filter((i) => i.kind === 'objective' && i.group !== 'Feedback responses');
    const rows: Cell[][] = objectives.map((o) => {
        const kpis = view.kpis.filter((k) => k.objective === o.label)
            .map((k) => `${plain(k.label, 80)}: ${plain(formatKpiValue(k.current, k.unit), 40)} → ${plain(formatKpiValue(k.target, k.unit), 40)} (${plain(k.gapDisplay, 60)})`);
        return [
            { text: plain(o.label, 200), bold: true },
            o.owner ? plain(o.owner.name, 50) : { text: 'no owner', color: COLOURS.bad },
            o.due ? { text: o.due, color: o.overdue ? COLOURS.bad : undefined } : { text: 'no due date', color: COLOURS.bad },
            o.objectiveStatus ?? '—',
            kpis.length ? kpis.join('\n') : { text: 'no KPI', color: COLOURS.bad },
        ];
    });
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.objectives), 'No objectives are agreed with the customer yet.');
        return;
    }
    pagedTable(pptx, frame, {
        title: ACCOUNT_SECTIONS.objectives, subtitle: 'Agreed with the customer: owner, due date and the KPIs that show progress (current → target)',
        header: ['Objective', 'Owner', 'Due', 'Status', 'KPIs'], widths: [3.0, 1.7, 1.1, 1.0, 5.53], rows, fontPt: 11, maxRows: 8,
    });
}

/** Open work that is overdue or due within the horizon, the most urgent first. */
export function nextActions(view: AccountView): TimelineItem[] {
    const horizon = addDaysIso(view.today, ACTION_HORIZON_DAYS);
    return view.timeline.items
        .filter((i) => i.kind !== 'objective' && isOpen(i.status) && i.due !== undefined && isPlanDate(i.due) && (i.overdue || i.due <= horizon))
        .sort((a, b) => a.due!.localeCompare(b.due!));
}

function actionsSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const rows: Cell[][] = nextActions(view).map((a) => [
        { text: a.due!, color: a.overdue ? COLOURS.bad : undefined, bold: a.overdue },
        plain(a.label, 200),
        plain(a.group, 120),
        a.owner ? plain(a.owner.name, 50) : '—',
        a.overdue ? { text: `overdue (${a.status ?? 'planned'})`, color: COLOURS.bad } : a.status ?? 'planned',
    ]);
    const subtitle = `Open actions and milestones due by ${addDaysIso(view.today, ACTION_HORIZON_DAYS)}, overdue ones in red`;
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.actions, subtitle), 'Nothing is due in the next 90 days and nothing is overdue.');
        return;
    }
    pagedTable(pptx, frame, { title: ACCOUNT_SECTIONS.actions, subtitle, header: ['Due', 'Action', 'For', 'Owner', 'Status'], widths: [1.25, 4.6, 3.2, 1.8, 1.48], rows, fontPt: 11, maxRows: 10 });
}

function risksSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const rows: Cell[][] = view.risks.map((r) => [
        String(r.number), plain(r.text, 300),
        r.likelihood ? { text: r.likelihood, fill: LEVEL_FILL[r.likelihood] } : '—',
        r.impact ? { text: r.impact, fill: LEVEL_FILL[r.impact] } : '—',
        r.contingency ? plain(r.contingency, 300) : { text: 'no contingency', color: COLOURS.bad },
        r.owner ? plain(r.owner.name, 50) : '—',
    ]);
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.risks), 'No risks are listed: a plan without risks has not looked for them.');
        return;
    }
    pagedTable(pptx, frame, { title: ACCOUNT_SECTIONS.risks, subtitle: 'Likelihood, impact and what we do if it happens', header: ['#', 'Risk', 'Likelihood', 'Impact', 'Contingency', 'Owner'], widths: [0.45, 4.3, 1.2, 1.0, 3.9, 1.48], rows, fontPt: 11, maxRows: 8 });
}

function opportunitiesSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const rows: Cell[][] = view.opportunities.map((o) => [
        plain(o.text, 200), o.stage ?? 'identified', formatPercent(o.probability), o.value ?? '—', o.weighted ?? '—',
        o.close ? { text: o.close, color: o.closePassed ? COLOURS.bad : undefined } : '—',
        o.owner ? plain(o.owner.name, 50) : '—',
    ]);
    const subtitle = view.calendar.pipeline ? `Pipeline: ${plain(view.calendar.pipeline, 200)}` : undefined;
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.opportunities, subtitle), 'No opportunities or new relationships are planned.');
        return;
    }
    pagedTable(pptx, frame, { title: ACCOUNT_SECTIONS.opportunities, subtitle, header: ['Opportunity', 'Stage', 'Chance', 'Value', 'Weighted', 'Close', 'Owner'], widths: [4.6, 1.3, 0.95, 1.35, 1.35, 1.2, 1.58], rows, fontPt: 11, maxRows: 10 });
}

function findingsSlides(pptx: Pptx, frame: DeckFrame, view: AccountView): void {
    const discuss = view.findings.filter((f) => f.severity === 'error' || f.severity === 'warning')
        .sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
    const notes = view.findings.length - discuss.length;
    const left = notes ? ` (${notes} smaller note${notes === 1 ? '' : 's'} for the plan's authors left out)` : '';
    const subtitle = discuss.length ? `What the plan's reviewer raises: ${discuss.length} point${discuss.length === 1 ? '' : 's'}, the serious ones first${left}` : left.trim() || undefined;
    if (discuss.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.findings, subtitle), 'The reviewer raises nothing to discuss.');
        return;
    }
    const say = inPlainWords(view);
    pagedBullets(pptx, frame, ACCOUNT_SECTIONS.findings, discuss.map((f) => ({ text: say(f), colour: f.severity === 'error' ? COLOURS.bad : undefined })), subtitle);
}

/** A finding as the director's reports say it (plain-findings.ts): factors by title, no plan syntax. */
function inPlainWords(view: AccountView): (f: Pick<ReviewFinding, 'code' | 'message'>) => string {
    const factors = new Map(view.strategicValue.factors.map((f) => [f.factor, f.title]));
    return (f) => plain(plainFinding(f, view.title, factors), 400);
}

function changesSlides(pptx: Pptx, frame: DeckFrame, view: AccountView, { diff: change, since }: AccountChange): void {
    const say = inPlainWords(view);
    const subtitle = `What moved in the plan's meaning since ${plain(since, 120)}`;
    const rows: Cell[][] = change ? accountChangeLines(change).map((l) => [{ text: l.label, bold: true }, plain(l.text, 500)]) : [];
    for (const f of change?.findings.added ?? []) rows.push([{ text: 'New finding', bold: true }, say(f)]);
    for (const f of change?.findings.resolved ?? []) rows.push([{ text: 'Resolved', bold: true }, say(f)]);
    if (rows.length === 0) {
        emptyNote(contentSlide(pptx, frame, ACCOUNT_SECTIONS.changes, subtitle), 'Nothing in the plan\'s meaning has changed since then.');
        return;
    }
    pagedTable(pptx, frame, { title: ACCOUNT_SECTIONS.changes, subtitle, header: ['What', 'Change'], widths: [2.4, CONTENT_WIDTH - 2.4], rows, fontPt: 12, maxRows: 10 });
}
