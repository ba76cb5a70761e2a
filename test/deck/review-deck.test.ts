/**
 * The review deck as a sales director gets it: an account's review and the portfolio's, with
 * native charts (bar, bubble) and the same numbers as the view model, every section present, long
 * lists continued on the next slide, and the plan's words in plain text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ACCOUNT_SECTIONS, PORTFOLIO_SECTIONS, accountReviewDeck, portfolioReviewDeck } from '../../deck/src/index.js';
import { attentionView } from '../../language/src/reports/attention-view.js';
import { accountView, portfolioView, type AccountView, type PortfolioView } from '../../language/src/reports/view-model.js';
import { readDeck, slidesTitled, type DeckContents } from '../helpers/deck-contents.js';
import { EXAMPLES } from '../helpers/portfolio-fixture.js';
import { HOSTILE, HOSTILE_PLAN, reviewedFixture } from '../helpers/report-fixtures.js';
import { realisticPortfolio } from '../../bench/realistic-portfolio.js';

/** A plan with more risks and actions than a slide holds. */
const LONG_PLAN = `account LongRun "Long Run Logistics" {
    tier major
    owner anna
    revenue current 2M EUR
    relationship stage basic
    scores { currentRevenue 5 potentialRevenue 6 profitMargin 5 strategicFit 6 referralValue 4 easeOfDoingBusiness 5 }
    stakeholder boss "Paula Long" { role executive influence high stance neutral trusted advisor 5 strategic partner 5 }
    objective keep "Keep every depot running through the peak" {
        owner anna
        due 2027-03-31
        kpi "Depots on time" current 10 target 30 unit "depots"
${Array.from({ length: 40 }, (_, i) => `        kpi "Depot ${i + 1} on-time departures in the morning peak, measured at the gate" current 80 target 95 unit "%"`).join('\n')}
${Array.from({ length: 24 }, (_, i) => `        action "Depot visit number ${i + 1} with the site manager and the shift leads" owner ben due 2026-12-${String(i + 1).padStart(2, '0')} status planned`).join('\n')}
    }
${Array.from({ length: 18 }, (_, i) => `    risk "Risk number ${i + 1}: a depot closes during the peak and its volume moves to a rival's network" { likelihood medium impact high contingency "Contingency ${i + 1}: reroute through the nearest depot within a day" }`).join('\n')}
}
`;

let nordwind: AccountView;
let nordwindDeck: DeckContents;
let portfolio: PortfolioView;
let portfolioDeck: DeckContents;

beforeAll(async () => {
    const examples = await reviewedFixture({}, EXAMPLES);
    nordwind = accountView(examples.byName('nordwind'), examples.context);
    nordwindDeck = await readDeck(await accountReviewDeck([nordwind]));
    portfolio = portfolioView(examples.accounts, examples.context);
    portfolioDeck = await readDeck(await portfolioReviewDeck(portfolio));
}, 60_000);

