/** What the reviewer said about an account, in a form reports can print without knowing about LSP. */
export type FindingSeverity = 'error' | 'warning' | 'information' | 'hint';

export interface ReviewFinding {
    severity: FindingSeverity;
    code: string;
    message: string;
    /** 1-based line in the plan's file. */
    line: number;
    column: number;
}

/** Errors first, then warnings, information and hints; within each, in the order of the plan's lines. */
export function bySeverity<T extends ReviewFinding>(findings: readonly T[]): T[] {
    const rank = (s: FindingSeverity) => ['error', 'warning', 'information', 'hint'].indexOf(s);
    return findings.slice().sort((a, b) => rank(a.severity) - rank(b.severity) || a.line - b.line);
}

export function countBySeverity(findings: ReviewFinding[]): Record<FindingSeverity, number> {
    const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const f of findings) counts[f.severity]++;
    return counts;
}
