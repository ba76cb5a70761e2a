/**
 * Hover with explanations: on an account the breakdown of its strategic value and relationship
 * strength; on a stakeholder their ratings and what their roles care about; on a keyword or a
 * value (`executive`, `quarterly`) a short explanation.
 */
import { AstUtils, GrammarAST, type AstNode, type MaybePromise } from 'langium';
import { AstNodeHoverProvider } from 'langium/lsp';
import type { Hover } from 'vscode-languageserver';
import { isAccount, isFactor, isStakeholder, isTeamMember } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import type { PlanAnalyzer } from '../analysis/plan-analyzer.js';
import { formatScore } from '../domain/quantities.js';
import { stakeholderIndex } from '../domain/relationship.js';
import { QUADRANT_ADVICE } from '../domain/portfolio.js';
import { headline, scoreBreakdownTable } from '../reports/markdown-tables.js';
import type { StakeholderRole } from '../domain/model.js';
import { keywordDoc, ROLE_CONCERNS } from './keyword-docs.js';

export class KamHoverProvider extends AstNodeHoverProvider {
    private readonly analyzer: PlanAnalyzer;

    constructor(services: KamServices) {
        super(services);
        this.analyzer = services.analysis.PlanAnalyzer;
    }

    protected getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        if (isAccount(node)) {
            const card = this.analyzer.analyzeAccount(node);
            if (!card) return undefined;
            const r = card.relationship;
            const lines = [
                `**${card.plan.title}** — ${headline(card)}`,
                '',
                scoreBreakdownTable(card),
                '',
                `**Relationship strength ${formatScore(r.value)}**: stakeholder ratings ${formatScore(r.ratingIndex)} (weighted by influence)` +
                    (r.stageScore !== undefined ? `, stage ${card.plan.relationshipStage} ${r.stageScore}` : ', no relationship stage'),
            ];
            if (card.quadrant) lines.push('', `**${card.quadrant}**: ${QUADRANT_ADVICE[card.quadrant]}.`);
            return lines.join('\n');
        }
        if (isStakeholder(node)) {
            const index = stakeholderIndex(node);
            return [
                `**${node.fullName ?? node.name}**${node.title ? ` — ${node.title}` : ''}`,
                '',
                `Roles: ${node.roles.join(', ') || 'not set'} · influence ${node.influence ?? 'unknown'} · stance ${node.stance ?? 'unknown'}`,
                '',
                `Trusted advisor ${node.trustedAdvisor ?? '—'}/10 · strategic partner ${node.strategicPartner ?? '—'}/10 · relationship ${formatScore(index)}`,
                ...roleConcerns(node.roles),
            ].join('\n');
        }
        if (isFactor(node)) {
            return `**${node.title ?? node.name}** — weight ${node.weight}${node.measure ? `, ${node.measure}` : ''}${node.horizon ? `, ${node.horizon}` : ''}`;
        }
        if (isTeamMember(node)) {
            return `**${node.fullName ?? node.name}**${node.title ? ` — ${node.title}` : ''}`;
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
