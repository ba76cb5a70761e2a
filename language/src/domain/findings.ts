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

export function countBySeverity(findings: ReviewFinding[]): Record<FindingSeverity, number> {
    const counts: Record<FindingSeverity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
    for (const f of findings) counts[f.severity]++;
    return counts;
}
