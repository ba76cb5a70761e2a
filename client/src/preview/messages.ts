/** The messages between a preview webview and the extension, typed on both ends. */

/** Extension → webview. */
export type ToWebview =
    | { type: 'update'; html: string }
    | { type: 'error'; message: string };

/** Webview → extension. */
export type FromWebview =
    | { type: 'ready' }
    /** Jump to a finding's place in the plan (1-based line and column). */
    | { type: 'reveal'; uri: string; line: number; column: number }
    /** Open an account's plan from the portfolio. */
    | { type: 'open'; uri: string };

/** Messages come from a webview: check their shape before acting on them. */
export function parseFromWebview(message: unknown): FromWebview | undefined {
    if (!message || typeof message !== 'object') return undefined;
    const m = message as Record<string, unknown>;
    if (m.type === 'ready') return { type: 'ready' };
    if (m.type === 'open' && typeof m.uri === 'string') return { type: 'open', uri: m.uri };
    if (m.type === 'reveal' && typeof m.uri === 'string' && Number.isInteger(m.line) && Number.isInteger(m.column)) {
        return { type: 'reveal', uri: m.uri, line: Math.max(1, m.line as number), column: Math.max(1, m.column as number) };
    }
    return undefined;
}
