/**
 * The pipeline: each opportunity's stage, probability and expected close. The weighted pipeline
 * (value × probability over open opportunities) is set against the account's potential revenue: the
 * gap is the growth nobody has planned for yet.
 */
import type { IsoDate, Money, Opportunity, PipelineStage } from './model.js';
import { isPlanDate } from './quantities.js';
import type { CurrencyConverter } from './currency.js';

/**
 * The usual chance to win at each stage, when the plan states no probability. An opportunity
 * written without a stage is at best identified.
 */
export const STAGE_PROBABILITY: Record<PipelineStage, number> = {
    identified: 10, qualified: 25, proposal: 50, negotiation: 75, won: 100, lost: 0,
};

export const PIPELINE_STAGES: readonly PipelineStage[] = ['identified', 'qualified', 'proposal', 'negotiation', 'won', 'lost'];

/** Neither won nor lost. */
export function isOpenOpportunity(o: Pick<Opportunity, 'stage'>): boolean {
    return o.stage !== 'won' && o.stage !== 'lost';
}

/** The chance to win in percent: as written (0-100), else the stage's usual one. */
export function probabilityOf(o: Pick<Opportunity, 'stage' | 'probability'>): number {
    if (o.stage === 'won') return 100;
    if (o.stage === 'lost') return 0;
    if (o.probability !== undefined && Number.isFinite(o.probability) && o.probability >= 0 && o.probability <= 100) return o.probability;
    return STAGE_PROBABILITY[o.stage ?? 'identified'];
}

/** When the opportunity is expected to close: `close`, else its `due` date. */
export function expectedCloseOf(o: Pick<Opportunity, 'close' | 'due'>): IsoDate | undefined {
    const date = o.close ?? o.due;
    return date && isPlanDate(date) ? date : undefined;
}

export interface PipelineSummary {
    currency: string | undefined;
    /** Open opportunities with a value: unweighted total. */
    open: number;
    /** Σ value × probability over open opportunities. */
    weighted: number;
    won: number;
    openCount: number;
    /** Opportunities whose value could not be counted: no value, or a currency with no rate. */
    uncounted: Opportunity[];
    /** Potential − current revenue − weighted pipeline, never below 0; undefined without a potential. */
    gapToPotential?: number;
}

/**
 * The account's pipeline in its revenue currency (the potential's, else the current revenue's, else
 * the first opportunity's); values in other currencies are converted where the portfolio gives a rate.
 */
export function pipelineSummary(
    plan: { opportunities: readonly Opportunity[]; currentRevenue?: Money; potentialRevenue?: Money },
    converter?: CurrencyConverter,
): PipelineSummary {
    const currency = plan.potentialRevenue?.currency || plan.currentRevenue?.currency || plan.opportunities.find((o) => o.value)?.value?.currency || undefined;
    const inCurrency = (money: Money | undefined): number | undefined => {
        if (!money || !Number.isFinite(money.amount)) return undefined;
        if (money.currency === currency) return money.amount;
        return converter && currency ? converter.convert(money, currency) : undefined;
    };
    let open = 0, weighted = 0, won = 0, openCount = 0;
    const uncounted: Opportunity[] = [];
    for (const o of plan.opportunities) {
        if (o.stage === 'lost') continue;
        const amount = inCurrency(o.value);
        if (isOpenOpportunity(o)) openCount++;
        if (amount === undefined) {
            if (o.value) uncounted.push(o);
            continue;
        }
        if (o.stage === 'won') won += amount;
        else {
            open += amount;
            weighted += (amount * probabilityOf(o)) / 100;
        }
    }
    const potential = inCurrency(plan.potentialRevenue);
    const current = inCurrency(plan.currentRevenue) ?? 0;
    const gapToPotential = potential === undefined ? undefined : Math.max(0, potential - current - weighted);
    return { currency, open, weighted, won, openCount, uncounted, gapToPotential };
}
