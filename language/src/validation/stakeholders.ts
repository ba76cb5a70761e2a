/** The decision-making unit: is every role that decides covered, and is the relationship more than one thread? */
import { type ValidationAcceptor } from 'langium';
import type { Account, Expectation, Stakeholder } from '../generated/ast.js';
import type * as domain from '../domain/model.js';
import {
    CODE_MISSING_CHAMPION, CODE_MISSING_EXECUTIVE, CODE_MISSING_FINANCE_CONTACT, CODE_MISSING_USER, CODE_NO_LAST_CONTACT, CODE_ONLY_SUPPORTERS,
    CODE_RATING_OUT_OF_RANGE, CODE_SINGLE_THREADED, CODE_STALE_CONTACT, CODE_UNKNOWN_CONTACT_PLAN, CODE_UNKNOWN_EXPECTATIONS, CODE_UNMET_EXPECTATION,
    CODE_UNRATED_INFLUENTIAL, CODE_WARM_BUT_RATED_LOW,
} from './diagnostic-codes.js';
import { contactStaleness, expectedCadence, isCurrent, lastContactOf } from '../domain/contact.js';
import { expectsFullPlan } from '../domain/portfolio.js';
import { isPlanDate } from '../domain/quantities.js';
import { isValidRating, RATING_MAX, RATING_MIN } from '../domain/relationship.js';
import { nameOf, type CheckFactory, type KamValidator } from './kam-validator.js';

const REQUIRED_ROLES: Array<{ role: domain.StakeholderRole; code: string; message: string }> = [
    { role: 'executive', code: CODE_MISSING_EXECUTIVE, message: 'No executive decision maker is mapped: without one, nobody in this plan can make the economic decision.' },
    { role: 'finance', code: CODE_MISSING_FINANCE_CONTACT, message: 'No finance contact is mapped: cost against budget and payment terms will be decided without us.' },
    { role: 'user', code: CODE_MISSING_USER, message: 'No user of what we supply is mapped: we do not hear how our product or service affects their workload.' },
];

/** How the reviewer names an account: its display name when it has one. */
export function accountLabel(account: Account): string {
    return nameOf(account);
}

export const stakeholderChecks: CheckFactory = (validator) => ({
    Account: [
        (account, accept) => checkMissingRoles(validator, account, accept),
        (account, accept) => checkSingleThreaded(validator, account, accept),
        (account, accept) => checkOnlySupporters(validator, account, accept),
    ],
    Stakeholder: [
        (stakeholder, accept) => checkRatings(validator, stakeholder, accept),
        (stakeholder, accept) => checkWhatWeKnow(validator, stakeholder, accept),
        (stakeholder, accept) => checkContact(validator, stakeholder, accept),
    ],
    Expectation: (expectation, accept) => checkUnmetExpectation(validator, expectation, accept),
});

/** Friendliness hides problems: these ratings (1-10) or lower from a supporter mean a weak relationship. */
const LOW_RATING = 4;
const WARM_STANCES = new Set(['champion', 'supporter']);

function label(stakeholder: Stakeholder): string {
    return nameOf(stakeholder);
}

/** The stakeholder as the domain reads it (one value per entry); undefined for someone who left (history, not the map). */
function person(validator: KamValidator, stakeholder: Stakeholder): domain.Stakeholder | undefined {
    const account = stakeholder.$container;
    const p = validator.plan(account)?.stakeholders[account.stakeholders.indexOf(stakeholder)];
    return p && isCurrent(p) ? p : undefined;
}

/** The people in the decision-making unit today: those who left are kept in history only. */
function currentStakeholders(plan: domain.AccountPlan): domain.Stakeholder[] {
    return plan.stakeholders.filter(isCurrent);
}

/** Who can make the economic decision: an executive, or the economic buyer. */
const DECIDING_ROLES: ReadonlySet<domain.StakeholderRole> = new Set(['executive', 'economic-buyer']);

