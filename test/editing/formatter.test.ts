/**
 * The formatter: lays plans out the same way every time, and only ever moves whitespace.
 * Every example plan must come out with the same syntax tree and the same comments, and a
 * second run must change nothing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'langium/test';
import { buildWorkspace, type TestWorkspace } from '../helpers/workspace.js';
import { EXAMPLES, readPlans } from '../helpers/portfolio-fixture.js';
import { astShape, comments, formatText } from './format-helpers.js';

let workspace: TestWorkspace;
const examples = readPlans(EXAMPLES);

beforeAll(async () => {
    workspace = await buildWorkspace(examples);
});

describe('formatting every example plan', () => {
    it('finds the example portfolio', () => {
        expect(Object.keys(examples).length).toBeGreaterThanOrEqual(3);
    });

    it.each(Object.keys(examples))('%s keeps its syntax tree and comments, and a second run changes nothing', async (name) => {
        const original = workspace.document(name);
        const once = await formatText(workspace.services, original.textDocument.getText());
        const formatted = await parseDocument(workspace.services, once);
        expect(formatted.parseResult.lexerErrors).toEqual([]);
        expect(formatted.parseResult.parserErrors).toEqual([]);
        expect(astShape(formatted.parseResult.value)).toEqual(astShape(original.parseResult.value));
        expect(comments(formatted)).toEqual(comments(original));
        expect(await formatText(workspace.services, once)).toBe(once);
    });

    it.each(Object.keys(examples))('%s with its indentation scrambled and trailing spaces formats back to the original', async (name) => {
        const original = workspace.document(name).textDocument.getText();
        const formatted = await formatText(workspace.services, original);
        const scrambled = original.split('\n').map((line, i) => ' '.repeat((i * 7) % 5) + line.trim() + (i % 3 ? '  ' : '')).join('\n');
        expect(await formatText(workspace.services, scrambled)).toBe(formatted);
    });
});

describe('the layout', () => {
    it('puts one entry per line, indents blocks and keeps comments with what they annotate', async () => {
        const messy = [
            '// Danube Foods',
            '   account DanubeFoods   "Danube Foods"{ tier key',
            '  owner anna    backup owner ben // Anna is on leave in March',
            '',
            '',
            '',
            '        // the decision-making unit',
            'stakeholder horvat "Ivana Horvat" { role executive ,finance influence high',
            '   trusted advisor 8 strategic partner 6 }',
            '  /* numbers',
            '     from the QBR */',
            '    objective fewerStops "Cut unplanned line stops" { due 2027-06-30',
            'kpi "Unplanned stops per month" current 12 target 8 unit "stops" } }',
        ].join('\n');
        expect(await formatText(workspace.services, messy)).toBe([
            '// Danube Foods',
            'account DanubeFoods "Danube Foods" {',
            '    tier key',
            '    owner anna',
            '    backup owner ben // Anna is on leave in March',
            '',
            '    // the decision-making unit',
            '    stakeholder horvat "Ivana Horvat" {',
            '        role executive, finance',
            '        influence high',
            '        trusted advisor 8',
            '        strategic partner 6',
            '    }',
            '    /* numbers',
            '       from the QBR */',
            '    objective fewerStops "Cut unplanned line stops" {',
            '        due 2027-06-30',
            '        kpi "Unplanned stops per month" current 12 target 8 unit "stops"',
            '    }',
            '}',
            '',
        ].join('\n'));
    });

    it('keeps a long entry continued on the next line, one level deeper', async () => {
        const team = 'team Sales {\nmember anna "Anna Keller"\n  title "Key Account Director"\n      capacity 3 key accounts\n}\n';
        expect(await formatText(workspace.services, team)).toBe(
            'team Sales {\n    member anna "Anna Keller"\n        title "Key Account Director"\n        capacity 3 key accounts\n}\n');
    });

    it('uses tabs when the editor does', async () => {
        const formatted = await formatText(workspace.services, 'team Sales { member anna "Anna Keller" }', { insertSpaces: false, tabSize: 4 });
        expect(formatted).toBe('team Sales {\n\tmember anna "Anna Keller"\n}\n');
    });

    it('leaves a plan with syntax errors alone', async () => {
        const broken = 'account Broken "Broken" {\n  tier key\n      stakeholder x {\n';
        expect(await formatText(workspace.services, broken)).toBe(broken);
    });
});

describe('formatting is idempotent on what people actually type', async () => {
    const { createKamServices } = await import('../../language/src/kam-module.js');
    const { EmptyFileSystem } = await import('langium');
    const { Kam } = createKamServices(EmptyFileSystem);
    const samples: Array<[string, string]> = [
        ['a comment indented with tabs inside a block', 'account a {\nindustry "x"\n\t\t// c\ntier key\n}\n'],
        ['a comment after the last entry', 'account a {\n    tier key\n        // closing thoughts\n}\n'],
        ['a block comment between entries', 'account a {\ntier key\n\t/* two\n\t   lines */\nowner anna\n}\n'],
        ['a trailing comment on an entry', 'account a {\n  tier key   // why key\n  owner anna\n}\n'],
        ['comments at the top and between elements', '// top\n\n\n// about a\naccount a { tier key }\n// between\nteam t { member anna }\n'],
        ['windows line endings', 'account a {\r\n\ttier key\r\n\t// c\r\n}\r\n'],
    ];
    for (const [what, text] of samples) {
        it(what, async () => {
            const once = await formatText(Kam, text);
            const twice = await formatText(Kam, once);
            expect(twice).toBe(once);
            // Lossless: every word and comment is still there.
            const words = (t: string) => t.split(/\s+/).filter(Boolean);
            expect(words(once)).toEqual(words(text));
        });
    }
});
