/**
 * `kam report --format pptx`: the review deck written to a file (never to a terminal, never over a
 * file without --force), and with --since what changed since a review tag, as kam diff compares.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/src/main.js';
import { ACCOUNT_SECTIONS, PORTFOLIO_SECTIONS } from '../../deck/src/index.js';
import { readDeck, slidesTitled } from '../helpers/deck-contents.js';
import { PORTFOLIO_FIXTURE } from '../helpers/portfolio-fixture.js';
import { portfolioRepository } from '../history/git-repository.js';

async function kam(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}

const outDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'kam-deck-'));

describe('kam report --format pptx', () => {
    it('needs --out: a deck is a file, not text for a terminal', async () => {
        const result = await kam('report', PORTFOLIO_FIXTURE, '--format', 'pptx');
        expect(result.code).toBe(2);
        expect(result.err).toBe('kam: --format pptx writes a PowerPoint file: give --out FILE, e.g. -o review.pptx.');
        expect(result.out).toBe('');
    });

    it('writes one account\'s review deck, and never overwrites it without --force', async () => {
        const file = path.join(outDir(), 'danube.pptx');
        const plan = path.join(PORTFOLIO_FIXTURE, 'danube-foods.kam');
        const first = await kam('report', plan, '--format', 'pptx', '-o', file, '--today', '2026-11-24');
        expect(first.code).toBe(0);
        expect(first.err).toContain(`Wrote ${file} (account review deck, 1 account).`);
        const bytes = fs.readFileSync(file);
        // A zip: what PowerPoint opens.
        expect(bytes.subarray(0, 2).toString()).toBe('PK');
        const deck = await readDeck(bytes);
        expect(deck.slides[0]).toContain('Danube Foods');
        // Danube: 705/100 = 7.05 → 7.1 and 0.7 × 6.5 + 0.3 × 6 = 6.35 → 6.4 (test/cli/cli.test.ts).
        expect(slidesTitled(deck, ACCOUNT_SECTIONS.headline)[0]).toMatch(/7\.1 \/ 10[\s\S]*6\.4 \/ 10/);

        fs.writeFileSync(file, 'the deck from last quarter');
        const again = await kam('report', plan, '--format', 'pptx', '-o', file);
        expect(again.code).toBe(2);
        expect(again.err).toBe(`kam: ${file} exists; pass --force to overwrite it.`);
        expect(fs.readFileSync(file, 'utf8')).toBe('the deck from last quarter');
        expect((await kam('report', plan, '--format', 'pptx', '-o', file, '--force')).code).toBe(0);
        expect(fs.readFileSync(file).subarray(0, 2).toString()).toBe('PK');
    });

    it('writes the portfolio\'s deck for a folder', async () => {
        const file = path.join(outDir(), 'portfolio.pptx');
        const result = await kam('report', PORTFOLIO_FIXTURE, '--format', 'pptx', '-o', file);
        expect(result.code).toBe(0);
        expect(result.err).toContain('(portfolio review deck, 2 accounts)');
        const deck = await readDeck(fs.readFileSync(file));
        expect(slidesTitled(deck, PORTFOLIO_SECTIONS.matrix)).toHaveLength(1);
        expect([...deck.charts.values()].some((xml) => xml.includes('<c:bubbleChart>'))).toBe(true);
    });

    it('--since belongs to the deck: elsewhere it is a clear error', async () => {
        const result = await kam('report', PORTFOLIO_FIXTURE, '--since', 'v2026-Q3');
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: --since adds "what changed" to a review deck: use it with --format pptx/);
    });
});

describe('kam report --format pptx --since', () => {
    it('adds what changed since the review tag: Baltic Paper rescored, a finance contact added', async () => {
        const repo = portfolioRepository();
        const file = path.join(outDir(), 'baltic.pptx');
        const result = await kam('report', path.join(repo.plans, 'baltic.kam'), '--format', 'pptx', '-o', file, '--since', 'v2026-Q3', '--today', '2026-11-24');
        expect(result.err).toContain('changes since v2026-Q3');
        expect(result.code).toBe(0);
        const deck = await readDeck(fs.readFileSync(file));
        const changes = slidesTitled(deck, ACCOUNT_SECTIONS.changes).join('\n');
        expect(changes).toContain('since v2026-Q3');
        expect(changes).toContain('Strategic value');
        expect(changes).toContain('Maja Berg');
    }, 60_000);

    it('names a revision git does not know, and writes nothing', async () => {
        const repo = portfolioRepository();
        const file = path.join(outDir(), 'nothing.pptx');
        const result = await kam('report', repo.plans, '--format', 'pptx', '-o', file, '--since', 'qbr-that-never-was');
        expect(result.code).toBe(2);
        expect(result.err).toMatch(/^kam: --since qbr-that-never-was: /);
        expect(fs.existsSync(file)).toBe(false);
    }, 60_000);
});
