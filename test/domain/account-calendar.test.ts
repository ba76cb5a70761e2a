/**
 * The dates and money an account manager steers by, checked by hand: renewals and notice deadlines,
 * the plan's review rhythm, the weighted pipeline against the potential, money across currencies,
 * whitespace coverage, and the last contact taken from the interactions.
 */
import { describe, expect, it } from 'vitest';
import { isValid, parseISO } from 'date-fns';
import { localMidnightOf } from '../../language/src/domain/quantities.js';
import { nextRenewal, noticeDeadlineOf, contractDateProblem, renewalIsPlanned, subtractPeriod } from '../../language/src/domain/contracts.js';
import { describeNextReview, planRhythm } from '../../language/src/domain/plan-rhythm.js';
import { pipelineSummary, probabilityOf } from '../../language/src/domain/pipeline.js';
import { CurrencyConverter } from '../../language/src/domain/currency.js';
import { whitespaceSummary } from '../../language/src/domain/whitespace.js';
import { contactHistoryOf, lastContactOf } from '../../language/src/domain/contact.js';
import { relationshipStrength } from '../../language/src/domain/relationship.js';
import type { Interaction, Opportunity, Stakeholder } from '../../language/src/domain/model.js';

const TODAY = '2026-11-24';

describe('contracts: the renewal is the date', () => {
    it('takes the next renewal from today on, the renewal date before the end date', () => {
        const renewal = nextRenewal([
            { title: 'Old pilot', end: '2026-03-31' },
            { title: 'Tracking', start: '2024-04-01', end: '2027-06-30', renewal: '2027-03-31', notice: { amount: 3, unit: 'months' } },
            { title: 'Analytics', end: '2029-12-31' },
        ], TODAY);
        // 2026-11-24 → 2027-03-31: 6 days of November + 31 + 31 + 28 + 31 = 127 days.
        expect(renewal).toMatchObject({ date: '2027-03-31', daysTo: 127, noticeDeadline: '2026-12-31', daysToNotice: 37 });
        expect(renewal?.contract.title).toBe('Tracking');
    });

    it('counts the notice period back in calendar months, weeks or days', () => {
        expect(noticeDeadlineOf({ renewal: '2027-03-31', notice: { amount: 1, unit: 'month' } })).toBe('2027-02-28');
        expect(noticeDeadlineOf({ end: '2026-12-31', notice: { amount: 6, unit: 'weeks' } })).toBe('2026-11-19');
        expect(noticeDeadlineOf({ renewal: '2026-12-31', notice: { amount: 90, unit: 'days' } })).toBe('2026-10-02');
        expect(noticeDeadlineOf({ renewal: '2026-12-31' })).toBeUndefined();
    });

    it('counts back as yyyy-mm-dd in every year the calendar has, and to none before year 1', () => {
        expect(subtractPeriod('1012-03-01', 1, 'day')).toBe('1012-02-29');
        expect(subtractPeriod('9999-12-31', 119, 'months')).toBe('9990-01-31');
        expect(subtractPeriod('0003-01-15', 48, 'months')).toBeUndefined();
        expect(noticeDeadlineOf({ renewal: '2199-12-31', notice: { amount: 119, unit: 'months' } })).toBe('2190-01-31');
    });

    it('plans no renewal from a date with a mistyped year (the reviewer flags it)', () => {
        expect(noticeDeadlineOf({ renewal: '0027-03-31', notice: { amount: 1, unit: 'month' } })).toBeUndefined();
        expect(nextRenewal([{ title: 'Typo', renewal: '0027-03-31' }], TODAY)).toBeUndefined();
    });

    it('reads a renewal date as the local midnight date-fns would, in every time zone and every year', () => {
        // Zones where midnight was skipped for summer time (São Paulo 2018-11-04, Havana), far from UTC both ways.
        const zones = ['UTC', 'America/Sao_Paulo', 'America/Havana', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Asia/Tehran'];
        const years = [1, 4, 99, 100, 1582, 1900, 1970, 2000, 2018, 2026, 9999];
        const saved = process.env.TZ;
        try {
            for (const zone of zones) {
                process.env.TZ = zone;
                for (const year of years) {
                    for (let day = 0; day < 366; day++) {
                        const date = new Date(Date.UTC(2000, 0, 1 + day));
                        const text = `${String(year).padStart(4, '0')}-${String(date.getUTCMonth() + 1).padStart(2, '0')}-${String(date.getUTCDate()).padStart(2, '0')}`;
                        const expected = parseISO(text);
                        expect(localMidnightOf(text)?.getTime() ?? Number.NaN, `${text} in ${zone}`).toBe(isValid(expected) ? expected.getTime() : Number.NaN);
                    }
                }
            }
        } finally {
            if (saved === undefined) delete process.env.TZ;
            else process.env.TZ = saved;
        }
        expect(localMidnightOf('2026-02-30')).toBeUndefined();
    });

    it('names contradicting dates', () => {
        expect(contractDateProblem({ start: '2026-06-01', end: '2026-03-31' })).toBe('ends on 2026-03-31, before it starts on 2026-06-01');
        expect(contractDateProblem({ end: '2027-01-31', renewal: '2027-03-31' })).toBe('renews on 2027-03-31, after it ends on 2027-01-31');
        expect(contractDateProblem({ start: '2026-01-01', end: '2028-12-31', renewal: '2028-12-31' })).toBeUndefined();
    });

    it('counts a renewal as planned when a renewal opportunity is open or won, not when lost', () => {
        expect(renewalIsPlanned([{ text: 'r', kind: 'renewal', stage: 'negotiation' }])).toBe(true);
        expect(renewalIsPlanned([{ text: 'r', kind: 'renewal', stage: 'lost' }, { text: 'x', kind: 'upsell' }])).toBe(false);
    });
});

describe('the plan\'s rhythm', () => {
    it('computes the next review from the last one and the cadence, and calls it overdue once passed', () => {
        const rhythm = planRhythm({ reviewCadence: 'quarterly', lastReviewed: '2026-06-30' }, TODAY);
        // 2026-06-30 + 91 days = 2026-09-29, 56 days before 2026-11-24.
        expect(rhythm).toMatchObject({ nextReview: '2026-09-29', nextReviewWritten: false, daysToNextReview: -56, overdue: true, daysSinceReview: 147, stale: false });
        expect(describeNextReview(rhythm)).toBe('review overdue by 56 days');
    });

    it('prefers the written next review and says how far away it is', () => {
        const rhythm = planRhythm({ reviewCadence: 'quarterly', lastReviewed: '2026-09-30', nextReview: '2026-12-06' }, TODAY);
        expect(rhythm).toMatchObject({ nextReview: '2026-12-06', daysToNextReview: 12, overdue: false });
        expect(describeNextReview(rhythm)).toBe('next review in 12 days');
    });

    it('calls a plan stale after two cadences without a review', () => {
        // 2026-04-01 → 2026-11-24 is 237 days, more than 2 × 91.
        expect(planRhythm({ reviewCadence: 'quarterly', lastReviewed: '2026-04-01' }, TODAY).stale).toBe(true);
        expect(planRhythm({ reviewCadence: 'half-yearly', lastReviewed: '2026-04-01' }, TODAY).stale).toBe(false);
    });
});

describe('the pipeline against the potential', () => {
    const opportunities: Opportunity[] = [
        { text: 'Monitoring', stage: 'proposal', value: { amount: 400_000, currency: 'EUR' } },
        { text: 'Analytics', stage: 'qualified', probability: 40, value: { amount: 250_000, currency: 'EUR' } },
        { text: 'Second site', value: { amount: 100_000, currency: 'EUR' } },
        { text: 'Fleet', stage: 'won', value: { amount: 300_000, currency: 'EUR' } },
        { text: 'Tender', stage: 'lost', value: { amount: 900_000, currency: 'EUR' } },
        { text: 'US subsidiary', stage: 'negotiation', value: { amount: 200_000, currency: 'USD' } },
    ];

    it('weighs each open opportunity by its probability: as written, else the stage\'s, else identified', () => {
        expect(probabilityOf({ stage: 'proposal' })).toBe(50);
        expect(probabilityOf({ stage: 'qualified', probability: 40 })).toBe(40);
        expect(probabilityOf({})).toBe(10);
        expect(probabilityOf({ stage: 'won', probability: 30 })).toBe(100);
    });

    it('sums the weighted pipeline in the account currency and leaves out what it cannot convert', () => {
        const summary = pipelineSummary({ opportunities, currentRevenue: { amount: 1_000_000, currency: 'EUR' }, potentialRevenue: { amount: 2_000_000, currency: 'EUR' } });
        // Open: 400k + 250k + 100k = 750k; weighted 200k + 100k + 10k = 310k; USD has no rate.
        expect(summary).toMatchObject({ currency: 'EUR', open: 750_000, weighted: 310_000, won: 300_000, openCount: 4 });
        expect(summary.uncounted.map((o) => o.text)).toEqual(['US subsidiary']);
        // Gap: 2M − 1M − 310k = 690k.
        expect(summary.gapToPotential).toBe(690_000);
    });

    it('converts through the reporting currency when the portfolio gives rates', () => {
        const converter = new CurrencyConverter({ reporting: 'EUR', rates: { USD: 0.9 } });
        const summary = pipelineSummary({ opportunities, potentialRevenue: { amount: 2_000_000, currency: 'EUR' } }, converter);
        // 200k USD × 0.9 = 180k EUR at 75%: 135k more weighted.
        expect(summary.weighted).toBe(445_000);
        expect(summary.uncounted).toEqual([]);
    });
});

describe('money across currencies', () => {
    const converter = new CurrencyConverter({ reporting: 'EUR', rates: { USD: 0.92, GBP: 1.17 } });
    it('converts into the reporting currency and between two others through it', () => {
        expect(converter.toReporting({ amount: 1_000_000, currency: 'USD' })).toBe(920_000);
        expect(converter.convert({ amount: 117, currency: 'EUR' }, 'GBP')).toBe(100);
        expect(converter.toReporting({ amount: 5, currency: 'CHF' })).toBeUndefined();
        expect(converter.hasRate('EUR') && converter.hasRate('GBP') && !converter.hasRate('CHF')).toBe(true);
    });
});

describe('whitespace', () => {
    it('counts the cells and the coverage of what is relevant', () => {
        const summary = whitespaceSummary({
            units: ['Hamburg', 'Rotterdam', 'Gdansk'],
            rows: [
                { product: 'Tracking', cells: ['bought', 'bought', 'open'] },
                { product: 'Analytics', cells: ['pipeline', 'open', 'not-relevant'] },
                { product: 'Cold chain', cells: ['open', 'bought'] },
            ],
        });
        expect(summary.counts).toEqual({ bought: 3, pipeline: 1, open: 3, 'not-relevant': 1 });
        // 3 bought of 7 relevant cells.
        expect(summary.coverage).toBeCloseTo(42.857, 2);
        expect(summary.misshapenRows).toEqual([{ product: 'Cold chain', cells: 2 }]);
    });
});

describe('people over time', () => {
    const person = (name: string, extra: Partial<Stakeholder> = {}): Stakeholder => ({ name, fullName: name, roles: [], expectations: [], notes: [], decisionCriteria: [], ...extra });
    const meeting = (date: string, attendees: string[]): Interaction => ({ kind: 'meeting', date, attendees, ourSide: [], agreed: [], nextSteps: [] });
    const interactions = [meeting('2026-11-10', ['lind', 'olsen']), meeting('2026-12-02', ['lind']), meeting('2026-03-12', ['olsen'])];

    it('takes the latest interaction up to today as the last contact, or the date written when later', () => {
        expect(lastContactOf(person('olsen', { lastContact: '2026-05-01' }), interactions, TODAY)).toMatchObject({ date: '2026-11-10' });
        expect(lastContactOf(person('lind', { lastContact: '2026-11-20' }), interactions, TODAY)).toEqual({ date: '2026-11-20' });
        expect(lastContactOf(person('berg'), interactions, TODAY)).toBeUndefined();
        expect(contactHistoryOf(person('olsen'), interactions).map((i) => i.date)).toEqual(['2026-11-10', '2026-03-12']);
    });

    it('leaves someone who left out of the relationship strength', () => {
        const stayed = person('lind', { influence: 'high', trustedAdvisor: 8, strategicPartner: 8 });
        const left = person('dahl', { influence: 'high', trustedAdvisor: 2, strategicPartner: 2, left: { date: '2026-08-31' } });
        // Only Lind counts: ratings 8, stage basic 4 → 0.7 × 8 + 0.3 × 4 = 6.8.
        expect(relationshipStrength({ stakeholders: [stayed, left], relationshipStage: 'basic' }).value).toBe(6.8);
    });
});
