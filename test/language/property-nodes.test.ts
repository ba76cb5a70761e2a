/**
 * A finding and an inlay hint sit where the property is written (syntax/property-nodes.ts). A
 * writer must not notice the shortcut: on every example plan and every plan the fuzzer broke, for
 * every element and every property it may have, the place found is the syntax node Langium's
 * GrammarUtils.findNodeForProperty finds — also for a property left out, and inside elements the
 * parser read only in part.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem, GrammarUtils, type AstNode } from 'langium';
import { describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { createKamServices } from '../../language/src/kam-module.js';
import { nodeForProperty } from '../../language/src/syntax/property-nodes.js';

const { Kam } = createKamServices(EmptyFileSystem);
const reflection = Kam.shared.AstReflection;

/** Each element's properties as the grammar declares them, found or not, as "type.property @ offset+length". */
function places(text: string, find: (node: AstNode, property: string) => { offset: number; length: number } | undefined): string[] {
    const root = Kam.parser.LangiumParser.parse(text).value;
    const found: string[] = [];
    for (const node of AstUtils.streamAst(root)) {
        for (const property of Object.keys(reflection.getTypeMetaData(node.$type).properties)) {
            const place = find(node, property);
            found.push(`${node.$type}.${property} @ ${place ? `${place.offset}+${place.length}` : 'none'}`);
        }
    }
    return found;
}

describe('where a property is written', () => {
    it.each(PLAN_CORPUS)('is the syntax node Langium finds, for every element of %s', (plan) => {
        const text = fs.readFileSync(path.join(ROOT, plan), 'utf8');
        const ours = places(text, (node, property) => nodeForProperty(node.$cstNode, property));
        expect(ours.some((p) => !p.endsWith('none'))).toBe(true);
        expect(ours).toEqual(places(text, (node, property) => GrammarUtils.findNodeForProperty(node.$cstNode, property)));
    });

    it('is the index-th place as Langium finds it, the last for an index past the end', () => {
        const text = fs.readFileSync(path.join(ROOT, 'examples/portfolio/accounts/nordwind-logistics.kam'), 'utf8');
        const root = Kam.parser.LangiumParser.parse(text).value;
        let lists = 0;
        for (const node of AstUtils.streamAst(root)) {
            for (const [property, value] of Object.entries(node)) {
                if (!Array.isArray(value) || property.startsWith('$')) continue;
                lists++;
                for (const index of [0, 1, value.length - 1, value.length + 3]) {
                    expect(nodeForProperty(node.$cstNode, property, index), `${node.$type}.${property}[${index}]`).toBe(GrammarUtils.findNodeForProperty(node.$cstNode, property, index));
                }
            }
        }
        expect(lists).toBeGreaterThan(10);
    });

    it('is nowhere for a node without syntax or a property not named', () => {
        expect(nodeForProperty(undefined, 'name')).toBeUndefined();
        const root = Kam.parser.LangiumParser.parse('account acme "Acme" { tier key }').value;
        expect(nodeForProperty(root.$cstNode, '')).toBeUndefined();
        const account = AstUtils.streamAst(root).find((n) => n.$type === 'Account')!;
        expect(nodeForProperty(account.$cstNode, 'name')?.text).toBe('acme');
        expect(nodeForProperty(account.$cstNode, 'stakeholders')).toBeUndefined();
    });
});
