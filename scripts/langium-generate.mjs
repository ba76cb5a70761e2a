// `npm run langium:generate`: Langium's generator in production mode, its output passed on as it is
// but for one warning it gives for every entry that takes one value (`tier=` inside a block's
// repeated entries: "Found multiple assignments … Consider using '+=' instead"). That is the
// grammar's design: the parser keeps an entry's first value and the reviewer reports a later one
// (language/src/syntax/kam-parser.ts, kam.duplicate-entry), so those lines become one.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ONE_VALUE = /^\S+:\d+:\d+ - Found multiple assignments to '(\w+)' with the '=' assignment operator\. Consider using '\+=' instead to prevent data loss\.$/;

/** The generator's output without its warnings about one-value entries, and those entries' names. */
export function withoutOneValueWarnings(output) {
    const entries = [];
    const kept = output.split('\n').filter((line) => {
        const match = ONE_VALUE.exec(line.trim());
        if (match) entries.push(match[1]);
        return !match;
    });
    return { output: kept.join('\n'), entries };
}

/** The line said instead of the warnings. */
export function oneValueSummary(entries) {
    return `${entries.length} entries take one value (${entries.slice(0, 3).join(', ')} …): Langium's warning for each is expected, the parser keeps the first value (kam-parser.ts).`;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
    // The package exports its library only: its command sits beside it.
    const langium = path.join(path.dirname(fileURLToPath(import.meta.resolve('langium-cli'))), '..', 'bin', 'langium.js');
    const run = spawnSync(process.execPath, [langium, 'generate', '--mode=production', ...process.argv.slice(2)], { encoding: 'utf8' });
    if (run.error) throw run.error;
    const entries = [];
    for (const stream of ['stdout', 'stderr']) {
        const filtered = withoutOneValueWarnings(run[stream]);
        entries.push(...filtered.entries);
        process[stream].write(filtered.output);
    }
    if (entries.length) console.log(oneValueSummary(entries));
    process.exitCode = run.status ?? 1;
}
