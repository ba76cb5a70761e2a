/**
 * Hover with explanations: on an account the breakdown of its strategic value and relationship
 * strength; on a stakeholder their ratings and what their roles care about; on a keyword or a
 * value (`executive`, `quarterly`) a short explanation.
 */
import { AstUtils, GrammarAST, type AstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import { isAccount, isFactor, isStakeholder, isTeamMember } from '../generated/ast.js';
import type { ReviewBaseline } from '../plan-diff/review-baseline.js';
import { scoreChange } from '../plan-diff/diff-words.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import { formatScore } from '../domain/quantities.js';
import { RATING_MIN, relationshipOfPerson } from '../domain/relationship.js';
import { lastContactOf } from '../domain/contact.js';
import { oneLine } from '../domain/plain-text.js';
import { QUADRANT_ADVICE } from '../domain/portfolio.js';
import { accountCalendarLines, escapeMarkdown, headline, scoreBreakdownTable } from '../reports/markdown-tables.js';
import type { StakeholderRole } from '../domain/model.js';
import { keywordDoc, ROLE_CONCERNS } from './keyword-docs.js';

export class KamHoverProvider extends AstNodeHoverProvider {
    private readonly analyzer: PlanAnalyzer;
    private readonly baseline: ReviewBaseline;

    constructor(services: KamServices) {
        super(services);
        this.analyzer = services.analysis.PlanAnalyzer;
        this.baseline = services.analysis.ReviewBaseline;
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isAccount(node)) {
            const card = this.analyzer.analyzeAccount(node);
            if (!card) return undefined;
            const r = card.relationship;
            const lines = [
                `**${escapeMarkdown(card.plan.title)}** — ${headline(card)}`,
                '',
                scoreBreakdownTable(card),
                '',
                `**Relationship strength ${formatScore(r.value)}**: stakeholder ratings ${formatScore(r.ratingIndex)} (weighted by influence)` +
                    (r.stageScore !== undefined ? `, stage ${card.plan.relationshipStage} ${r.stageScore}` : ', no relationship stage'),
            ];
            if (r.unrated.length) {
                lines.push('', `${r.unrated.length} stakeholder${r.unrated.length === 1 ? '' : 's'} not rated (${r.unrated.map((u) => escapeMarkdown(u.stakeholder.fullName)).join(', ')}) count${r.unrated.length === 1 ? 's' : ''} at ${RATING_MIN}, the bottom of the scale, until rated: what nobody has measured cannot make the relationship look stronger.`);
            }
            const { elements, present, total } = card.completeness;
            lines.push('', `**Plan completeness ${present}/${total}**: ${elements.map((e) => `${e.present ? '✓' : '✗'} ${e.label.toLowerCase()}${e.present ? '' : ` (${escapeMarkdown(e.missing ?? '')})`}`).join(' · ')}`);
            lines.push(...accountCalendarLines(card));
            const since = this.baseline.changeSince(card);
            if (since) {
                lines.push('', `**Since the last review (${escapeMarkdown(since.review)})**: strategic value ${scoreChange(since.strategicValue)}, relationship ${scoreChange(since.relationship)}`
                    + (since.quadrant.before !== since.quadrant.after ? `, ${since.quadrant.before ?? 'unplaced'} → ${since.quadrant.after ?? 'unplaced'}` : ''));
            }
            if (card.syntaxErrorLine !== undefined) lines.push('', `Part of this account could not be read (syntax error on line ${card.syntaxErrorLine}): its numbers are provisional and it is not placed in a quadrant.`);
            else if (card.quadrant) lines.push('', `**${card.quadrant}**: ${QUADRANT_ADVICE[card.quadrant]}.`);
            return lines.join('\n');
        }
        if (isStakeholder(node)) {
            const account = node.$container;
            const analysis = this.analyzer.analyzeAccount(account);
            const p = analysis?.plan.stakeholders[account.stakeholders.indexOf(node)];
            if (!p) return undefined;
            const person = relationshipOfPerson(analysis.relationship, p);
            const rating = (value: number | undefined) => (value !== undefined && Number.isFinite(value) ? `${value}/10` : '—');
            const standing = p.left
                ? `Left on ${p.left.date}${p.left.reason ? ` (${escapeMarkdown(oneLine(p.left.reason))})` : ''}: kept in the plan's history, out of the relationship map and the scores.`
                : `Trusted advisor ${rating(p.trustedAdvisor)} · strategic partner ${rating(p.strategicPartner)} · ` +
                    (person?.index === undefined ? `not rated: counts as ${RATING_MIN} in the relationship strength until rated` : `relationship ${formatScore(person.index)}`);
            const contact = lastContactOf(p, analysis.plan.interactions, analysis.today);
            return [
                `**${escapeMarkdown(p.fullName)}**${p.title ? ` — ${escapeMarkdown(p.title)}` : ''}`,
                '',
                `Roles: ${p.roles.join(', ') || 'not set'} · influence ${p.influence ?? 'unknown'} · stance ${p.stance ?? 'unknown'}`,
                '',
                standing,
                ...(contact ? ['', `Last contact ${contact.date}${contact.interaction ? ` (${contact.interaction.kind}${contact.interaction.title ? ` "${escapeMarkdown(oneLine(contact.interaction.title))}"` : ''})` : ''}`] : []),
                ...(p.notes.length ? ['', `Drivers: ${p.notes.map((n) => escapeMarkdown(oneLine(n))).join('; ')}`] : []),
                ...(p.decisionCriteria.length ? ['', `Decides on: ${p.decisionCriteria.map((n) => escapeMarkdown(oneLine(n))).join('; ')}`] : []),
                ...roleConcerns(p.roles),
            ].join('\n');
        }
        if (isFactor(node)) {
            return `**${escapeMarkdown(node.title ?? node.name)}** — weight ${escapeMarkdown(node.weight ?? '?')}${node.measure ? `, ${node.measure}` : ''}${node.horizon ? `, ${node.horizon}` : ''}`;
        }
        if (isTeamMember(node)) {
            return `**${escapeMarkdown(node.fullName ?? node.name)}**${node.title ? ` — ${escapeMarkdown(node.title)}` : ''}`;
        }
        return undefined;
    }

    protected override getKeywordHoverContent(keyword: AstNode): MaybePromise<Hover | undefined> {
        if (!GrammarAST.isKeyword(keyword)) return undefined;
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        const doc = keywordDoc(rule, keyword.value);
        return doc ? { contents: { kind: 'markdown', value: doc } } : undefined;
    }
}

/** What the stakeholder's roles care about, as a Markdown list after a blank line. */
function roleConcerns(roles: string[]): string[] {
    const known = roles.filter((role): role is StakeholderRole => Object.hasOwn(ROLE_CONCERNS, role));
    return known.length ? ['', ...known.map((role) => `- *${role}*: ${ROLE_CONCERNS[role]}`)] : [];
}
