/**
 * Rename, refusing names that would break the plans: a new name must be one word a plan can hold
 * (`"has space"`, `""` and `"1bad"` would not parse) and must not be taken by another element of
 * the same kind in the same scope — renaming team member `katrin` to the existing `james` would
 * silently merge two people's accounts. Refusals come back as an error with the reason, which the
 * editor shows; nothing is edited.
 */
import { AstUtils, CstUtils, isCompositeCstNode, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import { ErrorCodes, ResponseError, type RenameParams, type WorkspaceEdit } from 'vscode-languageserver';
import { isAccount, isStakeholder, isObjective } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import { grammarVocabulary } from '../syntax/grammar-vocabulary.js';

/** A name as the grammar reads it (terminal ID), or any of the language's keywords. */
const WORD = /^[_a-zA-Z]\w*(-\w+)*$/;

/** What each kind of element is called in a message. */
const KIND: Record<string, string> = {
    TeamMember: 'team member', Account: 'account', Team: 'team', ScoringModel: 'scoring model', Factor: 'factor',
    Stakeholder: 'stakeholder', Objective: 'objective',
};

export class KamRenameProvider extends DefaultRenameProvider {
    private readonly services: KamServices;

    constructor(services: KamServices) {
        super(services as unknown as LangiumServices);
        this.services = services;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.declarationAt(document, params.position);
        if (!target) return undefined;
        const problem = this.problemWith(target, params.newName);
        if (problem) throw new ResponseError(ErrorCodes.InvalidParams, problem);
        return super.rename(document, params);
    }

    /** A name that is a keyword is held in a composite node of the Name rule: its leaf is the name too. */
    protected override isNameNode(leafNode: CstNode | undefined): boolean | undefined {
        if (super.isNameNode(leafNode)) return true;
        const container = leafNode?.container;
        return container !== undefined && !isCompositeCstNode(leafNode!) && container.astNode !== undefined
            && container === this.nameProvider.getNameNode(container.astNode);
    }

    private declarationAt(document: LangiumDocument, position: RenameParams['position']): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        if (!leaf) return undefined;
        return this.references.findDeclarations(leaf)[0] ?? (this.isNameNode(leaf) ? leaf.astNode : undefined);
    }

    /** Why `newName` cannot be the target's name, or undefined when it can. */
    private problemWith(target: AstNode, newName: string): string | undefined {
        const kind = KIND[target.$type] ?? 'element';
        const current = this.nameProvider.getName(target);
        const shown = JSON.stringify(newName);
        if (newName === current) return undefined;
        if (newName.trim() === '') return `A ${kind} needs a name: ${shown} is empty.`;
        const keywords = grammarVocabulary(this.services.Grammar).keywords;
        if (!WORD.test(newName) && !keywords.has(newName)) {
            return `${shown} cannot be a name: a name is one word of letters, digits, _ and - that starts with a letter (the display name in quotes is separate).`;
        }
        const taken = this.sameKindNamed(target, newName);
        if (taken) {
            const who = (taken as AstNode & { fullName?: string; title?: string }).fullName;
            return `There is already a ${kind} named ${newName}${typeof who === 'string' ? ` (${who})` : ''}: renaming ${current} to ${newName} would merge the two, and every reference to either would become ambiguous.`;
        }
        return undefined;
    }

    /** Another element of the target's kind named `name`: in the same account for stakeholders and objectives, else in the workspace. */
    private sameKindNamed(target: AstNode, name: string): AstNode | undefined {
        if (isStakeholder(target) || isObjective(target)) {
            const account = AstUtils.getContainerOfType(target, isAccount);
            const siblings: AstNode[] = isStakeholder(target) ? account?.stakeholders ?? [] : account?.objectives ?? [];
            return siblings.find((s) => s !== target && (s as AstNode & { name?: string }).name === name);
        }
        const found = this.services.shared.workspace.IndexManager.allElements(target.$type).find((d) => d.name === name);
        if (!found) return undefined;
        return found.node ?? target; // a description without its node still names a taken name
    }
}
