/** What an assistant can read whole: each plan as written, and the portfolio report (Markdown). */
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { renderPortfolioReport } from '../../language/src/reports/render-report.js';
import type { PortfolioSession } from './portfolio-session.js';

export const PORTFOLIO_REPORT_URI = 'kam://portfolio/report.md';
const PLAN_URI = 'kam://plan/{path}';

/** `kam://plan/accounts%2Fmeridian-pharma.kam`: a plan by its path in the portfolio, as one URI segment. */
export function planResourceUri(file: string): string {
    return `kam://plan/${encodeURIComponent(file)}`;
}

export function registerResources(server: McpServer, session: PortfolioSession): void {
    server.registerResource('portfolio-report', PORTFOLIO_REPORT_URI, {
        title: 'Portfolio report',
        description: 'The portfolio summary for leadership (what `kam report` writes): accounts, quadrants, revenue concentration, the reviewer\'s findings.',
        mimeType: 'text/markdown',
    }, async (uri) => {
        const snapshot = await session.current();
        return { contents: [{ uri: uri.href, mimeType: 'text/markdown', text: renderPortfolioReport(snapshot.accounts, 'md', snapshot.context) }] };
    });

    server.registerResource('plan', new ResourceTemplate(PLAN_URI, {
        list: async () => {
            const snapshot = await session.current();
            return {
                resources: [...snapshot.documents.keys()].map((file) => ({ uri: planResourceUri(file), name: file, mimeType: 'text/plain' })),
            };
        },
    }), {
        title: 'Plan',
        description: 'A .kam file of the portfolio as written: an account plan, the team or the scoring model.',
        mimeType: 'text/plain',
    }, async (uri, variables) => {
        const snapshot = await session.current();
        const file = decodeURIComponent(String(variables.path));
        // Only the plans of the portfolio: the path is a key of what was loaded, never a path to open.
        const document = snapshot.documents.get(file);
        if (!document) throw new Error(`No plan ${file} in the portfolio; the resource list names every plan.`);
        return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: document.textDocument.getText() }] };
    });
}
