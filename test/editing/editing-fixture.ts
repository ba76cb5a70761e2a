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