describe('an account\'s review deck (Nordwind Logistics, the richest example)', () => {
    it('opens with the account, its key account manager and the date it is reviewed as of', () => {
        const title = nordwindDeck.slides[0];
        expect(title).toContain('Account review');
        expect(title).toContain('Nordwind Logistics');
        expect(title).toContain('Katrin Vogel');
        expect(title).toContain(`As of ${nordwind.today}`);
    });

    it('has every section, each under its own title', () => {
        for (const section of Object.values(ACCOUNT_SECTIONS).filter((s) => s !== ACCOUNT_SECTIONS.changes)) {
            expect(slidesTitled(nordwindDeck, section).length, section).toBeGreaterThan(0);
        }
        // Only when a comparison is passed in.
        expect(slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.changes)).toEqual([]);
    });

    it('shows the view model\'s numbers in the headline: strategic value, quadrant, relationship, completeness, revenue and pipeline', () => {
        const [headline] = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.headline);
        expect(nordwind.strategicValue.display).toBe('8.2');
        expect(headline).toContain(`${nordwind.strategicValue.display} / 10`);
        expect(headline).toContain(nordwind.quadrant);
        expect(headline).toContain(`${nordwind.relationship.display} / 10`);
        expect(headline).toContain(`${nordwind.completeness.present} of ${nordwind.completeness.total}`);
        expect(headline).toContain(nordwind.money.current);
        expect(headline).toContain(nordwind.money.pipeline!.weighted);
    });

    it('breaks the strategic value down in a native bar chart, factor by factor, with the same contributions', () => {
        const bars = [...nordwindDeck.charts.values()].filter((xml) => xml.includes('<c:barChart>'));
        expect(bars).toHaveLength(1);
        for (const f of nordwind.strategicValue.factors) {
            expect(bars[0]).toContain(`<c:v>${f.title}</c:v>`);
            expect(bars[0]).toContain(`<c:v>${f.contribution}</c:v>`);
        }
        // The chart's data is editable in PowerPoint: an embedded workbook, not a picture.
        const [slide] = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.strategicValue);
        expect(slide).toContain('8.2 on a scale of 1 to 10');
    });

    it('draws the relationship map as a box per stakeholder, coloured by stance, with lines for who reports to whom', () => {
        const index = nordwindDeck.slides.findIndex((s) => s.startsWith(ACCOUNT_SECTIONS.relationship));
        const text = nordwindDeck.slides[index];
        const xml = nordwindDeck.slideXml[index];
        for (const s of nordwind.relationship.stakeholders) expect(text).toContain(s.name);
        // Tomasz Nowak is the champion: his box is filled in the champion's green.
        expect(nordwind.relationship.stakeholders.find((s) => s.name === 'Tomasz Nowak')?.stance).toBe('champion');
        expect(xml).toMatch(/<a:srgbClr val="1B7F3B"\/>/);
        const reporting = nordwind.relationship.stakeholders.filter((s) => s.reportsTo).length;
        expect(reporting).toBeGreaterThan(0);
        // One arrowed line per reporting line (the title's rule has no arrow).
        expect(xml.match(/<a:tailEnd type="triangle"\/>/g)?.length).toBe(reporting);
    });

    it('lists objectives with their KPIs, the next 90 days of actions, risks and opportunities in the plan\'s own words', () => {
        const objectives = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.objectives).join('\n');
        expect(objectives).toContain('Lift intermodal wagon availability');
        expect(objectives).toContain('Intermodal wagon availability: 88% → 92%');
        const actions = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.actions).join('\n');
        expect(actions).toContain('Monthly availability report to Dr. Brauer');
        const risks = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.risks).join('\n');
        for (const r of nordwind.risks) expect(risks).toContain(r.text);
        const opportunities = slidesTitled(nordwindDeck, ACCOUNT_SECTIONS.opportunities).join('\n');
        for (const o of nordwind.opportunities) expect(opportunities).toContain(o.text);
    });
});

describe('the findings to discuss', () => {
    it('are the reviewer\'s sentences in plain words: no codes, no file paths, no line numbers', async () => {
        const examples = await reviewedFixture({}, EXAMPLES);
        const aldermoor = accountView(examples.byName('aldermoor'), examples.context);
        const deck = await readDeck(await accountReviewDeck([aldermoor]));
        const findings = slidesTitled(deck, ACCOUNT_SECTIONS.findings).join('\n');
        expect(findings).toContain('No executive decision maker is mapped');
        expect(findings).not.toMatch(/kam\.[a-z-]+/);
        expect(findings).not.toContain('.kam');
        expect(findings).not.toContain('`');
    }, 30_000);
});

