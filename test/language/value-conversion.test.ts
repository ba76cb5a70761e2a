/**
 * A value's conversion is chosen once per grammar element and rule (kam-value-converter.ts), not
 * worked out again for every name, number and text parsed. A reviewer must not notice: every
 * example plan and every plan the fuzzer broke reads into the same values as with the choice made
 * afresh for each value — names as written, amounts and KPI figures as the plan writes them,
 * scores and weights as numbers, quoted texts without their quotes and escapes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DefaultValueConverter, EmptyFileSystem, type CstNode, type ValueType } from 'langium';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { shape } from '../helpers/syntax-shape.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamValueConverter } from '../../language/src/syntax/kam-value-converter.js';

const { Kam } = createKamServices(EmptyFileSystem);

/** Each value converted by a converter that has never seen the grammar element or the rule before. */
class ChosenAfresh extends DefaultValueConverter {
    override convert(input: string, cstNode: CstNode): ValueType {
        return new KamValueConverter().convert(input, cstNode);
    }
}
const afresh = createKamServices(EmptyFileSystem, { parser: { ValueConverter: () => new ChosenAfresh() } }).Kam;

describe('values converted by a choice made once per grammar element', () => {
    it.each(PLAN_CORPUS)('reads %s into the same values as a choice made for each value', (plan) => {
        const text = fs.readFileSync(path.join(ROOT, plan), 'utf8');
        expect(shape(Kam.parser.LangiumParser.parse(text).value)).toEqual(shape(afresh.parser.LangiumParser.parse(text).value));
    });

    it('reads an empty file and a plan cut off inside an entry into the same values', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        for (const cut of ['', ...[0.15, 0.4, 0.65, 0.9].map((share) => text.slice(0, Math.floor(text.length * share)))]) {
            expect(shape(Kam.parser.LangiumParser.parse(cut).value)).toEqual(shape(afresh.parser.LangiumParser.parse(cut).value));
        }
    });

    it('keeps an amount as written, converts a score and reads a text in quotes', () => {
        const text = [
            'account acme "Acme \\"Group\\"" {',
            '    revenue current 1.50M EUR potential 2000 EUR',
            '    scores { grossMargin 7.5 because "thin \\\\ margins" }',
            '}',
        ].join('\n');
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        const plan = Kam.parser.LangiumParser.parse(text).value as unknown as { elements: Array<Record<string, any>> };
        expect(shape(plan)).toEqual(shape(afresh.parser.LangiumParser.parse(text).value));
        const [account] = plan.elements;
        expect(account.name).toBe('acme');
        expect(account.title).toBe('Acme "Group"');
        expect(account.revenue!.current.amount).toBe('1.50M');
        expect(account.revenue!.potential.amount).toBe('2000');
        expect(account.revenue!.current.currency).toBe('EUR');
        expect(account.scores!.scores[0].value).toBe(7.5);
        expect(account.scores!.scores[0].rationale).toBe('thin \\ margins');
    });
});
