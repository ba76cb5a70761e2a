/**
 * `kam report --out` with a page made part by part: the file is the parts in order, and a page that
 * fails half-way (a bug in kam) leaves neither half a report nor a temporary file, and the old report
 * as it was.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeReportFile } from '../../cli/src/report-file.js';
import { CliError } from '../../cli/src/errors.js';

let dir: string;
beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kam-report-file-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function* page(failAfter?: number): Generator<string> {
    const parts = ['<!DOCTYPE html>\n<main>', '<section>Needs attention — Nordwind</section>', '<section>Findings by account</section>', '</main>\n'];
    for (const [i, part] of parts.entries()) {
        if (i === failAfter) throw new TypeError('the findings section broke');
        yield part;
    }
}

describe('a report written part by part', () => {
    it('holds the parts in order, and nothing else', () => {
        const out = path.join(dir, 'portfolio.html');
        writeReportFile(out, page(), { inputs: new Set() });
        expect(fs.readFileSync(out, 'utf8')).toBe([...page()].join(''));
        expect(fs.readdirSync(dir)).toEqual(['portfolio.html']);
    });

    it('that fails half-way leaves no half report, no temporary file, and the old report as it was', () => {
        const out = path.join(dir, 'portfolio.html');
        fs.writeFileSync(out, 'last quarter\'s report');
        let thrown: unknown;
        try {
            writeReportFile(out, page(2), { force: true, inputs: new Set() });
        } catch (error) {
            thrown = error;
        }
        // kam's own bug, told as one (an internal error), not as a disk that could not be written.
        expect(thrown).toBeInstanceOf(TypeError);
        expect(thrown).not.toBeInstanceOf(CliError);
        expect(fs.readFileSync(out, 'utf8')).toBe('last quarter\'s report');
        expect(fs.readdirSync(dir)).toEqual(['portfolio.html']);
    });
});
