/**
 * `kam mcp [folder]`: the portfolio for AI assistants (Model Context Protocol over stdio). The
 * server lives in its own bundle (out/mcp/server.cjs, from mcp/src/index.ts), required only here,
 * so every other command starts without loading the MCP SDK.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Option, type Command } from 'commander';
import { isValidIsoDate } from '../../language/src/domain/quantities.js';
import type { runKamMcpServer } from '../../mcp/src/index.js';
import { CliError } from './errors.js';
import type { Output } from './main.js';

export function registerMcpCommand(program: Command, _io: Output): void {
    program.command('mcp')
        .description('serve the portfolio to AI assistants over the Model Context Protocol (stdio): accounts, findings, queries, scores, plans')
        .argument('[folder]', 'the portfolio (a folder of .kam files)', '.')
        .addOption(new Option('--today <date>', 'review as of this date (yyyy-mm-dd)'))
        .action(async (folder: string, options: { today?: string }) => {
            // Said here, in kam's words, before standard output becomes the protocol's.
            if (options.today !== undefined && !isValidIsoDate(options.today)) throw new CliError(`--today must be a date written as yyyy-mm-dd, not "${options.today}".`);
            if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) throw new CliError(`${folder} is not a folder: give the portfolio's folder (the one with kam.config.json, or any folder of .kam files).`);
            // The bundle beside this one: out/cli/kam.cjs → out/mcp/server.cjs.
            const bundle = path.join(__dirname, '..', 'mcp', 'server.cjs');
            if (!fs.existsSync(bundle)) throw new CliError(`The MCP server's bundle ${bundle} is missing: build it with npm run build, or reinstall kam.`);
            const server = require(bundle) as { runKamMcpServer: typeof runKamMcpServer };
            await server.runKamMcpServer({ root: folder, today: options.today });
        });
}