describe('long lists', () => {
    it('continue on the next slide instead of running off the page, every row once; a cell taller than a slide is cut', async () => {
        const fixture = await reviewedFixture({ 'long-run.kam': LONG_PLAN });
        const view = accountView(fixture.byName('LongRun'), fixture.context);
        expect(view.risks).toHaveLength(18);
        const deck = await readDeck(await accountReviewDeck([view]));
        const risks = slidesTitled(deck, ACCOUNT_SECTIONS.risks);
        expect(risks.length).toBeGreaterThan(1);
        risks.forEach((slide, i) => expect(slide.startsWith(`${ACCOUNT_SECTIONS.risks} (${i + 1}/${risks.length})`)).toBe(true));
        for (let n = 1; n <= 18; n++) {
            expect(risks.filter((s) => s.includes(`Risk number ${n}:`)), `risk ${n}`).toHaveLength(1);
        }
        const actions = slidesTitled(deck, ACCOUNT_SECTIONS.actions);
        expect(actions.length).toBeGreaterThan(1);
        for (let n = 1; n <= 24; n++) expect(actions.join('\n')).toContain(`Depot visit number ${n} with`);
        // 41 KPIs do not fit one slide: the cell is cut, with an ellipsis, rather than run off the page.
        expect(slidesTitled(deck, ACCOUNT_SECTIONS.objectives).join('\n')).toMatch(/…/);
        // Every table ends above the footer (6.85 in from the top), by its rows' heights.
        let tables = 0;
        for (const xml of deck.slideXml) {
            for (const frame of xml.matchAll(/<a:off x="\d+" y="(\d+)"\/>(?:(?!<a:off)[\s\S])*?<a:tbl>([\s\S]*?)<\/a:tbl>/g)) {
                const bottom = Number(frame[1]) + [...frame[2].matchAll(/<a:tr h="(\d+)"/g)].reduce((sum, m) => sum + Number(m[1]), 0);
                expect(bottom / 914400).toBeLessThanOrEqual(6.85);
                tables++;
            }
        }
        expect(tables).toBeGreaterThanOrEqual(risks.length + actions.length);
    }, 30_000);
});

