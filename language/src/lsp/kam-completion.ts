/**
 * Completion that knows the domain: every value keyword (roles, stances, influence, cadences …)
 * with what it means, references to team members, stakeholders and factors with who or what they
 * are, common KPI units, today's date for dates, and snippets for a new account, stakeholder,
 * objective and risk. Built on Langium's grammar-driven completion.
 */
import { AstUtils, EMPTY_STREAM, GrammarAST, type AstNode, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isFactor, isKpi, isStakeholder, isTeamMember } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import type { ReviewSettingsHolder } from '../analysis/review-settings.js';
import { keywordDoc } from './keyword-docs.js';

/** Units account managers measure KPIs in, offered after `unit`. */
export const COMMON_KPI_UNITS = ['%', 'days', 'hours', 'EUR', 'k EUR', 'M EUR', 'orders', 'tickets', 'points', 'visits'];

/** Grammar rules whose keywords are values (`role executive`), shown as enum members with their meaning. */
/** A value rule: a data-type rule made only of keywords (`Cadence: 'weekly' | …`), whose words are the domain's values. */
function isValueRule(rule: GrammarAST.AbstractRule | undefined): boolean {
    if (!GrammarAST.isParserRule(rule) || !rule.dataType) return false;
    const definition = rule.definition;
    const elements = GrammarAST.isAlternatives(definition) ? definition.elements : [definition];
    return elements.every(GrammarAST.isKeyword);
}

export class KamCompletionProvider extends DefaultCompletionProvider {
    private readonly settings: ReviewSettingsHolder;
    private readonly services: KamServices;

    constructor(services: KamServices) {
        super(services);
        this.services = services;
        this.settings = services.analysis.ReviewSettings;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (GrammarAST.isRuleCall(next.feature)) {
            const assignment = AstUtils.getContainerOfType(next.feature, GrammarAST.isAssignment);
            const terminal = next.feature.rule.ref?.name;
            if (terminal === 'STRING' && assignment?.feature === 'unit') return this.completeUnits(context, acceptor);
            if (terminal === 'DATE') {
                acceptor(context, { label: this.settings.today(context.document.uri), kind: CompletionItemKind.Value, detail: 'today', sortText: '0' });
                return;
            }
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const parserRule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule);
        const rule = parserRule?.name;
        const doc = keywordDoc(rule, keyword.value);
        const isValue = isValueRule(parserRule) && rule !== undefined;
        acceptor(context, {
            label: keyword.value,
            kind: isValue ? CompletionItemKind.EnumMember : CompletionItemKind.Keyword,
            detail: isValue ? valueDetail(rule!) : 'Keyword',
            documentation: doc ? { kind: 'markdown', value: doc } : undefined,
            sortText: isValue ? '0' : '1',
        });
        const snippet = this.snippetFor(keyword, this.settings.today(context.document.uri));
        if (snippet) {
            acceptor(context, {
                label: `${keyword.value} …`,
                filterText: keyword.value,
                kind: CompletionItemKind.Snippet,
                detail: snippet.detail,
                documentation: { kind: 'markdown', value: doc ?? snippet.detail },
                insertText: snippet.body,
                insertTextFormat: InsertTextFormat.Snippet,
                sortText: '2',
            });
        }
    }

