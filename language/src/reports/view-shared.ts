/**
 * What every view shares: our people by id with their full names, a labelled fact, a finding with
 * the plan it belongs to.
 */
import type { ReviewFinding } from '../domain/findings.js';
import type { TeamMember } from '../domain/model.js';

/** One of our people, by id, with the full name from the team file when it is known. */
export interface PersonRef {
    id: string;
    name: string;
    title?: string;
}

export interface Fact {
    label: string;
    value: string;
}

export interface FindingView extends ReviewFinding {
    uri?: string;
    /** The sentence a director reads: no code, line or plan syntax (plain-findings.ts). */
    plain: string;
}

/** The scoring model's factor titles by name, for findings said in plain words. */
export function factorTitles(card: { model?: { factors: Array<{ name: string; title: string }> } }): Map<string, string> {
    return new Map((card.model?.factors ?? []).map((f) => [f.name, f.title]));
}

/** Full names of our people by id, from the team files. */
export type People = ReadonlyMap<string, TeamMember>;

export function peopleOf(members: TeamMember[]): People {
    return new Map(members.map((m) => [m.name, m]));
}

export function person(id: string | undefined, people: People): PersonRef | undefined {
    if (!id) return undefined;
    const member = people.get(id);
    return { id, name: member?.fullName ?? id, title: member?.title };
}
