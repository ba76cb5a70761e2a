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
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, type CstNode, type ValueType } from 'langium';

export class KamValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NUMBER' && insideDataTypeRule(cstNode)) return input;
        if (rule.name === 'STRING') return unquote(input);
        return super.runConverter(rule, input, cstNode);
    }
}

/** Whether a rule call is to a data-type rule, per call site (working it out walks the grammar). */
const dataTypeCalls = new WeakMap<object, boolean>();

function insideDataTypeRule(cstNode: CstNode): boolean {
    const call = cstNode.container?.grammarSource;
    if (!GrammarAST.isRuleCall(call)) return false;
    let known = dataTypeCalls.get(call);
    if (known === undefined) {
        const rule = call.rule.ref;
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
