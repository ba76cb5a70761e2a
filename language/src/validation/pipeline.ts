/**
 * The pipeline, whitespace and money across currencies: open opportunities whose close date passed,
 * potential with nothing in the pipeline, amounts the portfolio cannot convert, and whitespace rows
 * that do not fit the units.
 */
import { AstUtils, type ValidationAcceptor } from 'langium';
import type { Account, Money, Opportunity, Whitespace } from '../generated/ast.js';
import { CODE_CLOSE_DATE_PASSED, CODE_CURRENCY_WITHOUT_RATE, CODE_POTENTIAL_WITHOUT_PIPELINE, CODE_WHITESPACE_SHAPE } from './diagnostic-codes.js';
import { expectedCloseOf, isOpenOpportunity } from '../domain/pipeline.js';
import { daysBetween, formatMoney } from '../domain/quantities.js';
import { expectsFullPlan } from '../domain/portfolio.js';
import { CurrencyConverter } from '../domain/currency.js';
import type { CheckFactory, KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';

export const pipelineChecks: CheckFactory = (validator) => ({
    Opportunity: (opportunity, accept) => checkCloseDate(validator, opportunity, accept),
    Account: (account, accept) => checkPotentialWithoutPipeline(validator, account, accept),
    Money: (money, accept) => checkCurrency(validator, money, accept),
    Whitespace: (whitespace, accept) => checkWhitespaceShape(validator, whitespace, accept),
});

function checkCloseDate(validator: KamValidator, opportunity: Opportunity, accept: ValidationAcceptor): void {
    const account = opportunity.$container;
    const o = validator.plan(account)?.opportunities[account.opportunities.indexOf(opportunity)];
    if (!o || !isOpenOpportunity(o)) return;
    const close = expectedCloseOf(o);
    const today = validator.today(opportunity);
    if (!close || close >= today) return;
    const days = daysBetween(close, today);
    validator.report(accept, CODE_CLOSE_DATE_PASSED,
        `Opportunity "${o.text}" was expected to close on ${close}, ${days} day${days === 1 ? '' : 's'} ago, and is still ${o.stage ?? 'open'}: mark it won or lost, or agree a new close date.`,
        { node: opportunity, property: o.close ? 'close' : 'due', index: 0 });
}

function checkPotentialWithoutPipeline(validator: KamValidator, account: Account, accept: ValidationAcceptor): void {
    const card = validator.analyzer.analyzeAccount(account);
    if (!card || !expectsFullPlan(card.plan)) return;
    const { currentRevenue: current, potentialRevenue: potential } = card.plan;
    const revenue = account.revenue;
    if (!revenue || !potential || !current || potential.currency !== current.currency || !(potential.amount > current.amount)) return;
    const hasPipeline = card.plan.opportunities.some((o) => isOpenOpportunity(o) && o.value && o.value.amount > 0);
    if (hasPipeline) return;
    validator.report(accept, CODE_POTENTIAL_WITHOUT_PIPELINE,
        `${accountLabel(account)} could buy ${formatMoney(potential)} but buys ${formatMoney(current)}, and no open opportunity with a value is in the pipeline: the growth of ${formatMoney({ amount: potential.amount - current.amount, currency: potential.currency })} is not planned.`,
        { node: revenue, property: 'potential' });
}

/** An amount the portfolio cannot convert: it has a reporting currency but no rate for this one. */
function checkCurrency(validator: KamValidator, money: Money, accept: ValidationAcceptor): void {
    if (!money.currency) return;
    const { currency } = validator.settingsOf(money);
    if (currency.reporting) {
        if (new CurrencyConverter(currency).hasRate(money.currency)) return;
        validator.report(accept, CODE_CURRENCY_WITHOUT_RATE,
            `${money.currency} has no rate into the portfolio's reporting currency ${currency.reporting}: this amount is left out of totals, the Pareto check and the pipeline. Add "${money.currency}" to currency.rates in kam.config.json.`,
            { node: money, property: 'currency', data: { currency: money.currency } });
        return;
    }
    // Without a reporting currency, only revenue in a portfolio that mixes currencies cannot be added up.
    if (money.$containerProperty !== 'current' || money.$container.$type !== 'Revenue') return;
    const facts = validator.portfolio.facts(AstUtils.getDocument(money).uri);
    if (!facts.mixedCurrencies) return;
    validator.report(accept, CODE_CURRENCY_WITHOUT_RATE,
        `The portfolio's revenues are in several currencies and kam.config.json gives no reporting currency: they cannot be added up, so the Pareto check and portfolio totals leave them out. Add "currency": { "reporting": "…", "rates": { … } }.`,
        { node: money, property: 'currency', data: { currency: money.currency } });
}

function checkWhitespaceShape(validator: KamValidator, whitespace: Whitespace, accept: ValidationAcceptor): void {
    const units = whitespace.units.length;
    for (const row of whitespace.rows) {
        if (row.cells.length === units || row.cells.length === 0) continue;
        validator.report(accept, CODE_WHITESPACE_SHAPE,
            `"${row.product ?? ''}" has ${row.cells.length} cell${row.cells.length === 1 ? '' : 's'} for ${units} unit${units === 1 ? '' : 's'} (${whitespace.units.join(', ')}): give one of bought, pipeline, open or not-relevant per unit, in that order.`,
            { node: row, property: 'product' });
    }
}
