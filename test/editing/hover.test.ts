/** Hover: the score breakdown of an account, what a stakeholder's role cares about, and what keywords mean. */
import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { TestWorkspace } from '../helpers/workspace.js';
import { editingWorkspace, kpiWorkspace, positionOf } from './editing-fixture.js';

async function hover(workspace: TestWorkspace, document: LangiumDocument, text: string, occurrence = 0): Promise<string | undefined> {
    const result = await workspace.services.lsp.HoverProvider!.getHoverContent(document, {
        textDocument: { uri: document.uri.toString() }, position: positionOf(document, text, occurrence),
    });
    return (result?.contents as { value: string } | undefined)?.value;
}

describe('hover', async () => {
    const workspace = await editingWorkspace();
    const danube = workspace.document('danube-foods.kam');

    it('on an account shows the full score breakdown as a table', async () => {
        const text = await hover(workspace, danube, 'DanubeFoods');
        expect(text).toContain('Strategic value 7.1 · Strategic · relationship 6.4 · plan');
        expect(text).toContain('| Factor | Weight | Score | Contribution |');
        expect(text).toContain('| Potential revenue | 25% | 9 | 2.3 |');
        expect(text).toContain('| Ease of doing business | 10% | 4 | 0.4 |');
        expect(text).toContain('| **Strategic value** |  |  | **7.1** |');
    });

    it('on a stakeholder shows the ratings and what each of their roles cares about', async () => {
        const text = await hover(workspace, danube, 'novak "Petra');
        expect(text).toContain('Trusted advisor 9/10 · strategic partner 7/10 · relationship 8.0');
        expect(text).toContain('- *user*: uses or operates what we supply: cares about their own workload');
        expect(text).toContain('- *champion*: sells for us inside the customer');
    });

    it('on a reference to a stakeholder shows the same as on the stakeholder', async () => {
        const text = await hover(workspace, danube, 'horvat, novak');
        expect(text).toContain('**Ivana Horvat** — Chief Operating Officer');
        expect(text).toContain('- *executive*: the economic decision maker: cares about the strategic impact on their own success factors');
    });

    it('on a keyword explains it', async () => {
        expect(await hover(workspace, danube, 'cadence monthly')).toContain('how often we agreed to be in touch');
        expect(await hover(workspace, danube, 'trusted advisor 8')).toContain('"is the account manager a trusted advisor?"');
    });

    it('on a KPI direction explains which way is better', async () => {
        const workspace = await kpiWorkspace();
        const kpis = workspace.document('kpis.kam');
        expect(await hover(workspace, kpis, 'higher-is-better')).toContain('reached at or above its target');
        expect(await hover(workspace, kpis, 'lower-is-better')).toContain('reached at or below its target');
    });

    it('on a value explains it in its context', async () => {
        expect(await hover(workspace, danube, 'finance\n')).toContain('cares about cost against budget and about payment terms');
        expect(await hover(workspace, danube, 'key\n', 0)).toContain('Tier **key**');
        expect(await hover(workspace, danube, 'key\n', 1)).toContain('Status **key**');
    });
});
