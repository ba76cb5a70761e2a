/** Contact cadence: how often a stakeholder agreed to hear from us, and when a contact goes stale. */
import type { Cadence, InfluenceLevel } from './model.js';
import { daysBetween } from './quantities.js';

export const CADENCE_DAYS: Record<Cadence, number> = {
    weekly: 7, fortnightly: 14, monthly: 30, quarterly: 91, 'half-yearly': 182, yearly: 365,
};

/**
 * When no cadence is agreed, how often a KAM coach expects us to be in touch, by influence: the
 * people who decide at least every quarter, the rest twice a year or once a year. A plan that
 * sets no cadence is not excused from keeping in touch with its executive.
 */
export const DEFAULT_CADENCE: Record<InfluenceLevel, Cadence> = { high: 'quarterly', medium: 'half-yearly', low: 'yearly' };

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

/** The cadence a contact is held to: the agreed one, else the default for the person's influence (unknown counts as medium). */
export function expectedCadence(stakeholder: { cadence?: Cadence; influence?: InfluenceLevel }): { cadence: Cadence; agreed: boolean } {
    if (stakeholder.cadence) return { cadence: stakeholder.cadence, agreed: true };
    return { cadence: DEFAULT_CADENCE[stakeholder.influence ?? 'medium'], agreed: false };
}
