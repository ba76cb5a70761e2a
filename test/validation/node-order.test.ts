/**
 * The reviewer's checks visit a plan's nodes by a plain walk (nodesInOrder), not Langium's stream.
 * A reviewer must not notice: the same nodes, each once, in the same order — so findings come out
 * as they did — on every example plan and every plan the fuzzer broke.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, EmptyFileSystem } from 'langium';
import { describe, expect, it } from 'vitest';
import { createKamServices } from '../../language/src/kam-module.js';
import { nodesInOrder } from '../../language/src/validation/kam-document-validator.js';
import { PLAN_CORPUS, ROOT } from '../helpers/plan-corpus.js';

const { Kam } = createKamServices(EmptyFileSystem);

describe('the nodes the checks visit', () => {
    it.each(PLAN_CORPUS)('are those of Langium’s stream over %s, in its order', (plan) => {
        const root = Kam.parser.LangiumParser.parse(fs.readFileSync(path.join(ROOT, plan), 'utf8')).value;
        const walked = nodesInOrder(root);
        expect(walked.length).toBeGreaterThan(0);
        const streamed = AstUtils.streamAst(root).toArray();
        expect(walked.length).toBe(streamed.length);
        // The very same node objects, not equal copies.
        expect(walked.every((node, i) => node === streamed[i])).toBe(true);
    });
});
