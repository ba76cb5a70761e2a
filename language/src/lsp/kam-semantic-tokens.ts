/**
 * Semantic highlighting on top of the TextMate grammar: what a name *is* (an account, one of our
 * team, a customer's stakeholder, a scoring factor, an objective), declarations marked as such,
 * references coloured like what they point to, and the domain's values (`executive`, `quarterly`)
 * as enum members.
 */
import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';

/** Token type per kind of named element, used for its declaration and every reference to it. */
export const NAME_TOKEN_TYPES = {
    Account: SemanticTokenTypes.class,
    ScoringModel: SemanticTokenTypes.namespace,
    Team: SemanticTokenTypes.namespace,
    TeamMember: SemanticTokenTypes.variable,
    Stakeholder: SemanticTokenTypes.parameter,
    Factor: SemanticTokenTypes.property,
    Objective: SemanticTokenTypes.function,
} as const;

type Highlight = { property: string; type: string };

/** The properties of each node type that hold references (coloured like their target) or domain values. */
const HIGHLIGHTS: Record<string, Highlight[]> = {
    Account: [
        { property: 'owner', type: NAME_TOKEN_TYPES.TeamMember }, { property: 'backupOwner', type: NAME_TOKEN_TYPES.TeamMember },
        { property: 'parent', type: NAME_TOKEN_TYPES.Account },
        ...enums('tier', 'status', 'strategy', 'relationshipStage', 'reviewCadence'),
    ],
    Period: enums('unit'),
    SignOff: [{ property: 'by', type: NAME_TOKEN_TYPES.Stakeholder }],
    AccountTeamRole: [
        ...enums('role'), { property: 'member', type: NAME_TOKEN_TYPES.TeamMember }, { property: 'counterparts', type: NAME_TOKEN_TYPES.Stakeholder },
    ],
    Interaction: [
        ...enums('kind'), { property: 'attendees', type: NAME_TOKEN_TYPES.Stakeholder }, { property: 'ourSide', type: NAME_TOKEN_TYPES.TeamMember },
    ],
    WhitespaceRow: enums('cells'),
    Factor: enums('measure', 'horizon'),
    FactorScore: [{ property: 'factor', type: NAME_TOKEN_TYPES.Factor }],
    WillAndSkill: enums('valuesOurSolutions', 'multiLevelTrust', 'coCreation', 'preferredOverRivals'),
    Stakeholder: [
        { property: 'reportsTo', type: NAME_TOKEN_TYPES.Stakeholder }, { property: 'relationshipOwner', type: NAME_TOKEN_TYPES.TeamMember },
        ...enums('roles', 'influence', 'stance', 'channel', 'cadence'),
    ],
    Expectation: enums('kind', 'fulfilment'),
    Objective: [{ property: 'owner', type: NAME_TOKEN_TYPES.TeamMember }, { property: 'agreedWith', type: NAME_TOKEN_TYPES.Stakeholder }, ...enums('status')],
    Milestone: enums('status'),
    Action: [{ property: 'owner', type: NAME_TOKEN_TYPES.TeamMember }, ...enums('status')],
    Feedback: [{ property: 'from', type: NAME_TOKEN_TYPES.Stakeholder }],
    Risk: [{ property: 'owner', type: NAME_TOKEN_TYPES.TeamMember }, ...enums('likelihood', 'impact')],
    Opportunity: [
        { property: 'stakeholder', type: NAME_TOKEN_TYPES.Stakeholder }, { property: 'owner', type: NAME_TOKEN_TYPES.TeamMember },
        ...enums('kind', 'stage'),
    ],
};

function enums(...properties: string[]): Highlight[] {
    return properties.map((property) => ({ property, type: SemanticTokenTypes.enumMember }));
}

export class KamSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        const nameType = (NAME_TOKEN_TYPES as Record<string, string>)[node.$type];
        if (nameType && (node as AstNode & { name?: unknown }).name !== undefined) {
            acceptor({ node, property: 'name' as never, type: nameType, modifier: SemanticTokenModifiers.declaration });
        }
        for (const highlight of HIGHLIGHTS[node.$type] ?? []) {
            acceptor({ node, property: highlight.property as never, type: highlight.type });
        }
    }
}

