/**
 * Every quick fix, applied the way VS Code applies it, then the plan reviewed again: the finding
 * is gone, nothing new is wrong, and every line the user wrote is still there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { buildWorkspace, diagnosticCodes } from '../helpers/workspace.js';

const COMMON = path.resolve(__dirname, '../fixtures/validation/_common');
const common = Object.fromEntries(fs.readdirSync(COMMON).map((f) => [`_common/${f}`, fs.readFileSync(path.join(COMMON, f), 'utf8')]));

/** Applies the quick fix for `code` in `plan.kam` and returns the new text and the new review. */
async function applyFix(plan: string, code: string, settings: unknown = {}) {
    const before = await buildWorkspace({ ...common, 'plan.kam': plan }, settings);
    const document = before.document('plan.kam');
    const diagnostic = (document.diagnostics ?? []).find((d) => d.code === code);
    expect(diagnostic, `the plan should draw ${code}`).toBeDefined();
    const actions = (await before.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic!.range, context: { diagnostics: [diagnostic!] },
    })) as CodeAction[];
    expect(actions).toHaveLength(1);
    const edits = actions[0].edit!.changes![document.uri.toString()];
    const text = TextDocument.applyEdits(TextDocument.create('file:///plan.kam', 'kam', 1, plan), edits);
    const after = await buildWorkspace({ ...common, 'plan.kam': text }, settings);
    const fixed = after.document('plan.kam');
    return { title: actions[0].title, text, codes: diagnosticCodes(fixed), errors: (fixed.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => d.message) };
}

/** No line the user wrote may disappear (lines may only be added; weights may only change their numbers). */
function expectNothingDeleted(before: string, after: string) {
    const remaining = after.split('\n').map((l) => l.trim());
    for (const line of before.split('\n').map((l) => l.trim()).filter(Boolean)) {
        expect(remaining.some((r) => r.includes(line.replace(/\s*}$/, ''))), `kept: ${line}`).toBe(true);
    }
}

const ACCOUNT = `account Danube "Danube Foods" {
    tier key
    owner anna
    // The COO is our only contact so far.
    stakeholder horvat "Ivana Horvat" { role executive relationship owner anna }
}
`;

