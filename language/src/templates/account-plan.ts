/**
 * The starting point for a new key-account plan ("KAM: New Account Plan"): an identifier and a
 * file name derived from the account's display name, and a plan that parses cleanly and lets the
 * reviewer's warnings say what is still missing. Pure functions, no editor API.
 */
import { addDaysIso, formatAmount, formatPlain, isValidIsoDate, todayIso } from '../domain/quantities.js';
import type { Money } from '../domain/model.js';
import { oneLine } from '../domain/plain-text.js';

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

/**
 * What is already known about the account when the plan is started (from a CRM export, `kam import
 * --scaffold`): written into the plan so the reviewer only asks for the rest.
 */
export interface KnownAccountFacts {
    industry?: string;
    currentRevenue?: Money;
    potentialRevenue?: Money;
    /** Margin in percent. */
    profitability?: number;
    /** Scores for factors of the portfolio's scoring model, with the evidence. */
    scores?: { factor: string; score: number; because: string }[];
    /** Our account owner as the source names them (a person, not yet a team member id). */
    ownerHint?: string;
    /** Comment lines for the top of the plan: where the facts came from. */
    notes?: string[];
}

export interface AccountPlanTemplateOptions {
    /** The account's display name, as the customer writes it. */
    displayName: string;
    /**
     * The date the plan is started, `yyyy-mm-dd`; the first objective is due 90 days later. A date
     * that is not on the calendar (a mistyped `kam.today` such as 2026-02-30) is replaced by today.
     */
    today: string;
    known?: KnownAccountFacts;
}

/** Text as a plan's string literal: one line, quotes and backslashes escaped. */
export function stringLiteral(text: string): string {
    return `"${oneLine(text).trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** `4.2M EUR`: an amount as plans write it; undefined when the currency is not a plan word. */
function moneyText(money: Money | undefined): string | undefined {
    return money && /^[_a-zA-Z]\w*$/.test(money.currency) && Number.isFinite(money.amount) && money.amount >= 0 ? `${formatAmount(money.amount)} ${money.currency}` : undefined;
}

/** The text of a new plan. */
export function accountPlanTemplate(options: AccountPlanTemplateOptions): string {
    const title = options.displayName.trim().replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    const id = accountIdentifier(options.displayName);
    const today = isValidIsoDate(options.today) ? options.today : todayIso();
    const firstDue = addDaysIso(today, 90);
    const firstReview = addDaysIso(today, 91);
    const known = options.known ?? {};
    const current = moneyText(known.currentRevenue);
    const potential = moneyText(known.potentialRevenue);
    const facts = [
        ...(known.industry ? [`    industry ${stringLiteral(known.industry)}`] : []),
    ];
    const numbers = [
        ...(current ? [`    revenue current ${current}${potential ? ` potential ${potential}` : ''}`] : []),
        ...(known.profitability !== undefined && Number.isFinite(known.profitability) ? [`    profitability ${formatPlain(Math.round(known.profitability * 10) / 10)}%`] : []),
    ];
    const ownerComment = known.ownerHint
        ? `    // owner and backup owner: members of our team; the CRM names ${oneLine(known.ownerHint)} as owner`
        : '    // owner and backup owner: members of our team, e.g. "owner anna"';
    const scores = (known.scores ?? []).map((s) => `        ${s.factor} ${formatPlain(s.score)} because ${stringLiteral(s.because)}`);
    const notes = (known.notes ?? []).map((n) => `// ${oneLine(n)}\n`).join('');
    return `// ${oneLine(options.displayName).trim()}: key account plan, started ${today}.
// Hover any keyword for what it means; the reviewer's warnings list what the plan still needs.
${notes}account ${id} "${title}" {
${facts.map((l) => `${l}\n`).join('')}    tier key
    status grow-into-key
    strategy grow
${ownerComment}
${numbers.map((l) => `${l}\n`).join('')}    relationship stage exploratory

    // The plan is reviewed with the customer: set the rhythm, then record each review.
    review cadence quarterly
    next review ${firstReview}

    customer {
        goal "What the customer wants to achieve in the next two years"
    }

    // One line per factor of the portfolio's scoring model: factor score because "evidence"
    scores {
${scores.map((l) => `${l}\n`).join('')}    }

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
