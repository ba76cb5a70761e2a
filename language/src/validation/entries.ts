/**
 * Entries and numbers: what the parser read but a plan cannot mean. An entry that takes one value
 * written twice (the first counts), numbers no plan can mean (left out of every calculation), and,
 * once per element with a syntax error, a note that its review waits for the fix.
 */
import { GrammarUtils, isReference, type AstNode, type ValidationAcceptor } from 'langium';
import { nodeForProperty } from '../syntax/property-nodes.js';
import type { Account, Competitor, Factor, Kpi, Money, Opportunity, Period, ScoringModel, Team, TeamMember } from '../generated/ast.js';
import type { PeriodUnit } from '../domain/model.js';
import { isUsableNotice } from '../domain/contracts.js';
import { repeatedEntriesOf } from '../syntax/repeated-entries.js';
import { entryPhrase, grammarVocabulary } from '../syntax/grammar-vocabulary.js';
import { isSaneNumber, MAX_QUANTITY, parseAmount, parseMeasure, parsePercent } from '../domain/quantities.js';
import { CODE_DUPLICATE_ENTRY, CODE_NUMBER_OUT_OF_RANGE, CODE_REVIEW_WAITS } from './diagnostic-codes.js';
import { nameOf, type CheckFactory, type KamValidator } from './kam-validator.js';
import { accountLabel } from './stakeholders.js';

export const entryChecks: CheckFactory = (validator, services) => {
    const grammar = services.Grammar;
    const repeated = (node: AstNode, accept: ValidationAcceptor) => checkRepeatedEntries(validator, grammar, node, accept);
    const checks: Record<string, Array<(node: never, accept: ValidationAcceptor) => void>> = {};
    for (const type of grammarVocabulary(grammar).oneValueEntries.keys()) checks[type] = [repeated];
    (checks.Account ??= []).push((account: Account, accept) => checkReviewWaits(validator, account, accountLabel(account), accept));
    checks.Team = [(team: Team, accept) => checkReviewWaits(validator, team, `team ${nameOf(team)}`, accept)];
    checks.ScoringModel = [
        (model: ScoringModel, accept) => checkReviewWaits(validator, model, `scoring model ${nameOf(model)}`, accept),
        (model: ScoringModel, accept) => checkScale(validator, model, accept),
    ];
    checks.Factor = [(factor: Factor, accept) => {
        if (factor.weight !== undefined) checkPercentInRange(validator, factor, 'weight', factor.weight, 0, 100, 'A weight', accept);
    }];
    (checks.Competitor ??= []).push((competitor: Competitor, accept) => {
        const share = competitor.share;
        if (share !== undefined) checkPercentInRange(validator, competitor, 'share', share, 0, 100, 'A share of wallet', accept);
    });
    (checks.Account ??= []).push((account: Account, accept) => {
        const profitability = account.profitability;
        if (profitability !== undefined) checkPercentInRange(validator, account, 'profitability', profitability, -100, 100, 'A profit margin', accept);
    });
    (checks.Opportunity ??= []).push((opportunity: Opportunity, accept) => {
        const probability = opportunity.probability;
        if (probability !== undefined) checkPercentInRange(validator, opportunity, 'probability', probability, 0, 100, 'A probability', accept);
    });
    checks.Period = [(period: Period, accept) => {
        if (period.amount === undefined || !period.unit) return;
        if (!isUsableNotice({ amount: period.amount, unit: period.unit as PeriodUnit })) {
            validator.report(accept, CODE_NUMBER_OUT_OF_RANGE,
                `A notice period of ${shorten(numberText(period, 'amount'))} ${period.unit} is impossible: it must be a whole number of days, weeks or months, at most ten years. It is left out until corrected.`,
                { node: period, property: 'amount' });
        }
    }];
    checks.TeamMember = [(member: TeamMember, accept) => checkCapacity(validator, member, accept)];
    checks.Money = [(money: Money, accept) => checkAmount(validator, money, accept)];
    checks.Kpi = [(kpi: Kpi, accept) => checkKpiNumbers(validator, kpi, accept)];
    return checks;
};

