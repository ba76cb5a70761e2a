/**
 * The reviewer's settings, the same for every face (VS Code, any LSP editor, the CLI). They come in
 * layers, each validated with the same zod schemas and the same messages:
 *
 *   the defaults  <  the portfolio's kam.config.json  <  settings the user set in the editor  <  a run's own options (`kam --today`)
 *
 * A layer holds only what its source states, so a setting nobody set never overrides the file.
 * A portfolio is the folder of the nearest kam.config.json above a plan (workspace/portfolio-config.ts
 * finds it); plans without one share the defaults.
 */
import * as z from 'zod/mini';
import './zod-messages.js';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/thresholds.js';
import { isValidIsoDate, todayIso } from '../domain/quantities.js';
import { didYouMean } from '../syntax/grammar-vocabulary.js';
import { NO_CURRENCY_SETTINGS, type CurrencySettings } from '../domain/currency.js';

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityLevel = typeof SEVERITY_LEVELS[number];

const thresholdSchemas = {
    keyThreshold: z.number().check(z.minimum(0), z.maximum(10)),
    strengthThreshold: z.number().check(z.minimum(0), z.maximum(10)),
    capacityPerOwner: z.int().check(z.minimum(1)),
    stalenessFactor: z.number().check(z.minimum(1)),
    paretoLimit: z.number().check(z.gt(0), z.maximum(100)),
    renewalWindowDays: z.int().check(z.minimum(0)),
} satisfies Record<keyof Thresholds, z.ZodMiniType>;

const severitySchema = z.enum(SEVERITY_LEVELS);
const todaySchema = z.string().check(z.refine(isValidIsoDate, 'must be a date written as yyyy-mm-dd'));

/** The editor's inlay hints, each kind switched on or off (`kam.inlayHints.*`). */
export const INLAY_HINT_KINDS = ['strategicValue', 'factorContribution', 'relationshipIndex', 'kpiProgress', 'dueDates'] as const;
export type InlayHintSetting = typeof INLAY_HINT_KINDS[number];
export const DEFAULT_INLAY_HINTS: Record<InlayHintSetting, boolean> = {
    strategicValue: true, factorContribution: true, relationshipIndex: true, kpiProgress: true, dueDates: true,
};

/** The settings a source may state, at the top level of kam.config.json or under `kam.` in an editor. */
export const SETTING_KEYS = ['thresholds', 'severity', 'today', 'inlayHints', 'currency', 'reviewTag'] as const;

export interface ReviewSettings {
    thresholds: Thresholds;
    /** Severity override per diagnostic code, or 'off'. */
    severity: Record<string, SeverityLevel>;
    /** The date reviews count from (staleness, overdue); undefined = the real today. */
    today: string | undefined;
    /** Which inlay hints the editor shows. */
    inlayHints: Record<InlayHintSetting, boolean>;
    /** The reporting currency and exchange rates, for totals across currencies. */
    currency: CurrencySettings;
    /** The git tags that mark reviews (a pattern such as `qbr-*`): changes are shown since the newest. */
    reviewTag?: string;
}

