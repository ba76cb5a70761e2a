/**
 * Data-driven reviewer tests in the style of Safe-DS: a `.kam` fixture says, in comments, what a
 * reviewer should say and where.
 *
 *   // $TEST$ warning kam.missing-finance-contact
 *   account »Acme« { … }
 *
 * Each `$TEST$` comment applies to the next `»…«` range in the file. `$TEST$ no <code>` says that
 * code must NOT be reported on that range. The markers are stripped before parsing.
 */
export interface ExpectedFinding {
    expectation: 'present' | 'absent';
    severity?: string;
    code: string;
    /** Offsets in the stripped text. */
    start: number;
    end: number;
    line: number;
}

export interface MarkedFixture {
    text: string;
    expected: ExpectedFinding[];
}

const TEST_COMMENT = /\/\/\s*\$TEST\$\s+(no|error|warning|info|hint)\s+(\S+)/g;

export function parseMarkers(source: string): MarkedFixture {
    const pending: Array<{ expectation: 'present' | 'absent'; severity?: string; code: string }> = [];
    const expected: ExpectedFinding[] = [];
    let text = '';
    let i = 0;
    let openAt: number | undefined;
    let openPending: typeof pending = [];
    while (i < source.length) {
        TEST_COMMENT.lastIndex = i;
        const match = source.startsWith('//', i) ? TEST_COMMENT.exec(source) : null;
        if (match && match.index === i) {
            pending.push(match[1] === 'no'
                ? { expectation: 'absent', code: match[2] }
                : { expectation: 'present', severity: match[1], code: match[2] });
            const lineEnd = source.indexOf('\n', i);
            const end = lineEnd < 0 ? source.length : lineEnd;
            text += source.slice(i, end);
            i = end;
            continue;
        }
        const ch = source[i];
        if (ch === '»') {
            if (pending.length === 0) throw new Error(`range marker at offset ${i} has no $TEST$ comment before it`);
            openAt = text.length;
            openPending = pending.splice(0);
            i++;
            continue;
        }
        if (ch === '«') {
            if (openAt === undefined) throw new Error(`unmatched « at offset ${i}`);
            const line = text.slice(0, openAt).split('\n').length;
            for (const p of openPending) expected.push({ ...p, start: openAt, end: text.length, line });
            openAt = undefined;
            i++;
            continue;
        }
        text += ch;
        i++;
    }
    if (pending.length) throw new Error(`$TEST$ comment without a following »range«: ${pending.map((p) => p.code).join(', ')}`);
    return { text, expected };
}
