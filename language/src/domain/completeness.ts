/**
 * Plan completeness: the five elements of an action plan that secures and develops a key account
 * [C] — expectations understood, contacts mapped, relationship strength measured, new relationships
 * and opportunities, actions. Each is present or not by a rule a reviewer can check by eye.
 */
import type { AccountPlan, StakeholderRole } from './model.js';
import { isValidRating } from './relationship.js';

export type PlanElementKey = 'expectations' | 'contacts' | 'measurement' | 'opportunities' | 'actions';

export interface PlanElement {
    key: PlanElementKey;
    /** "Expectations understood". */
    label: string;
    present: boolean;
    /** What is missing, in plain words, when the element is not present. */
    missing?: string;
}

export interface PlanCompleteness {
    elements: PlanElement[];
    /** Elements present, 0-5. */
    present: number;
    total: number;
}

/** The roles a mapped decision-making unit covers. */
export const MAPPED_ROLES: StakeholderRole[] = ['executive', 'finance', 'user'];

export function planCompleteness(plan: Pick<AccountPlan, 'stakeholders' | 'opportunities' | 'objectives'>): PlanCompleteness {
    const people = plan.stakeholders;
    const withoutExpectations = people.filter((s) => s.expectations.length === 0);
    const roles = new Set(people.flatMap((s) => s.roles));
    const hasChampion = roles.has('champion') || people.some((s) => s.stance === 'champion');
    const uncovered = [...MAPPED_ROLES.filter((r) => !roles.has(r)), ...(hasChampion ? [] : ['champion'])];
    const weighty = people.filter((s) => s.influence !== 'low');
    const unrated = weighty.filter((s) => !isValidRating(s.trustedAdvisor) && !isValidRating(s.strategicPartner));
    const actions = plan.objectives.flatMap((o) => o.actions);
    const names = (list: Array<{ fullName: string }>) => list.slice(0, 3).map((s) => s.fullName).join(', ') + (list.length > 3 ? ` and ${list.length - 3} more` : '');
    const elements: PlanElement[] = [
        {
            key: 'expectations', label: 'Expectations understood',
            present: people.length > 0 && withoutExpectations.length === 0,
            missing: people.length === 0 ? 'nobody is mapped, so nobody\'s expectations are known' : `no expectation recorded for ${names(withoutExpectations)}`,
        },
        {
            key: 'contacts', label: 'Contacts mapped',
            present: uncovered.length === 0,
            missing: `no ${uncovered.join(', ')} in the decision-making unit`,
        },
        {
            key: 'measurement', label: 'Relationship strength measured',
            present: weighty.length > 0 && unrated.length === 0,
            missing: weighty.length === 0 ? 'no influential stakeholder is mapped to rate us' : `${names(unrated)} ${unrated.length === 1 ? 'has' : 'have'} not rated us as trusted advisor or strategic partner`,
        },
        {
            key: 'opportunities', label: 'New relationships and opportunities',
            present: plan.opportunities.length > 0,
            missing: 'no opportunity or new relationship is planned',
        },
        {
            key: 'actions', label: 'Actions',
            present: actions.length > 0,
            missing: plan.objectives.length === 0 ? 'no objective with actions is agreed' : 'the objectives have no actions',
        },
    ].map((e) => (e.present ? { key: e.key as PlanElementKey, label: e.label, present: true } : { ...e, key: e.key as PlanElementKey }));
    const present = elements.filter((e) => e.present).length;
    return { elements, present, total: elements.length };
}
