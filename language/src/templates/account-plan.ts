/**
 * The starting point for a new key-account plan ("KAM: New Account Plan"): an identifier and a
 * file name derived from the account's display name, and a plan that parses cleanly and lets the
 * reviewer's warnings say what is still missing. Pure functions, no editor API.
 */
import { addDaysIso, isValidIsoDate, todayIso } from '../domain/quantities.js';

/** "Nordwind Logistics" → "NordwindLogistics"; a usable identifier for any display name. */
export function accountIdentifier(displayName: string): string {
    const words = asciiWords(displayName);
    const id = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
    if (!id) return 'NewAccount';
    return /^[A-Za-z_]/.test(id) ? id : `Account${id}`;
}

/** "Nordwind Logistics" → "nordwind-logistics.kam". */
export function accountFileName(displayName: string): string {
    const slug = asciiWords(displayName).map((w) => w.toLowerCase()).join('-');
    return `${slug || 'new-account'}.kam`;
}

/** A display name for a plan must be non-empty and fit in a string literal on one line. */
export function validateAccountName(displayName: string): string | undefined {
    if (!displayName.trim()) return 'Give the account a name, e.g. "Nordwind Logistics".';
    if (/[\r\n]/.test(displayName)) return 'The name must fit on one line.';
    if (asciiWords(displayName).length === 0) return 'The name needs at least one letter or digit.';
    return undefined;
}

export interface AccountPlanTemplateOptions {
    /** The account's display name, as the customer writes it. */
    displayName: string;
    /**
     * The date the plan is started, `yyyy-mm-dd`; the first objective is due 90 days later. A date
     * that is not on the calendar (a mistyped `kam.today` such as 2026-02-30) is replaced by today.
     */
    today: string;
}

/** The text of a new plan. */
export function accountPlanTemplate(options: AccountPlanTemplateOptions): string {
    const title = options.displayName.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const id = accountIdentifier(options.displayName);
    const today = isValidIsoDate(options.today) ? options.today : todayIso();
    const firstDue = addDaysIso(today, 90);
    const firstReview = addDaysIso(today, 91);
    return `// ${options.displayName.trim()}: key account plan, started ${today}.
// Hover any keyword for what it means; the reviewer's warnings list what the plan still needs.
account ${id} "${title}" {
    tier key
    status grow-into-key
    strategy grow
    // owner and backup owner: members of our team, e.g. "owner anna"
    relationship stage exploratory

    // The plan is reviewed with the customer: set the rhythm, then record each review.
    review cadence quarterly
    next review ${firstReview}

    customer {
        goal "What the customer wants to achieve in the next two years"
    }

    // One line per factor of the portfolio's scoring model: factor score because "evidence"
    scores {
    }

    // Map the decision-making unit: executive, finance, user and a champion at least.
    stakeholder sponsor "Executive sponsor" {
        role executive
        influence high
        stance neutral
    }

    objective firstObjective "Agree the first joint objective with the customer" {
        due ${firstDue}
        status on-track
        kpi "Objectives agreed" current 0 target 1
    }

    // What the customer has signed with us: the renewal is the date the plan works towards.
    // contract "Title" { start ${today}  renewal yyyy-mm-dd  notice 3 months  value 1M EUR }

    // Meetings and calls: the latest one with a person is their last contact.
    // meeting ${today} "First meeting" { with sponsor  agreed "…"  next step "…" due ${firstDue} }

    // Once the customer's executive has agreed the plan: signed off by sponsor on yyyy-mm-dd

    risk "We know too few people at the customer" {
        likelihood high
        impact medium
        contingency "Meet two more stakeholders before the first review"
    }
}
`;
}

function asciiWords(text: string): string[] {
    return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/[^A-Za-z0-9]+/).filter(Boolean);
}
