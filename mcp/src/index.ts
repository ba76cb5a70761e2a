/**
 * `kam mcp`: the portfolio for AI assistants over the Model Context Protocol (stdio). Tools answer
 * from the same language services as the editor and the CLI (tools.ts), resources give each plan
 * and the portfolio report (resources.ts), and nothing is written to disk.
 *
 * Built as its own bundle (out/mcp/server.cjs) so the SDK is loaded only when `kam mcp` runs; the
 * VS Code extension starts the same bundle directly: `node out/mcp/server.cjs <folder> [--today yyyy-mm-dd]`.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';
import { PortfolioSession } from './portfolio-session.js';
import { registerResources } from './resources.js';
import { registerTools } from './tools.js';
import { registerWhatChanged } from './what-changed.js';

export interface McpServerOptions {
    /** The portfolio root, or a folder of it. */
    root: string;
    today?: string;
}

const INSTRUCTIONS = 'KAM Plans: key-account plans as code. Ask list_accounts for the portfolio, account_summary for one plan, '
    + 'list_findings and query_portfolio for what the reviewer found (e.g. code kam.single-threaded), relationship_map and explain_score for the numbers, '
    + 'what_changed for what moved since a revision, a review tag or a date. '
    + 'Quote the numbers these tools give rather than estimating. propose_change returns a diff and writes nothing.';

export function createKamMcpServer(session: PortfolioSession, version = '0.1.0'): McpServer {
    const server = new McpServer({ name: 'kam-plans', title: 'KAM Plans', version }, { instructions: INSTRUCTIONS });
    registerTools(server, session);
    registerWhatChanged(server, session.location);
    registerResources(server, session);
    return server;
}

/** Loads the portfolio (so a wrong folder fails at once, in one line) and serves it over standard input and output. */
export async function runKamMcpServer(options: McpServerOptions): Promise<void> {
    if (options.today !== undefined && !isValidIsoDate(options.today)) throw new Error(`--today must be a date written as yyyy-mm-dd, not "${options.today}".`);
    const session = new PortfolioSession({ ...options, warn: (message) => process.stderr.write(`kam mcp: warning: ${message}\n`) });
    await session.current();
    await createKamMcpServer(session).connect(new StdioServerTransport());
}

/** The bundle run directly (by the VS Code extension): `server.cjs <folder> [--today yyyy-mm-dd]`. */
function startFromArguments(args: string[]): void {
    let root = '.';
    let today: string | undefined;
    for (let i = 0; i < args.length; i++) {
        if (args[i] === '--today') today = args[++i];
        else root = args[i];
    }
    runKamMcpServer({ root, today }).catch((error: unknown) => {
        process.stderr.write(`kam mcp: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = 2;
    });
}

if (typeof require !== 'undefined' && typeof module !== 'undefined' && require.main === module) startFromArguments(process.argv.slice(2));
