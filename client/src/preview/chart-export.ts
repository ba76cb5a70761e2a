/**
 * Saving a chart from the preview: the webview sends the chart as a standalone SVG (its styles
 * inlined, light palette) or as a PNG drawn from that SVG on a canvas; the extension asks where to
 * save it and writes the file through the workspace's file system (local, remote or virtual alike).
 * No VS Code import here, so the saving is tested without an editor: the panel passes VS Code in.
 */
import type { SaveChartMessage } from './messages.js';

/** What saving needs from the editor. */
export interface ChartSaveHost<U> {
    /** Asks where to save; undefined when the user cancels. */
    askWhere(fileName: string, filter: { label: string; extensions: string[] }): PromiseLike<U | undefined>;
    write(target: U, bytes: Uint8Array): PromiseLike<void>;
    tell(message: string, target: U): void;
}

const PNG_PREFIX = 'data:image/png;base64,';

/** A file name from the chart's id: letters, digits, `-` and `_`; never empty, never a path. */
export function chartFileName(message: Pick<SaveChartMessage, 'name' | 'format'>): string {
    const base = message.name.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'chart';
    return `${base}.${message.format}`;
}

/** The file's bytes: the SVG as UTF-8 with an XML declaration, the PNG decoded from its data URL. */
export function chartFileBytes(message: SaveChartMessage): Uint8Array {
    if (message.format === 'svg') return new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>\n${message.data}\n`);
    const binary = atob(message.data.slice(PNG_PREFIX.length));
    return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Asks where, writes, and says where it went; a cancelled dialog writes nothing. Returns whether a file was written. */
export async function saveChart<U>(message: SaveChartMessage, host: ChartSaveHost<U>): Promise<boolean> {
    const fileName = chartFileName(message);
    const target = await host.askWhere(fileName, message.format === 'svg' ? { label: 'SVG image', extensions: ['svg'] } : { label: 'PNG image', extensions: ['png'] });
    if (target === undefined) return false;
    await host.write(target, chartFileBytes(message));
    host.tell(`Saved the chart as ${fileName.endsWith('.svg') ? 'SVG' : 'PNG'}.`, target);
    return true;
}

/** Whether the data is what the format says: an <svg> element, or a base64 PNG data URL. */
export function isChartData(format: 'svg' | 'png', data: string): boolean {
    if (format === 'svg') return /^<svg[\s>]/.test(data) && data.trimEnd().endsWith('</svg>');
    return data.startsWith(PNG_PREFIX) && /^[A-Za-z0-9+/]+=*$/.test(data.slice(PNG_PREFIX.length));
}