    /**
     * While the parser recovers from a broken plan (a stray `}` before an account, say), Langium may
     * ask for the candidates of a reference on a node that has no such reference (`owner` on the file
     * itself): nothing is proposed there, instead of the scope provider's error in the server's log.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const property = this.astReflection.getTypeMetaData(refInfo.container.$type).properties[refInfo.property];
        if (property?.referenceType === undefined) return EMPTY_STREAM;
        return super.getReferenceCandidates(refInfo, context);
    }

    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const node = this.resolve(nodeDescription);
        return { ...item, detail: node ? referenceDetail(node) ?? item.detail : item.detail };
    }

    private resolve(description: AstNodeDescription): AstNode | undefined {
        if (description.node) return description.node;
        const documents = this.services.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(description.documentUri)) return undefined;
        const root = documents.getDocument(description.documentUri)!.parseResult.value;
        return this.services.workspace.AstNodeLocator.getAstNode(root, description.path);
    }

    private completeUnits(context: CompletionContext, acceptor: CompletionAcceptor): void {
        const used = AstUtils.streamAllContents(context.document.parseResult.value).filter(isKpi)
            .map((k) => k.unit).filter((u): u is string => !!u).toArray();
        const units = [...new Set([...used, ...COMMON_KPI_UNITS])];
        units.forEach((unit, i) => acceptor(context, {
            label: JSON.stringify(unit),
            kind: CompletionItemKind.Unit,
            detail: used.includes(unit) ? 'unit used in this plan' : 'unit',
            sortText: String(i).padStart(3, '0'),
        }));
    }

    private snippetFor(keyword: GrammarAST.Keyword, due: string): { detail: string; body: string } | undefined {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule === undefined || !SNIPPET_RULES.has(rule)) return undefined;
        const choice = (name: string) => `|${this.valuesOf(name).join(',')}|`;
        const member = (n: number) => this.memberChoice(n);
        // Only the keyword that opens the element gets a snippet (`account`, not `owner` inside an account).
        switch (rule) {
            case 'Account': return keyword.value !== 'account' ? undefined : {
                detail: 'New account plan',
                body: [
                    'account ${1:AccountName} "${2:Display name}" {',
                    `\ttier \${3${choice('AccountTier')}}`,
                    `\tstatus \${4${choice('AccountStatus')}}`,
                    `\tstrategy \${5${choice('AccountStrategy')}}`,
                    `\towner ${member(6)}`,
                    `\tbackup owner ${member(7)}`,
                    '\trevenue current ${8:1M} EUR potential ${9:2M} EUR',
                    `\trelationship stage \${10${choice('RelationshipStage')}}`,
                    `\treview cadence \${11${choice('Cadence')}}`,
                    '\t$0',
                    '}',
                ].join('\n'),
            };
            case 'Stakeholder': return keyword.value !== 'stakeholder' ? undefined : {
                detail: 'New stakeholder',
                body: [
                    'stakeholder ${1:id} "${2:Full Name}" {',
                    '\ttitle "${3:Job title}"',
                    `\trole \${4${choice('StakeholderRole')}}`,
                    `\tinfluence \${5${choice('InfluenceLevel')}}`,
                    `\tstance \${6${choice('Stance')}}`,
                    `\trelationship owner ${member(7)}`,
                    '\ttrusted advisor ${8:5}',
                    '\tstrategic partner ${9:5}',
                    `\tcadence \${10${choice('Cadence')}}`,
                    `\tlast contact \${11:${due}}`,
                    '\t$0',
                    '}',
                ].join('\n'),
            };
            case 'Objective': return keyword.value !== 'objective' ? undefined : {
                detail: 'New objective',
                body: [
                    'objective ${1:id} "${2:Title}" {',
                    `\towner ${member(3)}`,
                    `\tdue \${4:${due}}`,
                    '\tkpi "${5:KPI}" current ${6:0} target ${7:10} unit "${8:unit}"',
                    `\taction "\${9:First action}" owner ${member(10)} due \${11:${due}} status planned`,
                    '\t$0',
                    '}',
                ].join('\n'),
            };
            case 'Risk': return keyword.value !== 'risk' ? undefined : {
                detail: 'New risk',
                body: [
                    'risk "${1:What could go wrong}" {',
                    `\tlikelihood \${2${choice('RiskLevel')}}`,
                    `\timpact \${3${choice('RiskLevel')}}`,
                    '\tcontingency "${4:What we do if it happens}"',
                    `\towner ${member(5)}`,
                    '}',
                ].join('\n'),
            };
            case 'Opportunity': return keyword.value !== 'opportunity' ? undefined : {
                detail: 'New opportunity in the pipeline',
                body: [
                    'opportunity "${1:What we could sell}" {',
                    `\tkind \${2${choice('OpportunityKind')}}`,
                    `\tstage \${3${choice('PipelineStage')}}`,
                    '\tvalue ${4:250k} EUR',
                    `\tclose \${5:${due}}`,
                    `\towner ${member(6)}`,
                    '}',
                ].join('\n'),
            };
            case 'Contract': return keyword.value !== 'contract' ? undefined : {
                detail: 'New contract, with its renewal',
                body: [
                    'contract "${1:Title}" {',
                    `\tstart \${2:${due}}`,
                    `\trenewal \${3:${due}}`,
                    `\tnotice \${4:3} \${5${choice('PeriodUnit')}}`,
                    '\tvalue ${6:1M} EUR',
                    '}',
                ].join('\n'),
            };
            case 'InteractionKind': return {
                detail: `New ${keyword.value}: the latest one with a person is their last contact`,
                body: [
                    `${keyword.value} \${1:${due}} "\${2:What it was about}" {`,
                    '\twith ${3:stakeholder}',
                    `\tour side ${member(4)}`,
                    '\tagreed "${5:What was agreed}"',
                    `\tnext step "\${6:What happens next}" owner ${member(7)} due \${8:${due}}`,
                    '}',
                ].join('\n'),
            };
            default: return undefined;
        }
    }

    /** A tab stop choosing one of the team's members (a keyword like `member` would not parse). */
    private memberChoice(stop: number): string {
        const names = this.services.shared.workspace.IndexManager.allElements('TeamMember').map((d) => d.name).distinct().toArray();
        return names.length ? `\${${stop}|${names.join(',')}|}` : `\${${stop}:teamMemberId}`;
    }

    /** The keywords of a value rule, in grammar order (`Cadence` → weekly, fortnightly, …). */
    private valuesOf(ruleName: string): string[] {
        const rule = this.grammar.rules.find((r) => r.name === ruleName);
        return rule ? AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map((k) => k.value).toArray() : [];
    }
}

const SNIPPET_RULES = new Set(['Account', 'Stakeholder', 'Objective', 'Risk', 'Opportunity', 'Contract', 'InteractionKind']);

function valueDetail(rule: string): string {
    return rule.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Who or what a reference points to: "Anna Keller, Key Account Director", "Current revenue, 20%". */
function referenceDetail(node: AstNode): string | undefined {
    if (isTeamMember(node)) return [node.fullName ?? node.name, node.title].filter(Boolean).join(', ');
    if (isStakeholder(node)) return [node.fullName ?? node.name, node.title].filter(Boolean).join(', ');
    if (isFactor(node)) return node.weight ? `${node.title ?? node.name}, weight ${node.weight}` : node.title ?? node.name;
    return undefined;
}