function checkMissingRoles(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (!plan || !expectsFullPlan(plan)) return;
    const people = currentStakeholders(plan);
    const roles = new Set(people.flatMap((s) => s.roles));
    for (const required of REQUIRED_ROLES) {
        const covered = required.role === 'executive' ? [...DECIDING_ROLES].some((r) => roles.has(r)) : roles.has(required.role);
        if (!covered) {
            validator.report(accept, required.code, `${accountLabel(account)}: ${required.message}`, { node: account, property: 'name', data: { role: required.role } });
        }
    }
    // A coach guides us through the organisation as a champion does.
    const hasChampion = roles.has('champion') || roles.has('coach') || people.some((s) => s.stance === 'champion');
    if (!hasChampion) {
        validator.report(accept, CODE_MISSING_CHAMPION, `${accountLabel(account)}: No champion is mapped: nobody inside the customer sells for us when we are not in the room.`, { node: account, property: 'name', data: { role: 'champion' } });
    }
}

function checkSingleThreaded(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    if (!plan || !expectsFullPlan(plan)) return;
    const contacts = currentStakeholders(plan);
    if (contacts.length === 1) {
        validator.report(accept, CODE_SINGLE_THREADED, `${accountLabel(account)}: The relationship hangs on a single contact (${contacts[0].fullName}); if they leave or turn, the account is at risk.`, { node: account, property: 'name' });
        return;
    }
    const owners = new Set(contacts.map((s) => s.relationshipOwner).filter((o): o is string => !!o));
    const allOwned = contacts.length > 1 && contacts.every((s) => s.relationshipOwner);
    if (allOwned && owners.size === 1) {
        const ownerRef = account.stakeholders.filter((s) => s.departure === undefined).map((s) => s.relationshipOwner).find((r) => r !== undefined);
        const owner = ownerRef?.ref?.fullName ?? ownerRef?.$refText ?? [...owners][0];
        validator.report(accept, CODE_SINGLE_THREADED, `${accountLabel(account)}: Every contact is held by ${owner} alone; if ${owner} leaves, the whole relationship goes with them.`, { node: account, property: 'name' });
    }
}

function checkOnlySupporters(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const plan = validator.plan(account);
    const stances = (plan ? currentStakeholders(plan) : []).map((s) => s.stance);
    if (stances.length >= 3 && stances.every((stance) => stance !== undefined && WARM_STANCES.has(stance))) {
        validator.report(accept, CODE_ONLY_SUPPORTERS,
            `${accountLabel(account)}: All ${stances.length} stakeholders are supporters or champions. Real decision-making units have neutrals and sceptics; is this map honest?`,
            { node: account, property: 'name' });
    }
}

function checkRatings(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    const ratings = [['trusted advisor', 'trustedAdvisor'], ['strategic partner', 'strategicPartner']] as const;
    for (const [what, property] of ratings) {
        const rating = stakeholder[property];
        if (rating !== undefined && !isValidRating(rating)) {
            validator.report(accept, CODE_RATING_OUT_OF_RANGE,
                `${label(stakeholder)}'s ${what} rating ${Number.isFinite(rating) ? rating : 'is not a number'}${Number.isFinite(rating) ? ' is off the scale' : ''}: ratings run from ${RATING_MIN} to ${RATING_MAX}. It is not used until corrected.`,
                { node: stakeholder, property, data: { min: RATING_MIN, max: RATING_MAX } });
        }
    }
    const p = person(validator, stakeholder);
    if (!p) return;
    const rated = isValidRating(p.trustedAdvisor) || isValidRating(p.strategicPartner);
    if (p.influence === 'high' && !rated) {
        validator.report(accept, CODE_UNRATED_INFLUENTIAL,
            `${label(stakeholder)} has high influence but no trusted-advisor or strategic-partner rating: they count at the bottom of the scale in the relationship strength until they are rated.`,
            { node: stakeholder, property: 'name' });
    }
    if (p.stance && WARM_STANCES.has(p.stance)) {
        const low = ([['trusted advisor', 'trustedAdvisor', p.trustedAdvisor], ['strategic partner', 'strategicPartner', p.strategicPartner]] as const)
            .filter(([, , rating]) => isValidRating(rating) && rating <= LOW_RATING);
        if (low.length) {
            validator.report(accept, CODE_WARM_BUT_RATED_LOW,
                `${label(stakeholder)} is a ${p.stance} but rates us ${low.map(([what, , r]) => `${r}/10 as ${what}`).join(' and ')}: friendliness hides a weak relationship.`,
                { node: stakeholder, property: low[0][1], index: 0 });
        }
    }
}

