/**
 * An edit costs the same whatever the portfolio's size because it does the same work: the edited
 * plan is linked and validated again, and the other plans only when the portfolio facts ledger says
 * the change concerns them — never every plan. Asserted by counting documents per build phase, not
 * by timing (`npm run bench` measures the times against their budget).
 */
import { describe, expect, it } from 'vitest';
import { DocumentState, type LangiumDocument } from 'langium';
import { buildPortfolio, editOnce, settle, type Workspace } from '../../bench/in-process.js';

/** The documents that reach each phase while `action` runs (and the background work it starts). */
async function documentsThrough(workspace: Workspace, action: () => Promise<unknown>): Promise<{ linked: string[]; validated: string[] }> {
    const builder = workspace.Kam.shared.workspace.DocumentBuilder;
    const linked: string[] = [];
    const validated: string[] = [];
    const name = (d: LangiumDocument) => d.uri.path.split('/').pop()!;
    const listeners = [
        builder.onDocumentPhase(DocumentState.Linked, (d) => { linked.push(name(d)); }),
        builder.onDocumentPhase(DocumentState.Validated, (d) => { validated.push(name(d)); }),
    ];
    await action();
    await settle(workspace);
    // The background re-check starts after the build (setImmediate): let it run and finish.
    await new Promise((resolve) => setImmediate(resolve));
    await settle(workspace);
    listeners.forEach((l) => l.dispose());
    return { linked, validated };
}

describe('the work an edit does in a portfolio of 400 plans', () => {
    it('re-checks only the edited plan when a score changes, and the plans whose portfolio findings it changes', async () => {
        const workspace = await buildPortfolio(400);
        const plan = workspace.plans[17];
        const file = plan.path.split('/').pop()!;
        for (let round = 0; round < 5; round++) {
            const work = await documentsThrough(workspace, () => editOnce(workspace, plan, round));
            expect(work.linked).toEqual([file]);
            expect(work.validated[0]).toBe(file);
            // A score moves the account within the portfolio, at most across the top fifth's boundary.
            expect(work.validated.length).toBeLessThan(20);
        }
    }, 120_000);

    it('re-checks every plan when the scoring model changes: every strategic value depends on it', async () => {
        const workspace = await buildPortfolio(400);
        const model = [...workspace.Kam.shared.workspace.LangiumDocuments.all].find((d) => d.uri.path.endsWith('scoring-model.kam'))!;
        const key = model.uri.toString();
        const text = workspace.fileSystem.files.get(key)!;
        workspace.fileSystem.files.set(key, text.replace(/weight (\d+)/, (_m, w: string) => `weight ${Number(w) + 1}`));
        const builder = workspace.Kam.shared.workspace.DocumentBuilder;
        const work = await documentsThrough(workspace, () => workspace.Kam.shared.workspace.WorkspaceLock.write((token) => builder.update([model.uri], [], token)));
        // Every plan and the model itself; the team file does not depend on it.
        expect(new Set(work.validated).size).toBe(workspace.plans.length + 1);
    }, 120_000);
});
