/**
 * A date on the DATE terminal's shape but not on the calendar (`due 2027-02-30`): the reviewer
 * flags it, and every report and the preview still render, the item shown as undated. Overdue is
 * counted one way (domain/progress.ts `dueStatus`) in the Markdown report, the pictures and the editor.
 * Today is 2026-11-24 in the test workspace.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/src/main.js';
import { renderAccountReport } from '../../language/src/reports/render-report.js';
import { accountBodyHtml } from '../../language/src/reports/html-report.js';
import { accountView } from '../../language/src/reports/view-model.js';
import { timelineChart } from '../../language/src/reports/charts/timeline-chart.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';
import { reviewedFixture } from '../helpers/report-fixtures.js';

const PLAN = `account Leap "Leap Year Ltd" {
    owner ben
    objective a "Ship the pilot" {
        owner ben
        due 2027-02-30
        action "Book the line" owner chiara due 2026-02-30 status planned
        action "Train the operators" owner chiara due 2026-11-23 status in-progress
        action "Sign the order" owner chiara due 2026-11-24 status planned
        milestone "Pilot live" due 2027-01-15
    }
}
`;

describe('a plan with an impossible date', async () => {
    const fixture = await reviewedFixture({ 'leap.kam': PLAN });
    const leap = fixture.byName('Leap');

    it('is flagged by the reviewer', () => {
        expect(leap.findings.filter((f) => f.code === 'kam.invalid-date')).toHaveLength(2);
    });

    it('renders as Markdown, HTML and JSON', () => {
        const md = renderAccountReport([leap], 'md', fixture.context);
        expect(md).toContain('# Leap Year Ltd');
        const html = renderAccountReport([leap], 'html', fixture.context);
        expect(html).toMatch(/^<!DOCTYPE html>/);
        expect(html).not.toContain('NaN');
        const json = JSON.parse(renderAccountReport([leap], 'json', fixture.context));
        expect(json.accounts[0].timeline).toMatchObject({ start: '2026-11-23', end: '2027-01-15' });
    });

    it('leaves the impossible dates out of the timeline scale; their items show as undated', () => {
        const view = accountView(leap, fixture.context);
        // valid dates: today 2026-11-24, 2026-11-23, 2026-11-24, 2027-01-15
        expect(view.timeline).toMatchObject({ start: '2026-11-23', end: '2027-01-15' });
        const svg = timelineChart(view.timeline, 't').markup;
        expect(svg).not.toContain('NaN');
        expect(svg).toContain('due 2027-02-30 is not a date');
        expect(svg).toContain('due 2026-02-30 is not a date');
        // the axis runs from 14 days before the first date to 14 days after the last: Nov 2026 to Jan 2027
        expect([...svg.matchAll(/>([A-Z][a-z]{2} \d{4})</g)].map((m) => m[1])).toEqual(['Dec 2026', 'Jan 2027']);
    });

    it('renders the account preview (the interactive body the server sends)', () => {
        const html = accountBodyHtml(accountView(leap, fixture.context), { interactive: true }, 0);
        expect(html).toContain('Leap Year Ltd');
        expect(html).not.toContain('NaN');
    });

    it('counts overdue the same way in the Markdown report and the pictures: an impossible date is never overdue', () => {
        const md = renderAccountReport([leap], 'md', fixture.context);
        const row = (label: string) => md.split('\n').find((l) => l.includes(label))!;
        expect(row('Book the line')).not.toContain('overdue');
        expect(row('Train the operators')).toContain('overdue');
        expect(row('Sign the order')).not.toContain('overdue');
        const view = accountView(leap, fixture.context);
        expect(view.timeline.items.map((i) => [i.label, i.overdue])).toEqual([
            ['Ship the pilot', false],
            ['Train the operators', true],
            ['Sign the order', false],
            ['Pilot live', false],
            ['Book the line', false],
        ]);
    });

    it('does not stop `kam report --format html` (no exit code 3)', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-leap-'));
        fs.cpSync(PORTFOLIO_FIXTURE, dir, { recursive: true });
        fs.writeFileSync(path.join(dir, 'leap.kam'), PLAN);
        for (const target of [dir, path.join(dir, 'leap.kam')]) {
            const out: string[] = [];
            const err: string[] = [];
            const code = await runCli(['report', target, '--format', 'html'], { out: (s) => out.push(s), err: (s) => err.push(s) });
            expect(err.join('\n')).not.toMatch(/Invalid time value|RangeError/);
            expect(code).not.toBe(3);
            expect(out.join('\n')).toMatch(/^<!DOCTYPE html>/);
        }
    });
});
