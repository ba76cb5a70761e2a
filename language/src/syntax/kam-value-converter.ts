/**
 * Values as the plan writes them.
 *
 * A number inside an amount or a KPI value (`1.2M`, `current 12`) is part of a text the domain reads
 * (quantities.ts); Langium would first turn it into a JavaScript number and back into text, so a
 * 400-digit number became the word "Infinity" in messages and reports. There it stays as written;
 * the reviewer reports a number no plan can mean.
 *
 * A text in quotes is read in one step. Langium builds it a character at a time, and V8 keeps such
 * a string as a chain of one node per character (32 bytes each) for as long as the plan is open:
 * a quarter of a portfolio's memory, and as much garbage-collection time, went to that.
 *
 * Which conversion a value gets depends only on the grammar: Langium works it out again for every
 * name, number and text parsed (type checks of the grammar element, the rule's name upper-cased, its
 * type looked up), a tenth of the parse. Here it is worked out once per grammar element and rule.
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, ValueConverter, type CstNode, type ValueType } from 'langium';

type Conversion = (input: string, cstNode: CstNode) => ValueType;

const unchanged: Conversion = (input) => input;

export class KamValueConverter extends DefaultValueConverter {
    /** The rule whose conversion a grammar element's values get (null: none, the text as it is). */
    private readonly rulesByElement = new Map<GrammarAST.AbstractElement, GrammarAST.AbstractRule | null>();
    private readonly conversions = new Map<GrammarAST.AbstractRule, Conversion>();

    override convert(input: string, cstNode: CstNode): ValueType {
        const element = cstNode.grammarSource;
        if (element === undefined) return super.convert(input, cstNode);
        let rule = this.rulesByElement.get(element);
        if (rule === undefined) {
            // Langium's choice (DefaultValueConverter.convert): a cross-reference's terminal, then a rule call's rule.
            const terminal = GrammarAST.isCrossReference(element) ? GrammarUtils.getCrossReferenceTerminal(element) : element;
            if (!GrammarAST.isRuleCall(terminal)) rule = null;
            else if (terminal.rule.ref) rule = terminal.rule.ref;
            else return super.convert(input, cstNode);
            this.rulesByElement.set(element, rule);
        }
        return rule === null ? input : this.runConverter(rule, input, cstNode);
    }

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        let conversion = this.conversions.get(rule);
        if (conversion === undefined) this.conversions.set(rule, conversion = conversionOf(rule));
        return conversion(input, cstNode);
    }
}

/** A rule's conversion: ours for numbers and texts, otherwise Langium's (DefaultValueConverter.runConverter), chosen once. */
function conversionOf(rule: GrammarAST.AbstractRule): Conversion {
    if (rule.name === 'NUMBER') return (input, cstNode) => (insideDataTypeRule(cstNode) ? input : ValueConverter.convertNumber(input));
    if (rule.name === 'STRING') return unquote;
    switch (rule.name.toUpperCase()) {
        case 'INT': return ValueConverter.convertInt;
        case 'STRING': return ValueConverter.convertString;
        case 'ID': return ValueConverter.convertID;
    }
    switch (GrammarUtils.getRuleType(rule)?.toLowerCase()) {
        case 'number': return ValueConverter.convertNumber;
        case 'boolean': return ValueConverter.convertBoolean;
        case 'bigint': return ValueConverter.convertBigint;
        case 'date': return ValueConverter.convertDate;
        default: return unchanged;
    }
}

/** Whether a rule call is to a data-type rule, per call site (working it out walks the grammar). */
const dataTypeCalls = new WeakMap<object, boolean>();

function insideDataTypeRule(cstNode: CstNode): boolean {
    const call = cstNode.container?.grammarSource;
    if (call === undefined) return false;
    // Known per grammar element, asked before its type (a type check costs more than the lookup).
    let known = dataTypeCalls.get(call);
    if (known === undefined) {
        const rule = GrammarAST.isRuleCall(call) ? call.rule.ref : undefined;
        dataTypeCalls.set(call, known = GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule));
    }
    return known;
}

const ESCAPES: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '0': '\0' };

/** `"a \"b\""` → `a "b"`, with Langium's escapes, as one flat string. */
export function unquote(input: string): string {
    const body = input.slice(1, -1);
    if (!body.includes('\\')) return body;
    return body.replace(/\\(.?)/gs, (_, c: string) => ESCAPES[c] ?? c);
}
