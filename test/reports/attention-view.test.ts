/**
 * The summary before the details: a sales director opens the portfolio report and sees first which
 * accounts need attention, worst first, and why — in plain words, without codes, files or ids. The
 * fixture (test/fixtures/attention, reviewed on 2026-11-24) has four accounts:
 * - Arden Logistics (key, strategic value 8.0): renews 2027-03-31 with nothing aimed at it, the
 *   customer can give notice until 2026-12-31, relationship 3.2 (below 5), one overdue action;
 * - Birch Retail (key, 6.9): one contact only, not met since April on a monthly cadence;
 * - Cobalt Mining (standard, 2.6): a current-revenue score of 12 and a trusted-advisor rating of 15
 *   (two errors; the score counts at the bottom of the scale), two overdue actions;
 * - Delta Foods (major, 6.0): nothing that needs the director.
 */
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { attentionView, type AttentionView } from '../../language/src/reports/attention-view.js';
import { portfolioView, type PortfolioView } from '../../language/src/reports/portfolio-view.js';
import { plainFinding } from '../../language/src/reports/plain-findings.js';
import { renderPortfolioReport, type ReportContext } from '../../language/src/reports/render-report.js';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { reviewDocument } from '../../language/src/analysis/review.js';
import { teamDirectory } from '../../language/src/analysis/team-directory.js';
import { EXAMPLES, readPlans } from '../helpers/portfolio-fixture.js';
import { buildWorkspace, TEST_TODAY } from '../helpers/workspace.js';

const ATTENTION_FIXTURE = path.resolve(__dirname, '../fixtures/attention');
let accounts: ReviewedAccount[];
let context: ReportContext;
let view: PortfolioView;
let attention: AttentionView;

beforeAll(async () => {
    const workspace = await buildWorkspace(readPlans(ATTENTION_FIXTURE));
    accounts = [...workspace.documents.entries()].sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([name, d]) => reviewDocument(workspace.services.analysis.PlanAnalyzer, d, name));
    context = { today: TEST_TODAY, thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds, people: teamDirectory(workspace.services.shared.workspace.LangiumDocuments) };
    view = portfolioView(accounts, context);
    attention = attentionView(view);
});

/** What a reader sees of an HTML page: its text, without tags, styles or the sorting script. */
function visibleText(html: string): string {
    return html.replace(/<style>[\s\S]*?<\/style>|<script>[\s\S]*?<\/script>|<title>[\s\S]*?<\/title>/g, '').replace(/<[^>]+>/g, ' ');
}

/** Ids of the fixture's accounts, our people, stakeholders and objectives: none may reach the director. */
const IDS = ['ArdenLogistics', 'BirchRetail', 'CobaltMining', 'DeltaFoods', 'anna', 'ben', 'chiara', 'reyes', 'okafor', 'lindqvist', 'berg', 'weber', 'kovac', 'keepFleet', 'uptime', 'currentRevenue'];

function expectDirectorsWords(text: string): void {
    expect(text).not.toMatch(/\bkam\.[a-z-]+/);
    expect(text).not.toMatch(/[\w-]+\.kam\b/);
    expect(text).not.toMatch(/\bline \d+/);
    expect(text).not.toContain('`');
    for (const id of IDS) expect(text, id).not.toMatch(new RegExp(`\\b${id}\\b`));
}

