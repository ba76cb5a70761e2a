/** The view model: the numbers and labels every picture shows, hand-checked against the fixture portfolio. */
import { beforeAll, describe, expect, it } from 'vitest';
import { accountView, portfolioView, type AccountView, type PortfolioView } from '../../language/src/reports/view-model.js';
import { reviewedFixture, type ReviewedFixture } from '../helpers/report-fixtures.js';
import { KPI_PLAN } from '../editing/editing-fixture.js';

let fixture: ReviewedFixture;
let danube: AccountView;
let baltic: AccountView;
let portfolio: PortfolioView;

beforeAll(async () => {
    fixture = await reviewedFixture();
    danube = accountView(fixture.byName('DanubeFoods'), fixture.context);
    baltic = accountView(fixture.byName('BalticPaper'), fixture.context);
    portfolio = portfolioView(fixture.accounts, fixture.context);
});

describe('account view', () => {
    it('breaks the strategic value down by factor: weight × score / Σ weight', () => {
        // 20×8 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4 = 705; / 100 = 7.05 → 7.1, the number shown and compared
        expect(danube.strategicValue.value).toBe(7.1);
        expect(danube.strategicValue.display).toBe('7.1');
        expect(danube.strategicValue.threshold).toBe(6);
        expect(danube.strategicValue.factors.map((f) => [f.title, f.weight, f.score, Number(f.contribution!.toFixed(2))])).toEqual([
            ['Current revenue', 20, 8, 1.6], ['Potential revenue', 25, 9, 2.25], ['Profitability', 15, 6, 0.9],
            ['Strategic fit', 20, 7, 1.4], ['Referral value', 10, 5, 0.5], ['Ease of doing business', 10, 4, 0.4],
        ]);
    });

    it('gives the relationship map its org chart, stances, influence and our owners by full name', () => {
        // (3×7 + 2×5 + 1×8) / 6 = 6.5; 0.7 × 6.5 + 0.3 × 6 = 6.35 → 6.4
        expect(danube.relationship.ratingIndex).toBeCloseTo(6.5, 9);
        expect(danube.relationship.display).toBe('6.4');
        expect(danube.relationship.stakeholders.map((s) => [s.name, s.reportsTo, s.stance, s.influence, s.owner?.name, s.indexDisplay])).toEqual([
            ['Ivana Horvat', undefined, 'supporter', 'high', 'Anna Keller', '7.0'],
            ['Tobias Wagner', 'horvat', 'neutral', 'medium', 'Ben Ortiz', '5.0'],
            ['Petra Novak', 'horvat', 'champion', 'low', 'Chiara Rossi', '8.0'],
        ]);
    });

    it('names the account, its quadrant and its facts', () => {
        expect(danube).toMatchObject({ title: 'Danube Foods', quadrant: 'Strategic', owner: { id: 'anna', name: 'Anna Keller' }, backupOwner: { name: 'Ben Ortiz' } });
        expect(danube.facts).toContainEqual({ label: 'Current revenue', value: '6M EUR' });
        expect(baltic.facts).toContainEqual({ label: 'Backup owner', value: 'none' });
        expect(baltic.quadrant).toBe('Streamline');
    });

    it('puts KPIs current against target, with the direction and the gap', () => {
        expect(danube.kpis).toEqual([{ objective: 'Cut unplanned line stops by a third', label: 'Unplanned stops per month', current: 12, target: 8, unit: 'stops', direction: 'decrease', onTarget: false, gapDisplay: '−4 stops to go', history: [],
            progressDisplay: '67% there · −4 stops to go', currentDisplay: '12 stops', targetDisplay: '8 stops', attainment: 200 / 3 }]);
        expect(baltic.kpis[0]).toMatchObject({ direction: 'hold', onTarget: true, gapDisplay: 'target reached' });
    });

    it('shows an unscored factor at its floor, so the breakdown adds up to the strategic value', async () => {
        const partly = await reviewedFixture({ 'partly.kam': 'account Partly "Partly Scored" { scores { currentRevenue 8 potentialRevenue 9 } }\n' });
        const view = accountView(partly.byName('Partly'), partly.context);
        // (20×8 + 25×9 + 55×1) / 100 = 4.4; the four unscored factors show their weight × 1 / 100
        expect(view.strategicValue.value).toBeCloseTo(4.4, 10);
        const bars = view.strategicValue.factors;
        expect(bars.find((b) => b.factor === 'profitMargin')).toMatchObject({ score: undefined, contribution: expect.closeTo(0.15, 10) });
        expect(bars.reduce((sum, b) => sum + (b.contribution ?? 0), 0)).toBeCloseTo(4.4, 10);
    });

    it('reads KPIs with their stated direction, in the same words as the inlay hints', async () => {
        const kpis = await reviewedFixture({ 'kpis.kam': KPI_PLAN });
        const view = accountView(kpis.byName('Kpis'), kpis.context);
        expect(view.kpis.map((k) => [k.label, k.direction, k.onTarget, k.gapDisplay])).toEqual([
            // 99% against 98%, higher is better: reached, 1 point beyond
            ['On-time delivery', 'increase', true, '+1% beyond target'],
            // unstated: inferred from current and target, so it has to come down to 98%
            ['On-time, direction unstated', 'decrease', false, '−1% to go'],
            ['Lead time', 'decrease', false, '−2 days to go'],
            // 3 excursions against at most 5
            ['Excursions', 'decrease', true, '−2 excursions beyond target'],
            // 1.4M − 1.2M = 200k
            ['Revenue', 'increase', false, '+200k EUR to go'],
            ['Tonnes', 'hold', true, 'target reached'],
        ]);
    });

    it('leaves out a half-typed KPI (no number yet), as the inlay hints do', async () => {
        const half = await reviewedFixture({ 'half.kam': `account Half "Half Ltd" {
    owner ben
    objective o "Deliver" {
        owner ben
        kpi "Typed" current 3 target 5
        kpi "Half typed" current  target 5
    }
}
` });
        expect(half.byName('Half').card.plan.objectives[0].kpis.map((k) => [k.label, k.current, k.target])).toEqual([['Typed', 3, 5], ['Half typed', Number.NaN, 5]]);
        const view = accountView(half.byName('Half'), half.context);
        expect(view.kpis.map((k) => k.label)).toEqual(['Typed']);
        expect(JSON.stringify(view)).not.toContain('null');
    });

    it('lays out objectives on a timeline from today to the last due date', () => {
        expect(danube.timeline).toEqual({
            today: '2026-11-24', start: '2026-11-24', end: '2027-06-30',
            items: [
                { kind: 'objective', label: 'Cut unplanned line stops by a third', group: 'Cut unplanned line stops by a third', owner: { id: 'anna', name: 'Anna Keller', title: 'Key Account Director' }, due: '2027-06-30', overdue: false },
                { kind: 'action', label: 'Install condition monitoring on lines 1-4', group: 'Cut unplanned line stops by a third', owner: { id: 'chiara', name: 'Chiara Rossi', title: 'Solutions Engineer' }, due: '2027-01-29', status: 'in-progress', overdue: false },
            ],
        });
        expect(baltic.timeline.start).toBeUndefined();
    });

    it('keeps each finding with its line and column so the preview can jump there', () => {
        expect(danube.findings).toEqual([]);
        expect(baltic.findings.length).toBeGreaterThan(0);
        expect(baltic.findings).toContainEqual(expect.objectContaining({ code: 'kam.objective-without-owner', line: 21, column: 15, uri: 'file:///workspace/baltic-paper.kam' }));
        const lines = baltic.findings.map((f) => f.line);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
    });

    it('marks overdue objectives and actions, and groups feedback responses', async () => {
        const late = await reviewedFixture({
            'late.kam': `account Late "Late Ltd" {
    owner ben
    objective a "Ship the pilot" {
        owner ben
        due 2026-10-01
        action "Book the line" owner chiara due 2026-09-01 status done
        action "Train the operators" owner chiara due 2026-11-01 status in-progress
        milestone "Pilot live" due 2027-02-01
    }
    feedback "Invoices arrive late" { from x received 2026-06-01 action "Switch to e-invoicing" owner ben due 2026-08-01 }
}
` });
        const view = accountView(late.byName('Late'), late.context);
        expect(view.timeline.items.map((i) => [i.kind, i.label, i.owner?.name, i.due, i.overdue])).toEqual([
            ['objective', 'Ship the pilot', 'Ben Ortiz', '2026-10-01', true],
            ['action', 'Book the line', 'Chiara Rossi', '2026-09-01', false],
            ['action', 'Train the operators', 'Chiara Rossi', '2026-11-01', true],
            ['milestone', 'Pilot live', undefined, '2027-02-01', false],
            ['objective', 'Feedback responses', undefined, undefined, false],
            ['action', 'Switch to e-invoicing', 'Ben Ortiz', '2026-08-01', true],
        ]);
        expect(view.timeline).toMatchObject({ start: '2026-08-01', end: '2027-02-01' });
    });
});

