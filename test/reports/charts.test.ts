/** The chart renderers: SVG structure, the numbers and labels they draw, and hostile text kept as text. */
import { beforeAll, describe, expect, it } from 'vitest';
import { expectationsMatrix } from '../../language/src/reports/charts/expectations-matrix.js';
import { kpiChart } from '../../language/src/reports/charts/kpi-chart.js';
import { paretoChart } from '../../language/src/reports/charts/pareto-chart.js';
import { portfolioMatrix } from '../../language/src/reports/charts/portfolio-matrix.js';
import { relationshipMap } from '../../language/src/reports/charts/relationship-map.js';
import { riskMatrix } from '../../language/src/reports/charts/risk-matrix.js';
import { strategicValueChart } from '../../language/src/reports/charts/strategic-value-chart.js';
import { timelineChart } from '../../language/src/reports/charts/timeline-chart.js';
import { accountBodyHtml, accountReportHtml, portfolioBodyHtml, portfolioBodyParts, portfolioReportHtml, portfolioReportHtmlParts } from '../../language/src/reports/html-report.js';
import { attentionView } from '../../language/src/reports/attention-view.js';
import { accountView, portfolioView, type AccountView, type PortfolioView } from '../../language/src/reports/view-model.js';
import { HOSTILE, reviewedFixture } from '../helpers/report-fixtures.js';
import { HOSTILE_PLAN } from '../helpers/report-fixtures.js';

let danube: AccountView;
let hostile: AccountView;
let portfolio: PortfolioView;
let hostilePortfolio: PortfolioView;

beforeAll(async () => {
    const fixture = await reviewedFixture({ 'hostile.kam': HOSTILE_PLAN });
    danube = accountView(fixture.byName('DanubeFoods'), fixture.context);
    hostile = accountView(fixture.byName('Hostile'), fixture.context);
    hostilePortfolio = portfolioView(fixture.accounts, fixture.context);
    portfolio = portfolioView(fixture.accounts.filter((a) => a.card.plan.name !== 'Hostile'), fixture.context);
});

/** Text content of the elements with a class, in order. */
function texts(svg: string, className: string): string[] {
    return [...svg.matchAll(new RegExp(`<text[^>]*class="[^"]*\\b${className}\\b[^"]*"[^>]*>([^<]*)</text>`, 'g'))].map((m) => m[1]);
}

function attributesOf(svg: string, tag: string, className: string): Record<string, string>[] {
    return [...svg.matchAll(new RegExp(`<${tag}([^>]*class="${className}"[^>]*)/?>`, 'g'))]
        .map((m) => Object.fromEntries([...m[1].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])));
}

