/**
 * A seeded mutator of plans: what an editor sees while someone types, pastes and deletes — and
 * worse. The same seed gives the same mutants, so a failure found once is found again.
 */

/** mulberry32: a small, fast, seedable generator (uniform in [0, 1)). */
export function random(seed: number): () => number {
    let a = seed >>> 0;
    return () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

export type Rng = () => number;

const pick = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const int = (rng: Rng, max: number): number => Math.floor(rng() * max);

const GARBAGE = ['{', '}', '"', '\n', '\t', ';', '#', '@', '$', '%', '^', '&', '*', '(', ')', '[', ']', '\\', '/', '/*', '*/', '//', ',', '.', '-', '=', '<', '>', '|', '~', '`', "'"];
const UNICODE = ['é', 'ß', '中文', '🦀', '\u202e', '\u200b', '\u0000', '\u001b[31m', '\u0301', 'ﬁ', '\ufeff', '\u2028', '𝕂𝔸𝕄'];
const NUMBERS = ['9'.repeat(400), '1e400', '-0', '0', '-1', '00000000000000000001', '3.14159265358979323846', '99999999999999999999M', '0.0000001%', '-100%', '1000%'];
const DATES = ['2026-02-30', '9999-99-99', '0000-00-00', '2026-1-1', '2026-13-01', '2028-02-29', '1900-01-01', '2026-11-3'];
const WORDS = ['account', 'stakeholder', 'objective', 'scores', 'tier', 'key', 'owner', 'role', 'revenue', 'current', 'due', 'status', 'will', 'and',
    'skill', 'risk', 'feedback', 'opportunity', 'competitor', 'team', 'member', 'scoring', 'model', 'factor', 'weight', 'kpi', 'action', 'milestone',
    'trusted', 'advisor', 'influence', 'high', 'expects', 'product', 'customer', 'goal', 'value', 'proposition', 'backup', 'last', 'contact',
    'contract', 'renewal', 'notice', 'months', 'review', 'cadence', 'reviewed', 'next', 'signed', 'off', 'by', 'our', 'side', 'faces', 'meeting',
    'call', 'with', 'agreed', 'step', 'stage', 'probability', 'close', 'won', 'whitespace', 'units', 'bought', 'part', 'of', 'left', 'history', 'note'];

type Mutation = (text: string, rng: Rng) => string;

const lines = (text: string) => text.split('\n');

/** Each way a plan gets damaged, by name (the reproductions say which were applied). */
export const MUTATIONS: Record<string, Mutation> = {
    deleteLine: (t, r) => { const l = lines(t); l.splice(int(r, l.length), 1); return l.join('\n'); },
    deleteLines: (t, r) => { const l = lines(t); l.splice(int(r, l.length), 1 + int(r, 8)); return l.join('\n'); },
    deleteChars: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + t.slice(i + 1 + int(r, 12)); },
    duplicateLine: (t, r) => { const l = lines(t); const i = int(r, l.length); l.splice(i, 0, l[i] ?? ''); return l.join('\n'); },
    duplicateBlock: (t, r) => { const l = lines(t); const i = int(r, l.length); const n = 1 + int(r, 15); l.splice(i, 0, ...l.slice(i, i + n)); return l.join('\n'); },
    swapLines: (t, r) => { const l = lines(t); const i = int(r, l.length); const j = int(r, l.length); [l[i], l[j]] = [l[j], l[i]]; return l.join('\n'); },
    truncate: (t, r) => t.slice(0, int(r, t.length + 1)),
    garbage: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + Array.from({ length: 1 + int(r, 4) }, () => pick(r, GARBAGE)).join('') + t.slice(i); },
    unicode: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + pick(r, UNICODE) + t.slice(i); },
    hugeNumber: (t, r) => replaceOne(t, r, /-?\d+(\.\d+)?[%kMB]?(?![\d-])/g, () => pick(r, NUMBERS)),
    impossibleDate: (t, r) => replaceOne(t, r, /\d{4}-\d{2}-\d{2}/g, () => pick(r, DATES)),
    longLine: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + (r() < 0.5 ? 'x'.repeat(20_000) : `"${'long text '.repeat(3_000)}"`) + t.slice(i); },
    deepNesting: (t, r) => { const i = int(r, t.length + 1); const n = 50 + int(r, 400); return t.slice(0, i) + (r() < 0.5 ? '{'.repeat(n) : 'stakeholder x { '.repeat(n)) + t.slice(i); },
    keywordSwap: (t, r) => replaceOne(t, r, /\b[a-z][\w-]*\b/g, () => pick(r, WORDS)),
    dropBrace: (t, r) => replaceOne(t, r, /[{}]/g, () => ''),
    addBrace: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + pick(r, ['{', '}', '{ }', '}}']) + t.slice(i); },
    hostileText: (t, r) => replaceOne(t, r, /"(\\.|[^"\\])*"/g, () => `"${pick(r, ['<script>alert(1)</script>', '# heading', '[x](http://evil)', '\\"', '${x}', '| a | b |', '**bold**', '&lt;', '\\\\', ''])}"`),
    splitWord: (t, r) => { const i = int(r, t.length + 1); return t.slice(0, i) + pick(r, [' ', '\n', '  \n\n  ']) + t.slice(i); },
};

function replaceOne(text: string, rng: Rng, pattern: RegExp, replacement: () => string): string {
    const matches = [...text.matchAll(pattern)];
    if (matches.length === 0) return text;
    const m = pick(rng, matches);
    return text.slice(0, m.index) + replacement() + text.slice(m.index! + m[0].length);
}

export interface Mutant {
    /** The seed plan's name. */
    seed: string;
    text: string;
    /** The mutations applied, in order. */
    applied: string[];
}

/** One to three mutations of one of the seed plans. */
export function mutant(seeds: ReadonlyArray<{ name: string; text: string }>, rng: Rng): Mutant {
    const seed = pick(rng, seeds);
    let text = seed.text;
    const applied: string[] = [];
    const count = 1 + int(rng, 3);
    const names = Object.keys(MUTATIONS);
    for (let i = 0; i < count; i++) {
        const name = pick(rng, names);
        text = MUTATIONS[name](text, rng);
        applied.push(name);
    }
    return { seed: seed.name, text, applied };
}
