/**
 * The diff in words, one definition for every format: "6.2 → 7.0 (+0.8)", "Star → Strategic",
 * each account's changes as plain sentences. The Markdown and HTML renderers escape these texts
 * for their own format; nothing here is markup.
 */
import type { Money } from '../domain/model.js';
import { formatAmount, formatMoney, formatPercent, formatScore } from '../domain/quantities.js';
import { formatKpiValue } from '../domain/progress.js';
import { oneLine } from '../domain/plain-text.js';
import type { AccountDiff, Change, MoneyChange, NumberChange, PortfolioDiff } from './portfolio-diff.js';
import type { RevisionLabel } from './snapshot.js';

/** `+0.8`, `−0.3`, `±0`. */
export function signed(delta: number, format: (n: number) => string = formatScore): string {
    if (delta === 0) return '±0';
    return `${delta > 0 ? '+' : '−'}${format(Math.abs(delta))}`;
}

/** `6.2 → 7.0 (+0.8)`, `7.0` when unchanged, `— → 7.0` for a new account. */
export function scoreChange(c: NumberChange): string {
    if (c.before === c.after || (c.before !== undefined && c.after !== undefined && formatScore(c.before) === formatScore(c.after))) return formatScore(c.after ?? c.before);
    const arrow = `${c.before === undefined ? '—' : formatScore(c.before)} → ${c.after === undefined ? '—' : formatScore(c.after)}`;
    return c.delta === undefined ? arrow : `${arrow} (${signed(c.delta)})`;
}

export function valueChange<T>(c: Change<T>, show: (v: T) => string = String): string {
    const s = (v: T | undefined) => (v === undefined ? '—' : show(v));
    return c.before === c.after ? s(c.after) : `${s(c.before)} → ${s(c.after)}`;
}

function money(m: Money | undefined): string {
    return m ? formatMoney(m) : '—';
}

export function moneyChange(c: MoneyChange): string {
    if (JSON.stringify(c.before) === JSON.stringify(c.after)) return money(c.after);
    const arrow = `${money(c.before)} → ${money(c.after)}`;
    return c.delta === undefined ? arrow : `${arrow} (${signed(c.delta, formatAmount)})`;
}

export function completenessChange(d: AccountDiff): string {
    const c = d.completeness;
    const show = (n: number | undefined) => (n === undefined ? '—' : `${n}/${c.total}`);
    return c.before === c.after ? show(c.after) : `${show(c.before)} → ${show(c.after)}`;
}

/** `+2 new, 1 resolved`, or `none` / `—`. */
export function findingsChange(d: AccountDiff): string {
    const parts = [];
    if (d.findings.added.length) parts.push(`${d.findings.added.length} new`);
    if (d.findings.resolved.length) parts.push(`${d.findings.resolved.length} resolved`);
    return parts.join(', ') || '—';
}

/** `main (3f2a1b9, 2026-09-30)`, `working tree (2026-11-24)`. */
export function revisionText(r: RevisionLabel): string {
    const details = [r.commit?.slice(0, 7), r.date].filter(Boolean).join(', ');
    return `${oneLine(r.ref)}${details ? ` (${details})` : ''}`;
}

function list(items: string[]): string {
    return items.map((i) => oneLine(i)).join('; ');
}

/**
 * Each change of one account as a labelled sentence: what explains the strategic value and the
 * relationship first, then the people, the commitments and the reviewer. Plan text is as typed
 * (on one line); the renderer escapes it.
 */
