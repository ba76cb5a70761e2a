import * as fs from 'node:fs';
import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');

/** Every example plan and every plan the fuzzer broke, by path from the repository's root. */
export const PLAN_CORPUS = [
    'examples/portfolio/scoring-model.kam',
    'examples/portfolio/team.kam',
    ...fs.readdirSync(path.join(ROOT, 'examples/portfolio/accounts')).filter((f) => f.endsWith('.kam')).map((f) => `examples/portfolio/accounts/${f}`),
    ...fs.readdirSync(path.join(ROOT, 'test/fuzz/regressions')).filter((f) => f.endsWith('.kam')).map((f) => `test/fuzz/regressions/${f}`),
];
