/** The `kam` command run in-process, its standard output and error captured, as a CI pipeline sees them. */
import { runCli } from '../../cli/src/main.js';

export async function kam(...args: string[]): Promise<{ code: number; out: string; err: string }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}
