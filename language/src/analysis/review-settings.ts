/**
 * The reviewer's settings, shared by the language server (VS Code's `kam.*` configuration)
 * and the CLI (`kam.config.json`). Every value is validated with zod; a bad value is reported
 * in plain words and replaced by its default, never a crash.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS, type Thresholds } from '../domain/thresholds.js';
import { isValidIsoDate, todayIso } from '../domain/quantities.js';

export const SEVERITY_LEVELS = ['error', 'warning', 'information', 'hint', 'off'] as const;
export type SeverityLevel = typeof SEVERITY_LEVELS[number];

const thresholdSchemas = {
    keyThreshold: z.number().min(0).max(10),
    strengthThreshold: z.number().min(0).max(10),
    capacityPerOwner: z.number().int().min(1),
    stalenessFactor: z.number().min(1),
    paretoLimit: z.number().gt(0).max(100),
} satisfies Record<keyof Thresholds, z.ZodType>;

const severitySchema = z.enum(SEVERITY_LEVELS);
const todaySchema = z.string().refine(isValidIsoDate, 'must be a date written as yyyy-mm-dd');

/** The editor's inlay hints, each kind switched on or off (`kam.inlayHints.*`). */
export const INLAY_HINT_KINDS = ['strategicValue', 'factorContribution', 'relationshipIndex', 'kpiProgress', 'dueDates'] as const;
export type InlayHintSetting = typeof INLAY_HINT_KINDS[number];
export const DEFAULT_INLAY_HINTS: Record<InlayHintSetting, boolean> = {
    strategicValue: true, factorContribution: true, relationshipIndex: true, kpiProgress: true, dueDates: true,
};

export interface ReviewSettings {
    thresholds: Thresholds;
    /** Severity override per diagnostic code, or 'off'. */
    severity: Record<string, SeverityLevel>;
    /** The date reviews count from (staleness, overdue); undefined = the real today. */
    today: string | undefined;
    /** Which inlay hints the editor shows. */
    inlayHints: Record<InlayHintSetting, boolean>;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = { thresholds: DEFAULT_THRESHOLDS, severity: {}, today: undefined, inlayHints: DEFAULT_INLAY_HINTS };

export interface SettingsParseResult {
    settings: ReviewSettings;
    /** One plain sentence per rejected value, naming the setting and the default used instead. */
    problems: string[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Reads raw settings (`{thresholds, severity, today}`) value by value, keeping every good one. */
export function parseReviewSettings(raw: unknown, knownCodes?: ReadonlySet<string>): SettingsParseResult {
    const problems: string[] = [];
    const thresholds: Thresholds = { ...DEFAULT_THRESHOLDS };
    const severity: Record<string, SeverityLevel> = {};
    let today: string | undefined;
    const inlayHints = { ...DEFAULT_INLAY_HINTS };
    if (raw === undefined || raw === null) return { settings: { thresholds, severity, today, inlayHints }, problems };
    if (!isRecord(raw)) {
        problems.push('KAM settings must be an object; using the defaults.');
        return { settings: { thresholds, severity, today, inlayHints }, problems };
    }
    const rawThresholds = raw.thresholds ?? {};
    if (isRecord(rawThresholds)) {
        for (const key of Object.keys(thresholdSchemas) as (keyof Thresholds)[]) {
            if (rawThresholds[key] === undefined || rawThresholds[key] === null) continue;
            const parsed = thresholdSchemas[key].safeParse(rawThresholds[key]);
            if (parsed.success) thresholds[key] = parsed.data;
            else problems.push(`Setting thresholds.${key} = ${JSON.stringify(rawThresholds[key])} is invalid (${parsed.error.issues[0]?.message}); using ${DEFAULT_THRESHOLDS[key]}.`);
        }
        for (const key of Object.keys(rawThresholds)) {
            if (!(key in thresholdSchemas)) problems.push(`Unknown setting thresholds.${key} is ignored.`);
        }
    } else {
        problems.push('Setting thresholds must be an object; using the default thresholds.');
    }
    const rawSeverity = raw.severity ?? {};
    if (isRecord(rawSeverity)) {
        for (const [code, level] of Object.entries(rawSeverity)) {
            const parsed = severitySchema.safeParse(level);
            if (knownCodes && !knownCodes.has(code)) problems.push(`Setting severity."${code}" names no diagnostic code; it is ignored.`);
            else if (parsed.success) severity[code] = parsed.data;
            else problems.push(`Setting severity."${code}" = ${JSON.stringify(level)} must be one of ${SEVERITY_LEVELS.join(', ')}; using the default severity.`);
        }
    } else {
        problems.push('Setting severity must map diagnostic codes to a severity; using the default severities.');
    }
    if (raw.today !== undefined && raw.today !== null && raw.today !== '') {
        const parsed = todaySchema.safeParse(raw.today);
        if (parsed.success) today = parsed.data;
        else problems.push(`Setting today = ${JSON.stringify(raw.today)} must be a date written as yyyy-mm-dd; using the real date.`);
    }
    parseInlayHints(raw.inlayHints, inlayHints, problems);
    return { settings: { thresholds, severity, today, inlayHints }, problems };
}

function parseInlayHints(raw: unknown, inlayHints: Record<InlayHintSetting, boolean>, problems: string[]): void {
    if (raw === undefined || raw === null) return;
    if (!isRecord(raw)) {
        problems.push('Setting inlayHints must be an object of on/off switches; showing every inlay hint.');
        return;
    }
    for (const [key, value] of Object.entries(raw)) {
        if (!(INLAY_HINT_KINDS as readonly string[]).includes(key)) problems.push(`Unknown setting inlayHints.${key} is ignored.`);
        else if (z.boolean().safeParse(value).success) inlayHints[key as InlayHintSetting] = value as boolean;
        else if (value !== null) problems.push(`Setting inlayHints.${key} = ${JSON.stringify(value)} must be true or false; using true.`);
    }
}

/** The settings in force for one language server or CLI run. */
export class ReviewSettingsHolder {
    private current: ReviewSettings = DEFAULT_REVIEW_SETTINGS;
    private readonly listeners: Array<() => void> = [];

    get settings(): ReviewSettings {
        return this.current;
    }

    /**
     * Takes new settings. Returns whether the review itself changed (thresholds, severities, today):
     * only then must plans be validated again; the inline hints' switches alone need no review.
     */
    update(settings: ReviewSettings): boolean {
        const reviewOf = (s: ReviewSettings) => JSON.stringify([s.thresholds, s.severity, s.today]);
        const reviewChanged = reviewOf(settings) !== reviewOf(this.current);
        this.current = settings;
        if (reviewChanged) this.listeners.forEach((listener) => listener());
        return reviewChanged;
    }

    /** Called whenever the review settings change, so caches of numbers that depend on them are dropped. */
    onReviewChange(listener: () => void): void {
        this.listeners.push(listener);
    }

    /** The date reviews count from. */
    today(): string {
        return this.current.today ?? todayIso();
    }
}
