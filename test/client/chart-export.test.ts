/**
 * Saving a chart from the preview, both ends: the preview's page (the real webview HTML and script,
 * in Debian's Chromium) puts Save SVG / Save PNG over each chart of Danube Foods and posts the chart;
 * the extension's side checks the message, asks where to save and writes a standalone SVG (styles
 * inside) or a real PNG. A cancelled dialog writes nothing; a message that is not a chart is refused.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import type * as vscode from 'vscode';
import { chartFileName, saveChart, type ChartSaveHost } from '../../client/src/preview/chart-export.js';
import { parseFromWebview, type SaveChartMessage } from '../../client/src/preview/messages.js';
import { webviewHtml } from '../../client/src/preview/webview-html.js';
import { accountBodyHtml } from '../../language/src/reports/html-report.js';
import { accountView } from '../../language/src/reports/view-model.js';
import { reviewedFixture } from '../helpers/report-fixtures.js';

const CHROMIUM = process.env.KAM_CHROMIUM ?? '/usr/bin/chromium';
const OUT = path.resolve(__dirname, '../../test-output/client');
let browser: Browser;
let posted: unknown[];
let buttons: string[];

/** A save host that writes into memory, as VS Code's file system would write the file. */
function memoryHost(answer: string | undefined) {
    const files = new Map<string, Uint8Array>();
    const told: string[] = [];
    const asked: Array<{ fileName: string; extensions: string[] }> = [];
    const host: ChartSaveHost<string> = {
        askWhere: async (fileName, filter) => { asked.push({ fileName, extensions: filter.extensions }); return answer; },
        write: async (target, bytes) => { files.set(target, bytes); },
        tell: (message, target) => told.push(`${message} ${target}`),
    };
    return { host, files, told, asked };
}

beforeAll(async () => {
    if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install it (apt-get install -y chromium) or set KAM_CHROMIUM.`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
    const fixture = await reviewedFixture();
    const body = accountBodyHtml(accountView(fixture.byName('DanubeFoods'), fixture.context), { interactive: true });
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    // The webview's API, as VS Code gives it to the page: messages to the extension are collected.
    await page.addInitScript(() => {
        (window as unknown as { __posted: unknown[] }).__posted = [];
        (window as unknown as { acquireVsCodeApi: () => unknown }).acquireVsCodeApi = () => ({ postMessage: (m: unknown) => (window as unknown as { __posted: unknown[] }).__posted.push(m) });
    });
    // Served as VS Code serves a webview's page: from its own origin, so the init script runs first.
    await page.route('https://webview.test/', (route) => route.fulfill({ contentType: 'text/html', body: webviewHtml({ cspSource: 'https://webview.test' } as vscode.Webview, 'Danube Foods') }));
    await page.goto('https://webview.test/');
    await page.evaluate((html) => window.postMessage({ type: 'update', html }, '*'), body);
    await page.waitForSelector('.kam-chart-actions');
    buttons = await page.locator('.kam-chart-save').allTextContents();
    await page.locator('[data-kam-save="svg"]').first().click();
    await page.locator('[data-kam-save="png"]').first().click();
    await page.waitForFunction(() => (window as unknown as { __posted: unknown[] }).__posted.filter((m) => (m as { type: string }).type === 'saveChart').length === 2);
    posted = (await page.evaluate(() => (window as unknown as { __posted: unknown[] }).__posted)).filter((m) => (m as { type: string }).type === 'saveChart');
}, 60_000);

afterAll(async () => {
    await browser?.close();
});

describe('saving a chart from the preview', () => {
    it('offers Save SVG and Save PNG over every chart', () => {
        expect(buttons.length).toBeGreaterThanOrEqual(12);
        expect(buttons.slice(0, 2)).toEqual(['Save SVG', 'Save PNG']);
    });

    it('writes the strategic-value chart as a standalone SVG, its styles inside', async () => {
        const message = parseFromWebview(posted[0]) as SaveChartMessage;
        expect(message).toMatchObject({ type: 'saveChart', format: 'svg', name: 'chart-value-DanubeFoods-0' });
        const { host, files, told, asked } = memoryHost('/plans/chart-value-DanubeFoods-0.svg');
        expect(await saveChart(message, host)).toBe(true);
        expect(asked).toEqual([{ fileName: 'chart-value-DanubeFoods-0.svg', extensions: ['svg'] }]);
        const svg = new TextDecoder().decode(files.get('/plans/chart-value-DanubeFoods-0.svg'));
        expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
        expect(svg).toContain('<style>');
        expect(svg).toContain('--kam-accent: #0969da');
        expect(svg).toContain('Strategic value 7.1 of 10');
        expect(told).toEqual(['Saved the chart as SVG. /plans/chart-value-DanubeFoods-0.svg']);
    });

    it('writes the PNG the page drew from it on a canvas: a real PNG at twice the size', async () => {
        const message = parseFromWebview(posted[1]) as SaveChartMessage;
        expect(message.format).toBe('png');
        const { host, files } = memoryHost('/plans/chart.png');
        await saveChart(message, host);
        const png = files.get('/plans/chart.png')!;
        expect([...png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        const view = new DataView(png.buffer, png.byteOffset);
        expect(view.getUint32(16)).toBeGreaterThan(1000);
        expect(png.length).toBeGreaterThan(5_000);
        // Kept for a person to look at, beside the HTML report's screenshots.
        fs.mkdirSync(OUT, { recursive: true });
        fs.writeFileSync(path.join(OUT, 'saved-chart.png'), png);
    });

    it('writes nothing when the dialog is cancelled', async () => {
        const { host, files, told } = memoryHost(undefined);
        expect(await saveChart(parseFromWebview(posted[0]) as SaveChartMessage, host)).toBe(false);
        expect(files.size).toBe(0);
        expect(told).toEqual([]);
    });

    it('refuses what is not a chart, and never lets a name be a path', () => {
        expect(parseFromWebview({ type: 'saveChart', format: 'svg', name: 'x', data: '<script>alert(1)</script>' })).toBeUndefined();
        expect(parseFromWebview({ type: 'saveChart', format: 'png', name: 'x', data: 'data:text/html;base64,PGI+' })).toBeUndefined();
        expect(parseFromWebview({ type: 'saveChart', format: 'exe', name: 'x', data: '<svg></svg>' })).toBeUndefined();
        expect(chartFileName({ name: '../../etc/passwd', format: 'svg' })).toBe('etc-passwd.svg');
        expect(chartFileName({ name: '', format: 'png' })).toBe('chart.png');
    });
});
