/**
 * `--scaffold DIR`: a plan for each candidate, from the New Account Plan template, pre-filled with
 * what the export knows (industry, revenue, potential, margin; scores for the factors that
 * kam.config.json maps). A file that exists is never written over: it is named and left as it is.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { oneLine } from '../../language/src/domain/plain-text.js';
import { accountFileName, accountPlanTemplate } from '../../language/src/templates/account-plan.js';
import type { ImportSettings } from '../../language/src/workspace/portfolio-config.js';
import type { CustomerAssessment } from './candidates.js';

export interface ScaffoldResult {
    written: string[];
    /** Files that already existed (or a second candidate with the same file name): left as they are. */
    kept: string[];
}

/** The plan text for one candidate. */
export function candidatePlan(candidate: CustomerAssessment, options: { today: string; source: string; settings?: ImportSettings }): string {
    const row = candidate.row;
    const factors = options.settings?.factors ?? {};
    const money = (amount: number | undefined) => (amount !== undefined && row.currency ? { amount, currency: row.currency } : undefined);
    return accountPlanTemplate({
        displayName: oneLine(row.name),
        today: options.today,
        known: {
            industry: row.industry,
            currentRevenue: money(row.revenue),
            potentialRevenue: money(row.potential),
            profitability: row.margin,
            ownerHint: row.owner,
            scores: candidate.scores.flatMap((s) => (factors[s.factor] ? [{ factor: factors[s.factor]!, score: s.score, because: s.because }] : [])),
            notes: [
                `From ${options.source}, line ${row.line}${row.id ? `, customer ${row.id}` : ''}: ${candidate.reasons.join('; ')}.`,
                ...(candidate.estimate !== undefined ? [`First strategic-value estimate from the export's quantitative factors: ${candidate.estimate.toFixed(1)}.`] : []),
                ...(row.currency ? [] : ['The export names no currency: write the revenue line with one, e.g. "revenue current 1.2M EUR".']),
            ],
        },
    });
}

export function scaffoldPlans(candidates: CustomerAssessment[], folder: string, options: { today: string; source: string; settings?: ImportSettings }): ScaffoldResult {
    fs.mkdirSync(folder, { recursive: true });
    const result: ScaffoldResult = { written: [], kept: [] };
    for (const candidate of candidates) {
        const file = path.join(folder, accountFileName(oneLine(candidate.row.name)));
        try {
            // 'wx': created only if it does not exist, in one step (no check-then-write race).
            fs.writeFileSync(file, candidatePlan(candidate, options), { flag: 'wx' });
            result.written.push(file);
        } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
            result.kept.push(file);
        }
    }
    return result;
}
