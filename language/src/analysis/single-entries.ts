/**
 * Entries that take one value (`tier key`, `owner anna`, `last contact 2026-11-03`). The grammar
 * collects each of them as a list, so a plan that says one twice keeps both and the reviewer can
 * say so (validation/entries.ts); everything else reads the value that counts: the first one.
 */
import type { KamAstType } from '../generated/ast.js';

/** Per node type, the properties that hold one value although the grammar collects a list. */
export const SINGLE_VALUED_ENTRIES = {
    Account: [
        'industry', 'tier', 'status', 'strategy', 'owner', 'backupOwner', 'parent', 'revenue', 'profitability', 'relationshipStage', 'valueProposition',
        'scores', 'gates', 'customer', 'reviewCadence', 'lastReviewed', 'nextReview', 'accountTeam', 'whitespace',
    ],
    Contract: ['start', 'end', 'renewal', 'notice', 'value'],
    WillAndSkill: ['valuesOurSolutions', 'multiLevelTrust', 'coCreation', 'preferredOverRivals'],
    Stakeholder: ['title', 'influence', 'stance', 'reportsTo', 'relationshipOwner', 'trustedAdvisor', 'strategicPartner', 'channel', 'cadence', 'lastContact', 'departure'],
    Objective: ['owner', 'due', 'status'],
    Feedback: ['from', 'received'],
    Risk: ['likelihood', 'impact', 'contingency', 'owner'],
    Opportunity: ['kind', 'value', 'stakeholder', 'owner', 'due', 'stage', 'probability', 'close'],
    Competitor: ['share'],
} as const satisfies { [T in keyof KamAstType]?: ReadonlyArray<keyof KamAstType[T] & string> };

/** The value of an entry that takes one value: the first one written (the reviewer flags any other). */
export function one<T>(values: readonly T[] | undefined): T | undefined {
    return values?.[0];
}
