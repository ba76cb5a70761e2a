/**
 * Runs every reviewer fixture under test/fixtures/validation/<area>/<case>/: the case's `.kam`
 * files (with the shared team and scoring model in _common/) form one workspace, its optional
 * kam.config.json the settings. The folder names the rule area (as in diagnostic-codes.ts): codes
 * of other areas are switched off, so a fixture speaks about one thing; the `all` area keeps every
 * code. Every diagnostic the markers expect must appear with that code, severity and range; every
 * other diagnostic in the case's files is a failure.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagnosticSeverity } from 'vscode-languageserver-protocol';
import { buildWorkspace } from '../helpers/workspace.js';
import { parseMarkers, type ExpectedFinding } from '../helpers/fixture-markers.js';
import { DIAGNOSTICS } from '../../language/src/validation/diagnostic-codes.js';

/** Severity settings that keep only the codes of one rule area. */
function focusOn(area: string): Record<string, string> {
    if (area === 'all') return {};
    return Object.fromEntries(Object.entries(DIAGNOSTICS).filter(([, info]) => info.area !== area).map(([code]) => [code, 'off']));
}

const ROOT = path.resolve(__dirname, '../fixtures/validation');
const COMMON = path.join(ROOT, '_common');
const SEVERITY_NAME: Record<number, string> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint',
};

function kamFiles(folder: string): string[] {
    return fs.readdirSync(folder).filter((f) => f.endsWith('.kam')).sort();
}

function cases(): Array<{ name: string; area: string; folder: string }> {
    const found: Array<{ name: string; area: string; folder: string }> = [];
    for (const area of fs.readdirSync(ROOT).filter((a) => a !== '_common').sort()) {
        for (const c of fs.readdirSync(path.join(ROOT, area)).sort()) {
            found.push({ name: `${area}/${c}`, area, folder: path.join(ROOT, area, c) });
        }
    }
    return found;
}

it('every code has a fixture that triggers it and one that shows it silent', () => {
    const present = new Set<string>();
    const absent = new Set<string>();
    for (const { folder } of cases()) {
        for (const f of kamFiles(folder)) {
            for (const e of parseMarkers(fs.readFileSync(path.join(folder, f), 'utf8')).expected) {
                (e.expectation === 'present' ? present : absent).add(e.code);
            }
        }
    }
    const codes = Object.keys(DIAGNOSTICS);
    expect(codes.filter((c) => !present.has(c)), 'codes never triggered').toEqual([]);
    expect(codes.filter((c) => !absent.has(c)), 'codes never shown silent').toEqual([]);
});

it('every fixture area is a rule area of the reviewer', () => {
    const areas = new Set([...Object.values(DIAGNOSTICS).map((d) => d.area), 'all']);
    expect(cases().map((c) => c.area).filter((a) => !areas.has(a as never))).toEqual([]);
});

describe('reviewer fixtures', () => {
    for (const { name, area, folder } of cases()) {
        it(name, async () => {
            const files: Record<string, string> = {};
            const expectations = new Map<string, ExpectedFinding[]>();
            for (const f of kamFiles(COMMON)) files[`_common/${f}`] = fs.readFileSync(path.join(COMMON, f), 'utf8');
            for (const f of kamFiles(folder)) {
                const marked = parseMarkers(fs.readFileSync(path.join(folder, f), 'utf8'));
                files[f] = marked.text;
                expectations.set(f, marked.expected);
            }
            const configFile = path.join(folder, 'kam.config.json');
            const settings = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')) : {};
            const workspace = await buildWorkspace(files, { ...settings, severity: { ...focusOn(area), ...settings.severity } });

            const problems: string[] = [];
            for (const common of kamFiles(COMMON)) {
                const diagnostics = workspace.document(`_common/${common}`).diagnostics ?? [];
                const own = diagnostics.filter((d) => !expectations.has(common));
                if (own.length) problems.push(`_common/${common} is not clean: ${own.map((d) => d.message).join('; ')}`);
            }
            for (const [file, expected] of expectations) {
                const document = workspace.document(file);
                const actual = (document.diagnostics ?? []).map((d) => ({
                    code: String(d.code ?? (d.data as { code?: string } | undefined)?.code),
                    severity: SEVERITY_NAME[d.severity ?? 1],
                    start: document.textDocument.offsetAt(d.range.start),
                    end: document.textDocument.offsetAt(d.range.end),
                    line: d.range.start.line + 1,
                    message: d.message,
                    matched: false,
                }));
                for (const e of expected) {
                    if (e.expectation === 'present') {
                        const hit = actual.find((a) => !a.matched && a.code === e.code && a.severity === e.severity && a.start === e.start && a.end === e.end);
                        if (hit) hit.matched = true;
                        else {
                            const near = actual.filter((a) => a.code === e.code).map((a) => `${a.severity} at line ${a.line} [${a.start}-${a.end}]`);
                            problems.push(`${file}:${e.line}: expected ${e.severity} ${e.code} on [${e.start}-${e.end}]${near.length ? `, found it as ${near.join(', ')}` : ', not reported'}`);
                        }
                    } else {
                        const hit = actual.find((a) => a.code === e.code && a.start < e.end && a.end > e.start);
                        if (hit) problems.push(`${file}:${e.line}: expected no ${e.code}, but got: ${hit.message}`);
                    }
                }
                for (const a of actual.filter((x) => !x.matched)) {
                    problems.push(`${file}:${a.line}: unexpected ${a.severity} ${a.code}: ${a.message}`);
                }
            }
            expect(problems).toEqual([]);
        });
    }
});
