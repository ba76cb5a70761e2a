/** What a KAM coach checks beyond the scores: plan completeness, contact cadence by influence, dates a reader can trust. */
import { describe, expect, it } from 'vitest';
import { planCompleteness } from '../../language/src/domain/completeness.js';
import { contactStaleness, expectedCadence } from '../../language/src/domain/contact.js';
import { daysBetween, describeDateProblem, isValidIsoDate } from '../../language/src/domain/quantities.js';
import type { Objective, Opportunity, Stakeholder } from '../../language/src/domain/model.js';

function person(name: string, extra: Partial<Stakeholder> = {}): Stakeholder {
    return { name, fullName: name, roles: [], expectations: [], notes: [], decisionCriteria: [], ...extra };
}
const expects = [{ kind: 'product' as const, description: 'x', fulfilment: 'met' as const }];
const objective: Objective = { name: 'o', title: 'O', agreedWith: [], kpis: [], milestones: [], actions: [{ label: 'a', status: 'planned' }] };
const opportunity: Opportunity = { text: 'Cross-sell monitoring' };

describe('plan completeness: the five elements of an action plan', () => {
    it('counts all five for a complete plan', () => {
        const stakeholders = [
            person('ceo', { roles: ['executive'], influence: 'high', trustedAdvisor: 6, expectations: expects }),
            person('cfo', { roles: ['finance'], influence: 'medium', strategicPartner: 5, expectations: expects }),
            person('ops', { roles: ['user', 'champion'], influence: 'low', expectations: expects }),
        ];
        const result = planCompleteness({ stakeholders, opportunities: [opportunity], objectives: [objective] });
        expect(result.present).toBe(5);
        expect(result.elements.every((e) => e.present)).toBe(true);
    });

    it('names what is missing for each element', () => {
        const stakeholders = [person('ceo', { roles: ['executive'], influence: 'high' }), person('ops', { roles: ['user'], influence: 'low', expectations: expects })];
        const result = planCompleteness({ stakeholders, opportunities: [], objectives: [] });
        expect(result.present).toBe(0);
        expect(Object.fromEntries(result.elements.map((e) => [e.key, e.missing]))).toEqual({
            expectations: 'no expectation recorded for ceo',
            contacts: 'no finance, champion in the decision-making unit',
            // the low-influence user need not rate us; the executive must
            measurement: 'ceo has not rated us as trusted advisor or strategic partner',
            opportunities: 'no opportunity or new relationship is planned',
            actions: 'no objective with actions is agreed',
        });
    });

    it('counts a champion by stance as well as by role', () => {
        const result = planCompleteness({
            stakeholders: [person('a', { roles: ['executive', 'finance', 'user'], stance: 'champion', trustedAdvisor: 7, expectations: expects })],
            opportunities: [opportunity], objectives: [objective],
        });
        expect(result.elements.find((e) => e.key === 'contacts')?.present).toBe(true);
    });
});

describe('contact cadence', () => {
    it('holds an unscheduled contact to the cadence their influence calls for', () => {
        expect(expectedCadence({ influence: 'high' })).toEqual({ cadence: 'quarterly', agreed: false });
        expect(expectedCadence({ influence: 'low' })).toEqual({ cadence: 'yearly', agreed: false });
        expect(expectedCadence({})).toEqual({ cadence: 'half-yearly', agreed: false });
        expect(expectedCadence({ influence: 'high', cadence: 'monthly' })).toEqual({ cadence: 'monthly', agreed: true });
        // quarterly is 91 days; × 1.5 = 136.5 → 137 days allowed; 2025-11-20 → 2026-11-24 is 369 days
        expect(contactStaleness('2025-11-20', 'quarterly', '2026-11-24', 1.5)).toEqual({ daysSince: 369, allowedDays: 137, stale: true });
    });
});

describe('dates a reader can trust', () => {
    it('says which part of a malformed date is wrong', () => {
        expect(describeDateProblem('2026-11-03')).toBeUndefined();
        expect(describeDateProblem('2026-11-3')).toBe('2026-11-3: write the day with two digits (2026-11-03).');
        expect(describeDateProblem('2026-1-3')).toBe('2026-1-3: write the month and the day with two digits (2026-01-03).');
        expect(describeDateProblem('2026-13-01')).toBe('2026-13-01: there is no month 13; months run from 01 to 12.');
        expect(describeDateProblem('2026-02-30')).toBe('2026-02-30: February 2026 has 28 days.');
        expect(describeDateProblem('2028-02-29')).toBeUndefined();
        expect(describeDateProblem('2026-04-00')).toBe('2026-04-00: April 2026 has 30 days; days start at 01.');
    });

    it('answers the same for a date it has read before, good or bad', () => {
        for (const text of ['2026-11-03', '2026-02-30', '2026-11-3', '0099-12-31', '2024-02-29', '2023-02-29']) {
            expect(describeDateProblem(text)).toBe(describeDateProblem(text));
        }
        expect(describeDateProblem('2023-02-29')).toBe('2023-02-29: February 2023 has 28 days.');
        // A date of the first century is a date like any other for the arithmetic; the reviewer calls its year a typo.
        expect(describeDateProblem('0050-03-01')).toMatch(/^0050-03-01: the year 0050 is surely a typo/);
        expect(isValidIsoDate('0050-03-01')).toBe(true);
        expect(daysBetween('0050-02-28', '0050-03-01')).toBe(1);
        for (let day = 0; day < 366; day++) expect(describeDateProblem(new Date(Date.UTC(2024, 0, 1 + day)).toISOString().slice(0, 10))).toBeUndefined();
    });

    it('says a year no plan means is surely a typo, and which year was likely meant', () => {
        expect(describeDateProblem('0026-03-01')).toBe("0026-03-01: the year 0026 is surely a typo; a plan's dates fall between 1900 and 2199: did you mean 2026-03-01?");
        expect(describeDateProblem('2206-03-01')).toBe("2206-03-01: the year 2206 is surely a typo; a plan's dates fall between 1900 and 2199.");
        expect(describeDateProblem('1899-12-31')).toMatch(/the year 1899 is surely a typo/);
        for (const text of ['1900-01-01', '1998-06-30', '2199-12-31']) expect(describeDateProblem(text)).toBeUndefined();
        // Still the date it says for the arithmetic: only the reviewer speaks of it.
        expect(daysBetween('0026-02-28', '0026-03-01')).toBe(1);
    });
});
