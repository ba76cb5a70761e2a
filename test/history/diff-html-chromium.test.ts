/**
 * The HTML diff as a reader's browser shows it (Debian's Chromium through playwright-core, as the
 * report's own test does): the headline, the table of changed accounts, the matrix with an arrow
 * from where Baltic Paper stood at the tag, the Pareto curves then and now, the per-account
 * breakdowns; no request leaves the page and the CSP lets its own style through. The screenshot is
 * kept in test-output/history/ to be looked at.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../../cli/src/main.js';
import { git, portfolioRepository } from './git-repository.js';
import { HOSTILE, HOSTILE_PLAN } from '../helpers/report-fixtures.js';
import { planString } from '../helpers/hostile-text.js';
import { brokenTables, parseGfm } from '../helpers/markdown-structure.js';

const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output/history');
let browser: Browser;
let repo: { dir: string; plans: string };

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) {
        throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set KAM_CHROMIUM. The HTML diff test needs a real browser.`);
    }
    browser = await chromium.launch({
        executablePath: CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    repo = portfolioRepository();
    fs.mkdirSync(OUT, { recursive: true });
}, 60_000);

afterAll(async () => {
    await browser?.close();
    if (repo) fs.rmSync(repo.dir, { recursive: true, force: true });
});

describe('kam diff --format html in Chromium', () => {
    it('shows the headline, the changed accounts, the move on the matrix and the charts then and now', async () => {
        const file = path.join(OUT, 'diff.html');
        const before = process.cwd();
        process.chdir(repo.plans);
        let code: number;
        const err: string[] = [];
        try {
            code = await runCli(['diff', 'v2026-Q3', '--today', '2026-11-24', '--format', 'html', '--out', file, '--force'], { out: () => undefined, err: (s) => err.push(s) });
        } finally {
            process.chdir(before);
        }
        expect(code).toBe(0);
        expect(err).toEqual([`Wrote ${file} (2 changed, 0 added, 0 removed).`]);

        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
        page.on('request', (request) => { if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`); });
        await page.goto(`file://${file}`);

        expect(await page.locator('h1').textContent()).toBe('Key account plans: what changed');
        expect(await page.locator('[data-kam="diff-headline"]').textContent()).toBe('2 accounts changed, 0 unchanged · 1 moved quadrant · the top fifth brings 80% → 75% of revenue · warnings 7 → 5');
        const rows = await page.locator('h2#h-diff-accounts + table tbody tr').allTextContents();
        expect(rows).toEqual([
            'Baltic Paper3.7 → 6.2 (+2.5)3.7 → 5.6 (+1.9)Streamline → Strategic1/52 new, 2 resolved',
            'Danube Foods7.16.4Strategic5/51 new',
        ]);
        // The rise is drawn as a rise (the class the stylesheet colours).
        expect(await page.locator('h2#h-diff-accounts + table tbody tr').first().locator('.kam-up').count()).toBe(2);
        // One arrow on the matrix: Baltic Paper from (3.7, 3.7) to (5.6, 6.2); Danube Foods did not move.
        const trails = page.locator('#chart-diff-matrix .kam-trail');
        expect(await trails.count()).toBe(1);
        expect(await trails.locator('title').textContent()).toBe('Baltic Paper: strategic value 3.7 → 6.2, relationship 3.7 → 5.6');
        const line = trails.locator('line');
        const [x1, y1, x2, y2] = await Promise.all(['x1', 'y1', 'x2', 'y2'].map(async (a) => Number(await line.getAttribute(a))));
        expect(x2).toBeGreaterThan(x1); // stronger relationship: to the right
        expect(y2).toBeLessThan(y1); // higher strategic value: up
        expect(await page.locator('#chart-diff-matrix marker').count()).toBe(1);
        // The Pareto curve then and now, and Baltic Paper's breakdown then and now.
        expect(await page.locator('#chart-pareto-before').count()).toBe(1);
        expect(await page.locator('#chart-pareto-after').count()).toBe(1);
        const baltic = page.locator('section[data-kam-account="BalticPaper"]');
        expect(await baltic.locator('svg.kam-chart').count()).toBe(2);
        expect(await baltic.locator('li').first().textContent()).toBe('Moved: baltic-paper.kam → baltic.kam');
        expect(await page.locator('section[data-kam-account="DanubeFoods"] li', { hasText: 'KPIs progressed' }).textContent())
            .toBe('KPIs progressed: Unplanned stops per month 12 stops → 10 stops, target 8 stops');
        // The stylesheet applied (CSP hash matches): the quadrant boxes are tinted, not black.
        const fill = await page.locator('#chart-diff-matrix .kam-quadrant-box').first().evaluate((e) => getComputedStyle(e).fillOpacity);
        expect(Number(fill)).toBeLessThan(0.5);
        expect(problems).toEqual([]);
        const shot = path.join(OUT, 'diff.png');
        await page.screenshot({ path: shot, fullPage: true });
        expect(fs.statSync(shot).size).toBeGreaterThan(10_000);
        await page.close();
    }, 60_000);

    it('kam history --format html: a trend chart per account over the commits, the broken revision hollow', async () => {
        const file = path.join(OUT, 'history.html');
        const before = process.cwd();
        process.chdir(repo.plans);
        const err: string[] = [];
        let code: number;
        try {
            code = await runCli(['history', '.', '--format', 'html', '--out', file, '--force'], { out: () => undefined, err: (s) => err.push(s) });
        } finally {
            process.chdir(before);
        }
        expect(code).toBe(0);
        expect(err).toEqual([`Wrote ${file} (2 accounts over 4 commits).`]);
        const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
        const problems: string[] = [];
        page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
        page.on('console', (message) => { if (message.type() === 'error') problems.push(`console: ${message.text()}`); });
        await page.goto(`file://${file}`);
        expect(await page.locator('h2').allTextContents()).toEqual(['Baltic Paper', 'Danube Foods']);
        const baltic = page.locator('section[data-kam-account="BalticPaper"]');
        // Baltic Paper: 3.7 at the tag, 6.2 from the October review on (4 points a line).
        expect(await baltic.locator('.kam-history-value circle').count()).toBe(4);
        expect(await baltic.locator('.kam-history-value circle title').allTextContents()).toEqual([
            '2026-09-15 (Plans for Q3): strategic value 3.7', '2026-10-10 (Baltic Paper after the October QBR): strategic value 6.2',
            '2026-10-20 (Half-typed competitor): strategic value 6.2', '2026-11-05 (Danube Foods: monitoring installed): strategic value 6.2',
        ]);
        const danube = page.locator('section[data-kam-account="DanubeFoods"]');
        expect(await danube.locator('.kam-history-value circle.kam-provisional').count()).toBe(1);
        expect(await danube.locator('tbody tr').nth(1).locator('td').allTextContents()).toEqual(expect.arrayContaining(['provisional', 'Half-typed competitor']));
        expect(problems).toEqual([]);
        await page.screenshot({ path: path.join(OUT, 'history.png'), fullPage: true });
        await page.close();
    }, 60_000);
});

describe('kam diff on plans whose text is hostile', () => {
    it('keeps every plan text as text: the Markdown table intact, no markup in the HTML, nothing run in Chromium', async () => {
        const hostile = path.join(repo.plans, 'hostile.kam');
        fs.writeFileSync(hostile, HOSTILE_PLAN);
        git(repo.dir, ['add', '-A'], '2026-11-20');
        git(repo.dir, ['commit', '-q', '-m', 'A hostile plan'], '2026-11-20');
        // Then changed: stance, KPI, the action closed, a stakeholder added with hostile words.
        fs.writeFileSync(hostile, HOSTILE_PLAN.replace('stance blocker', 'stance skeptic').replace('current 3 target 9', 'current 5 target 9')
            .replace('status planned', 'status done').replace('    objective win', `    stakeholder extra ${planString(HOSTILE.img)} { role finance title ${planString('| a | b |')} }\n    objective win`));
        const before = process.cwd();
        process.chdir(repo.plans);
        const out: string[] = [];
        const file = path.join(OUT, 'diff-hostile.html');
        try {
            expect(await runCli(['diff', 'HEAD', '--today', '2026-11-24'], { out: (s) => out.push(s), err: () => undefined })).toBe(0);
            expect(await runCli(['diff', 'HEAD', '--today', '2026-11-24', '--format', 'html', '--out', file, '--force'], { out: () => undefined, err: () => undefined })).toBe(0);
        } finally {
            process.chdir(before);
            fs.rmSync(hostile);
        }
        const md = out.join('\n');
        const tree = parseGfm(md);
        expect(brokenTables(tree)).toEqual([]);
        const html: string[] = [];
        const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
            if (node.type === 'html') html.push(node.value!);
            for (const child of node.children ?? []) walk(child as typeof node);
        };
        walk(tree);
        // The only HTML in the comment is our own folding.
        expect(html.every((h) => /^<details><summary>[^<]*<\/summary>$|^<\/details>$/.test(h)), html.join('\n')).toBe(true);
        expect(md).toContain('stance blocker → skeptic');
        expect(md).toContain('- **Actions closed:**');
        const page = fs.readFileSync(file, 'utf8');
        expect(page).not.toMatch(/<script|<img|<svg onload|onerror="/);
        const tab = await browser.newPage();
        await tab.goto(`file://${file}`);
        expect(await tab.evaluate(() => (window as unknown as { __kamPwned?: number }).__kamPwned)).toBeUndefined();
        expect(await tab.locator('section[data-kam-account="Hostile"] h2').textContent()).toBe(HOSTILE.script);
        await tab.close();
    }, 60_000);
});
