/**
 * The language server VS Code starts (out/server/start.cjs) keeps the code it compiled between
 * starts, in the folder the extension gives it (KAM_CACHE_DIR: its global storage), as `kam lsp`
 * does: written when the server exits, read by the next start, which says exactly the same.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LspTestClient } from '../helpers/lsp-client.js';

const ROOT = path.resolve(__dirname, '../..');
const START = path.join(ROOT, 'out/server/start.cjs');
const EXAMPLES = path.join(ROOT, 'examples/portfolio');
const PLANS = (fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.kam'));

/** VS Code's server on the example portfolio until every plan is diagnosed; its diagnostics by plan. */
async function diagnosedByVsCodesServer(cacheFolder: string | undefined): Promise<Record<string, unknown>> {
    const env = { ...process.env, NODE_OPTIONS: '', KAM_CACHE_DIR: cacheFolder, KAM_CODE_CACHE: cacheFolder ? undefined : 'off' };
    const client = await LspTestClient.start({ folder: EXAMPLES, kamSettings: () => ({ today: '2026-11-24' }), entry: [START, '--stdio'], nodeArgs: ['--max-semi-space-size=32'], env });
    try {
        const diagnostics = await client.diagnosticsOf(PLANS);
        return Object.fromEntries([...diagnostics].map(([plan, published]) => [plan, published.diagnostics]));
    } finally {
        await client.stop();
    }
}

describe('the language server VS Code starts', () => {
    it('writes the code it compiled when it exits, and the next start reads it and says the same', async () => {
        expect(fs.existsSync(START), 'run npm run build first').toBe(true);
        const home = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-server-cache-'));
        const uncached = await diagnosedByVsCodesServer(undefined);
        expect(Object.keys(uncached).sort()).toEqual([...PLANS].sort());
        expect(Object.values(uncached).flat().length).toBeGreaterThan(0);

        expect(await diagnosedByVsCodesServer(home)).toEqual(uncached);
        const caches = fs.readdirSync(path.join(home, 'code'));
        expect(caches).toHaveLength(1);
        expect(caches[0]).toMatch(/^server-\w+-v\d+\.\d+\.\d+-\w+-\d+-\d+\.bin$/);
        const written = fs.readFileSync(path.join(home, 'code', caches[0]));
        expect(written.length).toBeGreaterThan(100_000);

        expect(await diagnosedByVsCodesServer(home)).toEqual(uncached);
        // Accepted by the second start, so not written again.
        expect(fs.readdirSync(path.join(home, 'code'))).toEqual(caches);
        expect(fs.readFileSync(path.join(home, 'code', caches[0])).equals(written)).toBe(true);
    }, 60_000);
});
