/**
 * Every format tells the whole story: the richest example plan (Nordwind Logistics) as Markdown,
 * HTML and JSON has every section of the plan, and the same key numbers in each — strategic value,
 * relationship strength, revenue, pipeline, each KPI's current and target, the renewal — with our
 * people and the customer's by name, never by id.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAccountReport } from '../../language/src/reports/render-report.js';
import type { AccountView } from '../../language/src/reports/view-model.js';
import { reviewedExamples, type ReviewedFixture } from '../helpers/report-fixtures.js';

let examples: ReviewedFixture;
let md: string;
let html: string;
let view: AccountView;

beforeAll(async () => {
    examples = await reviewedExamples();
    const nordwind = [examples.byName('nordwind')];
    md = renderAccountReport(nordwind, 'md', examples.context);
    html = renderAccountReport(nordwind, 'html', examples.context);
    view = JSON.parse(renderAccountReport(nordwind, 'json', examples.context)).accounts[0];
});

/** Each section: its Markdown heading, its HTML heading, and where JSON holds it (non-empty). */
const SECTIONS: Array<[string, RegExp, RegExp, (v: AccountView) => unknown]> = [
    ['strategic value', /^## Strategic value$/m, /<h2 [^>]*>Strategic value<\/h2>/, (v) => v.strategicValue.factors.length],
    ['plan completeness', /^## Plan completeness: 5 of 5 elements$/m, /<h2 [^>]*>Plan completeness: 5 of 5 elements<\/h2>/, (v) => v.completeness.elements.length],
    ['customer insight', /^## Customer insight$/m, /<h2 [^>]*>Customer insight<\/h2>/, (v) => v.customer.goals.length && v.customer.organisation.length],
    ['will-and-skill gates', /^## Will and skill: 4 of 4 gates passed$/m, /<h2 [^>]*>Will and skill: 4 of 4 gates passed<\/h2>/, (v) => v.gates?.passed === 4],
    ['relationship', /^## Relationship$/m, /<h2 [^>]*>Relationship map<\/h2>/, (v) => v.relationship.stakeholders.length],
    ['expectations', /^### Expectations$/m, /<h2 [^>]*>Expectations<\/h2>/, (v) => v.expectations.length],
    ['meetings and calls', /^### Meetings and calls$/m, /<h2 [^>]*>Meetings and calls<\/h2>/, (v) => v.interactions.length],
    ['objectives and actions', /^## Objectives and actions$/m, /<h2 [^>]*>Objectives and actions<\/h2>/, (v) => v.objectives.length],
    ['feedback and our response', /^## Feedback and our response$/m, /<h2 [^>]*>Feedback and our response<\/h2>/, (v) => v.feedback.length],
    ['risks', /^## Risks$/m, /<h2 [^>]*>Risks<\/h2>/, (v) => v.risks.length],
    ['opportunities', /^## Opportunities and pipeline$/m, /<h2 [^>]*>Opportunities and pipeline<\/h2>/, (v) => v.opportunities.length],
    ['whitespace', /^## Whitespace$/m, /<h2 [^>]*>Whitespace<\/h2>/, (v) => v.whitespace?.rows.length],
    ['contracts', /^## Contracts$/m, /<h2 [^>]*>Contracts<\/h2>/, (v) => v.contracts.length],
    ['competitors', /^## Competitors$/m, /<h2 [^>]*>Competitors<\/h2>/, (v) => v.competitors.length],
    ['findings', /^## Findings$/m, /<h2 [^>]*>Findings \(\d+\)<\/h2>/, (v) => Array.isArray(v.findings)],
];

describe('every format has the whole plan (Nordwind Logistics)', () => {
    it.each(SECTIONS)('%s: in Markdown, HTML and JSON', (_, inMarkdown, inHtml, inJson) => {
        expect(md).toMatch(inMarkdown);
        expect(html).toMatch(inHtml);
        expect(inJson(view)).toBeTruthy();
    });

    it('the same key numbers in each: strategic value, relationship strength, revenue, renewal', () => {
        const revenue = view.facts.find((f) => f.label === 'Current revenue')!.value;
        expect(view.strategicValue.display).toMatch(/^\d+\.\d$/);
        expect(revenue).toBe('4.6M EUR');
        for (const text of [view.strategicValue.display, view.relationship.display, revenue, view.calendar.renewal!.slice(0, 10)]) {
            expect(md, text).toContain(text);
            expect(html, text).toContain(text);
        }
        expect(md).toContain(`Strategic value ${view.strategicValue.display}`);
        expect(html).toContain(`data-kam="strategic-value">${view.strategicValue.display}<`);
        expect(md).toContain(`Relationship strength **${view.relationship.display}**`);
        expect(html).toContain(`data-kam="relationship-strength">${view.relationship.display}<`);
    });

    it('the same pipeline in each', () => {
        const weighted = /weighted ([\d.]+[kMB]? EUR)/.exec(view.calendar.pipeline!)![1];
        expect(md).toContain(weighted);
        expect(html).toContain(weighted);
        for (const o of view.opportunities.filter((x) => x.weighted)) {
            expect(md).toContain(o.weighted);
            expect(html).toContain(o.weighted);
        }
    });

    it('every KPI current and target, compact and the same in each', () => {
        expect(view.kpis.length).toBeGreaterThanOrEqual(5);
        expect(view.kpis.map((k) => k.targetDisplay)).toContain('1.4M EUR a year');
        for (const k of view.kpis) {
            for (const value of [k.currentDisplay, k.targetDisplay]) {
                expect(md, `${k.label}: ${value}`).toContain(value);
                expect(html, `${k.label}: ${value}`).toContain(value);
            }
        }
        expect(md).not.toMatch(/1,?400,?000/);
    });

    it('people and objectives by name, never by id', () => {
        // Katrin Vogel owns the account, Priya and Daniel own actions; Woźniak gave feedback.
        for (const name of ['Katrin Vogel', 'Daniel Moreau', 'Agnieszka Woźniak', 'Lift intermodal wagon availability']) {
            expect(md).toContain(name);
            expect(html).toContain(name);
        }
        for (const id of ['katrin', 'daniel', 'priya', 'wozniak', 'brauer', 'hoffmann']) {
            expect(md).not.toMatch(new RegExp(`\\| ${id} \\||Owner ${id}\\b`));
            expect(html).not.toMatch(new RegExp(`<span>${id}</span>`));
        }
        expect(md).toMatch(/^As of 2026-11-24/m);
    });

    it('leaves no empty column in a Markdown table', () => {
        const tables = md.split('\n\n').filter((block) => block.startsWith('|') && block.split('\n').length > 2);
        expect(tables.length).toBeGreaterThan(10);
        for (const t of tables) {
            const rows = t.split('\n').filter((_, i) => i !== 1).map((line) => line.slice(1, -1).split(/(?<!\\)\|/).map((c) => c.trim()));
            const header = rows[0];
            for (let column = 1; column < header.length; column++) {
                const filled = rows.slice(1).some((row) => row[column] !== '' && row[column] !== '—');
                expect(filled, `column "${header[column]}" of\n${t}`).toBe(true);
            }
        }
    });
});