describe('portfolio view', () => {
    it('lists the accounts by strategic value with their numbers and counts', () => {
        // The reviewer's rules grow; the view counts what it was given.
        const balticWarnings = fixture.byName('BalticPaper').findings.filter((f) => f.severity === 'warning').length;
        expect(balticWarnings).toBeGreaterThan(0);
        expect(portfolio.counts).toEqual({ accounts: 2, errors: 0, warnings: balticWarnings });
        expect(portfolio.accounts.map((a) => [a.title, a.owner?.name, a.revenueDisplay, a.strategicValueDisplay, a.relationshipDisplay, a.quadrant, a.warnings])).toEqual([
            ['Danube Foods', 'Anna Keller', '6M EUR', '7.1', '6.4', 'Strategic', 0],
            // 20×4 + 25×3 + 15×5 + 20×3 + 10×2 + 10×6 = 370 → 3.7; 0.7 × 3.5 + 0.3 × 4 = 3.65 → 3.7
            ['Baltic Paper', 'Ben Ortiz', '1.5M EUR', '3.7', '3.7', 'Streamline', balticWarnings],
        ]);
        expect(portfolio.quadrants.find((q) => q.quadrant === 'Strategic')?.accounts).toEqual(['Danube Foods']);
        expect(portfolio.unplaced).toEqual([]);
    });

    it('computes the Pareto curve of revenue', () => {
        // 6M + 1.5M = 7.5M; Danube brings 80%, the top fifth (1 of 2 accounts) 80%: not above the 80% limit.
        expect(portfolio.pareto).toMatchObject({ total: 7.5e6, totalDisplay: '7.5M EUR', currency: 'EUR', topFifthCount: 1, accountsFor80Percent: 1, limit: 80, overLimit: false });
        expect(portfolio.pareto.rows.map((r) => [r.title, r.share, r.cumulativeShare])).toEqual([['Danube Foods', 80, 80], ['Baltic Paper', 20, 100]]);
        expect(portfolio.pareto.rows[0].uri).toBe('file:///workspace/danube-foods.kam');
    });

    it('keeps only errors and warnings in the review at a glance', () => {
        const serious = fixture.byName('BalticPaper').findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
        expect(portfolio.findings.map((f) => [f.title, f.findings.map((x) => x.code)])).toEqual([['Baltic Paper', serious.map((x) => x.code)]]);
    });
});
