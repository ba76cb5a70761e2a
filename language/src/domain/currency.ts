/**
 * Money across currencies. International portfolios mix currencies; totals, the Pareto check and the
 * matrix's bubble sizes need one reporting currency. The portfolio's kam.config.json gives it and the
 * rates: `"currency": { "reporting": "EUR", "rates": { "USD": 0.92 } }` — one USD is 0.92 EUR.
 */
import type { Money } from './model.js';

export interface CurrencySettings {
    /** The currency totals are reported in; undefined when the portfolio sets none. */
    reporting?: string;
    /** Value of one unit of each currency in the reporting currency. */
    rates: Record<string, number>;
}

export const NO_CURRENCY_SETTINGS: CurrencySettings = { rates: {} };

export class CurrencyConverter {
    constructor(readonly settings: CurrencySettings) {}

    /** Whether an amount in this currency can be put into the reporting currency. */
    hasRate(currency: string): boolean {
        return currency === this.settings.reporting || Object.hasOwn(this.settings.rates, currency);
    }

    /** The amount in `to`, through the reporting currency; undefined when a rate is missing. */
    convert(money: Money, to: string): number | undefined {
        if (money.currency === to) return money.amount;
        const inReporting = this.toReporting(money);
        if (inReporting === undefined) return undefined;
        if (to === this.settings.reporting) return inReporting;
        const rate = this.settings.rates[to];
        return rate ? inReporting / rate : undefined;
    }

    /** The amount in the reporting currency; undefined without a reporting currency or a rate. */
    toReporting(money: Money): number | undefined {
        const reporting = this.settings.reporting;
        if (!reporting) return undefined;
        if (money.currency === reporting) return money.amount;
        const rate = Object.hasOwn(this.settings.rates, money.currency) ? this.settings.rates[money.currency] : undefined;
        return rate === undefined ? undefined : money.amount * rate;
    }
}
