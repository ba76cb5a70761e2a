/**
 * `npm run fuzz -- --count 10000 [--seed 1] [--burst-every 10] [--out test-output/fuzz]`: the long
 * fuzz run. Prints progress, then a table of findings by kind; writes a minimal reproduction of each
 * finding to the output folder. Exits 1 when anything was found.
 */
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { FINDING_KINDS, LspFuzzer } from './lsp-fuzz.js';

const { values } = parseArgs({
    options: {
        count: { type: 'string', default: '200' },
        seed: { type: 'string', default: '1' },
        'burst-every': { type: 'string', default: '10' },
        out: { type: 'string', default: 'test-output/fuzz' },
    },
});
const count = Number(values.count);
const seed = Number(values.seed);
const burstEvery = Number(values['burst-every']);
if (![count, seed, burstEvery].every((n) => Number.isInteger(n) && n > 0)) {
    console.error('fuzz: --count, --seed and --burst-every take whole numbers above 0.');
    process.exit(2);
}
const out = path.resolve(values.out!);
const started = Date.now();

async function main(): Promise<void> {
    const fuzzer = new LspFuzzer({
        count, seed, burstEvery, reproductionsDir: out,
        onProgress: (done, findings) => {
            if (done % 100 === 0 || done === count) {
                const minutes = ((Date.now() - started) / 60_000).toFixed(1);
                console.log(`${done}/${count} mutants, ${findings.length} finding${findings.length === 1 ? '' : 's'}, ${minutes} min`);
            }
        },
    });
    const report = await fuzzer.run();
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`\n${report.mutants} mutants (seed ${seed}), ${report.requests} requests, ${seconds} s`);
    console.log('\n| crashes | unanswered | internal errors | malformed results | formatter violations | stale diagnostics |');
    console.log('| ---: | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| ${FINDING_KINDS.map((k) => report.counts[k]).join(' | ')} |`);
    console.log('\nAnswer times (ms; the requests of one mutant are sent together, so they queue):\n');
    console.log('| request | count | median | p95 | max |');
    console.log('| --- | ---: | ---: | ---: | ---: |');
    for (const [method, l] of Object.entries(report.latency)) console.log(`| ${method} | ${l.count} | ${l.median.toFixed(0)} | ${l.p95.toFixed(0)} | ${l.max.toFixed(0)} |`);
    for (const f of report.findings.slice(0, 20)) console.log(`- ${f.kind} ${f.method}: ${f.detail.split('\n')[0]} (from ${f.mutant.seed}: ${f.mutant.applied.join(', ')})`);
    if (report.findings.length) console.log(`\nMinimal reproductions in ${out}`);
    process.exitCode = report.findings.length ? 1 : 0;
}

main().catch((error: unknown) => {
    console.error(`fuzz: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
});
