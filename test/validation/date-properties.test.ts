/**
 * Every date a plan holds is checked: a review, a renewal or a meeting written as 2027-02-30 (or
 * with a mistyped year) is flagged where it stands, not silently left out of the reviewer's counts.
 * The example plans, with every date made impossible, must draw one `kam.invalid-date` per date;
 * and they must hold a date of every kind the grammar has, so no kind escapes that count.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AstUtils, GrammarAST, isAstNode, type AstNode } from 'langium';
import { buildWorkspace } from '../helpers/workspace.js';
import { nodesInOrder } from '../../language/src/validation/kam-document-validator.js';

const EXAMPLES = path.resolve(__dirname, '../../examples/portfolio');
const DATE = /\b\d{4}-\d{2}-\d{2}\b/g;

/** The example plans, and one with what they lack: a stakeholder who left. */
function examplePlans(): Record<string, string> {
    const files = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.kam'));
    return {
        ...Object.fromEntries(files.map((f) => [f, fs.readFileSync(path.join(EXAMPLES, f), 'utf8')])),
        'accounts/departed.kam': `account Departed "Departed Ltd" {
    owner james
    stakeholder moss "Ada Moss" { role finance left 2026-06-30 "Moved to a competitor" }
}
`,
    };
}

describe('dates in a plan', () => {
    it('each one written impossibly (2027-02-30) draws its own kam.invalid-date, at that date', async () => {
        const plans = Object.fromEntries(Object.entries(examplePlans()).map(([file, text]) => [file, text.replace(DATE, (d) => `${d.slice(0, 4)}-02-30`)]));
        const workspace = await buildWorkspace(plans);
        for (const [file, text] of Object.entries(plans)) {
            const written = [...text.matchAll(DATE)].filter((m) => !isInComment(text, m.index)).map((m) => m[0]);
            const document = workspace.document(file);
            const flagged = (document.diagnostics ?? []).filter((d) => d.code === 'kam.invalid-date').map((d) => document.textDocument.getText(d.range));
            expect(flagged, file).toEqual(expect.arrayContaining(written));
            expect(flagged.length, file).toBe(written.length);
        }
    });

    it('a mistyped year (0026) in a review, a contract and a meeting is flagged too', async () => {
        const plans = examplePlans();
        const file = 'accounts/hartwell-foods.kam';
        const text = plans[file].replace('last reviewed 2026-10-20', 'last reviewed 0026-10-20')
            .replace(/renewal 2027-09-30/, 'renewal 0027-09-30').replace('meeting 2026-10-20', 'meeting 0026-10-20');
        const workspace = await buildWorkspace({ ...plans, [file]: text });
        const document = workspace.document(file);
        const messages = (document.diagnostics ?? []).filter((d) => d.code === 'kam.invalid-date').map((d) => d.message);
        expect(messages).toEqual(expect.arrayContaining([
            expect.stringContaining('did you mean 2026-10-20?'),
            expect.stringContaining('did you mean 2027-09-30?'),
        ]));
        expect(messages).toHaveLength(3);
    });

    it('the examples hold a date of every kind the grammar has', async () => {
        const workspace = await buildWorkspace(examplePlans());
        const kinds = new Set<string>();
        for (const rule of workspace.services.Grammar.rules) {
            if (!GrammarAST.isParserRule(rule) || rule.fragment) continue;
            // A fragment's assignments (an action's `due`) are the calling rule's.
            const fragments = AstUtils.streamAllContents(rule).filter(GrammarAST.isRuleCall).map((call) => call.rule.ref)
                .filter((called): called is GrammarAST.ParserRule => GrammarAST.isParserRule(called) && called.fragment).toArray();
            for (const part of [rule, ...fragments]) {
                for (const assignment of AstUtils.streamAllContents(part).filter(GrammarAST.isAssignment)) {
                    // The node's type: `NextStep infers Action` makes actions.
                    const type = rule.inferredType?.name ?? rule.returnType?.ref?.name ?? rule.name;
                    if (GrammarAST.isRuleCall(assignment.terminal) && assignment.terminal.rule.ref?.name === 'DATE') kinds.add(`${type}.${assignment.feature}`);
                }
            }
        }
        expect(kinds.size).toBeGreaterThan(10);
        const held = new Set<string>();
        for (const document of workspace.documents.values()) {
            for (const node of nodesInOrder(document.parseResult.value)) {
                for (const [property, value] of Object.entries(node)) {
                    if (!property.startsWith('$') && !isAstNode(value) && kinds.has(`${(node as AstNode).$type}.${property}`) && value !== undefined) held.add(`${node.$type}.${property}`);
                }
            }
        }
        expect([...kinds].filter((k) => !held.has(k)).join(', ')).toBe('');
    });
});

/** Whether the text at `offset` lies in a `//` comment (dates in comments are prose). */
function isInComment(text: string, offset: number): boolean {
    const lineStart = text.lastIndexOf('\n', offset) + 1;
    const before = text.slice(lineStart, offset);
    // A `//` outside a quoted text starts a comment.
    let quoted = false;
    for (let i = 0; i < before.length; i++) {
        if (before[i] === '"') quoted = !quoted;
        else if (!quoted && before.startsWith('//', i)) return true;
    }
    return false;
}
