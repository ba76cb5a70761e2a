/**
 * The Markdown reports against fixtures (review date fixed to 2026-11-24). After an intended change,
 * regenerate with `KAM_UPDATE_FIXTURES=1 npx vitest run test/reports/markdown-report.test.ts` and read the diff.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAccountReport, renderPortfolioReport } from '../../language/src/reports/render-report.js';
import { reviewedFixture, type ReviewedFixture } from '../helpers/report-fixtures.js';

const FIXTURES = path.resolve(__dirname, '../fixtures/reports');
let fixture: ReviewedFixture;

beforeAll(async () => {
    fixture = await reviewedFixture();
});

function expectFixture(name: string, actual: string): void {
    const file = path.join(FIXTURES, name);
    if (process.env.KAM_UPDATE_FIXTURES) fs.writeFileSync(file, actual);
    expect(actual).toBe(fs.readFileSync(file, 'utf8'));
}

describe('markdown reports', () => {
    it('one account on a page', () => {
        expectFixture('danube-foods.expected.md', renderAccountReport([fixture.byName('DanubeFoods')], 'md', fixture.context));
    });

    it('the portfolio', () => {
        expectFixture('portfolio.expected.md', renderPortfolioReport(fixture.accounts, 'md', fixture.context));
    });

    it('JSON is the view model', () => {
        const json = JSON.parse(renderPortfolioReport(fixture.accounts, 'json', fixture.context));
        expect(json).toMatchObject({ kind: 'portfolio', counts: { accounts: 2 }, pareto: { totalDisplay: '7.5M EUR' } });
        const account = JSON.parse(renderAccountReport([fixture.byName('DanubeFoods')], 'json', fixture.context));
        expect(account.accounts[0]).toMatchObject({ kind: 'account', title: 'Danube Foods', strategicValue: { display: '7.1' } });
    });
});
