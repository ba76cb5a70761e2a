/** The editing fixture: a team, a scoring model and two plans, built as one workspace. */
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { buildWorkspace, type TestWorkspace } from '../helpers/workspace.js';
import { readPlans } from '../helpers/portfolio-fixture.js';

export const EDITING_FIXTURE = path.resolve(__dirname, '../fixtures/editing');

export function editingWorkspace(settings: unknown = {}): Promise<TestWorkspace> {
    return buildWorkspace(readPlans(EDITING_FIXTURE), settings);
}

/**
 * A plan of KPIs in every state, hand-checked by the tests: stated and inferred directions,
 * surpassed, reached and open targets, large amounts.
 */
export const KPI_PLAN = `account Kpis "KPI Ltd" {
    owner anna
    objective o "Deliver" {
        owner anna
        kpi "On-time delivery" current 99% target 98% higher-is-better
        kpi "On-time, direction unstated" current 99% target 98%
        kpi "Lead time" current 12 target 10 unit "days" lower-is-better
        kpi "Excursions" current 3 target 5 unit "excursions" lower-is-better
        kpi "Revenue" current 1.2M target 1.4M unit "EUR" higher-is-better
        kpi "Tonnes" current 12000 target 12000
    }
}
`;

/** A workspace with the editing fixture and the KPI plan (as kpis.kam). */
export function kpiWorkspace(): Promise<TestWorkspace> {
    return buildWorkspace({ ...readPlans(EDITING_FIXTURE), 'kpis.kam': KPI_PLAN });
}

/** The position of the start of `text` (its `occurrence`-th appearance) in the document. */
export function positionOf(document: LangiumDocument, text: string, occurrence = 0): Position {
    const content = document.textDocument.getText();
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) {
        offset = content.indexOf(text, offset + 1);
        if (offset < 0) throw new Error(`${JSON.stringify(text)} (#${occurrence}) not in ${document.uri}`);
    }
    return document.textDocument.positionAt(offset);
}

export function wholeDocument(document: LangiumDocument): Range {
    return { start: { line: 0, character: 0 }, end: document.textDocument.positionAt(document.textDocument.getText().length) };
}

/** The text a range covers. */
export function textAt(document: LangiumDocument, range: Range): string {
    return document.textDocument.getText(range);
}
