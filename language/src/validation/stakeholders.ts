/** The decision-making unit: is every role that decides covered, and is the relationship more than one thread? */
import type { ValidationAcceptor } from 'langium';
import type { Account, StakeholderRole } from '../generated/ast.js';
import {
    CODE_MISSING_CHAMPION, CODE_MISSING_EXECUTIVE, CODE_MISSING_FINANCE_CONTACT, CODE_MISSING_USER, CODE_SINGLE_THREADED,
} from './diagnostic-codes.js';
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
    ],
});

function checkMissingRoles(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
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