describe('charts', () => {
    it('strategic value: one bar per factor, scaled to the score, and the stacked total', () => {
        const svg = strategicValueChart(danube.strategicValue, 'sv').markup;
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" id="sv" class="kam-chart kam-strategic-value" viewBox="0 0 \d+ \d+"/);
        expect(svg).toContain('<title id="sv-title">Strategic value 7.1 of 10</title>');
        // Bars are 270 wide for a score of 10: a score of 8 is 216, of 9 is 243.
        expect(attributesOf(svg, 'rect', 'kam-bar').map((a) => a.width)).toEqual(['216', '243', '162', '189', '135', '108']);
        expect(texts(svg, 'kam-value')).toEqual(['8 → +1.6', '9 → +2.3', '6 → +0.9', '7 → +1.4', '5 → +0.5', '4 → +0.4', '7.1 / 10']);
        // The segments add up to the value: 7.05 of 10 × 270 = 190.35.
        const segments = [...svg.matchAll(/class="kam-seg kam-seg-\d" x="[\d.]+" y="[\d.]+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
        expect(segments.reduce((a, b) => a + b, 0)).toBeCloseTo(190.35, 1);
        expect(svg).toContain('attractive from 6');
    });

    it('relationship map: a node per stakeholder, an edge per reports-to, stance classes and owners', () => {
        const svg = relationshipMap(danube.relationship, 'map').markup;
        expect(svg.match(/<g class="kam-node /g)).toHaveLength(3);
        expect(svg.match(/<path class="kam-edge"/g)).toHaveLength(2);
        expect(svg).toContain('class="kam-node kam-stance-champion kam-influence-low" data-stakeholder="novak"');
        expect(texts(svg, 'kam-node-name')).toEqual(['Ivana Horvat', 'Tobias Wagner', 'Petra Novak']);
        expect(svg).toContain('our owner: Anna Keller');
        expect(svg).toContain('index 7.0 · last contact 12 d ago');
        // Horvat (the manager) is laid out above the two who report to her.
        const y = (id: string) => Number(new RegExp(`data-stakeholder="${id}">[\\s\\S]*?<rect class="kam-node-box" x="[\\d.]+" y="([\\d.]+)"`).exec(svg)![1]);
        expect(y('horvat') + 84).toBeLessThan(y('wagner'));
        expect(y('horvat') + 84).toBeLessThan(y('novak'));
        // Influence sizes the box: high is wider than low.
        const widths = attributesOf(svg, 'rect', 'kam-node-box').map((a) => Number(a.width));
        expect(widths[0]).toBeGreaterThan(widths[2]);
    });

    it('expectations, timeline, KPIs and risks draw their data', () => {
        const expectations = expectationsMatrix(hostile.expectations, 'ex').markup;
        expect(expectations).toContain('kam-cell kam-fulfil-unmet');
        expect(texts(expectations, 'kam-cell-label')).toEqual(['✗ unmet', '—', '—']);
        const timeline = timelineChart(hostile.timeline, 'tl').markup;
        expect(timeline.match(/kam-overdue/g)?.length).toBeGreaterThanOrEqual(2);
        expect(timeline).toContain('today 2026-11-24');
        const kpis = kpiChart(danube.kpis, 'kpi').markup;
        expect(texts(kpis, 'kam-value')).toEqual(['12 stops now → target 8 stops']);
        const risks = riskMatrix(hostile.risks, 'rk').markup;
        expect(risks.match(/class="kam-risk-dot"/g)).toHaveLength(1);
        expect(risks).toContain('kam-heat kam-heat-high');
    });

    it('portfolio matrix and Pareto curve: a bubble per placed account, sized by revenue, and the 80% line', () => {
        const matrix = portfolioMatrix(portfolio, 'pm', { interactive: true }).markup;
        const circles = attributesOf(matrix, 'circle', 'kam-bubble-fill');
        expect(circles).toHaveLength(2);
        // Area ∝ revenue: r = 30 × √(1.5 / 6) = 15.
        expect(circles.map((c) => Number(c.r)).sort((a, b) => b - a)).toEqual([30, 15]);
        expect(matrix).toContain('data-kam-open="file:///workspace/danube-foods.kam"');
        expect(matrix).toMatch(/tabindex="0" role="link"/);
        expect(portfolioMatrix(portfolio, 'pm').markup).not.toContain('data-kam-open');
        for (const label of ['Strategic — develop jointly', 'Star — invest in the relationship', 'Status — maintain', 'Streamline — serve efficiently']) expect(matrix).toContain(label);
        const pareto = paretoChart(portfolio.pareto, 'pp').markup;
        expect(pareto.match(/class="kam-pareto-bar/g)).toHaveLength(2);
        expect(pareto).toContain('top fifth: 80%');
        expect(pareto).toContain('<title id="pp-title">Revenue concentration: the top 1 of 2 accounts bring 80% of revenue</title>');
    });

    it('says so when there is nothing to draw', () => {
        expect(kpiChart([], 'k').markup).toContain('No KPIs are set.');
        expect(relationshipMap({ ...danube.relationship, stakeholders: [] }, 'm').markup).toContain('No stakeholders are mapped.');
        expect(paretoChart({ ...portfolio.pareto, rows: [] }, 'p').markup).toContain('No account states its current revenue.');
    });

    it('uses classes, never inline styles or scripts (the strict CSP forbids them)', () => {
        const html = accountBodyHtml(danube, { interactive: true }) + portfolioBodyHtml(portfolio, { interactive: true });
        expect(html).not.toMatch(/\sstyle=/);
        expect(html).not.toMatch(/<script/i);
        expect(html).not.toMatch(/\son[a-z]+=/i);
    });
});

describe('hostile text', () => {
    const pages = () => [
        accountBodyHtml(hostile, { interactive: true }),
        portfolioBodyHtml(hostilePortfolio, { interactive: true }),
        accountReportHtml([hostile]),
        portfolioReportHtml(hostilePortfolio),
    ];

    it('reaches the view model unchanged', () => {
        expect(hostile.title).toBe(HOSTILE.script);
        expect(hostile.relationship.stakeholders[0].name).toBe(HOSTILE.attribute);
        expect(hostile.valueProposition).toBe(HOSTILE.svg);
    });

    it('is escaped everywhere: no tag, attribute or element comes out of a plan', () => {
        for (const html of pages()) {
            expect(html).not.toContain('<script>window');
            expect(html).not.toContain('<img');
            expect(html).not.toMatch(/<svg onload/);
            // Inside a tag; as escaped text ("… onerror=…") it is harmless.
            expect(html).not.toMatch(/<[a-z][^>]*\son(error|load)\s*=/i);
            expect(html).toContain('&lt;script&gt;window.__kamPwned = 1&lt;/script&gt;');
            expect(html.match(/<svg /g)?.length).toBe(html.match(/<\/svg>/g)?.length);
        }
        expect(accountBodyHtml(hostile)).toContain('&quot;onerror=window.__kamPwned=2 x=&quot;');
    });

    it('is escaped in attribute values too (tooltips are element text, data attributes are quoted)', () => {
        const html = relationshipMap(hostile.relationship, 'm').markup;
        expect(html).toContain('<title>&quot;onerror=window.__kamPwned=2 x=&quot;');
        const attributeValues = [...html.matchAll(/="([^"]*)"/g)].map((m) => m[1]);
        expect(attributeValues.some((v) => v.includes('<') || v.includes('>'))).toBe(false);
    });
});

describe('the portfolio page, a part at a time (kam report writes each part as it is made)', () => {
    it('joined, the parts are the page, with and without the authors\' codes and lines', () => {
        for (const detail of [false, true]) {
            expect([...portfolioReportHtmlParts(hostilePortfolio, { detail })].join('')).toBe(portfolioReportHtml(hostilePortfolio, { detail }));
        }
    });

    it('makes each section, each table row and each account\'s findings on its own', () => {
        const parts = [...portfolioBodyParts(hostilePortfolio, { detail: true })].map((p) => p.markup);
        // Sections that may grow with the portfolio open on their own; the small ones come whole.
        expect(parts.filter((p) => p.startsWith('<section ')).map((p) => (p.endsWith('</section>') ? 'whole ' : 'open ') + p.match(/aria-labelledby="([^"]+)"/)?.[1]))
            .toEqual(['open h-attention', 'whole h-portfolio-matrix', 'whole h-pareto', 'whole h-portfolio-pipeline', 'whole h-renewals', 'open h-accounts', 'open h-reviewer']);
        expect(parts.filter((p) => p.startsWith('<tr>'))).toHaveLength(hostilePortfolio.accounts.length + attentionView(hostilePortfolio).accounts.length);
        // Twice with the detail: in plain words, then with codes and lines.
        expect(hostilePortfolio.findings.length).toBeGreaterThan(1);
        expect(parts.filter((p) => p.startsWith('<div class="kam-account-findings">'))).toHaveLength(2 * hostilePortfolio.findings.length);
    });

    it('hands the page on in parts of about 64 KB: few writes, none holding the page', () => {
        const large = { ...hostilePortfolio, findings: Array.from({ length: 300 }, () => hostilePortfolio.findings).flat() };
        const parts = [...portfolioReportHtmlParts(large, { detail: true })];
        expect(parts.length).toBeGreaterThan(3);
        expect(parts.slice(0, -1).every((p) => p.length >= 65_536 && p.length < 2 * 65_536)).toBe(true);
        expect(parts.join('')).toBe(portfolioReportHtml(large, { detail: true }));
    });
});