describe('the portfolio\'s review deck (the examples)', () => {
    it('has the headline, the accounts needing attention, the matrix, the Pareto chart and the accounts table', () => {
        expect(portfolioDeck.slides[0]).toContain('Portfolio review');
        expect(portfolioDeck.slides[0]).toContain(`${portfolio.counts.accounts} accounts`);
        for (const section of Object.values(PORTFOLIO_SECTIONS).filter((s) => s !== PORTFOLIO_SECTIONS.changes)) {
            expect(slidesTitled(portfolioDeck, section).length, section).toBeGreaterThan(0);
        }
        const [headline] = slidesTitled(portfolioDeck, PORTFOLIO_SECTIONS.headline);
        expect(headline).toContain(portfolio.pareto.totalDisplay);
    });

    it('places every account in a native bubble chart: strategic value across, relationship up, revenue as size', () => {
        const bubbles = [...portfolioDeck.charts.values()].filter((xml) => xml.includes('<c:bubbleChart>'));
        expect(bubbles).toHaveLength(1);
        const xml = bubbles[0];
        for (const a of portfolio.accounts) {
            expect(xml).toContain(`<c:v>${a.title}</c:v>`);
            expect(xml).toContain(`<c:v>${a.strategicValue}</c:v>`);
            expect(xml).toContain(`<c:v>${a.relationship}</c:v>`);
            expect(xml).toContain(`<c:v>${a.revenue}</c:v>`);
        }
        // A series holds only its own bubble: no empty point that would draw at the origin.
        expect(xml).not.toContain('<c:v></c:v>');
    });

    it('groups the bubbles by quadrant when there are too many accounts to name (32: the examples and 24 copies)', async () => {
        const copies = Object.fromEntries([...realisticPortfolio(24, EXAMPLES)].filter(([file]) => file.startsWith('portfolio/accounts/')));
        const many = await reviewedFixture(copies, EXAMPLES);
        const view = portfolioView(many.accounts, many.context);
        expect(view.accounts).toHaveLength(32);
        const deck = await readDeck(await portfolioReviewDeck(view));
        const xml = [...deck.charts.values()].find((c) => c.includes('<c:bubbleChart>'))!;
        const series = [...xml.matchAll(/<c:ser>[\s\S]*?<c:tx>[\s\S]*?<c:v>([^<]*)<\/c:v>/g)].map((m) => m[1]);
        expect(series).toEqual(['Strategic', 'Star', 'Status', 'Streamline']);
        expect(xml).not.toContain('<c:v></c:v>');
        expect(slidesTitled(deck, PORTFOLIO_SECTIONS.matrix)[0]).toContain('32 accounts, named in the accounts table');
        // The table continues over at least three slides (12 rows at most on one), each account once.
        const table = slidesTitled(deck, PORTFOLIO_SECTIONS.accounts);
        expect(table.length).toBeGreaterThanOrEqual(3);
        expect(table.map((s) => s.split('\n')[0])).toEqual(table.map((_, i) => `The accounts (${i + 1}/${table.length})`));
        for (const a of view.accounts) expect(table.filter((s) => s.split('\n').includes(a.title)), a.title).toHaveLength(1);
    }, 60_000);

    it('draws the Pareto as a native bar chart of revenue, largest first', () => {
        const bars = [...portfolioDeck.charts.values()].filter((xml) => xml.includes('<c:barChart>'));
        expect(bars).toHaveLength(1);
        const values = [...bars[0].matchAll(/<c:val>[\s\S]*?<\/c:val>/g)][0][0];
        expect([...values.matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(portfolio.pareto.rows.map((r) => r.revenue));
    });

    it('puts the accounts that need attention first in the attention view\'s order, worst first, with its reasons', () => {
        const attention = attentionView(portfolio).accounts;
        expect(attention.length).toBeGreaterThan(1);
        const [slide] = slidesTitled(portfolioDeck, PORTFOLIO_SECTIONS.attention);
        const positions = attention.map((a) => slide.indexOf(a.title));
        expect(positions.every((p) => p >= 0)).toBe(true);
        expect(positions).toEqual(positions.slice().sort((a, b) => a - b));
        for (const reason of attention[0].reasons) expect(slide).toContain(reason.text);
    });

    it('lists every account in the table with the view\'s numbers', () => {
        const table = slidesTitled(portfolioDeck, PORTFOLIO_SECTIONS.accounts).join('\n');
        for (const a of portfolio.accounts) {
            expect(table).toContain(a.title);
            expect(table).toContain(a.revenueDisplay);
        }
    });
});

describe('plan text that looks like markup or holds control characters', () => {
    it('is text on the slides, never markup, and every part of the deck stays well-formed', async () => {
        // A bell and an escape sequence, which XML cannot hold: shown as their visible symbols.
        const plan = HOSTILE_PLAN.replace(/}\n$/, '    risk "Bell\u0007 and escape\u001b[31m red" { likelihood low impact low contingency "none needed" }\n}\n');
        const fixture = await reviewedFixture({ 'hostile.kam': plan });
        const deck = await readDeck(await accountReviewDeck([accountView(fixture.byName('Hostile'), fixture.context)]));
        expect(deck.slides[0]).toContain(HOSTILE.script);
        const all = deck.slides.join('\n');
        for (const text of Object.values(HOSTILE)) expect(all).toContain(text);
        expect(slidesTitled(deck, ACCOUNT_SECTIONS.risks).join('\n')).toContain('Bell\u2407 and escape\u241B[31m red');
        for (const xml of [...deck.slideXml, ...deck.charts.values()]) {
            expect(xml).not.toMatch(/<script|<img|<svg/);
            // eslint-disable-next-line no-control-regex
            expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
        }
    }, 30_000);
});

describe('a deck of a half-written plan', () => {
    it('shows no undefined, NaN or Infinity for a plan cut off mid-entry, an account with only a name, or an empty file', async () => {
        const nordwind = fs.readFileSync(path.join(EXAMPLES, 'portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const cuts = [0.1, 0.3, 0.5, 0.7, 0.9].map((share) => nordwind.slice(0, Math.floor(nordwind.length * share)));
        const plans = [...cuts, 'account Draft {', 'account', ''];
        for (const [i, text] of plans.entries()) {
            const fixture = await reviewedFixture({ [`draft-${i}.kam`]: text });
            const drafts = fixture.accounts.filter((a) => a.source?.startsWith(`draft-${i}`));
            const views = drafts.map((a) => accountView(a, fixture.context));
            if (i < cuts.length) expect(views.length, `plan ${i}`).toBe(1);
            const decks = [...(views.length ? [await accountReviewDeck(views)] : []), await portfolioReviewDeck(portfolioView(fixture.accounts, fixture.context))];
            for (const bytes of decks) {
                const deck = await readDeck(bytes);
                expect(deck.slides.join('\n'), `plan ${i}`).not.toMatch(/undefined|NaN|Infinity|\[object /);
                expect([...deck.charts.values()].join('\n'), `plan ${i}`).not.toMatch(/>(?:NaN|Infinity|undefined)</);
            }
        }
    }, 60_000);
});
