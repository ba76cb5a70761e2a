/** Contact cadence: how often a stakeholder agreed to hear from us, and when a contact goes stale. */
import type { Cadence, InfluenceLevel, Interaction, IsoDate, Stakeholder } from './model.js';
import { daysBetween, isPlanDate } from './quantities.js';

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

export interface LastContact {
    date: IsoDate;
    /** The meeting or call it comes from; undefined when it is the `last contact` written on the person. */
    interaction?: Interaction;
}

/**
 * A person's last contact: the latest interaction they took part in up to today, or the `last
 * contact` written on them, whichever is later. Interactions after today are planned, not contacts.
 */
export function lastContactOf(stakeholder: Pick<Stakeholder, 'name' | 'lastContact'>, interactions: readonly Interaction[], today: IsoDate): LastContact | undefined {
    let latest: LastContact | undefined = stakeholder.lastContact && isPlanDate(stakeholder.lastContact) ? { date: stakeholder.lastContact } : undefined;
    for (const interaction of interactions) {
        if (!isPlanDate(interaction.date) || interaction.date > today || !interaction.attendees.includes(stakeholder.name)) continue;
        if (!latest || interaction.date > latest.date) latest = { date: interaction.date, interaction };
    }
    return latest;
}

/** The interactions a person took part in, latest first: their contact history. */
export function contactHistoryOf(stakeholder: Pick<Stakeholder, 'name'>, interactions: readonly Interaction[]): Interaction[] {
    return interactions.filter((i) => i.attendees.includes(stakeholder.name)).sort((a, b) => b.date.localeCompare(a.date));
}

/** People who left the company or the decision-making unit stay in the plan's history, out of the map and the scores. */
export function isCurrent(stakeholder: Pick<Stakeholder, 'left'>): boolean {
    return stakeholder.left === undefined;
}