export function accountChangeLines(d: AccountDiff): Array<{ label: string; text: string }> {
    const lines: Array<{ label: string; text: string }> = [];
    const add = (label: string, text: string | undefined) => {
        if (text) lines.push({ label, text });
    };
    if (d.kind === 'added') add('Added', `new plan${d.source.after ? ` in ${d.source.after}` : ''}: strategic value ${formatScore(d.strategicValue.after)}, relationship ${formatScore(d.relationship.after)}, ${d.quadrant.after ?? 'no quadrant'}`);
    if (d.kind === 'removed') add('Removed', `the plan${d.source.before ? ` in ${d.source.before}` : ''} is gone (it was ${d.quadrant.before ?? 'in no quadrant'}, strategic value ${formatScore(d.strategicValue.before)})`);
    if (d.source.before && d.source.after && d.source.before !== d.source.after) add('Moved', `${d.source.before} → ${d.source.after}`);
    if (d.provisional.before !== undefined) add('Provisional before', `a syntax error on line ${d.provisional.before} at the base: its numbers there were provisional`);
    if (d.provisional.after !== undefined) add('Provisional now', `a syntax error on line ${d.provisional.after}: its numbers are provisional until it is fixed`);
    if (d.kind === 'changed') {
        if (d.strategicValue.before !== d.strategicValue.after || d.factors.length) {
            const why = d.factors.map((f) => {
                const parts = [];
                if (f.score.before !== f.score.after) parts.push(`score ${valueChange(f.score, (n) => String(n))}`);
                if (f.weight.before !== f.weight.after) parts.push(`weight ${valueChange(f.weight, (n) => formatPercent(n))}`);
                const contribution = f.contribution.delta !== undefined && f.contribution.delta !== 0 ? ` (${signed(f.contribution.delta)} to the value)` : '';
                return `${f.title} ${parts.join(', ')}${contribution}`;
            });
            add('Strategic value', `${scoreChange(d.strategicValue)}${why.length ? `: ${list(why)}` : ''}`);
        }
        const relationshipWhy = [];
        if (d.ratingIndex.before !== d.ratingIndex.after) relationshipWhy.push(`ratings ${scoreChange(d.ratingIndex)}`);
        if (d.stage.before !== d.stage.after) relationshipWhy.push(`stage ${valueChange(d.stage)}`);
        if (d.relationship.before !== d.relationship.after || relationshipWhy.length) add('Relationship', `${scoreChange(d.relationship)}${relationshipWhy.length ? `: ${relationshipWhy.join(', ')}` : ''}`);
        if (d.quadrant.before !== d.quadrant.after) add('Quadrant', valueChange(d.quadrant));
        if (d.completeness.before !== d.completeness.after) {
            const why = [...d.completeness.gained.map((g) => `now ${g.toLowerCase()}`), ...d.completeness.lost.map((l) => `no longer ${l.toLowerCase()}`)];
            add('Plan', `${completenessChange(d)}${why.length ? `: ${list(why)}` : ''}`);
        }
        if (d.tier.before !== d.tier.after) add('Tier', valueChange(d.tier));
    }
    if (JSON.stringify(d.revenue.before) !== JSON.stringify(d.revenue.after) && d.kind === 'changed') add('Revenue', moneyChange(d.revenue));
    if (JSON.stringify(d.potentialRevenue.before) !== JSON.stringify(d.potentialRevenue.after) && d.kind === 'changed') add('Potential revenue', moneyChange(d.potentialRevenue));
    if (d.kind === 'changed' && (JSON.stringify(d.pipeline.before) !== JSON.stringify(d.pipeline.after) || d.pipeline.added.length || d.pipeline.removed.length || d.pipeline.moved.length)) {
        const parts = [`${moneyChange(d.pipeline)} weighted`];
        if (d.pipeline.added.length) parts.push(`new: ${list(d.pipeline.added)}`);
        if (d.pipeline.removed.length) parts.push(`gone: ${list(d.pipeline.removed)}`);
        if (d.pipeline.moved.length) {
            parts.push(`moved: ${list(d.pipeline.moved.map((m) => `${m.text} ${m.stage.before !== m.stage.after ? valueChange(m.stage, String) : `${formatPercent(m.probability.before)} → ${formatPercent(m.probability.after)}`}`))}`);
        }
        add('Pipeline', parts.join('; '));
    }
    if (d.kind === 'changed') {
        add('Stakeholders added', list(d.stakeholders.added.map((s) => `${s.name}${s.title ? ` (${s.title})` : ''}${s.stance ? `, ${s.stance}` : ''}`)));
        add('Stakeholders gone', list(d.stakeholders.gone.map((s) => `${s.name}${s.title ? ` (${s.title})` : ''}`)));
        add('Stakeholders changed', list(d.stakeholders.changed.map((s) => {
            const parts = [];
            if (s.stance) parts.push(`stance ${valueChange(s.stance)}`);
            if (s.influence) parts.push(`influence ${valueChange(s.influence)}`);
            if (s.trustedAdvisor) parts.push(`trusted advisor ${valueChange(s.trustedAdvisor, String)}`);
            if (s.strategicPartner) parts.push(`strategic partner ${valueChange(s.strategicPartner, String)}`);
            if (s.roles) parts.push(`roles ${valueChange(s.roles, (r) => r.join(', ') || 'none')}`);
            return `${s.name}: ${parts.join(', ') || `relationship index ${scoreChange(s.index!)}`}`;
        })));
        const kpi = (k: AccountDiff['kpis']['progressed'][number]) => `${k.label} ${formatKpiValue(k.current.before!, k.unit)} → ${formatKpiValue(k.current.after!, k.unit)}`
            + (k.target.before !== k.target.after ? `, target ${formatKpiValue(k.target.before!, k.unit)} → ${formatKpiValue(k.target.after!, k.unit)}` : `, target ${formatKpiValue(k.target.after!, k.unit)}`)
            + (k.reached.after && !k.reached.before ? ' (target reached)' : '');
        add('KPIs progressed', list(d.kpis.progressed.map(kpi)));
        add('KPIs slipped', list(d.kpis.slipped.map(kpi)));
        add('KPIs added', list(d.kpis.added.map((k) => `${k.label} (${k.objective})`)));
        add('KPIs dropped', list(d.kpis.removed.map((k) => `${k.label} (${k.objective})`)));
        add('Objectives added', list(d.objectives.added));
        add('Objectives dropped', list(d.objectives.removed));
        add('Objectives slipped', list(d.objectives.slipped.map((o) => `${o.title}: due ${o.due.before} → ${o.due.after}`)));
        add('Objectives pulled in', list(d.objectives.pulledIn.map((o) => `${o.title}: due ${o.due.before} → ${o.due.after}`)));
        add('Actions closed', list(d.actions.closed.map((a) => `${a.label} (${a.status.after})`)));
        add('Newly overdue', list(d.actions.newlyOverdue.map((a) => `${a.label}${a.due ? ` (due ${a.due})` : ''}`)));
        add('Actions added', list(d.actions.added.map((a) => a.label)));
        add('Actions dropped', list(d.actions.removed.map((a) => a.label)));
    }
    return lines;
}

/** The headline of the whole diff, one sentence. */
export function diffHeadline(diff: PortfolioDiff): string {
    const c = diff.counts;
    const parts = [`${c.changed} account${c.changed === 1 ? '' : 's'} changed`];
    if (c.added) parts.push(`${c.added} added`);
    if (c.removed) parts.push(`${c.removed} removed`);
    parts.push(`${c.unchanged} unchanged`);
    const sentences = [parts.join(', ')];
    if (diff.quadrantMoves.length) sentences.push(`${diff.quadrantMoves.length} moved quadrant`);
    const p = diff.pareto;
    if (p.topFifthShare.before !== p.topFifthShare.after && p.accounts.before && p.accounts.after) {
        sentences.push(`the top fifth brings ${p.topFifthShare.before!.toFixed(0)}% → ${p.topFifthShare.after!.toFixed(0)}% of revenue`);
    }
    const f = diff.findings;
    if (f.errors.before !== f.errors.after) sentences.push(`errors ${f.errors.before} → ${f.errors.after}`);
    if (f.warnings.before !== f.warnings.after) sentences.push(`warnings ${f.warnings.before} → ${f.warnings.after}`);
    return sentences.join(' · ');
}
