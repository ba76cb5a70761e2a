/** Contact cadence: how often a stakeholder agreed to hear from us, and when a contact goes stale. */
import type { Cadence } from './model.js';
import { daysBetween } from './quantities.js';

export const CADENCE_DAYS: Record<Cadence, number> = {
    weekly: 7, fortnightly: 14, monthly: 30, quarterly: 91, 'half-yearly': 182, yearly: 365,
};

export interface Staleness {
    daysSince: number;
    allowedDays: number;
    stale: boolean;
}

/** A contact is stale when it is older than `stalenessFactor` × the agreed cadence. */
export function contactStaleness(lastContact: string, cadence: Cadence, today: string, stalenessFactor: number): Staleness {
    const daysSince = daysBetween(lastContact, today);
    const allowedDays = Math.round(CADENCE_DAYS[cadence] * stalenessFactor);
    return { daysSince, allowedDays, stale: daysSince > allowedDays };
}
