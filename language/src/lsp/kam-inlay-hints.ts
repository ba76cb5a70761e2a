/**
 * Inline numbers as you type: the strategic value and quadrant after each account name, each factor
 * score's weighted contribution, each stakeholder's relationship index, each KPI's progress toward
 * its target, and the days left (or overdue) on open actions and milestones. Every number comes
 * from the PlanAnalyzer's cached scorecards or the domain core; each kind can be switched off with
 * `kam.inlayHints.*`.
 */
import { AstUtils, type AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { nodeForProperty } from '../syntax/property-nodes.js';
import { isAccount, isAction, isContract, isFactorScore, isKpi, isMilestone, isStakeholder, type Account, type Contract, type FactorScore, type Kpi, type Stakeholder } from '../generated/ast.js';
import { describeNextReview } from '../domain/plan-rhythm.js';
import { noticeDeadlineOf, renewalDateOf } from '../domain/contracts.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import type { ReviewSettingsHolder } from '../analysis/review-settings.js';
import { daysBetween, formatPercent, formatPlain, formatScore, todayIso } from '../domain/quantities.js';
import { describeDue, describeKpiProgress, dueStatus, kpiProgress } from '../domain/progress.js';
import { oneLine } from '../domain/plain-text.js';
import { relationshipOfPerson } from '../domain/relationship.js';
import type { ActionStatus } from '../domain/model.js';
import { completenessLabel } from '../reports/markdown-tables.js';

export class KamInlayHintProvider extends AbstractInlayHintProvider {
    private readonly analyzer: PlanAnalyzer;
    private readonly settings: ReviewSettingsHolder;

    constructor(services: KamServices) {
        super();
        this.analyzer = services.analysis.PlanAnalyzer;
        this.settings = services.analysis.ReviewSettings;
    }

    computeInlayHint(node: AstNode, accept: InlayHintAcceptor): void {
        const settings = this.settings.settingsFor(AstUtils.getDocument(node).uri);
        const enabled = settings.inlayHints;
        const today = settings.today ?? todayIso();
        if (isAccount(node)) {
            if (enabled.strategicValue) this.strategicValue(node, accept);
            if (enabled.dueDates) this.reviewRhythm(node, accept);
        } else if (isContract(node)) {
            if (enabled.dueDates) this.renewal(node, today, accept);
        } else if (isFactorScore(node)) {
            if (enabled.factorContribution) this.factorContribution(node, accept);
        } else if (isStakeholder(node)) {
            if (enabled.relationshipIndex) this.relationshipIndex(node, accept);
        } else if (isKpi(node)) {
            if (enabled.kpiProgress) this.kpi(node, accept);
        } else if (isAction(node) || isMilestone(node)) {
            const due = enabled.dueDates ? dueStatus(node.due, (node.status ?? 'planned') as ActionStatus, today) : undefined;
            if (due) {
                this.after(node, 'due', describeDue(due), accept, `Counted from ${today}; done and cancelled work is not counted`);
            }
        }
    }

    private strategicValue(node: Account, accept: InlayHintAcceptor): void {
        const analysis = this.analyzer.analyzeAccount(node);
        if (!analysis) return;
        // After the display name when there is one, so `account nordwind "Nordwind Logistics"` still reads as one name.
        const where = node.title !== undefined ? 'title' : 'name';
        if (analysis.syntaxErrorLine !== undefined) {
            this.after(node, where, `numbers provisional: syntax error on line ${analysis.syntaxErrorLine}`, accept,
                'Part of this account could not be read; its strategic value and quadrant wait for the fix');
            return;
        }
        const quadrant = analysis.quadrant ? ` · ${analysis.quadrant}` : '';
        this.after(node, where, `strategic value ${formatScore(analysis.strategicValue.value)}${quadrant} · ${completenessLabel(analysis)}`, accept,
            'Σ(weight × score) / Σ weight on 0-10, the portfolio quadrant, and how many of the five elements of an action plan are in place');
    }

    private relationshipIndex(node: Stakeholder, accept: InlayHintAcceptor): void {
        const account = node.$container;
        const analysis = this.analyzer.analyzeAccount(account);
        const planPerson = analysis?.plan.stakeholders[account.stakeholders.indexOf(node)];
        const where = node.fullName !== undefined ? 'fullName' : 'name';
        if (planPerson?.left) {
            this.after(node, where, `left ${planPerson.left.date}`, accept, 'Kept in the plan\'s history, out of the relationship map and the scores');
            return;
        }
        const person = analysis && relationshipOfPerson(analysis.relationship, planPerson);
        if (!person) return;
        if (person.index === undefined) {
            this.after(node, where, 'not rated: counts as 1', accept, 'Unrated stakeholders count at the bottom of the 1-10 scale in the relationship strength until they are rated');
        } else {
            this.after(node, where, `relationship ${formatScore(person.index)}`, accept, 'Mean of the trusted-advisor and strategic-partner ratings, 1-10');
        }
    }

    /** "next review in 12 days" (or overdue) after the next review, or after the last review it is counted from. */
    private reviewRhythm(node: Account, accept: InlayHintAcceptor): void {
        const rhythm = this.analyzer.analyzeAccount(node)?.rhythm;
        const label = rhythm && describeNextReview(rhythm);
        if (!rhythm || !label) return;
        if (rhythm.nextReviewWritten) this.after(node, 'nextReview', label, accept, `Counted from ${rhythm.nextReview}`);
        else this.after(node, 'lastReviewed', `${label} (${rhythm.nextReview})`, accept, `The last review plus the ${rhythm.cadence} review cadence`);
    }

    /** "renews in 127 days · notice by 2026-12-31" after the renewal (or end) date. */
    private renewal(node: Contract, today: string, accept: InlayHintAcceptor): void {
        const account = node.$container;
        const terms = this.analyzer.analyzeAccount(account)?.plan.contracts[account.contracts.indexOf(node)];
        const date = terms && renewalDateOf(terms);
        if (!terms || !date) return;
        const days = daysBetween(today, date);
        const what = terms.renewal ? 'renews' : 'ends';
        const when = days < 0 ? `${what === 'renews' ? 'renewed' : 'ended'} ${-days} days ago` : days === 0 ? `${what} today` : `${what} in ${days} day${days === 1 ? '' : 's'}`;
        const deadline = noticeDeadlineOf(terms);
        const notice = deadline && days >= 0 ? ` · notice ${deadline < today ? 'deadline passed' : `by ${deadline}`}` : '';
        this.after(node, terms.renewal ? 'renewal' : 'end', `${when}${notice}`, accept, `Counted from ${today}${deadline ? '; the notice deadline is the renewal date minus the notice period' : ''}`);
    }

    private factorContribution(node: FactorScore, accept: InlayHintAcceptor): void {
        const account = AstUtils.getContainerOfType(node, isAccount);
        const analysis = account && this.analyzer.analyzeAccount(account);
        const contribution = analysis?.strategicValue.contributions.find((c) => c.factor.name === node.factor.$refText);
        if (contribution) {
            this.after(node, 'value', `× ${formatPercent(contribution.factor.weight)} → +${formatScore(contribution.contribution)}`, accept,
                `${oneLine(contribution.factor.title)}: weight ${formatPercent(contribution.factor.weight)} × score ${formatPlain(contribution.score)}, divided by the scored weights`);
        }
    }

    private kpi(node: Kpi, accept: InlayHintAcceptor): void {
        // The KPI as extracted for the scorecard (one reading of numbers, units and direction).
        const objective = node.$container;
        const account = objective.$container;
        const kpi = this.analyzer.analyzeAccount(account)?.plan.objectives[account.objectives.indexOf(objective)]?.kpis[objective.kpis.indexOf(node)];
        if (!kpi || Number.isNaN(kpi.current) || Number.isNaN(kpi.target)) return;
        const rising = kpiProgress(kpi).direction !== 'decrease';
        this.after(node, node.direction !== undefined ? 'direction' : node.unit !== undefined ? 'unit' : 'target', describeKpiProgress(kpi), accept,
            `${rising ? 'Has to rise to the target: current ÷ target' : 'Has to fall to the target: target ÷ current'}${node.direction ? '' : ' (direction inferred from current and target; state higher-is-better or lower-is-better)'}`);
    }

    private after(node: AstNode, property: string, label: string, accept: InlayHintAcceptor, tooltip: string): void {
        const cst = nodeForProperty(node.$cstNode, property);
        if (!cst) return;
        accept({ position: cst.range.end, label, paddingLeft: true, kind: InlayHintKind.Type, tooltip });
    }
}
