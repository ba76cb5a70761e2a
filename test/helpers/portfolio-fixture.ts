import * as fs from 'node:fs';
import * as path from 'node:path';

export const PORTFOLIO_FIXTURE = path.resolve(__dirname, '../fixtures/portfolio');
export const EXAMPLES = path.resolve(__dirname, '../../examples');

/** The `.kam` files of a folder as `{ relative path: text }`. */
export function readPlans(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith('.kam')) files[path.relative(folder, full)] = fs.readFileSync(full, 'utf8');
        }
    };
    walk(folder);
    return files;
}