describe('the accounts that need attention', () => {
    it('lists the accounts in trouble worst first — strategic value times the weight of the trouble — and leaves out the sound one', () => {
        expect(attention.accounts.map((a) => a.title)).toEqual(['Arden Logistics', 'Birch Retail', 'Cobalt Mining']);
        // 8.0 × (renewal 3 + notice 3 + weak relationship 3 + overdue action 2) = 88; 6.9 × (single thread 2 + stale contact 1) = 20.7;
        // 2.6 × (two errors 2 × 1.25 + two overdue actions 2 × 1.25) = 13
        expect(attention.accounts.map((a) => Number(a.priority.toFixed(1)))).toEqual([88, 20.7, 13]);
    });

    it('says why, most urgent first, with owners by name', () => {
        const [arden, birch, cobalt] = attention.accounts;
        expect(arden).toMatchObject({ owner: 'Anna Keller', strategicValueDisplay: '8.0' });
        expect(arden.reasons.map((r) => r.text)).toEqual([
            'renews on 2027-03-31 (in 127 days) with nothing in the plan aimed at it',
            'the customer can give notice until 2026-12-31 (in 37 days)',
            'key account with relationship strength 3.2, below 5',
            '1 overdue action',
        ]);
        expect(birch.owner).toBe('Ben Ortiz');
        expect(birch.reasons.map((r) => r.kind)).toEqual(['single-threaded', 'stale-contacts']);
        expect(cobalt.reasons.map((r) => [r.kind, r.count])).toEqual([['plan-errors', 2], ['overdue-actions', 2]]);
    });

    it('counts each kind of trouble and names the accounts', () => {
        expect(attention.headline.map((h) => [h.label, h.count, h.accounts.join(', ')])).toEqual([
            ['Renewals in the window with nothing in the plan', 1, 'Arden Logistics'],
            ['Notice deadlines passed or near', 1, 'Arden Logistics'],
            ['Key accounts below the relationship threshold', 1, 'Arden Logistics'],
            ['Plans with errors', 2, 'Cobalt Mining'],
            ['Overdue actions', 3, 'Arden Logistics, Cobalt Mining'],
            ['Single-threaded accounts', 1, 'Birch Retail'],
            ['Stale contacts', 1, 'Birch Retail'],
        ]);
    });

    it('follows the portfolio\'s severity settings: an overdue action the portfolio switched off is not counted', async () => {
        const workspace = await buildWorkspace(readPlans(ATTENTION_FIXTURE), { severity: { 'kam.overdue-action': 'off' } });
        const quiet = [...workspace.documents.values()].flatMap((d) => reviewDocument(workspace.services.analysis.PlanAnalyzer, d));
        const summary = attentionView(portfolioView(quiet, { ...context, thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds }));
        expect(summary.headline.map((h) => h.kind)).not.toContain('overdue-actions');
        expect(summary.accounts.map((a) => a.title)).toEqual(['Arden Logistics', 'Birch Retail', 'Cobalt Mining']);
    });

    it('says so when nothing needs attention', () => {
        const sound = accounts.filter((a) => a.card.plan.title === 'Delta Foods');
        expect(attentionView(portfolioView(sound, context)).accounts).toEqual([]);
        expect(renderPortfolioReport(sound, 'md', context)).toContain('Nothing needs attention: no renewal without a plan');
    });
});

describe('the portfolio report opens with the summary', () => {
    it('Markdown: the counts, then the attention list worst first, before the accounts table', () => {
        const md = renderPortfolioReport(accounts, 'md', context);
        expect(md).toContain('As of 2026-11-24 · 4 accounts · 3 need attention · 2 errors · 21 warnings.');
        const attentionAt = md.indexOf('## Needs attention');
        expect(attentionAt).toBeGreaterThan(0);
        expect(attentionAt).toBeLessThan(md.indexOf('## Accounts'));
        expect(md).toContain('- **Overdue actions: 3** — Arden Logistics, Cobalt Mining');
        expect(md).toMatch(/\| 1 \| Arden Logistics \| Anna Keller \| 8\.0 \| renews on 2027-03-31[^\n]*\n\| 2 \| Birch Retail \| Ben Ortiz \| 6\.9 \|[^\n]*\n\| 3 \| Cobalt Mining \| Chiara Rossi \| 2\.6 \|/);
        // The findings follow per account in the same order, worst first.
        const findings = md.slice(md.indexOf('## Findings by account'));
        expect(findings.indexOf('### Arden Logistics')).toBeLessThan(findings.indexOf('### Birch Retail'));
        expect(findings.indexOf('### Cobalt Mining')).toBeLessThan(findings.indexOf('### Delta Foods'));
    });

    it('HTML: the attention section comes before the matrix and the accounts table', () => {
        const html = renderPortfolioReport(accounts, 'html', context);
        const at = (id: string) => html.indexOf(`id="${id}"`);
        expect(at('h-attention')).toBeGreaterThan(0);
        expect(at('h-attention')).toBeLessThan(at('h-portfolio-matrix'));
        expect(at('h-attention')).toBeLessThan(at('h-accounts'));
        const section = html.slice(at('h-attention'), at('h-portfolio-matrix'));
        const list = visibleText(section.slice(section.indexOf('<table')));
        expect(list.indexOf('Arden Logistics')).toBeLessThan(list.indexOf('Birch Retail'));
        expect(list.indexOf('Birch Retail')).toBeLessThan(list.indexOf('Cobalt Mining'));
        expect(list).not.toContain('Delta Foods');
    });

    it('JSON: the attention summary comes right after the title and date, and the view keeps its data', () => {
        const json = JSON.parse(renderPortfolioReport(accounts, 'json', context));
        expect(Object.keys(json).slice(0, 4)).toEqual(['kind', 'title', 'today', 'attention']);
        expect(json.attention.accounts.map((a: { title: string }) => a.title)).toEqual(['Arden Logistics', 'Birch Retail', 'Cobalt Mining']);
        expect(json.accounts).toHaveLength(4);
    });
});

