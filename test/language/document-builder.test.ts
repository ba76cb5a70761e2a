/**
 * The builder asks only some documents on an edit whether they must be linked or built again
 * (KamDocumentBuilder). A reviewer must not notice: each edit below ends with the diagnostics a
 * build from scratch gives.
 */
import { DocumentState, URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKamServices } from '../../language/src/kam-module.js';
import { MemoryFileSystem } from '../helpers/memory-file-system.js';

const TEAM = 'team T "Team" { member anna "Anna Keller" capacity 4 key accounts }\n';
const PLAN = (owner: string) => `account Alpha "Alpha" { tier standard owner ${owner} }\n`;

function portfolio(files: Record<string, string>) {
    const fileSystem = new MemoryFileSystem();
    const uri = (name: string) => URI.parse(`memory:///portfolio/${name}`);
    const write = (name: string, text: string) => fileSystem.files.set(uri(name).toString(), text);
    for (const [name, text] of Object.entries(files)) write(name, text);
    const { shared } = createKamServices({ fileSystemProvider: () => fileSystem });
    const documents = shared.workspace.LangiumDocuments;
    const builder = shared.workspace.DocumentBuilder;
    return {
        uri, write, documents, builder,
        async load(...names: string[]) {
            return Promise.all(names.map((n) => documents.getOrCreateDocument(uri(n))));
        },
        unresolved(name: string): string[] {
            return (documents.getDocument(uri(name))?.diagnostics ?? []).map((d) => String(d.message)).filter((m) => /Could not resolve/.test(m));
        },
        state(name: string) {
            return documents.getDocument(uri(name))?.state;
        },
    };
}

describe('an edit that changes what other plans refer to', () => {
    it('resolves an owner once the team file names them, and loses it when the team file goes', async () => {
        const p = portfolio({ 'team.kam': TEAM, 'alpha.kam': PLAN('ben') });
        await p.builder.build(await p.load('team.kam', 'alpha.kam'), { validation: true });
        expect(p.unresolved('alpha.kam')).toHaveLength(1);

        // Ben joins the team: the plan, untouched, now resolves its owner.
        p.write('team.kam', TEAM.replace('}', 'member ben "Ben Ortiz" capacity 2 key accounts }'));
        await p.builder.update([p.uri('team.kam')], []);
        expect(p.unresolved('alpha.kam')).toEqual([]);

        // The team file is deleted: the owner no longer resolves.
        await p.builder.update([], [p.uri('team.kam')]);
        expect(p.unresolved('alpha.kam')).toHaveLength(1);

        // It comes back: resolved again.
        p.write('team.kam', TEAM.replace('}', 'member ben "Ben Ortiz" capacity 2 key accounts }'));
        await p.builder.update([p.uri('team.kam')], []);
        expect(p.unresolved('alpha.kam')).toEqual([]);
    });

    it('builds a plan that was loaded but never built at the next update, as Langium does', async () => {
        const p = portfolio({ 'team.kam': TEAM, 'alpha.kam': PLAN('anna'), 'beta.kam': PLAN('anna').replace(/Alpha/g, 'Beta') });
        await p.builder.build(await p.load('team.kam', 'alpha.kam'), { validation: true });
        // Loaded (as the server's start does), then an edit elsewhere comes first.
        await p.load('beta.kam');
        expect(p.state('beta.kam')).toBe(DocumentState.Parsed);
        await p.builder.update([p.uri('alpha.kam')], []);
        expect(p.state('beta.kam')).toBe(DocumentState.Validated);
    });

    it('finishes at the next update a build that an edit cancelled', async () => {
        const p = portfolio({ 'team.kam': TEAM, 'alpha.kam': PLAN('anna'), 'beta.kam': PLAN('anna').replace(/Alpha/g, 'Beta') });
        const loaded = await p.load('team.kam', 'alpha.kam', 'beta.kam');
        // Cancelled right after parsing.
        const cancelled = p.builder.onBuildPhase(DocumentState.IndexedContent, () => { throw new Error('cancelled'); });
        await expect(p.builder.build(loaded, { validation: true })).rejects.toThrow('cancelled');
        cancelled.dispose();
        await p.builder.update([], []);
        expect(['team.kam', 'alpha.kam', 'beta.kam'].map((n) => p.state(n))).toEqual([DocumentState.Validated, DocumentState.Validated, DocumentState.Validated]);
    });
});
