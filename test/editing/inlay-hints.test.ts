/**
 * Inlay hints: the numbers an account manager sees inline, and the settings that switch each kind
 * off. Today is fixed at 2026-11-24 by the test workspace.
 */
import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import type { TestWorkspace } from '../helpers/workspace.js';
import { parseReviewSettings } from '../../language/src/analysis/review-settings.js';
import { editingWorkspace, kpiWorkspace, positionOf, wholeDocument } from './editing-fixture.js';

async function hints(workspace: TestWorkspace, name: string): Promise<Array<{ line: number; label: string }>> {
    const document: LangiumDocument = workspace.document(name);
    const result = await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, {
        textDocument: { uri: document.uri.toString() }, range: wholeDocument(document),
    });
    return (result ?? []).map((h) => ({ line: h.position.line, label: String(h.label) }));
}

function lineOf(workspace: TestWorkspace, text: string): number {
    return positionOf(workspace.document('danube-foods.kam'), text).line;
}

describe('inlay hints on a sound plan', async () => {
    const workspace = await editingWorkspace();
    const labels = await hints(workspace, 'danube-foods.kam');

    it('show the strategic value and quadrant after the account name', () => {
        // 20×8 + 25×9 + 15×6 + 20×7 + 10×5 + 10×4 = 705 → 7.05 → 7.1; relationship 6.35 → 6.4: Strategic;
        // plan 3/5: no expectations recorded and no opportunity
        expect(labels).toContainEqual({ line: lineOf(workspace, 'account DanubeFoods'), label: 'strategic value 7.1 · Strategic · plan 3/5' });
    });

    it("show each factor score's weighted contribution", () => {
        // potential revenue: 25% × 9 / 100% = 2.25; ease of doing business: 10% × 4 / 100% = 0.4
        expect(labels).toContainEqual({ line: lineOf(workspace, 'potentialRevenue 9'), label: '× 25% → +2.3' });
        expect(labels).toContainEqual({ line: lineOf(workspace, 'easeOfDoingBusiness 4'), label: '× 10% → +0.4' });
    });

    it("show each stakeholder's relationship index", () => {
        // Petra Novak: (9 + 7) / 2 = 8
        expect(labels).toContainEqual({ line: lineOf(workspace, 'stakeholder novak'), label: 'relationship 8.0' });
    });

    it("show a KPI's progress toward its target", () => {
        // 12 stops a month down to 8: 8 / 12 = 67% there, 4 to go
        expect(labels).toContainEqual({ line: lineOf(workspace, 'kpi "Unplanned stops'), label: '67% there · −4 stops to go' });
        // 92% on time up to 98%: 92 / 98 = 94% there
        expect(labels).toContainEqual({ line: lineOf(workspace, 'kpi "On-time delivery'), label: '94% there · +6% to go' });
    });

    it('show the days to due or overdue on open actions and milestones, none on finished ones', () => {
        expect(labels).toContainEqual({ line: lineOf(workspace, 'action "Install condition'), label: 'in 10 days' });
        expect(labels).toContainEqual({ line: lineOf(workspace, 'action "Agree the spare-parts'), label: '4 days overdue' });
        expect(labels).toContainEqual({ line: lineOf(workspace, 'milestone "Monitoring live'), label: 'due today' });
        expect(labels.filter((h) => h.line === lineOf(workspace, 'action "Survey the lines'))).toEqual([]);
    });
});

describe('KPI inlay hints with a stated or inferred direction', async () => {
    const workspace = await kpiWorkspace();
    const labels = await hints(workspace, 'kpis.kam');
    const at = (text: string) => labels.filter((h) => h.line === positionOf(workspace.document('kpis.kam'), text).line).map((h) => h.label);

    it('read a surpassed target as reached when the plan says which way is better', () => {
        // 99% on time against 98%, higher is better: 1 point beyond (the review's finding: it read "−1% to go")
        expect(at('kpi "On-time delivery"')).toEqual(['+1% beyond target']);
        // 3 excursions against at most 5: 2 fewer than the target
        expect(at('kpi "Excursions"')).toEqual(['−2 excursions beyond target']);
        // 12000 = 12000
        expect(at('kpi "Tonnes"')).toEqual(['target reached']);
    });

    it('infer the direction from current and target only when the plan does not state it', () => {
        // 99% → 98% has to fall: 98 / 99 = 99% there
        expect(at('kpi "On-time, direction')).toEqual(['99% there · −1% to go']);
    });

    it('show how far an open target is, with large amounts written the way account managers write them', () => {
        // 12 days down to 10: 10 / 12 = 83% there
        expect(at('kpi "Lead time"')).toEqual(['83% there · −2 days to go']);
        // 1.2M up to 1.4M EUR: 1.2 / 1.4 = 86% there, 200k to go
        expect(at('kpi "Revenue"')).toEqual(['86% there · +200k EUR to go']);
    });
});

describe('inlay hint settings', () => {
    it('switch each kind of hint off on its own', async () => {
        const workspace = await editingWorkspace({ inlayHints: { kpiProgress: false, dueDates: false } });
        const labels = (await hints(workspace, 'danube-foods.kam')).map((h) => h.label);
        expect(labels).toContain('strategic value 7.1 · Strategic · plan 3/5');
        expect(labels).toContain('relationship 8.0');
        expect(labels.filter((l) => l.includes('to go') || l.includes('days'))).toEqual([]);
    });

    it('count the days from the configured date', async () => {
        const workspace = await editingWorkspace({ today: '2026-12-01' });
        const labels = (await hints(workspace, 'danube-foods.kam')).map((h) => h.label);
        expect(labels).toContain('in 3 days');
        expect(labels).toContain('11 days overdue');
    });

    it('name a bad value and show every hint instead', () => {
        const { settings, problems } = parseReviewSettings({ inlayHints: { strategicValue: 'no', dueDates: false, scores: true } });
        expect(settings.inlayHints).toEqual({ strategicValue: true, factorContribution: true, relationshipIndex: true, kpiProgress: true, dueDates: false });
        expect(problems).toEqual([
            'Setting inlayHints.strategicValue = "no" must be true or false; using true.',
            'Unknown setting inlayHints.scores is ignored.',
        ]);
        expect(parseReviewSettings({ inlayHints: 'off' }).problems).toEqual(['Setting inlayHints must be an object of on/off switches; showing every inlay hint.']);
    });
});
