/**
 * A realistic portfolio for the benchmark, made of the example plans: the examples' scoring model,
 * team and kam.config.json, and N account plans, each a copy of one of the eight examples under
 * its own name (about 150 lines and 6 KB a plan, every reference resolving), in folders of 100.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The examples folder, from the bundle (out/bench) or from the sources (bench/). */
export function examplesFolder(): string {
    for (const candidate of [path.resolve(__dirname, '../../examples'), path.resolve(__dirname, '../examples')]) {
        if (fs.existsSync(path.join(candidate, 'kam.config.json'))) return candidate;
    }
    throw new Error('The examples folder was not found next to the benchmark.');
}

/** The portfolio's files as `{ path relative to its root: text }`. */
export function realisticPortfolio(plans: number, examples = examplesFolder()): Map<string, string> {
    const files = new Map<string, string>();
    for (const file of ['kam.config.json', 'portfolio/team.kam', 'portfolio/scoring-model.kam']) {
        files.set(file, fs.readFileSync(path.join(examples, file), 'utf8'));
    }
    const folder = path.join(examples, 'portfolio/accounts');
    const templates = fs.readdirSync(folder).filter((f) => f.endsWith('.kam')).sort()
        .map((file) => ({ name: file.replace(/\.kam$/, ''), text: fs.readFileSync(path.join(folder, file), 'utf8') }));
    for (let i = 0; i < plans; i++) {
        const template = templates[i % templates.length];
        // `account nordwind "Nordwind Logistics"` → `account nordwind_123 "Nordwind Logistics 123"`.
        const text = template.text.replace(/^account (\S+) "([^"]*)"/m, `account $1_${i} "$2 ${i}"`);
        files.set(`portfolio/accounts/group-${String(Math.floor(i / 100)).padStart(3, '0')}/${template.name}-${i}.kam`, text);
    }
    return files;
}

/** Writes the portfolio into `folder` (emptied first); returns its size. */
export function writeRealisticPortfolio(folder: string, plans: number): { files: number; lines: number; bytes: number } {
    fs.rmSync(folder, { recursive: true, force: true });
    let lines = 0;
    let bytes = 0;
    const files = realisticPortfolio(plans);
    for (const [file, text] of files) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.writeFileSync(path.join(folder, file), text);
        if (file.endsWith('.kam')) {
            lines += text.split('\n').length;
            bytes += Buffer.byteLength(text);
        }
    }
    return { files: files.size, lines, bytes };
}
