/**
 * The reviewer's findings as a SARIF 2.1.0 log, the format GitHub code scanning (and most CI
 * dashboards) read: one rule per diagnostic code, with its help taken from the code table that
 * also writes docs/diagnostics.md, and one result per finding at its place in the plan.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { FindingSeverity, ReviewFinding } from '../domain/findings.js';
import { DIAGNOSTICS } from '../validation/diagnostic-codes.js';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

/** The plans reviewed, each by its path relative to the folder the log's paths start from. */
export interface SarifFile {
    /** Path with `/` separators, relative to `baseFolder`. */
    path: string;
    findings: ReviewFinding[];
}

/** What a code is when the table does not know it (Langium's syntax codes, a check that threw). */
const OTHER_CODES: Record<string, { name: string; meaning: string; fix: string }> = {
    'lexing-error': { name: 'Unreadable text', meaning: 'The plan has characters the language cannot read.', fix: 'Correct the text at the place shown.' },
    'parsing-error': { name: 'Syntax error', meaning: 'The plan has an entry the language does not understand; the rest is read on.', fix: 'Correct the entry at the place shown; the message says what was expected.' },
    'validation-exception': { name: 'A check failed', meaning: 'One of the reviewer\'s checks failed on this input: a bug in kam.', fix: 'Please report it with the plan that causes it.' },
};

/** SARIF knows error, warning and note; information and hints are notes. */
const LEVELS: Record<FindingSeverity, Result.level> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

/** `kam.missing-executive` → `MissingExecutive`: SARIF's friendly rule name. */
function ruleName(code: string): string {
    return code.replace(/^kam\./, '').split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function firstSentence(text: string): string {
    const end = text.search(/[.:;](\s|$)/);
    return end > 0 ? text.slice(0, end + 1) : text;
}

function rule(code: string): ReportingDescriptor {
    const info = DIAGNOSTICS[code];
    if (!info) {
        const other = OTHER_CODES[code] ?? { name: ruleName(code), meaning: `Findings with the code ${code}.`, fix: 'See the message.' };
        return {
            id: code, name: ruleName(code),
            shortDescription: { text: other.name }, fullDescription: { text: other.meaning },
            help: { text: `${other.meaning} Fix: ${other.fix}`, markdown: `${other.meaning}\n\n**Fix:** ${other.fix}` },
            defaultConfiguration: { level: 'error' },
        };
    }
    return {
        id: code,
        name: ruleName(code),
        shortDescription: { text: firstSentence(info.meaning) },
        fullDescription: { text: info.meaning },
        help: {
            text: `${info.meaning}\nFix: ${info.fix}\nExample: ${info.example}`,
            markdown: `${info.meaning}\n\n**Fix:** ${info.fix}\n\nExample:\n\n\`\`\`kam\n${info.example}\n\`\`\``,
        },
        defaultConfiguration: { level: LEVELS[info.severity] },
        properties: { tags: ['kam', info.area], ...(info.quickFix ? { quickFix: true } : {}) },
    };
}

/** Each path segment percent-encoded, as a URI reference must be (`my plans/a.kam` → `my%20plans/a.kam`). */
function uriReference(file: string): string {
    return file.split('/').map(encodeURIComponent).join('/');
}

/**
 * The SARIF log. Every code of the table is a rule (so a code scanning alert can be closed when a
 * finding goes away), plus the codes met that the table does not hold. `baseFolder` is the absolute
 * folder the paths are relative to (GitHub resolves them against the repository's root).
 */
export function sarifLog(files: SarifFile[], options: { toolVersion: string; baseFolder?: string }): Log {
    const codes = [...Object.keys(DIAGNOSTICS)];
    for (const f of files) for (const finding of f.findings) if (!codes.includes(finding.code)) codes.push(finding.code);
    const index = new Map(codes.map((c, i) => [c, i]));
    const results: Result[] = files.flatMap((f) => f.findings.map((finding): Result => ({
        ruleId: finding.code,
        ruleIndex: index.get(finding.code)!,
        level: LEVELS[finding.severity],
        message: { text: finding.message },
        locations: [{
            physicalLocation: {
                artifactLocation: { uri: uriReference(f.path), uriBaseId: 'SRCROOT' },
                region: { startLine: finding.line, startColumn: finding.column },
            },
        }],
    })));
    const baseUri = options.baseFolder && `file://${uriReference(options.baseFolder.replace(/\\/g, '/').replace(/^(?!\/)/, '/'))}${options.baseFolder.endsWith('/') ? '' : '/'}`;
    return {
        $schema: SARIF_SCHEMA,
        version: '2.1.0',
        runs: [{
            tool: {
                driver: {
                    name: 'kam',
                    fullName: 'KAM Plans reviewer',
                    semanticVersion: options.toolVersion,
                    version: options.toolVersion,
                    rules: codes.map(rule),
                },
            },
            ...(baseUri ? { originalUriBaseIds: { SRCROOT: { uri: baseUri } } } : {}),
            // Columns come from the language server's positions: UTF-16 code units.
            columnKind: 'utf16CodeUnits',
            results,
        }],
    };
}
