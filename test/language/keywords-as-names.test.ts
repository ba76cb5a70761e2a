/**
 * Everyday words can be names: `factor profitability`, `objective renewal`, `stakeholder due
 * "Lars Due"`, `member will "Will Turner"`. Every keyword of the grammar, enumerated from the
 * grammar itself, is used as every kind of name, and every reference to it resolves.
 */
import { describe, expect, it } from 'vitest';
import { AstUtils, type Reference } from 'langium';
import { createKamServices } from '../../language/src/kam-module.js';
import { EmptyFileSystem } from 'langium';
import { grammarVocabulary } from '../../language/src/syntax/grammar-vocabulary.js';
import { buildWorkspace } from '../helpers/workspace.js';

const { Kam } = createKamServices(EmptyFileSystem);
const keywords = [...grammarVocabulary(Kam.Grammar).keywords].sort();

describe('keywords as names', () => {
    it('makes every keyword of the grammar a name as well', () => {
        // Each word keyword's token is also an ID (a token category): wherever a name is expected, it is one.
        const tokens = Kam.parser.Lexer.definition;
        const id = tokens.ID;
        expect(keywords.filter((k) => !(tokens[k]?.CATEGORIES ?? []).includes(id))).toEqual([]);
        expect(keywords.length).toBeGreaterThan(140);
        expect(keywords).toEqual(expect.arrayContaining(['profitability', 'renewal', 'due', 'will', 'key', 'user', 'value', 'market', 'service', 'stage']));
    });

    it('lets every keyword name a team member, a factor, an account, a stakeholder and an objective, and resolves every reference', async () => {
        const files: Record<string, string> = {
            'team.kam': `team people "Our people" {\n${keywords.map((k) => `    member ${k} "Person ${k}"`).join('\n')}\n}\n`,
            'model.kam': `scoring model words "Words" {\n    scale 1 to 10\n${keywords.map((k) => `    factor ${k} weight 1% quantitative future`).join('\n')}\n}\n`,
        };
        keywords.forEach((k, i) => {
            files[`plan-${i}.kam`] = [
                `account ${k} "Account ${k}" {`,
                `    owner ${k}`,
                `    backup owner ${k}`,
                `    scores { ${k} 5 }`,
                `    stakeholder ${k} "Person ${k}" { role executive reports to ${k} relationship owner ${k} }`,
                `    objective ${k} "Objective ${k}" { owner ${k} agreed with ${k} action "Act" owner ${k} }`,
                `    feedback "Heard" { from ${k} }`,
                `    opportunity "More" { with ${k} owner ${k} value 1M ${k} }`,
                `    risk "Risk" { owner ${k} }`,
                '}',
            ].join('\n');
        });
        const workspace = await buildWorkspace(files);
        const problems: string[] = [];
        for (const [name, document] of workspace.documents) {
            for (const d of document.diagnostics ?? []) {
                const code = String(d.code ?? (d.data as { code?: string } | undefined)?.code);
                if (['parsing-error', 'lexing-error', 'linking-error'].includes(code)) problems.push(`${name}:${d.range.start.line + 1}: ${d.message}`);
            }
            for (const ref of AstUtils.streamAst(document.parseResult.value).flatMap((n) => AstUtils.streamReferences(n))) {
                const reference = ref.reference as Reference;
                if (!reference.ref) problems.push(`${name}: ${reference.$refText} does not resolve`);
            }
        }
        expect(problems).toEqual([]);
        // And they point where they should: the owner of account `due` is member `due`.
        const due = workspace.document(`plan-${keywords.indexOf('due')}.kam`).parseResult.value as unknown as { elements: Array<{ owner?: { ref?: { $type: string; name: string } } }> };
        expect(due.elements[0].owner?.ref).toMatchObject({ $type: 'TeamMember', name: 'due' });
    });
});
