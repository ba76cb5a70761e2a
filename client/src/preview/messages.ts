/** The messages between a preview webview and the extension, typed on both ends. */
import { isChartData } from './chart-export.js';

/** Extension → webview. */
export type ToWebview =
    | { type: 'update'; html: string }
    | { type: 'error'; message: string };

/** A chart to save: the standalone SVG markup, or a PNG as a base64 data URL; `name` is the chart's id. */
export interface SaveChartMessage {
    type: 'saveChart';
    format: 'svg' | 'png';
    name: string;
    data: string;
}

/** A chart larger than this is not a chart the preview drew: refused rather than written. */
export const MAX_CHART_BYTES = 32 * 1024 * 1024;

/** Webview → extension. */
export type FromWebview =
    | { type: 'ready' }
    /** Save a chart as SVG or PNG (the chart's buttons). */
    | SaveChartMessage
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
    if (m.type === 'saveChart' && (m.format === 'svg' || m.format === 'png') && typeof m.name === 'string' && typeof m.data === 'string' &&
        m.data.length <= MAX_CHART_BYTES && isChartData(m.format, m.data)) {
        return { type: 'saveChart', format: m.format, name: m.name, data: m.data };
    }
    if (m.type === 'reveal' && typeof m.uri === 'string' && Number.isInteger(m.line) && Number.isInteger(m.column)) {
        return { type: 'reveal', uri: m.uri, line: Math.max(1, m.line as number), column: Math.max(1, m.column as number) };
    }
    return undefined;
}
