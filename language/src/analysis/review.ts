/** Joins the scores of a document's accounts with the diagnostics the reviewer published for them. */
import type { LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { FindingSeverity, ReviewFinding } from '../domain/findings.js';
import type { ReviewedAccount } from '../reports/summary-report.js';
import type { PlanAnalyzer } from './plan-analyzer.js';

const SEVERITIES: FindingSeverity[] = ['error', 'warning', 'information', 'hint'];

export function toFinding(d: Diagnostic): ReviewFinding {
    return {
        severity: SEVERITIES[(d.severity ?? 1) - 1] ?? 'error',
        // Langium's lexer and parser errors carry their code in `data`; a check that threw carries none.
        code: String(d.code ?? (d.data as { code?: string } | undefined)?.code ?? 'validation-exception'),
        message: typeof d.message === 'string' ? d.message : d.message.value,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
    };
}

/** Every account of a validated document with the findings that fall inside its text. */
export function reviewDocument(analyzer: PlanAnalyzer, document: LangiumDocument, source?: string): ReviewedAccount[] {
    const diagnostics = document.diagnostics ?? [];
    return analyzer.analyzeDocument(document).accounts.map((card) => {
        const range = card.node.$cstNode?.range;
        const inside = range
            ? diagnostics.filter((d) => d.range.start.line >= range.start.line && d.range.start.line <= range.end.line)
            : [];
        return { card, findings: inside.map(toFinding), source };
    });
}