describe('findings in the director\'s words', () => {
    it('has no codes, files, lines, plan syntax or ids in the default Markdown and HTML', () => {
        expectDirectorsWords(renderPortfolioReport(accounts, 'md', context));
        expectDirectorsWords(visibleText(renderPortfolioReport(accounts, 'html', context)));
    });

    it('keeps the codes, files and lines for authors when detail is asked: a last section in Markdown, a folded one in HTML', () => {
        const md = renderPortfolioReport(accounts, 'md', { ...context, detail: true });
        const authors = md.indexOf("## For the plans' authors: codes, files and lines");
        expect(authors).toBeGreaterThan(md.indexOf('## Findings by account'));
        expect(md.slice(authors)).toContain('### Cobalt Mining (cobalt-mining.kam)');
        expect(md.slice(authors)).toContain('`kam.rating-out-of-range` (line 20)');
        const html = renderPortfolioReport(accounts, 'html', { ...context, detail: true });
        expect(html).toMatch(/<details class="kam-author-detail"[^>]*><summary>For the plans&#39; authors: codes, files and lines<\/summary>/);
        expect(html).toContain('<span class="kam-code">kam.rating-out-of-range</span>');
        expect(renderPortfolioReport(accounts, 'html', context)).not.toContain('<details');
    });

    it('says each finding under its account without repeating the account\'s name, and without the entry to write', () => {
        expect(plainFinding({ code: 'kam.missing-user', message: 'Birch Retail: No user of what we supply is mapped: we do not hear how our product or service affects their workload.' }, 'Birch Retail'))
            .toBe('No user of what we supply is mapped: we do not hear how our product or service affects their workload.');
        expect(plainFinding({ code: 'kam.plan-not-agreed', message: "Birch Retail is a key account whose plan no one on the customer's side has agreed: review it with their executive and record `signed off by … on …`." }))
            .toBe("Birch Retail is a key account whose plan no one on the customer's side has agreed: review it with their executive and record who signed it off, and when.");
        expect(plainFinding({ code: 'kam.plan-not-reviewed', message: 'Arden Logistics is a key account whose plan has no review rhythm: agree one with the customer (`review cadence quarterly`) and record `last reviewed`.' }))
            .toBe('Arden Logistics is a key account whose plan has no review rhythm: agree one with the customer and record when it was last reviewed.');
        expect(plainFinding({ code: 'kam.unmet-expectation-without-plan', message: 'Sofia Lindqvist\'s expectation "Weekly stock reports" is unmet and the plan does not say how we will meet it: add `how "…"`.' }))
            .toBe('Sofia Lindqvist\'s expectation "Weekly stock reports" is unmet and the plan does not say how we will meet it.');
        expect(plainFinding({ code: 'kam.currency-without-rate', message: 'USD has no rate into the portfolio\'s reporting currency EUR: this amount is left out of totals, the Pareto check and the pipeline. Add "USD" to currency.rates in kam.config.json.' }))
            .toBe('USD has no rate into the portfolio\'s reporting currency EUR: this amount is left out of totals, the Pareto check and the pipeline.');
    });

    it('holds for the example portfolio too: its weak plan\'s findings reach the director without codes, files or plan syntax', async () => {
        const workspace = await buildWorkspace(readPlans(EXAMPLES));
        const examples = [...workspace.documents.entries()].flatMap(([name, d]) => reviewDocument(workspace.services.analysis.PlanAnalyzer, d, name));
        const exampleContext = { ...context, people: teamDirectory(workspace.services.shared.workspace.LangiumDocuments), thresholds: workspace.services.analysis.ReviewSettings.settings.thresholds };
        const md = renderPortfolioReport(examples, 'md', exampleContext);
        expect(md).toContain('## Findings by account');
        // Aldermoor's unsigned plan and Meridian's unmet expectation: the reviewer tells authors what to write there.
        expect(md).toContain("review it with their executive and record who signed it off, and when.");
        expect(md).toContain('is unmet and the plan does not say how we will meet it.');
        expect(md).not.toMatch(/\bkam\.[a-z-]+|[\w-]+\.kam\b|\bline \d+|`/);
        expect(visibleText(renderPortfolioReport(examples, 'html', exampleContext))).not.toMatch(/\bkam\.[a-z-]+|[\w-]+\.kam\b|\bline \d+|`/);
    });

    it('names a factor by its title, not the id the plan scores it by', () => {
        const cobalt = view.findings.find((a) => a.title === 'Cobalt Mining')!;
        expect(cobalt.findings.map((f) => f.plain)).toContain('Score 12 for Current revenue is off the scale 1-10: it does not count, and the factor counts at the bottom of the scale until it is corrected.');
    });

    it('says what a name that refers to nothing is, not the name the author typed', () => {
        expect(plainFinding({ code: 'linking-error', message: "Could not resolve reference to TeamMember named 'zoe'." }))
            .toBe('The plan refers to a team member that is not defined anywhere in the portfolio.');
        expect(plainFinding({ code: 'parsing-error', message: 'Expecting a value after `tier` on line 3.' })).toMatch(/^Part of the plan could not be read/);
    });
});
