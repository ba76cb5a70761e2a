/** The example portfolio is what new users copy: every plan must parse and link, the strong plan must pass review. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, diagnosticCodes, type TestWorkspace } from '../helpers/workspace.js';
import { EXAMPLES, readPlans } from '../helpers/portfolio-fixture.js';

const STRONG = 'portfolio/accounts/nordwind-logistics.kam';
const WEAK = 'portfolio/accounts/aldermoor-healthcare.kam';
let workspace: TestWorkspace;
const files = readPlans(EXAMPLES);

beforeAll(async () => {
    workspace = await buildWorkspace(files, JSON.parse(fs.readFileSync(path.join(EXAMPLES, 'kam.config.json'), 'utf8')));
});

describe('the example portfolio', () => {
    it('has a scoring model, a team and at least six accounts in several files', () => {
        const accounts = [...workspace.documents.values()].flatMap((d) => workspace.services.analysis.PlanAnalyzer.analyzeDocument(d).accounts);
        expect(accounts.length).toBeGreaterThanOrEqual(6);
        expect(Object.keys(files).length).toBeGreaterThanOrEqual(8);
        expect(new Set(accounts.map((a) => a.quadrant))).toEqual(new Set(['Strategic', 'Star', 'Status', 'Streamline']));
    });

    it('scores every account against one reading of the scoring model, shared, not a copy per account', () => {
        const analyzer = workspace.services.analysis.PlanAnalyzer;
        const accounts = [...workspace.documents.values()].flatMap((d) => analyzer.analyzeDocument(d).accounts);
        const models = new Set(accounts.map((a) => a.model));
        expect(models.size).toBe(1);
        const [model] = models;
        expect(model!.factors.map((f) => f.name)).toEqual(expect.arrayContaining(['currentRevenue']));
        expect(analyzer.analyzeDocument(workspace.document('portfolio/scoring-model.kam')).scoringModels).toEqual([model]);
    });

    for (const file of Object.keys(files)) {
        it(`${file} parses and links without errors`, () => {
            const document = workspace.document(file);
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
            expect((document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message)).toEqual([]);
        });
    }

    it('has a strong plan the reviewer has nothing to say about', () => {
        expect(workspace.document(STRONG).diagnostics).toEqual([]);
    });

    it('has a weak plan that draws the reviewer\'s warnings', () => {
        expect(diagnosticCodes(workspace.document(WEAK))).toEqual(expect.arrayContaining([
            'kam.missing-executive', 'kam.missing-finance-contact', 'kam.missing-user', 'kam.missing-champion',
            'kam.single-threaded', 'kam.objective-without-owner', 'kam.objective-without-due-date', 'kam.objective-without-kpi',
        ]));
    });
});
