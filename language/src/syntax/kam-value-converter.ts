/**
 * Values as the plan writes them. A number inside an amount or a KPI value (`1.2M`, `current 12`)
 * is part of a text the domain reads (quantities.ts); Langium would first turn it into a JavaScript
 * number and back into text, so a 400-digit number became the word "Infinity" in messages and
 * reports. There it stays as written; the reviewer reports a number no plan can mean.
 */
import { DefaultValueConverter, GrammarAST, GrammarUtils, type CstNode, type ValueType } from 'langium';

export class KamValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'NUMBER' && insideDataTypeRule(cstNode)) return input;
        return super.runConverter(rule, input, cstNode);
    }
}

function insideDataTypeRule(cstNode: CstNode): boolean {
    const call = cstNode.container?.grammarSource;
    if (!GrammarAST.isRuleCall(call)) return false;
    const rule = call.rule.ref;
    return GrammarAST.isParserRule(rule) && GrammarUtils.isDataTypeRule(rule);
}
