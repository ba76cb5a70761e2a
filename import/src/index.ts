/**
 * `kam import`: from a CRM export to a key-account list. One entry point over the pieces: read the
 * CSV (read-export.ts: encoding, delimiter, columns, numbers, a line for every problem), analyse it
 * with the domain core (candidates.ts: Pareto, ABC, a first strategic value), report it
 * (report.ts: Markdown, HTML, JSON) and, if asked, start a plan for each candidate (scaffold.ts).
 */
import { analyseCustomers, type CandidateAnalysis } from './candidates.js';
import { readCustomerExport, type CustomerExport, type ReadOptions } from './read-export.js';
import { importReportHtml, importReportMarkdown, importReportView, type ImportReportView } from './report.js';
import type { ImportSettings } from '../../language/src/workspace/portfolio-config.js';

export { ExportError } from './read-export.js';
export { EncodingError } from './decode.js';
export { scaffoldPlans, candidatePlan, type ScaffoldResult } from './scaffold.js';
export { importContext, type ImportContext } from './settings.js';
export { CONFIG_FILE } from '../../language/src/workspace/portfolio-config.js';
export type { CustomerExport, CandidateAnalysis, ImportReportView };

export interface CustomerImportOptions extends ReadOptions {
    settings?: ImportSettings;
    /** The file's name, for the report and the plans' notes. */
    source: string;
    today: string;
    keyThreshold: number;
    paretoLimit: number;
    /** How many candidates to list (and scaffold). */
    candidates?: number;
}

export interface CustomerImport {
    exported: CustomerExport;
    analysis: CandidateAnalysis;
    view: ImportReportView;
}

export function importCustomers(bytes: Uint8Array, options: CustomerImportOptions): CustomerImport {
    const exported = readCustomerExport(bytes, options);
    const analysis = analyseCustomers(exported.rows, { settings: options.settings, keyThreshold: options.keyThreshold, limit: options.candidates });
    const view = importReportView(exported, analysis, { source: options.source, today: options.today, paretoLimit: options.paretoLimit });
    return { exported, analysis, view };
}

export type ImportReportFormat = 'md' | 'html' | 'json';

export function renderImportReport(view: ImportReportView, format: ImportReportFormat): string {
    if (format === 'md') return importReportMarkdown(view);
    if (format === 'html') return importReportHtml(view);
    return `${JSON.stringify(view, null, 2)}\n`;
}
