/**
 * The language server's host takes part in the first build (on Node: the heap grows in larger steps
 * and the young generation is held small while the whole portfolio is read and checked,
 * cli/src/heap-growth.ts). The workspace manager tells it how many files it is about to read,
 * before any is read, each plan once it is read, and that the first build has ended: once it is
 * done, and also when it fails.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DocumentState, type URI } from 'langium';
import { describe, expect, it } from 'vitest';
import type { InitializeParams } from 'vscode-languageserver-protocol';
import { createKamServices } from '../../language/src/kam-module.js';
import type { KamWorkspaceManager } from '../../language/src/workspace/kam-workspace-manager.js';
import { PortfolioFileSystemProvider } from '../../server/src/fed-portfolio/portfolio-file-system.js';

const EXAMPLES = path.resolve(__dirname, '../../examples');
const ROOT = 'file:///portfolio';

/** The examples' plans (and kam.config.json) under ROOT. */
function examplesIn(files: PortfolioFileSystemProvider): number {
    let plans = 0;
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else {
                files.write(`${ROOT}/${path.relative(EXAMPLES, full).split(path.sep).join('/')}`, fs.readFileSync(full, 'utf8'));
                if (entry.name.endsWith('.kam')) plans++;
            }
        }
    };
    walk(EXAMPLES);
    return plans;
}

function startWith(files: PortfolioFileSystemProvider) {
    const { shared } = createKamServices({ fileSystemProvider: () => files });
    const manager = shared.workspace.WorkspaceManager as KamWorkspaceManager;
    const told: string[] = [];
    let plansRead = 0;
    manager.aroundFirstBuild({
        reading: (count) => told.push(`reading ${count} (documents so far: ${shared.workspace.LangiumDocuments.all.count()})`),
        // Each plan once it is read: never more than the documents made so far.
        planRead: () => {
            plansRead++;
            if (plansRead > shared.workspace.LangiumDocuments.all.count()) told.push(`plan ${plansRead} told before it was read`);
        },
        ended: () => told.push(`ended (validated: ${shared.workspace.LangiumDocuments.all.filter((d) => d.state === DocumentState.Validated).count()}, plans read: ${plansRead})`),
    });
    manager.initialize({ processId: null, rootUri: null, capabilities: {}, workspaceFolders: [{ uri: ROOT, name: 'portfolio' }] } as InitializeParams);
    return { told, started: manager.initialized({}) };
}

describe('the first build, as the host sees it', () => {
    it('is announced with the number of plans before any is read, each plan as it is read, and its end once every plan is validated', async () => {
        const files = new PortfolioFileSystemProvider();
        const plans = examplesIn(files);
        const { told, started } = startWith(files);
        await started;
        expect(told).toEqual([`reading ${plans} (documents so far: 0)`, `ended (validated: ${plans}, plans read: ${plans})`]);
    });

    it('ends for the host also when the build fails', async () => {
        const files = new PortfolioFileSystemProvider();
        const plans = examplesIn(files);
        // A plan that cannot be read: the workspace's loading fails.
        const unreadable = (uri: URI) => {
            if (uri.path.endsWith('/team.kam')) throw new Error('the disk went away');
        };
        const [read, readSync] = [files.readFile.bind(files), files.readFileSync.bind(files)];
        files.readFile = async (uri: URI) => (unreadable(uri), read(uri));
        files.readFileSync = (uri: URI) => (unreadable(uri), readSync(uri));
        const { told, started } = startWith(files);
        await expect(started).rejects.toThrow('the disk went away');
        expect(told).toEqual([`reading ${plans} (documents so far: 0)`, expect.stringMatching(/^ended \(validated: 0, plans read: \d+\)$/)]);
    });
});
