/** Code lenses: the headline numbers above each account, its preview and report, and the model's weights. */
import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { TestWorkspace } from '../helpers/workspace.js';
import { buildWorkspace } from '../helpers/workspace.js';
import { editingWorkspace, positionOf } from './editing-fixture.js';

async function lenses(workspace: TestWorkspace, document: LangiumDocument) {
    const result = await workspace.services.lsp.CodeLensProvider!.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    return (result ?? []).map((l) => ({ line: l.range.start.line, title: l.command?.title, command: l.command?.command, arguments: l.command?.arguments }));
}

describe('code lenses', async () => {
    const workspace = await editingWorkspace();

    it('above an account: its headline, then "Open preview" and "Generate report" for that plan', async () => {
        const danube = workspace.document('danube-foods.kam');
        const uri = danube.uri.toString();
        const line = positionOf(danube, 'account DanubeFoods').line;
        expect(await lenses(workspace, danube)).toEqual([
            // three of the five plan elements: no expectations recorded, no opportunity
            { line, title: 'Strategic value 7.1 · Strategic · relationship 6.4 · plan 3/5', command: '', arguments: undefined },
            { line, title: 'Open preview', command: 'kam.openPreview', arguments: [uri] },
            { line, title: 'Generate report', command: 'kam.generateSummaryReport', arguments: [uri] },
        ]);
    });

    it('above an account without scores: no value yet, still the preview and the report', async () => {
        // Baltic Paper has no scores: no strategic value; relationship (70% × 3.5 + 30% × 4) = 3.65 → 3.7;
        // one plan element: its only (influential) contact rated us
        const titles = (await lenses(workspace, workspace.document('baltic-paper.kam'))).map((l) => l.title);
        expect(titles).toEqual(['Strategic value — · relationship 3.7 · plan 1/5', 'Open preview', 'Generate report']);
    });

    it('above the scoring model: the weights total', async () => {
        const model = workspace.document('scoring-model.kam');
        expect(await lenses(workspace, model)).toEqual([
            { line: 0, title: 'Weights total 100% across 6 factors', command: '', arguments: undefined },
        ]);
    });

    it('above a scoring model whose weights are off: by how much', async () => {
        const off = await buildWorkspace({ 'model.kam': 'scoring model M {\n    factor a weight 30%\n    factor b weight 45%\n}\n' });
        expect((await lenses(off, off.document('model.kam'))).map((l) => l.title)).toEqual(['Weights total 75%: 25% short of 100%']);
    });
});