/** What one source states: only the values it sets. */
export interface SettingsLayer {
    thresholds?: Partial<Thresholds>;
    severity?: Record<string, SeverityLevel>;
    today?: string;
    inlayHints?: Partial<Record<InlayHintSetting, boolean>>;
    currency?: CurrencySettings;
    reviewTag?: string;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { thresholds: DEFAULT_THRESHOLDS, severity: {}, today: undefined, inlayHints: DEFAULT_INLAY_HINTS, currency: NO_CURRENCY_SETTINGS };

export interface SettingsReadResult {
    layer: SettingsLayer;
    /** One plain sentence per rejected value, naming the setting and what is used instead. */
    problems: string[];
}

export interface SettingsParseResult {
    settings: ReviewSettings;
    problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads what a source states (`{thresholds, severity, today, inlayHints}`), value by value: every
 * good value is kept, every bad one named. `unknownKeys` warns about top-level keys no setting has
 * (a config file's typo); editors send sections of their own and are not warned about.
 */
export function readSettings(raw: unknown, options: { knownCodes?: ReadonlySet<string>; unknownKeys?: boolean; otherSections?: readonly string[] } = {}): SettingsReadResult {
    const problems: string[] = [];
    const layer: SettingsLayer = {};
    if (raw === undefined || raw === null) return { layer, problems };
    if (!isRecord(raw)) {
        problems.push('KAM settings must be an object; using the defaults.');
        return { layer, problems };
    }
    if (options.unknownKeys) {
        // Sections other commands read (`import`) are theirs to check.
        for (const key of Object.keys(raw).filter((k) => !(SETTING_KEYS as readonly string[]).includes(k) && !options.otherSections?.includes(k) && !k.startsWith('$'))) {
            const suggestion = didYouMean(key, SETTING_KEYS);
            problems.push(`Unknown setting "${key}" is ignored${suggestion ? ` — did you mean "${suggestion}"?` : ''} Settings are: ${SETTING_KEYS.join(', ')}.`);
        }
    }
    readThresholds(raw.thresholds, layer, problems);
    readSeverity(raw.severity, layer, problems, options.knownCodes);
    if (raw.today !== undefined && raw.today !== null && raw.today !== '') {
        const parsed = todaySchema.safeParse(raw.today);
        if (parsed.success) layer.today = parsed.data;
        else problems.push(`Setting today = ${JSON.stringify(raw.today)} must be a date written as yyyy-mm-dd; using the real date.`);
    }
    readInlayHints(raw.inlayHints, layer, problems);
    readCurrency(raw.currency, layer, problems);
    if (raw.reviewTag !== undefined && raw.reviewTag !== null && raw.reviewTag !== '') {
        // A tag pattern as git's for-each-ref takes it: no spaces, no option, no control characters.
        if (typeof raw.reviewTag === 'string' && /^[^\s\-\x00-\x1f~^:\\][^\s\x00-\x1f~^:\\]*$/.test(raw.reviewTag)) layer.reviewTag = raw.reviewTag;
        else problems.push(`Setting reviewTag = ${JSON.stringify(raw.reviewTag)} must be a git tag pattern such as "qbr-*"; no review is marked.`);
    }
    return { layer, problems };
}

const currencyCodeSchema = z.string().check(z.regex(/^[A-Za-z_][\w-]*$/, 'must be a currency as plans write it, e.g. EUR'));
const rateSchema = z.number().check(z.positive());

/** `currency: { reporting: "EUR", rates: { "USD": 0.92 } }`: one USD is worth 0.92 EUR. */
function readCurrency(raw: unknown, layer: SettingsLayer, problems: string[]): void {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw)) {
        problems.push('Setting currency must be an object like { "reporting": "EUR", "rates": { "USD": 0.92 } }; amounts are not converted.');
        return;
    }
    const currency: CurrencySettings = { rates: {} };
    if (raw.reporting !== undefined && raw.reporting !== null && raw.reporting !== '') {
        const parsed = currencyCodeSchema.safeParse(raw.reporting);
        if (parsed.success) currency.reporting = parsed.data;
        else problems.push(`Setting currency.reporting = ${JSON.stringify(raw.reporting)} ${parsed.error.issues[0]?.message}; amounts are not converted.`);
    }
    if (raw.rates !== undefined && raw.rates !== null) {
        if (!isRecord(raw.rates)) problems.push('Setting currency.rates must map currencies to their value in the reporting currency, e.g. { "USD": 0.92 }.');
        else {
            for (const [code, rate] of Object.entries(raw.rates)) {
                const parsed = rateSchema.safeParse(rate);
                if (parsed.success && currencyCodeSchema.safeParse(code).success) currency.rates[code] = parsed.data;
                else problems.push(`Setting currency.rates."${code}" = ${JSON.stringify(rate)} must be a positive number (the value of one ${code} in the reporting currency); it is ignored.`);
            }
        }
    }
    for (const key of Object.keys(raw).filter((k) => k !== 'reporting' && k !== 'rates')) {
        problems.push(`Unknown setting currency.${key} is ignored; currency has reporting and rates.`);
    }
    if (currency.reporting === undefined && Object.keys(currency.rates).length) {
        problems.push('Setting currency.rates needs currency.reporting (the currency the rates convert into); amounts are not converted.');
    }
    // An empty object states nothing: it must not blank a portfolio's currency.
    if (currency.reporting !== undefined || Object.keys(currency.rates).length) layer.currency = currency;
}

function readThresholds(raw: unknown, layer: SettingsLayer, problems: string[]): void {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw)) {
        problems.push('Setting thresholds must be an object; using the default thresholds.');
        return;
    }
    const thresholds: Partial<Thresholds> = {};
    for (const key of Object.keys(thresholdSchemas) as (keyof Thresholds)[]) {
        if (raw[key] === undefined || raw[key] === null) continue;
        const parsed = thresholdSchemas[key].safeParse(raw[key]);
        if (parsed.success) thresholds[key] = parsed.data;
        else problems.push(`Setting thresholds.${key} = ${JSON.stringify(raw[key])} is invalid (${parsed.error.issues[0]?.message}); using ${DEFAULT_THRESHOLDS[key]}.`);
    }
    for (const key of Object.keys(raw)) {
        if (!(key in thresholdSchemas)) {
            const suggestion = didYouMean(key, Object.keys(thresholdSchemas));
            problems.push(`Unknown setting thresholds.${key} is ignored${suggestion ? ` — did you mean thresholds.${suggestion}?` : '.'}`);
        }
    }
    if (Object.keys(thresholds).length) layer.thresholds = thresholds;
}

