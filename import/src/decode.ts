/**
 * A CRM export's bytes as text. CRMs and spreadsheets write UTF-8 (with or without a byte-order
 * mark), UTF-16 (Excel's "Unicode text", usually with a mark) or a Western single-byte code page
 * (Windows-1252, which covers Latin-1). The mark decides when there is one; otherwise UTF-16 shows
 * as a zero in every other byte, and text that is not valid UTF-8 is read as Windows-1252.
 */
import iconv from 'iconv-lite';

export type ExportEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedExport {
    text: string;
    encoding: ExportEncoding | string;
    /** How the encoding was decided, for the report. */
    how: 'byte-order mark' | 'detected' | 'given';
}

export class EncodingError extends Error {}

/** The share of zero bytes at even (big-endian) or odd (little-endian) positions of the first 4 KB. */
function utf16Without(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
    const n = Math.min(bytes.length, 4096) & ~1;
    if (n < 4) return undefined;
    let evenZeros = 0;
    let oddZeros = 0;
    for (let i = 0; i < n; i += 2) {
        if (bytes[i] === 0) evenZeros++;
        if (bytes[i + 1] === 0) oddZeros++;
    }
    const pairs = n / 2;
    if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
    if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
    return undefined;
}

export function decodeExport(bytes: Uint8Array, given?: string): DecodedExport {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (given) {
        if (!iconv.encodingExists(given)) throw new EncodingError(`Unknown encoding "${given}"; use e.g. utf-8, utf-16le, windows-1252 or latin1.`);
        return { text: iconv.decode(buffer, given, { stripBOM: true }), encoding: given.toLowerCase(), how: 'given' };
    }
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: strictUtf8(buffer.subarray(3)) ?? iconv.decode(buffer.subarray(3), 'utf-8'), encoding: 'utf-8', how: 'byte-order mark' };
    if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(buffer.subarray(2), 'utf-16le'), encoding: 'utf-16le', how: 'byte-order mark' };
    if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(buffer.subarray(2), 'utf-16be'), encoding: 'utf-16be', how: 'byte-order mark' };
    const utf16 = utf16Without(bytes);
    if (utf16) return { text: iconv.decode(buffer, utf16), encoding: utf16, how: 'detected' };
    const utf8 = strictUtf8(buffer);
    if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8', how: 'detected' };
    return { text: iconv.decode(buffer, 'windows-1252'), encoding: 'windows-1252', how: 'detected' };
}

function strictUtf8(bytes: Uint8Array): string | undefined {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
        return undefined;
    }
}
