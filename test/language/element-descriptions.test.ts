/**
 * The descriptions of named elements — what the index exports (accounts, team members, scoring
 * factors) and each account's stakeholders — are one small object each, their places in the text
 * worked out when first read (kam-ast-descriptions.ts). Go to definition, the outline and
 * workspace symbols must not notice: every description of the example portfolio and of the plans
 * the fuzzer broke reads as Langium's own provider writes it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DefaultAstNodeDescriptionProvider, type AstNodeDescription, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, it } from 'vitest';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';
import { buildWorkspace, type TestWorkspace } from '../helpers/workspace.js';
import { KamAstNodeDescriptionProvider } from '../../language/src/workspace/kam-ast-descriptions.js';

let workspace: TestWorkspace;

beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const file of PLAN_CORPUS) files[file.replace(/\//g, '_')] = fs.readFileSync(path.join(ROOT, file), 'utf8');
    workspace = await buildWorkspace(files);
}, 60_000);

/** Every field a reader of a description can ask for. */
function fields(description: AstNodeDescription): unknown {
    return {
        node: description.node, name: description.name, type: description.type, documentUri: description.documentUri.toString(), path: description.path,
        nameSegment: description.nameSegment, selectionSegment: description.selectionSegment,
    };
}

function documents(): LangiumDocument[] {
    return [...workspace.documents.values()];
}

describe('descriptions of named elements', () => {
    it('are made by the Kam provider', () => {
        expect(workspace.services.workspace.AstNodeDescriptionProvider).toBeInstanceOf(KamAstNodeDescriptionProvider);
    });

    it('read, for every element the index exports, as Langium\'s provider writes them', () => {
        const langiums = new DefaultAstNodeDescriptionProvider(workspace.services);
        const exported = workspace.services.shared.workspace.IndexManager.allElements().toArray();
        expect(exported.length).toBeGreaterThan(20);
        for (const description of exported) {
            expect(fields(description)).toEqual(fields(langiums.createDescription(description.node!, description.name)));
        }
    });

    it('read, for every stakeholder of every plan, as Langium\'s provider writes them', () => {
        const langiums = new DefaultAstNodeDescriptionProvider(workspace.services);
        let stakeholders = 0;
        for (const document of documents()) {
            for (const node of AstUtils.streamAst(document.parseResult.value)) {
                for (const description of document.localSymbols?.getStream(node) ?? []) {
                    stakeholders++;
                    expect(fields(description)).toEqual(fields(langiums.createDescription(description.node!, description.name, document)));
                }
            }
        }
        expect(stakeholders).toBeGreaterThan(30);
    });

    it('refuse an element without a name, as Langium does', () => {
        const provider = workspace.services.workspace.AstNodeDescriptionProvider;
        const account = AstUtils.streamAst(documents()[0].parseResult.value).find((node) => node.$type === 'Account' || node.$type === 'Team' || node.$type === 'ScoringModel')!;
        expect(() => provider.createDescription({ ...account, name: undefined } as never, undefined, documents()[0])).toThrow(/has no name/);
    });
});