function checkWhatWeKnow(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    const p = person(validator, stakeholder);
    if (!p) return;
    if (p.expectations.length === 0) {
        validator.report(accept, CODE_UNKNOWN_EXPECTATIONS,
            `We do not know what ${label(stakeholder)} expects of our product, communication or service, so we cannot tell whether we meet it.`,
            { node: stakeholder, property: 'name' });
    }
    const unknown = [p.channel ? undefined : 'preferred channel', p.cadence ? undefined : 'cadence of contact'].filter(Boolean);
    if (unknown.length) {
        validator.report(accept, CODE_UNKNOWN_CONTACT_PLAN,
            `The ${unknown.join(' and ')} for ${label(stakeholder)} ${unknown.length > 1 ? 'are' : 'is'} unknown: nobody can tell whether they are looked after.`,
            { node: stakeholder, property: 'name' });
    }
}

/** Contact hygiene: a cadence kept (agreed, or the default for the person's influence), and a last contact to keep it by. */
function checkContact(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    const p = person(validator, stakeholder);
    if (!p) return;
    const account = stakeholder.$container;
    const today = validator.today(stakeholder);
    const last = lastContactOf(p, validator.plan(account)?.interactions ?? [], today);
    if (!last) {
        if (p.cadence) {
            validator.report(accept, CODE_NO_LAST_CONTACT,
                `A ${p.cadence} cadence is agreed with ${label(stakeholder)}, but no last contact is recorded: nobody can tell whether it is kept.`,
                { node: stakeholder, property: 'cadence', index: 0 });
        }
        return;
    }
    if (!isPlanDate(last.date)) return;
    const { cadence, agreed } = expectedCadence(p);
    const { daysSince, allowedDays, stale } = contactStaleness(last.date, cadence, today, validator.settingsOf(stakeholder).thresholds.stalenessFactor);
    if (stale) {
        const rule = agreed ? `a ${cadence} cadence allows ${allowedDays}` : `with no cadence agreed, ${p.influence ?? 'medium'}-influence contacts are expected at least ${cadence} (${allowedDays} days)`;
        const source = last.interaction ? ` (${last.interaction.kind}${last.interaction.title ? ` "${last.interaction.title}"` : ''})` : '';
        // Pointed at the written last contact when there is one, else at the person's name.
        const where = stakeholder.lastContact ? { node: stakeholder, property: 'lastContact' as const } : { node: stakeholder, property: 'name' as const };
        validator.report(accept, CODE_STALE_CONTACT,
            `Last contact with ${label(stakeholder)} was ${daysSince} days ago, on ${last.date}${source}; ${rule}. The relationship is cooling.`,
            { ...where, data: { daysSince, allowedDays } });
    }
}

function checkUnmetExpectation(validator: KamValidator, expectation: Expectation, accept: ValidationAcceptor): void {
    if (expectation.fulfilment !== 'unmet' || expectation.how) return;
    const stakeholder = expectation.$container;
    validator.report(accept, CODE_UNMET_EXPECTATION,
        `${label(stakeholder)}'s expectation "${expectation.description ?? ''}" is unmet and the plan does not say how we will meet it: add \`how "…"\`.`,
        { node: expectation, property: 'fulfilment' });
}
