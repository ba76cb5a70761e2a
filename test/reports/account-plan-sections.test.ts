/**
 * What an account manager steers by, in every picture: renewal and notice deadline, review rhythm,
 * sign-off, our team facing theirs, meetings and calls, the weighted pipeline, whitespace, competitors
 * and the people who left — the same numbers in the view model, the HTML page and the Markdown report,
 * and the portfolio's renewals, pipeline, groups and reporting currency.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { accountView, portfolioView, type AccountView } from '../../language/src/reports/view-model.js';
import { accountBodyHtml } from '../../language/src/reports/html-report.js';
import { accountSummaryMarkdown, portfolioSummaryMarkdown } from '../../language/src/reports/summary-report.js';
import { reviewedFixture, type ReviewedFixture } from '../helpers/report-fixtures.js';

// Reviewed on 2026-11-24 (the fixture portfolio's today).
const NORD_SEA = `
account NordSea "Nord Sea Shipping" {
    tier key
    owner anna
    backup owner ben
    part of NordGroup
    revenue current 2M EUR potential 3M EUR
    relationship stage cooperative
    review cadence quarterly
    last reviewed 2026-10-01
    signed off by lund on 2026-10-01
    contract "Fleet tracking" {
        start 2024-06-01
        renewal 2027-03-31
        notice 3 months
        value 2M EUR
    }
    stakeholder lund "Eva Lund" {
        role executive
        influence high
        note "Measured on fuel cost per container"
        decides on "Five-year total cost"
    }
    stakeholder moe "Per Moe" {
        role user
        left 2026-08-31 "Moved to the parent group"
    }
    our team {
        executive-sponsor anna faces lund
    }
    meeting 2026-11-10 "Quarterly review" {
        with lund
        our side anna, ben
        agreed "Pilot on two vessels"
        next step "Pilot proposal" owner ben due 2026-12-05
    }
    call 2026-12-02 "Pilot scope" { with lund }
    opportunity "Renewal 2027" { kind renewal stage negotiation value 2M EUR close 2027-02-28 }
    opportunity "Fuel analytics" { kind upsell stage proposal probability 40% value 500k EUR close 2026-10-31 }
    opportunity "Lost tender" { stage lost value 900k EUR }
    whitespace {
        units "Oslo", "Bergen"
        product "Tracking" bought, open
        product "Analytics" pipeline, not-relevant
    }
    competitor "SeaTrack" {
        weakness "No fuel data"
        differentiator "Fuel cost per container, not just position"
    }
}

account NordGroup "Nord Group" {
    tier major
    owner ben
    revenue current 1.2M NOK
}
`;

let fixture: ReviewedFixture;
let view: AccountView;

beforeAll(async () => {
    fixture = await reviewedFixture({ 'nord-sea.kam': NORD_SEA });
    view = accountView(fixture.byName('NordSea'), fixture.context);
});

describe('the account view', () => {
    it('says when the contract renews, when notice is due, how the plan is reviewed and who signed it off', () => {
        // 2026-11-24 → 2027-03-31 is 127 days; notice deadline three months before, 2026-12-31, in 37 days.
        expect(view.calendar.renewal).toBe('2027-03-31 (in 127 days; notice deadline 2026-12-31, in 37 days) — Fleet tracking, 2M EUR a year');
        // Last reviewed 2026-10-01 + 91 days = 2026-12-31.
        expect(view.calendar.reviews).toBe('quarterly reviews · last reviewed 2026-10-01 · next review in 37 days (2026-12-31)');
        expect(view.signOff).toEqual({ by: ['Eva Lund'], date: '2026-10-01' });
        expect(view.contracts).toEqual([{ title: 'Fleet tracking', start: '2024-06-01', end: undefined, renewal: '2027-03-31', notice: '3 months', noticeDeadline: '2026-12-31', value: '2M EUR' }]);
    });

    it('weighs the pipeline: 2M × 75% + 500k × 40% = 1.7M of 2.5M open; the lost tender is out', () => {
        expect(view.calendar.pipeline).toBe('weighted 1.7M EUR of 2.5M EUR open (2 opportunities) · gap to potential 0 EUR');
        expect(view.opportunities.map((o) => [o.text, o.probability, o.weighted, o.closePassed])).toEqual([
            ['Renewal 2027', 75, '1.5M EUR', false],
            ['Fuel analytics', 40, '200k EUR', true],
            ['Lost tender', 0, undefined, false],
        ]);
    });

    it('keeps people who left out of the map, lists them as former contacts, and takes meetings as last contacts', () => {
        expect(view.relationship.stakeholders.map((s) => s.id)).toEqual(['lund']);
        expect(view.formerContacts).toEqual([{ name: 'Per Moe', title: undefined, left: '2026-08-31', reason: 'Moved to the parent group' }]);
        const lund = view.relationship.stakeholders[0];
        // The planned call on 2026-12-02 is not a contact yet.
        expect(lund).toMatchObject({ lastContact: '2026-11-10', daysSinceContact: 14, notes: ['Measured on fuel cost per container'], decisionCriteria: ['Five-year total cost'] });
        expect(lund.contactHistory).toEqual([{ date: '2026-11-10', kind: 'meeting', title: 'Quarterly review' }]);
        expect(view.ourTeam).toEqual([{ role: 'executive-sponsor', person: { id: 'anna', name: 'Anna Keller', title: 'Key Account Director' }, counterparts: ['Eva Lund'] }]);
        expect(view.interactions.map((i) => [i.date, i.planned, i.attendees, i.ourSide])).toEqual([
            ['2026-12-02', true, ['Eva Lund'], []],
            ['2026-11-10', false, ['Eva Lund'], ['Anna Keller', 'Ben Ortiz']],
        ]);
    });

    it('draws the whitespace with its coverage: 1 of 3 relevant cells bought', () => {
        expect(view.whitespace?.coverage).toBe('33% of relevant cells bought · 1 in the pipeline · 1 open');
        expect(view.competitors[0]).toMatchObject({ weaknesses: ['No fuel data'], differentiators: ['Fuel cost per container, not just position'] });
    });

    it('shows the same sentences in the HTML page and the Markdown report', () => {
        const html = accountBodyHtml(view);
        const markdown = accountSummaryMarkdown(fixture.byName('NordSea'), fixture.context.today, fixture.context.people);
        for (const text of [view.calendar.renewal!, view.calendar.reviews!, view.calendar.pipeline!]) {
            expect(html).toContain(text.replace('—', '—'));
            expect(markdown).toContain(text);
        }
        for (const heading of ['Meetings and calls', 'Opportunities and pipeline', 'Whitespace', 'Contracts', 'Competitors']) {
            expect(html).toContain(`>${heading}</h2>`);
            expect(markdown).toContain(`## ${heading}`);
        }
        expect(html).toContain('Former contacts');
        expect(markdown).toContain('### Former contacts');
        expect(markdown).toContain('| Tracking | bought | open |');
    });
});

describe('the portfolio view', () => {
    it('lists renewals within the window, says whether the plan aims at them, and rolls groups up', () => {
        const portfolio = portfolioView(fixture.accounts, fixture.context);
        expect(portfolio.renewals).toEqual([{ title: 'Nord Sea Shipping', uri: expect.any(String), date: '2027-03-31', daysTo: 127, planned: true, won: false, noticeDeadline: '2026-12-31', daysToNotice: 37 }]);
        // Group revenue cannot be added up: NOK and EUR, with no reporting currency.
        expect(portfolio.groups).toEqual([{ title: 'Nord Group', members: ['Nord Sea Shipping'], revenueDisplay: '—' }]);
        expect(portfolio.pareto.currency).toBeUndefined();
        expect(portfolio.pareto.currencies).toEqual(['EUR', 'NOK']);
    });

    it('converts into the reporting currency for the Pareto table, the pipeline and the group roll-up', () => {
        const currency = { reporting: 'EUR', rates: { NOK: 0.085 } };
        const portfolio = portfolioView(fixture.accounts, { ...fixture.context, currency });
        // 1.2M NOK × 0.085 = 102k EUR; with Danube 6M and Baltic 1.5M and Nord Sea 2M the total is 9.602M EUR.
        expect(portfolio.pareto.totalDisplay).toBe('9.6M EUR');
        expect(portfolio.pareto.rows.find((r) => r.title === 'Nord Group')?.revenue).toBeCloseTo(102_000, 6);
        expect(portfolio.groups).toEqual([{ title: 'Nord Group', members: ['Nord Sea Shipping'], revenueDisplay: '2.1M EUR' }]);
        expect(portfolio.pipeline?.weighted).toBe('1.74M EUR');
        const markdown = portfolioSummaryMarkdown(fixture.accounts, { ...fixture.context, currency });
        expect(markdown).toContain('Total 9.6M EUR.');
        expect(markdown).toContain('## Renewals in the next 180 days');
        expect(markdown).toContain('| Nord Group | Nord Sea Shipping | 2.1M EUR |');
    });
});
