/**
 * Entries that take one value (`tier key`, `owner anna`, `last contact 2026-11-03`) written more
 * than once. The syntax tree holds the first one — the one that counts — as a single value; the
 * parser remembers each later one here, so that the reviewer can say which one is ignored
 * (validation/entries.ts) without every plan paying for a list per entry (178 lists a plan when
 * the grammar collected each entry as a list).
 */
import type { AstNode } from 'langium';

/** A later writing of an entry that takes one value: its property and the value the parser read (the text of a reference). */
export interface RepeatedEntry {
    readonly property: string;
    readonly value: unknown;
}

const repeated = new WeakMap<AstNode, RepeatedEntry[]>();

/** Called by the parser when `property` of `node` already holds the value that counts. */
export function rememberRepeatedEntry(node: AstNode, property: string, value: unknown): void {
    const entries = repeated.get(node);
    if (entries) entries.push({ property, value });
    else repeated.set(node, [{ property, value }]);
}

/** The ignored later writings of `node`'s one-value entries, in the order written (usually none). */
export function repeatedEntriesOf(node: AstNode): readonly RepeatedEntry[] {
    return repeated.get(node) ?? NONE;
}

const NONE: readonly RepeatedEntry[] = Object.freeze([]);
