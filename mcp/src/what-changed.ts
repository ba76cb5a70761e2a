/**
 * `what_changed`: what moved in the plans' meaning since a revision, a tag or a date — the diff of
 * `kam diff` (history/src reads git without touching the working tree; language/src/plan-diff
 * compares the two portfolios' report numbers), as a short answer for an assistant.
 */
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { z } from 'zod';
import { HistoryError, PlanHistory, type Revision } from '../../history/src/index.js';
import type { AccountDiff } from '../../language/src/plan-diff/index.js';
import { formatScore, isValidIsoDate } from '../../language/src/domain/quantities.js';

const numberChange = z.object({ before: z.number().optional(), after: z.number().optional(), delta: z.number().optional() });
/** The most accounts listed in the text; the structured answer holds every changed one. */
const TEXT_LIMIT = 20;

function signed(delta: number | undefined): string {
    if (delta === undefined) return '';
    return ` (${delta > 0 ? '+' : delta < 0 ? '−' : '±'}${formatScore(Math.abs(delta))})`;
}

function line(a: AccountDiff): string {
    if (a.kind === 'added') return `- ${a.title}: new plan, strategic value ${formatScore(a.strategicValue.after)}, ${a.quadrant.after ?? 'not placed'}`;
    if (a.kind === 'removed') return `- ${a.title}: plan removed (was ${formatScore(a.strategicValue.before)}, ${a.quadrant.before ?? 'not placed'})`;
    const quadrant = a.quadrant.before !== a.quadrant.after ? `; ${a.quadrant.before ?? 'not placed'} → ${a.quadrant.after ?? 'not placed'}` : '';
    return `- ${a.title}: strategic value ${formatScore(a.strategicValue.before)} → ${formatScore(a.strategicValue.after)}${signed(a.strategicValue.delta)}, `
        + `relationship ${formatScore(a.relationship.before)} → ${formatScore(a.relationship.after)}${signed(a.relationship.delta)}${quadrant}; `
        + `findings +${a.findings.added.length} −${a.findings.resolved.length}`;
}

export function registerWhatChanged(server: McpServer, options: { root: string; today?: string }): void {
    server.registerTool('what_changed', {
        title: 'What changed since a revision',
        description: 'What moved in the plans\' meaning since a git revision or tag (`since`, e.g. v2026-Q3 or HEAD~3) or the end of a day (`sinceDate`, yyyy-mm-dd); '
            + 'by default since the merge base with the default branch. Per account: strategic value and relationship strength before → after, quadrant moves, findings added and resolved; '
            + 'for the portfolio: the top movers. Compared with the plans on disk now, unsaved editor changes excepted. `account` narrows it to one account (id or title).',
        inputSchema: {
            since: z.string().min(1).optional().describe('A git revision: commit, branch or tag'),
            sinceDate: z.string().optional().describe('Compare with the portfolio as it was at the end of this day (yyyy-mm-dd)'),
            account: z.string().min(1).optional().describe('Only this account: id or title'),
        },
        outputSchema: {
            base: z.object({ ref: z.string(), commit: z.string().optional(), date: z.string().optional() }),
            counts: z.object({ added: z.number(), removed: z.number(), changed: z.number(), unchanged: z.number() }),
            accounts: z.array(z.object({
                name: z.string(), title: z.string(), kind: z.enum(['added', 'removed', 'changed', 'unchanged']),
                strategicValue: numberChange, relationship: numberChange,
                quadrant: z.object({ before: z.string().optional(), after: z.string().optional() }),
                findingsAdded: z.array(z.string()).describe('Codes of findings that appeared'), findingsResolved: z.array(z.string()).describe('Codes of findings that went'),
            })),
            topMovers: z.array(z.object({ name: z.string(), title: z.string(), strategicValue: numberChange, relationship: numberChange })),
        },
        annotations: { readOnlyHint: true },
    }, async (args: { since?: string; sinceDate?: string; account?: string }): Promise<CallToolResult> => {
        const refuse = (text: string): CallToolResult => ({ isError: true, content: [{ type: 'text', text }] });
        if (args.since !== undefined && args.sinceDate !== undefined) return refuse('Give either `since` (a revision) or `sinceDate` (a date), not both.');
        if (args.sinceDate !== undefined && !isValidIsoDate(args.sinceDate)) return refuse(`sinceDate must be a date written as yyyy-mm-dd, not "${args.sinceDate}".`);
        try {
            const history = await PlanHistory.open(options.root);
            const base: Revision = args.since !== undefined ? await history.revision(args.since)
                : args.sinceDate !== undefined ? await history.revisionAtDate(args.sinceDate) : await history.defaultBase();
            const { before, after, diff } = await history.compare(base, undefined, options.today);
            const wanted = args.account?.toLowerCase();
            const accounts = diff.accounts.filter((a) => !wanted || a.name.toLowerCase() === wanted || a.title.toLowerCase() === wanted);
            if (wanted && accounts.length === 0) {
                const known = [...before.snapshot.accounts, ...after.snapshot.accounts].some((a) => a.view.name.toLowerCase() === wanted || a.view.title.toLowerCase() === wanted);
                if (!known) return refuse(`No account named "${args.account}" at either revision.`);
            }
            const structured = {
                base: { ref: base.ref, commit: base.commit, date: base.date },
                counts: diff.counts,
                accounts: accounts.map((a) => ({
                    name: a.name, title: a.title, kind: a.kind, strategicValue: a.strategicValue, relationship: a.relationship,
                    quadrant: { before: a.quadrant.before, after: a.quadrant.after },
                    findingsAdded: a.findings.added.map((f) => f.code), findingsResolved: a.findings.resolved.map((f) => f.code),
                })),
                topMovers: diff.topMovers,
            };
            const headline = `Since ${base.ref} (${base.commit.slice(0, 7)}, ${base.date}): ${diff.counts.changed} account${diff.counts.changed === 1 ? '' : 's'} changed, ${diff.counts.added} added, ${diff.counts.removed} removed, ${diff.counts.unchanged} unchanged.`;
            const lines = accounts.slice(0, TEXT_LIMIT).map(line);
            if (accounts.length > TEXT_LIMIT) lines.push(`… and ${accounts.length - TEXT_LIMIT} more (all in the structured answer).`);
            const notes = [...before.notes, ...after.notes].map((n) => `Note: ${n}`);
            return { content: [{ type: 'text', text: [wanted && accounts.length === 0 ? `${headline} ${args.account} did not change.` : headline, ...lines, ...notes].join('\n') }], structuredContent: structured };
        } catch (error) {
            if (error instanceof HistoryError) return refuse(error.message);
            throw error;
        }
    });
}