function readSeverity(raw: unknown, layer: SettingsLayer, problems: string[], knownCodes: ReadonlySet<string> | undefined): void {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw)) {
        problems.push('Setting severity must map diagnostic codes to a severity; using the default severities.');
        return;
    }
    const severity: Record<string, SeverityLevel> = {};
    for (const [code, level] of Object.entries(raw)) {
        const parsed = severitySchema.safeParse(level);
        if (knownCodes && !knownCodes.has(code)) problems.push(`Setting severity."${code}" names no diagnostic code; it is ignored.`);
        else if (parsed.success) severity[code] = parsed.data;
        else problems.push(`Setting severity."${code}" = ${JSON.stringify(level)} must be one of ${SEVERITY_LEVELS.join(', ')}; using the default severity.`);
    }
    if (Object.keys(severity).length) layer.severity = severity;
}

function readInlayHints(raw: unknown, layer: SettingsLayer, problems: string[]): void {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw)) {
        problems.push('Setting inlayHints must be an object of on/off switches; showing every inlay hint.');
        return;
    }
    const hints: Partial<Record<InlayHintSetting, boolean>> = {};
    for (const [key, value] of Object.entries(raw)) {
        if (!(INLAY_HINT_KINDS as readonly string[]).includes(key)) problems.push(`Unknown setting inlayHints.${key} is ignored.`);
        else if (z.boolean().safeParse(value).success) hints[key as InlayHintSetting] = value as boolean;
        else if (value !== null) problems.push(`Setting inlayHints.${key} = ${JSON.stringify(value)} must be true or false; using true.`);
    }
    if (Object.keys(hints).length) layer.inlayHints = hints;
}

/** The settings in force: the defaults with each layer laid over them in order. */
export function combineSettings(...layers: Array<SettingsLayer | undefined>): ReviewSettings {
    const settings: ReviewSettings = {
        thresholds: { ...DEFAULT_THRESHOLDS }, severity: {}, today: undefined, inlayHints: { ...DEFAULT_INLAY_HINTS }, currency: NO_CURRENCY_SETTINGS,
    };
    for (const layer of layers) {
        if (!layer) continue;
        Object.assign(settings.thresholds, layer.thresholds);
        Object.assign(settings.severity, layer.severity);
        Object.assign(settings.inlayHints, layer.inlayHints);
        if (layer.today !== undefined) settings.today = layer.today;
        // A layer's currency is taken whole: rates only make sense with the reporting currency they convert into.
        if (layer.currency !== undefined) settings.currency = layer.currency;
        if (layer.reviewTag !== undefined) settings.reviewTag = layer.reviewTag;
    }
    return settings;
}