describe('quick fixes', () => {
    for (const [code, role] of [['kam.missing-finance-contact', 'finance'], ['kam.missing-user', 'user'], ['kam.missing-champion', 'champion']] as const) {
        it(`${code}: adds a ${role} stakeholder skeleton to map`, async () => {
            const result = await applyFix(ACCOUNT, code);
            expect(result.title).toBe(`Add a ${role} stakeholder to map`);
            expect(result.codes).not.toContain(code);
            expect(result.errors).toEqual([]);
            expect(result.text).toMatch(new RegExp(`\\n    stakeholder \\w+ "[^"]+" \\{\\n        title "[^"]+"\\n        role ${role}\\n`));
            expectNothingDeleted(ACCOUNT, result.text);
        });
    }

    it('kam.missing-executive: adds an executive skeleton even to a one-line account', async () => {
        const plan = 'account Tiny "Tiny" { owner ben stakeholder u "Una" { role user } }\n';
        const result = await applyFix(plan, 'kam.missing-executive');
        expect(result.codes).not.toContain('kam.missing-executive');
        expect(result.errors).toEqual([]);
        expect(result.text).toContain('role executive');
        expect(result.text).toContain('relationship owner ben');
        expectNothingDeleted(plan, result.text);
    });

    for (const [written, meant] of [['0026-03-01', '2026-03-01'], ['2027-3-1', '2027-03-01']]) {
        it(`kam.invalid-date: writes ${written} as ${meant}`, async () => {
            const plan = ACCOUNT.replace('    owner anna\n', `    owner anna\n    last reviewed ${written}\n`);
            const result = await applyFix(plan, 'kam.invalid-date');
            expect(result.title).toBe(`Write ${meant}`);
            expect(result.text).toContain(`    last reviewed ${meant}\n`);
            expect(result.codes).not.toContain('kam.invalid-date');
            expect(result.errors).toEqual([]);
        });
    }

    it('kam.invalid-date: offers nothing for a day the calendar does not have (the writer chooses)', async () => {
        const before = await buildWorkspace({ ...common, 'plan.kam': ACCOUNT.replace('    owner anna\n', '    owner anna\n    last reviewed 2026-02-30\n') });
        const document = before.document('plan.kam');
        const diagnostic = (document.diagnostics ?? []).find((d) => d.code === 'kam.invalid-date')!;
        expect(diagnostic).toBeDefined();
        const actions = await before.services.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
        });
        expect(actions).toEqual([]);
    });

    it('kam.no-backup-owner: names a colleague from the owner\'s team', async () => {
        const result = await applyFix(ACCOUNT, 'kam.no-backup-owner');
        expect(result.title).toBe('Add Ben Ortiz as backup owner');
        expect(result.text).toContain('    owner anna\n    backup owner ben\n');
        expect(result.codes).not.toContain('kam.no-backup-owner');
        expectNothingDeleted(ACCOUNT, result.text);
    });

    it('kam.weights-not-100: scales the weights proportionally to 100%', async () => {
        const model = `scoring model Lopsided {
    factor revenueToday "Revenue today" weight 30% quantitative past   // what they buy now
    factor growthPotential "Growth potential" weight 30% quantitative future
    factor fitToday "Strategic fit" weight 20% qualitative future
    factor referrals "Referral value" weight 10% qualitative future
}
`;
        const result = await applyFix(model, 'kam.weights-not-100');
        // 30/90 = 33.3%, 30/90 = 33.3%, 20/90 = 22.2%, 10/90 = 11.1%: 99.9%, the missing 0.1 goes to the first largest
        expect([...result.text.matchAll(/weight ([\d.]+)%/g)].map((m) => Number(m[1]))).toEqual([33.4, 33.3, 22.2, 11.1]);
        expect(result.text).toContain('// what they buy now');
        expect(result.codes).not.toContain('kam.weights-not-100');
    });

    it('kam.objective-without-owner, -due-date and -kpi: fill in the objective one line at a time', async () => {
        let plan = `account Rhein "Rhein Chemie" {
    owner ben
    objective growBusiness "Grow the business" {
    }
}
`;
        const original = plan;
        for (const code of ['kam.objective-without-owner', 'kam.objective-without-due-date', 'kam.objective-without-kpi']) {
            const result = await applyFix(plan, code, { today: '2026-11-24' });
            expect(result.codes).not.toContain(code);
            expect(result.errors).toEqual([]);
            plan = result.text;
        }
        expect(plan).toContain('        owner ben\n');
        expect(plan).toContain('        due 2027-02-22\n'); // 90 days after 2026-11-24
        expect(plan).toContain('        kpi "What the customer will measure" current 0 target 1 unit "to agree"\n');
        expectNothingDeleted(original, plan);
    });

    it('kam.risk-without-contingency: adds a contingency line', async () => {
        const plan = `account Kessler "Kessler" {
    risk "Plant in Zwickau may close" { likelihood medium impact high }
}
`;
        const result = await applyFix(plan, 'kam.risk-without-contingency');
        expect(result.text).toContain('    risk "Plant in Zwickau may close" { likelihood medium impact high\n        contingency "What we do if this happens"\n    }\n}');
        expect(result.codes).not.toContain('kam.risk-without-contingency');
        expect(result.errors).toEqual([]);
    });

    it('kam.feedback-without-action and -timeline: add a response with a due date', async () => {
        const plan = `account Penrose "Penrose" {
    owner anna
    stakeholder patel "Ravi Patel" { role finance }
    feedback "Invoices do not match our PO lines" {
        from patel
    }
    feedback "Engineers arrive without parts" {
        action "Stock a parts kit in every van" owner ben
    }
}
`;
        const first = await applyFix(plan, 'kam.feedback-without-action', { today: '2026-11-24' });
        expect(first.text).toContain('        action "Agree the response with Ravi Patel" owner anna due 2026-12-24\n');
        expect(first.codes).not.toContain('kam.feedback-without-action');
        const second = await applyFix(first.text, 'kam.feedback-without-timeline', { today: '2026-11-24' });
        expect(second.text).toContain('action "Stock a parts kit in every van" owner ben due 2026-12-24');
        expect(second.codes).not.toContain('kam.feedback-without-timeline');
        expect(second.errors).toEqual([]);
        expectNothingDeleted(plan, second.text);
    });
});
