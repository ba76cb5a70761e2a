// Renders icon.svg to icon.png (128 × 128, the extension's icon) in Debian's Chromium through
// playwright-core: node docs/images/render-icon.mjs (KAM_CHROMIUM for another browser).
import * as path from 'node:path';
import { chromium } from 'playwright-core';

const here = import.meta.dirname;
const browser = await chromium.launch({ executablePath: process.env.KAM_CHROMIUM ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
    const page = await browser.newPage({ viewport: { width: 128, height: 128 } });
    await page.goto(`file://${path.join(here, 'icon.svg')}`);
    await page.screenshot({ path: path.join(here, 'icon.png'), omitBackground: true, clip: { x: 0, y: 0, width: 128, height: 128 } });
} finally {
    await browser.close();
}
console.log(`wrote ${path.join(here, 'icon.png')}`);
