/**
 * The floor under every cold budget: a process that does nothing but read a portfolio's plans and
 * parse them with Langium's parser, keeping the trees as a build does. No index, no linking, no
 * validation, no output. `npm run bench` times it as a whole process beside `kam validate`, with
 * the heap sized as kam sizes it, so the two differ only by the work the language adds.
 *
 * Usage: node out/bench/parse-floor.cjs FOLDER
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createKamServices } from '../language/src/kam-module.js';
import { growHeapForPortfolioBuild, holdYoungGeneration } from '../cli/src/heap-growth.js';

const folder = process.argv[2];
if (!folder) {
    console.error('usage: parse-floor FOLDER');
    process.exit(2);
}
const parser = createKamServices(EmptyFileSystem).Kam.parser.LangiumParser;
const plans = (fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }) as string[]).filter((file) => file.endsWith('.kam'));
// The heap sized as kam sizes it for a portfolio's build (cli/src/heap-growth.ts).
growHeapForPortfolioBuild(plans.length);
const trees: unknown[] = [];
for (const plan of plans) {
    trees.push(parser.parse(fs.readFileSync(path.join(folder, plan), 'utf8')));
    holdYoungGeneration();
}
console.log(`${trees.length} plans parsed`);
