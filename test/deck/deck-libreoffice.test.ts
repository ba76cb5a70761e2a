/**
 * The review deck opened by another program than the one that wrote it: LibreOffice Impress
 * (headless) converts it to PDF, poppler turns the pages into text and PNG pictures. Every slide
 * becomes a page, every section and the view model's numbers can be read on them, and the pages are
 * left in test-output/deck-libreoffice/ to look at. Needs Debian's libreoffice-impress and
 * poppler-utils (`npm test` installs them through test/e2e/install-vscode-server.sh); without
 * them the test fails and says what to install.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_SECTIONS, PORTFOLIO_SECTIONS, accountReviewDeck, portfolioReviewDeck } from '../../deck/src/index.js';
import { accountView, portfolioView, type AccountView, type PortfolioView } from '../../language/src/reports/view-model.js';
import { readDeck } from '../helpers/deck-contents.js';
import { EXAMPLES } from '../helpers/portfolio-fixture.js';
import { reviewedFixture } from '../helpers/report-fixtures.js';

const OUT = path.resolve(__dirname, '../../test-output/deck-libreoffice');
const SOFFICE = process.env.KAM_SOFFICE ?? 'soffice';
const found = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
const available = found(SOFFICE, ['--version']) && found('pdftotext', ['-v']);

interface Converted {
    slides: number;
    pages: number;
    text: string;
    pngs: string[];
}

/** Writes the deck, converts it with a private LibreOffice profile (no first-run or lock trouble), and reads the PDF back. */
async function convert(name: string, bytes: Uint8Array): Promise<Converted> {
    const deck = path.join(OUT, `${name}.pptx`);
    fs.writeFileSync(deck, bytes);
    execFileSync(SOFFICE, [`-env:UserInstallation=file://${path.join(OUT, '.lo-profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', OUT, deck], { stdio: 'pipe', timeout: 180_000 });
    const pdf = path.join(OUT, `${name}.pdf`);
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const f of fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png'))) fs.rmSync(path.join(OUT, f));
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, path.join(OUT, name)]);
    const pngs = fs.readdirSync(OUT).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => path.join(OUT, f));
    return { slides: (await readDeck(bytes)).slides.length, pages, text, pngs };
}

const reason = 'LibreOffice (soffice) or poppler-utils (pdftotext) is not installed: run bash test/e2e/install-vscode-server.sh --chromium-only, or apt-get install libreoffice-impress poppler-utils fonts-crosextra-carlito';

describe('the review deck in LibreOffice', () => {
    let nordwind: AccountView;
    let portfolio: PortfolioView;
    let account: Converted;
    let whole: Converted;

    beforeAll(async () => {
        if (!available) throw new Error(`The deck must be checked in LibreOffice: ${reason}.`);
        fs.mkdirSync(OUT, { recursive: true });
        const examples = await reviewedFixture({}, EXAMPLES);
        nordwind = accountView(examples.byName('nordwind'), examples.context);
        portfolio = portfolioView(examples.accounts, examples.context);
        account = await convert('nordwind', await accountReviewDeck([nordwind]));
        whole = await convert('portfolio', await portfolioReviewDeck(portfolio));
    }, 300_000);

    it('turns every slide into a page, and every page into a picture', () => {
        expect(account.pages).toBe(account.slides);
        expect(whole.pages).toBe(whole.slides);
        expect(account.pngs).toHaveLength(account.pages);
        for (const png of [...account.pngs, ...whole.pngs]) expect(fs.statSync(png).size).toBeGreaterThan(5_000);
    });

    it('shows each section of the account\'s review and the view model\'s numbers', () => {
        // -layout keeps words of a line together; a title or sentence is on one line.
        for (const section of Object.values(ACCOUNT_SECTIONS).filter((s) => s !== ACCOUNT_SECTIONS.changes)) expect(account.text).toContain(section);
        expect(account.text).toContain('Nordwind Logistics');
        expect(account.text).toContain(`${nordwind.strategicValue.display} / 10`);
        expect(account.text).toContain(`${nordwind.relationship.display} / 10`);
        for (const s of nordwind.relationship.stakeholders) expect(account.text).toContain(s.name);
        // The bar chart's categories are drawn (a native chart rendered, not a missing picture).
        for (const f of nordwind.strategicValue.factors) expect(account.text).toContain(f.title);
    });

    it('shows each section of the portfolio\'s review, every account in the matrix and the table', () => {
        for (const section of Object.values(PORTFOLIO_SECTIONS).filter((s) => s !== PORTFOLIO_SECTIONS.changes)) expect(whole.text).toContain(section);
        expect(whole.text).toContain(portfolio.pareto.totalDisplay);
        for (const a of portfolio.accounts) {
            // In the bubble chart's labels, the Pareto chart and the table: at least three times.
            expect(whole.text.split(a.title).length - 1, a.title).toBeGreaterThanOrEqual(3);
        }
    });
});
