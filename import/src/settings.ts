/**
 * What an import takes from a portfolio's kam.config.json (read by the caller: the CLI from disk,
 * the extension through VS Code's file system): the `import` section, and the key threshold, Pareto
 * limit and date the reviewer uses, with the editor's own settings laid over them where given.
 */
import { combineSettings, readSettings, type SettingsLayer } from '../../language/src/analysis/review-settings.js';
import { KNOWN_CODES } from '../../language/src/validation/diagnostic-codes.js';
import { OTHER_CONFIG_SECTIONS, readImportSettings, type ImportSettings } from '../../language/src/workspace/portfolio-config.js';

export interface ImportContext {
    settings: ImportSettings;
    keyThreshold: number;
    paretoLimit: number;
    today?: string;
    /** What is wrong in the file, one sentence each; defaults are used instead. */
    problems: string[];
}

/** `raw`: the parsed kam.config.json, or undefined when there is none. */
export function importContext(raw: unknown, editor?: SettingsLayer): ImportContext {
    const review = readSettings(raw, { knownCodes: KNOWN_CODES, unknownKeys: true, otherSections: OTHER_CONFIG_SECTIONS });
    const imported = readImportSettings((raw as { import?: unknown } | null | undefined)?.import);
    const settings = combineSettings(review.layer, editor);
    return {
        settings: imported.settings, keyThreshold: settings.thresholds.keyThreshold, paretoLimit: settings.thresholds.paretoLimit, today: settings.today,
        problems: [...review.problems, ...imported.problems],
    };
}
