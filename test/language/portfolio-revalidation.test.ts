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

it('leaves no plan undiagnosed when the next keystroke comes while the others are re-checked', async () => {
    // The race, replayed step by step: an edit changes the portfolio's facts, so the other plans are
    // to be validated again; before that has run, the next edit arrives. Both orders of the two builds
    // must end with every plan validated and diagnosed.
    const fileSystem = new MemoryFileSystem();
    const uri = (name: string) => URI.parse(`memory:///portfolio/${name}`);
    const write = (name: string, text: string) => fileSystem.files.set(uri(name).toString(), text);
    write('team.kam', 'team T "Team" { member anna "Anna Keller" capacity 1 key accounts }\n');
    const plans = Array.from({ length: 12 }, (_, i) => `p${i}.kam`);
    plans.forEach((name, i) => write(name, `account P${i} "Plan ${i}" { tier ${i === 0 ? 'standard' : 'major'} owner anna }\n`));
    const { shared, Kam } = createKamServices({ fileSystemProvider: () => fileSystem });
    keepPortfolioFindingsCurrent(shared, Kam);
    const builder = shared.workspace.DocumentBuilder;
    const lock = shared.workspace.WorkspaceLock;
    const documents = await Promise.all(['team.kam', ...plans].map((n) => shared.workspace.LangiumDocuments.getOrCreateDocument(uri(n))));
    await builder.build(documents, { validation: true });

    const edit = (name: string, text: string) => {
        write(name, text);
        return lock.write((token) => builder.update([uri(name)], [], token));
    };
    // 1. A plan becomes key: the facts change, the others are marked to be checked again.
    await edit('p0.kam', 'account P0 "Plan 0" { tier key owner anna }\n');
    // 2. The next keystroke, on another plan, before the re-check has started …
    const second = edit('p1.kam', 'account P1 "Plan 1" { tier key owner anna }\n');
    // 3. … and the re-check starts while it builds (it cancels that build).
    await new Promise((resolve) => setImmediate(resolve));
    await second.catch(() => undefined);
    // Whatever the order, the builds that follow leave every plan validated: wait for that (a plan
    // left below Validated with no build to come would hang here and fail the test).
    const allValidated = () => shared.workspace.LangiumDocuments.all.every((d) => d.state >= DocumentState.Validated);
    await new Promise<void>((resolve) => {
        if (allValidated()) return resolve();
        const listener = builder.onBuildPhase(DocumentState.Validated, () => {
            if (!allValidated()) return;
            listener.dispose();
            resolve();
        });
    });
    const unbuilt = shared.workspace.LangiumDocuments.all.filter((d) => d.state < DocumentState.Validated || d.diagnostics === undefined).map((d) => `${d.uri.path}:${d.state}:${d.diagnostics?.length}`).toArray();
    expect(unbuilt).toEqual([]);
    const codes = (name: string) => (shared.workspace.LangiumDocuments.getDocument(uri(name))!.diagnostics ?? []).map((d) => d.code);
    // Anna now owns two key accounts with a capacity of one: both say so.
    expect(codes('p0.kam')).toContain('kam.owner-over-capacity');
    expect(codes('p1.kam')).toContain('kam.owner-over-capacity');
});

it('re-checks the other plans when a plan is deleted, though nothing is built', async () => {
    // Two plans for one account: each is flagged as a duplicate. Deleting one builds no document,
    // yet the other must lose its warning.
    const fileSystem = new MemoryFileSystem();
    const uri = (name: string) => URI.parse(`memory:///portfolio/${name}`);
    const write = (name: string, text: string) => fileSystem.files.set(uri(name).toString(), text);
    write('team.kam', 'team T "Team" { member anna "Anna Keller" }\n');
    write('a.kam', 'account Alpha "Alpha" { tier standard owner anna }\n');
    write('a-copy.kam', 'account Alpha "Alpha" { tier standard owner anna }\n');
    const { shared, Kam } = createKamServices({ fileSystemProvider: () => fileSystem });
    keepPortfolioFindingsCurrent(shared, Kam);
    const documents = await Promise.all(['team.kam', 'a.kam', 'a-copy.kam'].map((n) => shared.workspace.LangiumDocuments.getOrCreateDocument(uri(n))));
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const codes = () => (shared.workspace.LangiumDocuments.getDocument(uri('a.kam'))!.diagnostics ?? []).map((d) => d.code);
    expect(codes()).toContain('kam.duplicate-name');

    const checkedAgain = new Promise<void>((resolve) => {
        const listener = shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, (built: LangiumDocument[]) => {
            if (built.some((d) => d.uri.toString() === uri('a.kam').toString())) {
                listener.dispose();
                resolve();
            }
        });
    });
    fileSystem.files.delete(uri('a-copy.kam').toString());
    await shared.workspace.WorkspaceLock.write((token) => shared.workspace.DocumentBuilder.update([], [uri('a-copy.kam')], token));
    await checkedAgain;
    expect(codes()).not.toContain('kam.duplicate-name');
});
