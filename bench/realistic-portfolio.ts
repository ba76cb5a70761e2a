/**
 * A realistic portfolio for the benchmark, made of the example plans: the examples' scoring model,
 * team and kam.config.json, and N account plans, each a copy of one of the eight examples under
 * its own name (about 150 lines and 6 KB a plan, every reference resolving), in folders of 100.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

const EXAMPLES = path.resolve(__dirname, '../../examples');

function examplePlans(examples: string): Array<{ name: string; text: string }> {
    const folder = path.join(examples, "portfolio/accounts");
    return fs.readdirSync(folder).filter((f) => f.endsWith('.kam')).sort()
        .map((file) => ({ name: file, text: fs.readFileSync(path.join(folder, file), 'utf8') }));
}

/** Writes the portfolio into `folder` (emptied first); returns the plan files and the total size. */
export function writeRealisticPortfolio(folder: string, plans: number, examples = EXAMPLES): { files: string[]; lines: number; bytes: number } {
    fs.rmSync(folder, { recursive: true, force: true });
    fs.mkdirSync(folder, { recursive: true });
    for (const file of ['kam.config.json', 'portfolio/team.kam', 'portfolio/scoring-model.kam']) {
        fs.mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
        fs.copyFileSync(path.join(examples, file), path.join(folder, file));
    }
    const templates = examplePlans(examples);
    const files: string[] = [];
    let lines = 0;
    let bytes = 0;
    for (let i = 0; i < plans; i++) {
        const template = templates[i % templates.length];
        // `account nordwind "Nordwind Logistics"` → `account nordwind_123 "Nordwind Logistics 123"`.
        const text = template.text.replace(/^account (\S+) "([^"]*)"/m, `account $1_${i} "$2 ${i}"`);
        const dir = path.join(folder, 'portfolio/accounts', `group-${String(Math.floor(i / 100)).padStart(3, '0')}`);
        fs.mkdirSync(dir, { recursive: true });
        const file = path.join(dir, `${template.name.replace(/\.kam$/, '')}-${i}.kam`);
        fs.writeFileSync(file, text);
        files.push(file);
        lines += text.split('\n').length;
        bytes += Buffer.byteLength(text);
    }
    return { files, lines, bytes };
}
