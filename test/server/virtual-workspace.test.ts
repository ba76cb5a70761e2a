/**
 * A virtual workspace on the desktop (GitHub's Remote Repositories: `vscode-vfs://` folders no Node
 * process can read): VS Code's entry of the Node server, started as the desktop client starts it
 * for such a workspace (`PortfolioFilesNotification.fedServerEnv`), reads no disk and reviews the
 * portfolio the client sends, exactly as the server of the same plans on disk does.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PortfolioFilesNotification } from '../../language/src/protocol.js';
import { LspTestClient } from '../helpers/lsp-client.js';
import { EXAMPLES } from '../helpers/portfolio-fixture.js';

const ROOT = 'vscode-vfs://github/kam-plans/portfolio';
const START = [path.resolve(__dirname, '../../out/server/start.cjs'), '--stdio'];
const NORDWIND = 'portfolio/accounts/nordwind-logistics.kam';

/** The examples' files by their path in the portfolio. */
function exampleFiles(): Map<string, string> {
    const files = new Map<string, string>();
    for (const file of fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }) as string[]) {
        const full = path.join(EXAMPLES, file);
        if (fs.statSync(full).isFile()) files.set(file.split(path.sep).join('/'), fs.readFileSync(full, 'utf8'));
    }
    return files;
}

const codesByPlan = (published: Map<string, { diagnostics: { code?: string | number; range: unknown }[] }>) =>
    new Map([...published].map(([plan, params]) => [plan, params.diagnostics.map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`).sort()]));

let clients: LspTestClient[] = [];
afterEach(async () => {
    await Promise.all(clients.map((client) => client.stop()));
    clients = [];
});

describe('the desktop language server in a virtual workspace', () => {
    it('reviews the portfolio the client sends as the server on disk reviews the same plans, and follows its changes', async () => {
        const files = exampleFiles();
        const plans = [...files.keys()].filter((file) => file.endsWith('.kam'));
        const settings = () => ({ today: '2026-11-24' });

        const onDisk = await LspTestClient.start({ folder: EXAMPLES, kamSettings: settings, entry: START });
        clients.push(onDisk);
        const expected = codesByPlan(await onDisk.diagnosticsOf(plans));

        const fed = await LspTestClient.start({ folder: 'portfolio', rootUri: ROOT, kamSettings: settings, entry: START, env: { ...process.env, [PortfolioFilesNotification.fedServerEnv]: '1' } });
        clients.push(fed);
        await fed.connection.sendNotification(PortfolioFilesNotification.type, {
            changed: [...files].map(([file, text]) => ({ uri: fed.uri(file), text })), deleted: [], initial: true,
        });
        const reviewed = codesByPlan(await fed.diagnosticsOf(plans));
        expect(reviewed).toEqual(expected);
        // Cross-file references resolved (the team, the scoring model), the portfolio's settings read.
        expect([...reviewed.values()].flat().filter((d) => d.startsWith('linking-error'))).toEqual([]);
        expect(fed.loggedErrors).toEqual([]);

        // A second plan for the same account, sent as the feed sends a file created later.
        const copy = 'portfolio/accounts/nordwind-copy.kam';
        const duplicated = fed.eventually(() => (fed.published.get(fed.uri(NORDWIND))?.diagnostics.some((d) => d.code === 'kam.duplicate-name') ? true : undefined));
        await fed.connection.sendNotification(PortfolioFilesNotification.type, { changed: [{ uri: fed.uri(copy), text: files.get(NORDWIND)! }], deleted: [] });
        await duplicated;
    });
});