function checkRepeatedEntries(validator: KamValidator, grammar: Parameters<typeof entryPhrase>[0], node: AstNode, accept: ValidationAcceptor): void {
    const repeated = repeatedEntriesOf(node);
    if (repeated.length === 0) return;
    const properties = new Set(repeated.map((entry) => entry.property));
    for (const property of properties) {
        const values = [(node as unknown as Record<string, unknown>)[property], ...repeated.filter((entry) => entry.property === property).map((entry) => entry.value)];
        const places = GrammarUtils.findNodesForProperty(node.$cstNode, property);
        const phrase = entryPhrase(grammar, node.$type, property);
        const shown = (i: number) => shorten(places[i]?.text ?? valueText(values[i]));
        const firstLine = places[0] ? places[0].range.start.line + 1 : undefined;
        for (let i = 1; i < values.length; i++) {
            validator.report(accept, CODE_DUPLICATE_ENTRY,
                `\`${phrase}\` is written ${values.length === 2 ? 'twice' : `${values.length} times`} in ${elementLabel(node)}: the first (${shown(0)}${firstLine ? `, line ${firstLine}` : ''}) counts and ${shown(i)} is ignored. Keep one.`,
                { node, property: property as never, index: i });
        }
    }
}

function valueText(value: unknown): string {
    return isReference(value) ? value.$refText : String(value);
}

function checkReviewWaits(validator: KamValidator, node: AstNode & { name?: string }, label: string, accept: ValidationAcceptor): void {
    const line = validator.syntaxErrorLine(node);
    if (line === undefined) return;
    validator.report(accept, CODE_REVIEW_WAITS,
        `The review of ${label} waits for the syntax error on line ${line} to be fixed: findings about what is missing are held back, and its numbers are provisional.`,
        { node, property: 'name' as never });
}

function checkPercentInRange(validator: KamValidator, node: AstNode, property: string, text: string, min: number, max: number, what: string, accept: ValidationAcceptor): void {
    const value = parsePercent(text);
    if (!isSaneNumber(value) || value < min || value > max) {
        validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `${what} of ${shorten(text)} is impossible: it must lie between ${min}% and ${max}%. It is left out until corrected.`,
            { node, property: property as never });
    }
}

function checkScale(validator: KamValidator, model: ScoringModel, accept: ValidationAcceptor): void {
    for (const property of ['scaleMin', 'scaleMax'] as const) {
        const value = model[property];
        if (value !== undefined && !isSaneNumber(value)) {
            validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `The scale of ${nameOf(model)} cannot run to ${numberText(model, property)}: use a scale such as 1 to 10.`, { node: model, property });
        }
    }
}

function checkCapacity(validator: KamValidator, member: TeamMember, accept: ValidationAcceptor): void {
    const capacity = member.capacity;
    if (capacity === undefined) return;
    if (!isSaneNumber(capacity) || capacity < 0 || !Number.isInteger(capacity)) {
        validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `${member.fullName ?? member.name} can look after ${numberText(member, 'capacity')} key accounts? A capacity is a whole number of accounts, 0 or more. It is left out until corrected.`,
            { node: member, property: 'capacity' });
    }
}

function checkAmount(validator: KamValidator, money: Money, accept: ValidationAcceptor): void {
    if (money.amount === undefined) return;
    const amount = String(money.amount);
    const value = parseAmount(amount);
    if (!isSaneNumber(value)) {
        validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `${shorten(amount)} ${money.currency ?? ''} is not an amount a plan can mean (more than ${MAX_QUANTITY.toExponential(0).replace('e+', ' × 10^')}). It is left out until corrected.`.replace('  ', ' '),
            { node: money, property: 'amount' });
    } else if (value < 0) {
        validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `${shorten(amount)} ${money.currency ?? ''}: revenue and opportunity values cannot be negative. It is left out until corrected.`.replace('  ', ' '),
            { node: money, property: 'amount' });
    }
}

function checkKpiNumbers(validator: KamValidator, kpi: Kpi, accept: ValidationAcceptor): void {
    for (const property of ['current', 'target'] as const) {
        const text = kpi[property];
        if (text !== undefined && !isSaneNumber(parseMeasure(text))) {
            validator.report(accept, CODE_NUMBER_OUT_OF_RANGE, `The KPI's ${property} value ${numberText(kpi, property)} is not a number a plan can mean. It is left out until corrected.`, { node: kpi, property });
        }
    }
}

/** The number as written in the plan (a 400-digit number stays recognisable, not "Infinity"). */
function numberText(node: AstNode, property: string): string {
    return shorten(nodeForProperty(node.$cstNode, property)?.text ?? '?');
}

function shorten(text: string): string {
    return text.length > 24 ? `${text.slice(0, 12)}…${text.slice(-6)}` : text;
}

/** "account Nordwind Logistics", "stakeholder Dr. Helen Marsh", "risk "The group re-tenders…"". */
function elementLabel(node: AstNode): string {
    const n = node as AstNode & { name?: string; title?: string; fullName?: string; text?: string };
    const kind = node.$type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
    const label = node.$type === 'Account' ? n.title ?? n.name : n.fullName ?? n.name ?? (n.text ? `"${shorten(n.text)}"` : undefined);
    return label ? `${kind} ${label}` : `this ${kind}`;
}
