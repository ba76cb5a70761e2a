/** What an account manager sees in the editor: inline scores and the hover breakdown. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver-protocol';
import { buildWorkspace, type TestWorkspace } from '../helpers/workspace.js';
import { PORTFOLIO_FIXTURE, readPlans } from '../helpers/portfolio-fixture.js';

let workspace: TestWorkspace;
let danube: LangiumDocument;

function positionOf(document: LangiumDocument, text: string): Position {
    const offset = document.textDocument.getText().indexOf(text);
    if (offset < 0) throw new Error(`${text} not in ${document.uri}`);
    return document.textDocument.positionAt(offset);
}

beforeAll(async () => {
    workspace = await buildWorkspace(readPlans(PORTFOLIO_FIXTURE));
    danube = workspace.document('danube-foods.kam');
});

describe('inlay hints', () => {
    it('show the strategic value and quadrant after the account name and each factor score\'s contribution', async () => {
        const hints = await workspace.services.lsp.InlayHintProvider!.getInlayHints(danube, {
            textDocument: { uri: danube.uri.toString() },
            range: { start: { line: 0, character: 0 }, end: danube.textDocument.positionAt(danube.textDocument.getText().length) },
        });
        const labels = (hints ?? []).map((h) => ({ line: h.position.line, label: h.label }));
        // 20×8 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4 = 705 → 7.05 → 7.1; relationship 6.35 → 6.4: Strategic; all five plan elements
        expect(labels).toContainEqual({ line: positionOf(danube, 'DanubeFoods').line, label: 'strategic value 7.1 · Strategic · plan 5/5' });
        // potential revenue: 25% × 9 / 100% = 2.25
        expect(labels).toContainEqual({ line: positionOf(danube, 'potentialRevenue 9').line, label: '× 25% → +2.3' });
        // Ivana Horvat: (8 + 6) / 2 = 7
        expect(labels).toContainEqual({ line: positionOf(danube, 'stakeholder horvat').line, label: 'relationship 7.0' });
    });
});

describe('hover', () => {
    it('on an account shows the breakdown of its strategic value', async () => {
        const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(danube, {
            textDocument: { uri: danube.uri.toString() },
            position: positionOf(danube, 'DanubeFoods'),
        });
        const text = (hover?.contents as { value: string }).value;
        expect(text).toContain('Strategic value 7.1 · Strategic · relationship 6.4 · plan');
        expect(text).toContain('| Potential revenue | 25% | 9 | 2.3 |');
        expect(text).toContain('| **Strategic value** |  |  | **7.1** |');
        expect(text).toContain('Relationship strength 6.4');
    });

    it('on a stakeholder reference shows their ratings', async () => {
        const hover = await workspace.services.lsp.HoverProvider!.getHoverContent(danube, {
            textDocument: { uri: danube.uri.toString() },
            position: positionOf(danube, 'horvat\n'),
        });
        expect((hover?.contents as { value: string }).value).toContain('Trusted advisor 8/10 · strategic partner 6/10 · relationship 7.0');
    });
});
