/**
 * An editor closes an unsaved plan while its last edit is still queued: by the time that edit's
 * build runs, the editor's copy is gone and the plan was never on disk. The build goes on with the
 * plan's last text, the whole portfolio is built, and the close's deletion then removes the plan.
 * (Found by the long fuzz run: the build used to fail on reading the missing file.)
 */
import { URI } from 'langium';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createKamServices } from '../../language/src/kam-module.js';
import { MemoryFileSystem } from '../helpers/memory-file-system.js';

/** Reads fail for a file that is not there, as on disk. */
class DiskLikeFileSystem extends MemoryFileSystem {
    override async readFile(uri: URI): Promise<string> {
        if (!this.files.has(uri.toString())) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${uri.path}'`), { code: 'ENOENT' });
        return super.readFile(uri);
    }
}

const TEAM = 'team T "Team" { member anna "Anna Keller" capacity 4 key accounts }\n';
const DRAFT = 'account Draft "Draft Account" { tier standard owner anna }\n';

describe('a plan closed while its edit is queued', () => {
    it('is built with its last text, then dropped by the deletion that follows', async () => {
        const fileSystem = new DiskLikeFileSystem();
        const team = URI.parse('memory:///portfolio/team.kam');
        fileSystem.files.set(team.toString(), TEAM);
        const { shared } = createKamServices({ fileSystemProvider: () => fileSystem });
        const builder = shared.workspace.DocumentBuilder;
        const documents = shared.workspace.LangiumDocuments;
        const textDocuments = shared.workspace.TextDocuments!;
        await builder.build([await documents.getOrCreateDocument(team)], { validation: true });

        // An unsaved new plan, open in the editor: never on disk.
        const draft = URI.parse('memory:///portfolio/draft.kam');
        textDocuments.set(TextDocument.create(draft.toString(), 'kam', 1, DRAFT));
        await builder.update([draft], []);
        expect(documents.getDocument(draft)?.diagnostics?.filter((d) => d.severity === 1)).toEqual([]);

        // The editor closes it; the edit queued just before is built only now.
        textDocuments.delete(draft);
        await expect(builder.update([draft], [])).resolves.toBeUndefined();
        expect(documents.getDocument(draft)?.textDocument.getText()).toBe(DRAFT);

        // The close's deletion follows: the plan is gone.
        await builder.update([], [draft]);
        expect(documents.hasDocument(draft)).toBe(false);
    });
});
