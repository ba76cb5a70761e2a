/** Completion that knows the domain: values with their meaning, references with who they are, units, snippets. */
import { describe, expect, it } from 'vitest';
import { expectCompletion } from 'langium/test';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { editingWorkspace } from './editing-fixture.js';

const workspace = await editingWorkspace();
const complete = expectCompletion(workspace.services);

/** The completion items at `<|>` in a plan. */
async function itemsAt(text: string): Promise<CompletionItem[]> {
    let items: CompletionItem[] = [];
    await complete({ text, index: 0, assert: (list: CompletionList) => { items = list.items; }, disposeAfterCheck: true });
    return items;
}

const inStakeholder = (body: string) => `account Acme "Acme" {\n    stakeholder kim "Kim Berg" {\n        ${body}\n    }\n}\n`;

describe('completion of domain values', () => {
    it('offers the roles, each with what it cares about', async () => {
        const items = await itemsAt(inStakeholder('role <|>'));
        const roles = items.filter((i) => i.kind === CompletionItemKind.EnumMember).map((i) => i.label);
        expect(roles).toEqual(['executive', 'economic-buyer', 'finance', 'department-head', 'user', 'technical-buyer', 'champion', 'coach', 'gatekeeper', 'influencer']);
        const finance = items.find((i) => i.label === 'finance')!;
        expect(finance.detail).toBe('stakeholder role');
        expect(finance.documentation).toEqual({ kind: 'markdown', value: 'Role **finance**: cares about cost against budget and about payment terms.' });
    });

    it('offers stances, influence levels and cadences', async () => {
        const values = async (body: string) => (await itemsAt(inStakeholder(body))).filter((i) => i.kind === CompletionItemKind.EnumMember).map((i) => i.label);
        expect(await values('stance <|>')).toEqual(['champion', 'supporter', 'neutral', 'skeptic', 'blocker']);
        expect(await values('influence <|>')).toEqual(['high', 'medium', 'low']);
        expect(await values('cadence <|>')).toEqual(['weekly', 'fortnightly', 'monthly', 'quarterly', 'half-yearly', 'yearly']);
    });

    it('offers KPI units, those already used in the plan first', async () => {
        const text = 'account Acme {\n    objective o {\n        kpi "Visits" current 1 target 2 unit "calls"\n        kpi "Share" current 10% target 20% unit <|>\n    }\n}\n';
        const labels = (await itemsAt(text)).filter((i) => i.kind === CompletionItemKind.Unit).map((i) => i.label);
        expect(labels.slice(0, 3)).toEqual(['"calls"', '"%"', '"days"']);
        expect(labels).toContain('"EUR"');
    });

    it('offers the KPI directions after the target (or unit), with what they mean', async () => {
        const items = await itemsAt('account Acme {\n    objective o {\n        kpi "Lead time" current 12 target 10 unit "days" <|>\n    }\n}\n');
        expect(items.filter((i) => i.kind === CompletionItemKind.EnumMember).map((i) => i.label)).toEqual(['higher-is-better', 'lower-is-better']);
        const lower = items.find((i) => i.label === 'lower-is-better')!;
        expect(lower.detail).toBe('kpi direction');
        expect((lower.documentation as { value: string }).value).toContain('reached at or below its target');
    });

    it("offers the review date for dates", async () => {
        const items = await itemsAt(inStakeholder('last contact <|>'));
        expect(items.map((i) => i.label)).toContain('2026-11-24');
    });
});

describe('completion of references', () => {
    it('offers team members with their name and title', async () => {
        const items = await itemsAt('account Acme {\n    owner <|>\n}\n');
        expect(items.map((i) => [i.label, i.detail])).toEqual(expect.arrayContaining([
            ['anna', 'Anna Keller, Key Account Director'],
            ['ben', 'Ben Ortiz, Key Account Manager'],
            ['chiara', 'Chiara Rossi, Solutions Engineer'],
        ]));
    });

    it("offers the account's stakeholders", async () => {
        const text = 'account Acme {\n    stakeholder kim "Kim Berg" { title "CFO" }\n    stakeholder lee "Lee Park" {\n        reports to <|>\n    }\n}\n';
        const items = await itemsAt(text);
        expect(items.filter((i) => i.kind === CompletionItemKind.Reference).map((i) => [i.label, i.detail])).toContainEqual(['kim', 'Kim Berg, CFO']);
    });

    it('offers the scoring factors with their weights', async () => {
        const items = await itemsAt('account Acme {\n    scores {\n        <|>\n    }\n}\n');
        expect(items.map((i) => [i.label, i.detail])).toContainEqual(['potentialRevenue', 'Potential revenue, weight 25%']);
    });
});

describe('snippets', () => {
    it.each([
        ['an account', '<|>', 'account …', 'account ${1:AccountName} "${2:Display name}" {'],
        ['a stakeholder', 'account Acme {\n    <|>\n}\n', 'stakeholder …', 'stakeholder ${1:id} "${2:Full Name}" {'],
        ['an objective', 'account Acme {\n    <|>\n}\n', 'objective …', 'objective ${1:id} "${2:Title}" {'],
        ['a risk', 'account Acme {\n    <|>\n}\n', 'risk …', 'risk "${1:What could go wrong}" {'],
    ])('offer %s', async (_what, text, label, firstLine) => {
        const snippet = (await itemsAt(text)).find((i) => i.label === label);
        expect(snippet?.kind).toBe(CompletionItemKind.Snippet);
        expect(snippet?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect((snippet?.textEdit?.newText ?? '').split('\n')[0]).toBe(firstLine);
    });

    it('fill the stakeholder snippet with the choices of the grammar', async () => {
        const snippet = (await itemsAt('account Acme {\n    <|>\n}\n')).find((i) => i.label === 'stakeholder …');
        expect(snippet?.textEdit?.newText).toContain('\tstance ${6|champion,supporter,neutral,skeptic,blocker|}');
        expect(snippet?.textEdit?.newText).toContain('\tlast contact ${11:2026-11-24}');
        expect(snippet?.textEdit?.newText).toContain('\trelationship owner ${7|anna,ben,chiara|}');
    });
});

it('the snippets expand to plans that parse', async () => {
    const expand = (body: string) => body.replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$0/g, '');
    const items = await itemsAt('account Acme {\n    <|>\n}\n');
    const bodies = items.filter((i) => i.kind === CompletionItemKind.Snippet).map((i) => expand(i.textEdit!.newText));
    expect(bodies).toHaveLength(9);
    const account = expand((await itemsAt('<|>')).find((i) => i.label === 'account …')!.textEdit!.newText);
    const plan = account.replace(/\n}$/, `\n${bodies.join('\n')}\n}`);
    const document = await workspace.services.shared.workspace.LangiumDocumentFactory.fromString(plan, (await import('langium')).URI.parse('file:///workspace/snippets.kam'));
    expect(document.parseResult.lexerErrors).toEqual([]);
    expect(document.parseResult.parserErrors).toEqual([]);
});

describe('completion in a broken plan', () => {
    it('after a stray closing brace, proposes no owner rather than failing in the scope provider', async () => {
        const errors: unknown[] = [];
        const original = console.error;
        console.error = (...args: unknown[]) => { errors.push(args); };
        try {
            await itemsAt('}\naccount Granite "Granite Quarries" {\n    owner <|>ben\n}\n');
            await itemsAt('}\naccount Granite "Granite Quarries" {\n// A major account.\n    owner ben<|>');
        } finally {
            console.error = original;
        }
        expect(errors).toEqual([]);
    });
});
