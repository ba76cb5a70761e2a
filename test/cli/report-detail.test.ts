/** `kam report --detail`: the director's portfolio report, and the same with codes, files and lines for the plans' authors. */
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kam } from '../helpers/kam-cli.js';

const ATTENTION_FIXTURE = path.resolve(__dirname, '../fixtures/attention');

describe('kam report --detail', () => {
    it('leaves codes, files and lines out of the portfolio report by default, and opens with what needs attention', async () => {
        const result = await kam('report', ATTENTION_FIXTURE);
        expect(result.code).toBe(0);
        expect(result.out.indexOf('## Needs attention')).toBeLessThan(result.out.indexOf('## Accounts'));
        expect(result.out).toMatch(/\| 1 \| Arden Logistics \| Anna Keller \|/);
        expect(result.out).not.toMatch(/kam\.[a-z-]+|\.kam\b|\(line \d+\)/);
    });

    it('keeps them for the plans\' authors with --detail, in a last section', async () => {
        const result = await kam('report', ATTENTION_FIXTURE, '--detail');
        expect(result.code).toBe(0);
        const authors = result.out.slice(result.out.indexOf("## For the plans' authors: codes, files and lines"));
        expect(authors).toContain('### Arden Logistics (arden-logistics.kam)');
        expect(authors).toContain('`kam.renewal-without-plan` (line 49)');
    });

    it('folds them into a <details> section of the HTML page', async () => {
        const html = (await kam('report', ATTENTION_FIXTURE, '--format', 'html', '--detail')).out;
        expect(html).toContain('<details class="kam-author-detail"');
        expect(html).toContain('<span class="kam-code">kam.rating-out-of-range</span>');
        expect((await kam('report', ATTENTION_FIXTURE, '--format', 'html')).out).not.toContain('<span class="kam-code">');
    });

    it('says an account page\'s findings in plain words, and adds the codes and lines for its authors with --detail', async () => {
        const plan = path.join(ATTENTION_FIXTURE, 'arden-logistics.kam');
        const page = (await kam('report', plan)).out;
        const findings = page.slice(page.indexOf('## Findings'));
        expect(findings).toMatch(/^- ⚠️ [A-Z]/m);
        expect(page).not.toMatch(/kam\.[a-z-]+|\(line \d+\)|For the plan's authors/);
        const detailed = (await kam('report', plan, '--detail')).out;
        expect(detailed.slice(detailed.indexOf("## For the plan's authors"))).toContain('`kam.renewal-without-plan` (line 49)');
        const html = (await kam('report', plan, '--format', 'html')).out;
        expect(html).toMatch(/<h2 [^>]*>Findings \(\d+\)<\/h2>/);
        expect(html).not.toContain('<span class="kam-code">');
        expect((await kam('report', plan, '--format', 'html', '--detail')).out).toContain('<span class="kam-code">kam.renewal-without-plan</span>');
    });
});
