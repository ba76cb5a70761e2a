/**
 * A key account given to an owner who is already full: the warning must appear on every one of
 * their key accounts, not just the plan being edited — and go away from all of them when undone.
 */
import { DocumentState, URI, type LangiumDocument } from 'langium';
import { expect, it } from 'vitest';
import { createKamServices } from '../../language/src/kam-module.js';
import { keepPortfolioFindingsCurrent } from '../../language/src/workspace/portfolio-revalidation.js';
import { MemoryFileSystem } from '../helpers/memory-file-system.js';

it('re-checks the other plans when the portfolio facts change', async () => {
    const fileSystem = new MemoryFileSystem();
    const uri = (name: string) => URI.parse(`memory:///portfolio/${name}`);
    const write = (name: string, text: string) => fileSystem.files.set(uri(name).toString(), text);
    write('team.kam', 'team T "Team" { member anna "Anna Keller" capacity 1 key accounts  member ben "Ben Ortiz" capacity 3 key accounts }\n');
    write('a.kam', 'account Alpha "Alpha" { tier key owner anna }\n');
    write('b.kam', 'account Beta "Beta" { tier standard owner ben }\n');
    const { shared, Kam } = createKamServices({ fileSystemProvider: () => fileSystem });
    keepPortfolioFindingsCurrent(shared, Kam);
    const documents = await Promise.all(['team.kam', 'a.kam', 'b.kam'].map((n) => shared.workspace.LangiumDocuments.getOrCreateDocument(uri(n))));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });

    const codes = (name: string) => (shared.workspace.LangiumDocuments.getDocument(uri(name))!.diagnostics ?? []).map((d) => d.code);
    const validatedAgain = (name: string) => new Promise<void>((resolve) => {
        const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built: LangiumDocument[]) => {
            if (built.some((d) => d.uri.toString() === uri(name).toString())) {
                listener.dispose();
                resolve();
            }
        });
    });
    expect(codes('a.kam')).not.toContain('kam.owner-over-capacity');

    // Beta becomes a key account of Anna's: Alpha, untouched, is now over her capacity too.
    write('b.kam', 'account Beta "Beta" { tier key owner anna }\n');
    const alphaChecked = validatedAgain('a.kam');
    await shared.workspace.DocumentBuilder.update([uri('b.kam')], []);
    await alphaChecked;
    expect(codes('b.kam')).toContain('kam.owner-over-capacity');
    expect(codes('a.kam')).toContain('kam.owner-over-capacity');

    // Undone: the warning leaves Alpha as well.
    write('b.kam', 'account Beta "Beta" { tier standard owner ben }\n');
    const alphaCleared = validatedAgain('a.kam');
    await shared.workspace.DocumentBuilder.update([uri('b.kam')], []);
    await alphaCleared;
    expect(codes('a.kam')).not.toContain('kam.owner-over-capacity');
});
