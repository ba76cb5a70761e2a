/** The decision-making unit: is every role that decides covered, and is the relationship more than one thread? */
import type { ValidationAcceptor } from 'langium';
import type { Account, Stakeholder, StakeholderRole } from '../generated/ast.js';
import {
    CODE_MISSING_CHAMPION, CODE_MISSING_EXECUTIVE, CODE_MISSING_FINANCE_CONTACT, CODE_MISSING_USER, CODE_ONLY_SUPPORTERS,
    CODE_SINGLE_THREADED, CODE_STALE_CONTACT, CODE_UNKNOWN_CONTACT_PLAN, CODE_UNKNOWN_EXPECTATIONS, CODE_UNRATED_INFLUENTIAL,
    CODE_WARM_BUT_RATED_LOW,
} from './diagnostic-codes.js';
import { contactStaleness } from '../domain/contact.js';
import { expectsFullPlan } from '../domain/portfolio.js';
import { isValidIsoDate } from '../domain/quantities.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';

const REQUIRED_ROLES: Array<{ role: StakeholderRole; code: string; message: string }> = [
    { role: 'executive', code: CODE_MISSING_EXECUTIVE, message: 'No executive decision maker is mapped: without one, nobody in this plan can make the economic decision.' },
    { role: 'finance', code: CODE_MISSING_FINANCE_CONTACT, message: 'No finance contact is mapped: cost against budget and payment terms will be decided without us.' },
    { role: 'user', code: CODE_MISSING_USER, message: 'No user of what we supply is mapped: we do not hear how our product or service affects their workload.' },
];

/** How the reviewer names an account: its display name when it has one. */
export function accountLabel(account: Account): string {
    return account.title ?? account.name;
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
        (stakeholder, accept) => checkStaleContact(validator, stakeholder, accept),
    ],
});

/** Friendliness hides problems: these ratings (1-10) or lower from a supporter mean a weak relationship. */
const LOW_RATING = 4;
const WARM_STANCES = new Set(['champion', 'supporter']);

function label(stakeholder: Stakeholder): string {
    return stakeholder.fullName ?? stakeholder.name;
}

function checkMissingRoles(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    if (!expectsFullPlan(account)) return;
    const roles = new Set(account.stakeholders.flatMap((s) => s.roles));
    for (const required of REQUIRED_ROLES) {
        if (!roles.has(required.role)) {
            validator.report(accept, required.code, `${accountLabel(account)}: ${required.message}`, { node: account, property: 'name', data: { role: required.role } });
        }
    }
    const hasChampion = roles.has('champion') || account.stakeholders.some((s) => s.stance === 'champion');
    if (!hasChampion) {
        validator.report(accept, CODE_MISSING_CHAMPION, `${accountLabel(account)}: No champion is mapped: nobody inside the customer sells for us when we are not in the room.`, { node: account, property: 'name', data: { role: 'champion' } });
    }
}

function checkSingleThreaded(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    if (!expectsFullPlan(account)) return;
    const contacts = account.stakeholders;
    if (contacts.length === 1) {
        validator.report(accept, CODE_SINGLE_THREADED, `${accountLabel(account)}: The relationship hangs on a single contact (${contacts[0].fullName ?? contacts[0].name}); if they leave or turn, the account is at risk.`, { node: account, property: 'name' });
        return;
    }
    const owners = new Set(contacts.map((s) => s.relationshipOwner?.ref?.fullName ?? s.relationshipOwner?.$refText).filter((o): o is string => !!o));
    const allOwned = contacts.length > 1 && contacts.every((s) => s.relationshipOwner);
    if (allOwned && owners.size === 1) {
        const [owner] = owners;
        validator.report(accept, CODE_SINGLE_THREADED, `${accountLabel(account)}: Every contact is held by ${owner} alone; if ${owner} leaves, the whole relationship goes with them.`, { node: account, property: 'name' });
    }
}

function checkOnlySupporters(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const stances = account.stakeholders.map((s) => s.stance);
    if (stances.length >= 3 && stances.every((stance) => stance !== undefined && WARM_STANCES.has(stance))) {
        validator.report(accept, CODE_ONLY_SUPPORTERS,
            `${accountLabel(account)}: All ${stances.length} stakeholders are supporters or champions. Real decision-making units have neutrals and sceptics; is this map honest?`,
            { node: account, property: 'name' });
    }
}

function checkRatings(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    const rated = stakeholder.trustedAdvisor !== undefined || stakeholder.strategicPartner !== undefined;
    if (stakeholder.influence === 'high' && !rated) {
        validator.report(accept, CODE_UNRATED_INFLUENTIAL,
            `${label(stakeholder)} has high influence but no trusted-advisor or strategic-partner rating: the relationship strength leaves out the person who matters most.`,
            { node: stakeholder, property: 'name' });
    }
    if (stakeholder.stance && WARM_STANCES.has(stakeholder.stance)) {
        const low = ([['trusted advisor', stakeholder.trustedAdvisor], ['strategic partner', stakeholder.strategicPartner]] as const)
            .filter(([, rating]) => rating !== undefined && rating <= LOW_RATING);
        if (low.length) {
            validator.report(accept, CODE_WARM_BUT_RATED_LOW,
                `${label(stakeholder)} is a ${stakeholder.stance} but rates us ${low.map(([what, r]) => `${r}/10 as ${what}`).join(' and ')}: friendliness hides a weak relationship.`,
                { node: stakeholder, property: low[0][0] === 'trusted advisor' ? 'trustedAdvisor' : 'strategicPartner' });
        }
    }
}

function checkWhatWeKnow(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    if (stakeholder.expectations.length === 0) {
        validator.report(accept, CODE_UNKNOWN_EXPECTATIONS,
            `We do not know what ${label(stakeholder)} expects of our product, communication or service, so we cannot tell whether we meet it.`,
            { node: stakeholder, property: 'name' });
    }
    const unknown = [stakeholder.channel ? undefined : 'preferred channel', stakeholder.cadence ? undefined : 'cadence of contact'].filter(Boolean);
    if (unknown.length) {
        validator.report(accept, CODE_UNKNOWN_CONTACT_PLAN,
            `The ${unknown.join(' and ')} for ${label(stakeholder)} ${unknown.length > 1 ? 'are' : 'is'} unknown: nobody can tell whether they are looked after.`,
            { node: stakeholder, property: 'name' });
    }
}

function checkStaleContact(validator: KamValidator, stakeholder: Stakeholder, accept: ValidationAcceptor): void {
    if (!stakeholder.lastContact || !stakeholder.cadence || !isValidIsoDate(stakeholder.lastContact)) return;
    const today = validator.today();
    const { daysSince, allowedDays, stale } = contactStaleness(stakeholder.lastContact, stakeholder.cadence, today, validator.settings.settings.thresholds.stalenessFactor);
    if (stale) {
        validator.report(accept, CODE_STALE_CONTACT,
            `Last contact with ${label(stakeholder)} was ${daysSince} days ago, on ${stakeholder.lastContact}; a ${stakeholder.cadence} cadence allows ${allowedDays}. The relationship is cooling.`,
            { node: stakeholder, property: 'lastContact', data: { daysSince, allowedDays } });
    }
}
