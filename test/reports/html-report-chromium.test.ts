/**
 * The HTML reports as a reader's browser shows them: Debian's Chromium, headless, driven by
 * playwright-core. Asserts on the DOM, proves hostile plan text runs nothing, checks the CSP lets the
 * report's own style and script through (no violations), and keeps screenshots in test-output/reports/.
 * Chromium is required: without it this suite fails, it does not skip (CI installs it).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { accountReportHtml, portfolioReportHtml } from '../../language/src/reports/html-report.js';
import { accountView, portfolioView } from '../../language/src/reports/view-model.js';
import { HOSTILE_PLAN, reviewedFixture, type ReviewedFixture } from '../helpers/report-fixtures.js';

const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output/reports');
let browser: Browser;
let fixture: ReviewedFixture;

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
        throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set KAM_CHROMIUM. The HTML report test needs a real browser.`);
    }
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    fixture = await reviewedFixture({ 'hostile.kam': HOSTILE_PLAN });
    fs.mkdirSync(OUT, { recursive: true });
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

interface Opened {
    page: Page;
    problems: string[];
}

/** Writes the report to test-output and opens it as a reader would, from the file. */
async function open(name: string, html: string): Promise<Opened> {
    const file = path.join(OUT, `${name}.html`);
    fs.writeFileSync(file, html);
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const problems: string[] = [];
    page.on('dialog', (dialog) => { problems.push(`dialog: ${dialog.message()}`); void dialog.dismiss(); });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
    page.on('request', (request) => { if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) problems.push(`request: ${request.url()}`); });
    await page.goto(`file://${file}`);
    return { page, problems };
}

async function screenshot(page: Page, name: string): Promise<void> {
    const file = path.join(OUT, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(10_000);
}

describe('the HTML report in Chromium', () => {
    it('shows one account: name, strategic value and a chart per section', async () => {
        const { page, problems } = await open('account-danube-foods', accountReportHtml([accountView(fixture.byName('DanubeFoods'), fixture.context)]));
        expect(await page.locator('h1').textContent()).toBe('Danube Foods');
        expect(await page.locator('[data-kam="strategic-value"]').textContent()).toBe('7.1');
        expect(await page.locator('[data-kam="relationship-strength"]').textContent()).toBe('6.4');
        const headings = await page.locator('section > h2').allTextContents();
        expect(headings.slice(0, 9)).toEqual(['Strategic value', 'Plan completeness: 5 of 5 elements', 'Customer insight', 'Will and skill: 3 of 4 gates passed', 'Relationship map', 'Expectations', 'Objectives and actions', 'KPIs', 'Risks']);
        expect(await page.locator('[data-kam="plan-completeness"]').textContent()).toBe('5/5');
        expect(await page.locator('section svg.kam-chart').count()).toBe(6);
        expect(await page.locator('svg.kam-relationship-map g.kam-node').count()).toBe(3);
        // The stylesheet applied (allowed by its hash): the bars are filled with the light theme's blue.
        expect(await page.locator('svg.kam-strategic-value rect.kam-bar').first().evaluate((e) => getComputedStyle(e).fill)).toBe('rgb(9, 105, 218)');
        // Every chart is within the page width: nothing is cut off on the right.
        const overflow = await page.evaluate(() => Array.from(document.querySelectorAll('svg.kam-chart')).filter((s) => s.getBoundingClientRect().right > document.documentElement.clientWidth).length);
        expect(overflow).toBe(0);
        expect(problems).toEqual([]);
        await screenshot(page, 'account-danube-foods');
    });

    it('runs nothing from hostile plan text', async () => {
        const { page, problems } = await open('account-hostile', accountReportHtml([accountView(fixture.byName('Hostile'), fixture.context)]));
        expect(await page.locator('h1').textContent()).toBe('<script>window.__kamPwned = 1</script>');
        expect(await page.evaluate(() => (window as unknown as { __kamPwned?: number }).__kamPwned)).toBeUndefined();
        expect(await page.locator('script').count()).toBe(0);
        expect(await page.locator('img').count()).toBe(0);
        expect(await page.locator('[onerror], [onload]').count()).toBe(0);
        expect(await page.locator('section svg.kam-chart').count()).toBe(6);
        expect(problems).toEqual([]);
        await screenshot(page, 'account-hostile');
    });

    it('shows the portfolio: matrix, Pareto curve and a table that sorts by a click', async () => {
        const view = portfolioView(fixture.accounts.filter((a) => a.card.plan.name !== 'Hostile'), fixture.context);
        const { page, problems } = await open('portfolio', portfolioReportHtml(view));
        expect(await page.locator('h1').textContent()).toBe('Key account portfolio');
        expect(await page.locator('svg.kam-portfolio-matrix circle.kam-bubble-fill').count()).toBe(2);
        expect(await page.locator('svg.kam-pareto .kam-pareto-bar').count()).toBe(2);
        // The summary comes first: what needs attention, before the matrix and the accounts table.
        expect(await page.locator('section').first().getAttribute('aria-labelledby')).toBe('h-attention');
        expect(await page.locator('section[aria-labelledby="h-attention"] tbody tr').allTextContents()).toEqual([expect.stringMatching(/^1Baltic PaperBen Ortiz3\.7the relationship hangs on one thread$/)]);
        const firstColumn = () => page.locator('section[aria-labelledby="h-accounts"] table.kam-table tbody tr td:first-child').allTextContents();
        expect(await firstColumn()).toEqual(['Danube Foods', 'Baltic Paper']);
        await page.getByRole('button', { name: 'Revenue' }).click();
        expect(await firstColumn()).toEqual(['Baltic Paper', 'Danube Foods']);
        expect(await page.locator('th[aria-sort="ascending"]').textContent()).toBe('Revenue');
        // Keyboard: the header buttons take focus and Enter sorts the other way.
        await page.getByRole('button', { name: 'Revenue' }).focus();
        await page.keyboard.press('Enter');
        expect(await firstColumn()).toEqual(['Danube Foods', 'Baltic Paper']);
        expect(problems).toEqual([]);
        await screenshot(page, 'portfolio');
    });

    it('prints to PDF', async () => {
        const { page } = await open('account-danube-foods-print', accountReportHtml([accountView(fixture.byName('DanubeFoods'), fixture.context)]));
        const pdf = await page.pdf({ format: 'A4' });
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    });
});
