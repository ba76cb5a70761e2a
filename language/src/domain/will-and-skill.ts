/**
 * The four "will and skill" gates [D]: without them a key account is only a named account. One
 * list, in the order the plan writes them, for the reviewer's messages and every report.
 */
import type { GateAnswer, WillAndSkillGates } from './model.js';

export const WILL_AND_SKILL_GATES: ReadonlyArray<{ property: keyof WillAndSkillGates & string; question: string; failed: string }> = [
    { property: 'valuesOurSolutions', question: 'values our solutions', failed: 'does not value our solutions' },
    { property: 'multiLevelTrust', question: 'trusts us at several levels', failed: 'does not trust us at several levels' },
    { property: 'coCreation', question: 'co-creates with us', failed: 'does not co-create with us' },
    { property: 'preferredOverRivals', question: 'sees us ahead of rivals', failed: 'does not see us ahead of rivals' },
];

/** Each gate with the plan's answer ('unknown' where it is not assessed). */
export function gateAnswers(gates: WillAndSkillGates | undefined): Array<{ question: string; answer: GateAnswer }> {
    return WILL_AND_SKILL_GATES.map((g) => ({ question: g.question, answer: gates?.[g.property] ?? 'unknown' }));
}