/** Reads one source and lays it over the defaults (tests, and callers with a single source). */
export function parseReviewSettings(raw: unknown, knownCodes?: ReadonlySet<string>): SettingsParseResult {
    const { layer, problems } = readSettings(raw, { knownCodes });
    return { settings: combineSettings(layer), problems };
}

/** Which layer changed: only a change to the review itself (not the hints' switches) re-validates plans. */
function reviewPart(s: ReviewSettings): string {
    return JSON.stringify([s.thresholds, s.severity, s.today, s.currency]);
}

/**
 * The settings in force for one language server or CLI run: the editor's layer and the run's
 * overrides, and one file layer per portfolio root (the folder holding a kam.config.json).
 */
export class ReviewSettingsHolder {
    private editor: SettingsLayer = {};
    private override: SettingsLayer = {};
    private readonly files = new Map<string, SettingsLayer>();
    private readonly combined = new Map<string, ReviewSettings>();
    private readonly listeners: Array<() => void> = [];
    /** The portfolio root of a document (set by the portfolio configuration service). */
    private rootOf: (uri: string) => string | undefined = () => undefined;

    /** The settings of plans that belong to no portfolio with a kam.config.json. */
    get settings(): ReviewSettings {
        return this.forRoot(undefined);
    }

    /** The settings in force for a plan (by its URI), following its portfolio's kam.config.json. */
    settingsFor(uri: { toString(): string } | undefined): ReviewSettings {
        return this.forRoot(uri === undefined ? undefined : this.rootOf(uri.toString()));
    }

    /** The date reviews of a plan count from. */
    today(uri?: { toString(): string }): string {
        return this.settingsFor(uri).today ?? todayIso();
    }

    /** How a document's URI maps to its portfolio root (the folder's URI string). */
    setRootResolver(rootOf: (uri: string) => string | undefined): void {
        this.rootOf = rootOf;
    }

    /** What the user set in the editor. Returns whether the review changed. */
    setEditorLayer(layer: SettingsLayer): boolean {
        return this.change(() => { this.editor = layer; });
    }

    /** A run's own options (`kam validate --today`), over everything else. */
    setOverrideLayer(layer: SettingsLayer): boolean {
        return this.change(() => { this.override = layer; });
    }

    /** A portfolio's kam.config.json, or undefined when the file is gone. */
    setFileLayer(root: string, layer: SettingsLayer | undefined): boolean {
        return this.change(() => {
            if (layer) this.files.set(root, layer);
            else this.files.delete(root);
        });
    }

    /** Called when the review settings change, so caches of numbers that depend on them are dropped. */
    onReviewChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    /** Applies a change; tells the listeners, and answers true, when the review changed for any portfolio. */
    private change(apply: () => void): boolean {
        const review = () => new Map([undefined, ...this.files.keys()].map((root) => [root ?? '', reviewPart(this.forRoot(root))]));
        const before = review();
        apply();
        this.combined.clear();
        const after = review();
        const changed = before.size !== after.size || [...after].some(([root, part]) => before.get(root) !== part);
        if (changed) this.listeners.forEach((listener) => listener());
        return changed;
    }

    /** The settings of a portfolio root (a folder URI string), or of plans outside any portfolio. */
    forRoot(root: string | undefined): ReviewSettings {
        const key = root ?? '';
        let settings = this.combined.get(key);
        if (!settings) {
            settings = combineSettings(root === undefined ? undefined : this.files.get(root), this.editor, this.override);
            this.combined.set(key, settings);
        }
        return settings;
    }
}
