/**
 * Quick fixes for the reviewer's findings, wherever the fix is mechanical. A fix only adds text
 * (a stakeholder skeleton, a backup owner, an owner/due/KPI line, a contingency, a response),
 * rescales the weights or writes a flagged date as it was surely meant; it never deletes what the
 * user wrote.
 */
import { AstUtils, CstUtils, GrammarUtils, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Command, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { isAccount, isFeedback, isObjective, isRisk, isScoringModel, isTeamMember, type Account, type TeamMember } from '../generated/ast.js';
import type { KamServices } from '../kam-module.js';
import {
    CODE_FEEDBACK_WITHOUT_ACTION, CODE_FEEDBACK_WITHOUT_TIMELINE, CODE_INVALID_DATE, CODE_MISSING_CHAMPION, CODE_MISSING_EXECUTIVE,
    CODE_MISSING_FINANCE_CONTACT, CODE_MISSING_USER, CODE_NO_BACKUP_OWNER, CODE_OBJECTIVE_WITHOUT_DUE_DATE,
    CODE_OBJECTIVE_WITHOUT_KPI, CODE_OBJECTIVE_WITHOUT_OWNER, CODE_RISK_WITHOUT_CONTINGENCY, CODE_WEIGHTS_NOT_100,
} from '../validation/diagnostic-codes.js';
import { normaliseWeights } from '../domain/strategic-value.js';
import { addDaysIso, correctedDate, parsePercent } from '../domain/quantities.js';
import type { ReviewSettingsHolder } from '../analysis/review-settings.js';

/** The stakeholder skeleton added for each missing role: who to look for, and what they usually care about. */
const ROLE_SKELETONS: Record<string, { id: string; name: string; title: string; role: string; expects: string }> = {
    [CODE_MISSING_EXECUTIVE]: { id: 'executiveSponsor', name: 'Executive sponsor (to identify)', title: 'Economic decision maker', role: 'executive', expects: 'product "Strategic impact on their success factors"' },
    [CODE_MISSING_FINANCE_CONTACT]: { id: 'financeContact', name: 'Finance contact (to identify)', title: 'Finance', role: 'finance', expects: 'service "Cost within budget and agreed payment terms"' },
    [CODE_MISSING_USER]: { id: 'keyUser', name: 'Key user (to identify)', title: 'User of what we supply', role: 'user', expects: 'product "Less workload in daily use"' },
    [CODE_MISSING_CHAMPION]: { id: 'insideCoach', name: 'Champion (to develop)', title: 'Our coach inside the customer', role: 'champion', expects: 'communication "Early news they can share internally"' },
};

const INDENT = '    ';

export class KamCodeActionProvider implements CodeActionProvider {
    private readonly services: KamServices;
    private readonly settings: ReviewSettingsHolder;

    constructor(services: KamServices) {
        this.services = services;
        this.settings = services.analysis.ReviewSettings;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            try {
                const action = this.fixFor(document, diagnostic);
                if (action) actions.push({ ...action, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true });
            } catch {
                // A fix that cannot be computed on a half-typed document is simply not offered.
            }
        }
        return actions;
    }

    private fixFor(document: LangiumDocument, diagnostic: Diagnostic): Omit<CodeAction, 'kind'> | undefined {
        const node = this.nodeAt(document, diagnostic);
        if (!node) return undefined;
        const code = String(diagnostic.code);
        const edit = (edits: TextEdit[]) => ({ changes: { [document.uri.toString()]: edits } });
        const today = this.settings.today(document.uri);
        switch (code) {
            case CODE_MISSING_EXECUTIVE:
            case CODE_MISSING_FINANCE_CONTACT:
            case CODE_MISSING_USER:
            case CODE_MISSING_CHAMPION: {
                const account = AstUtils.getContainerOfType(node, isAccount);
                if (!account) return undefined;
                const s = ROLE_SKELETONS[code];
                const id = uniqueName(s.id, new Set(account.stakeholders.map((x) => x.name)));
                const lines = [
                    `stakeholder ${id} "${s.name}" {`,
                    `${INDENT}title "${s.title}"`,
                    `${INDENT}role ${s.role}`,
                    `${INDENT}influence medium`,
                    `${INDENT}stance neutral`,
                    ...(account.owner ? [`${INDENT}relationship owner ${account.owner!.$refText}`] : []),
                    `${INDENT}expects ${s.expects} status unknown`,
                    '}',
                ];
                return { title: `Add a ${s.role} stakeholder to map`, edit: edit([insertBeforeClosingBrace(document, account, lines)]) };
            }
            case CODE_NO_BACKUP_OWNER: {
                const account = AstUtils.getContainerOfType(node, isAccount);
                const ownerCst = account && GrammarUtils.findNodeForProperty(account.$cstNode, 'owner');
                if (!account || !ownerCst) return undefined;
                const backup = this.backupCandidate(account);
                if (!backup) return undefined;
                const indent = lineIndent(document, ownerCst.range.start.line);
                return {
                    title: `Add ${backup.fullName ?? backup.name} as backup owner`,
                    edit: edit([{ range: { start: ownerCst.range.end, end: ownerCst.range.end }, newText: `\n${indent}backup owner ${backup.name}` }]),
                };
            }
            case CODE_WEIGHTS_NOT_100: {
                const model = AstUtils.getContainerOfType(node, isScoringModel);
                if (!model) return undefined;
                const normalised = normaliseWeights(model.factors.map((f) => parsePercent(f.weight)));
                const edits = model.factors.flatMap((f, i) => {
                    const cst = GrammarUtils.findNodeForProperty(f.$cstNode, 'weight');
                    return cst ? [{ range: cst.range, newText: `${normalised[i]}%` }] : [];
                });
                return { title: 'Scale the weights proportionally to 100%', edit: edit(edits) };
            }
            case CODE_OBJECTIVE_WITHOUT_OWNER:
            case CODE_OBJECTIVE_WITHOUT_DUE_DATE:
            case CODE_OBJECTIVE_WITHOUT_KPI: {
                const objective = AstUtils.getContainerOfType(node, isObjective);
                if (!objective) return undefined;
                const account = AstUtils.getContainerOfType(objective, isAccount);
                const owner = account?.owner?.$refText ?? this.teamMembers()[0]?.name;
                const lines = code === CODE_OBJECTIVE_WITHOUT_OWNER ? (owner ? [`owner ${owner}`] : [])
                    : code === CODE_OBJECTIVE_WITHOUT_DUE_DATE ? [`due ${addDaysIso(today, 90)}`]
                    : ['kpi "What the customer will measure" current 0 target 1 unit "to agree"'];
                if (lines.length === 0) return undefined;
                const what = code === CODE_OBJECTIVE_WITHOUT_OWNER ? 'an owner' : code === CODE_OBJECTIVE_WITHOUT_DUE_DATE ? 'a due date' : 'a KPI';
                return { title: `Add ${what} to objective ${objective.name}`, edit: edit([insertBeforeClosingBrace(document, objective, lines)]) };
            }
            case CODE_RISK_WITHOUT_CONTINGENCY: {
                const risk = AstUtils.getContainerOfType(node, isRisk);
                if (!risk) return undefined;
                return { title: 'Add a contingency plan', edit: edit([insertBeforeClosingBrace(document, risk, ['contingency "What we do if this happens"'])]) };
            }
            case CODE_FEEDBACK_WITHOUT_ACTION: {
                const feedback = AstUtils.getContainerOfType(node, isFeedback);
                const account = feedback && AstUtils.getContainerOfType(feedback, isAccount);
                if (!feedback) return undefined;
                const owner = account?.owner?.$refText ?? this.teamMembers()[0]?.name;
                const from = feedback.from;
                const who = from?.ref?.fullName ?? from?.$refText ?? 'the customer';
                const line = `action "Agree the response with ${who.replace(/"/g, "'")}"${owner ? ` owner ${owner}` : ''} due ${addDaysIso(today, 30)}`;
                return { title: 'Add an action with a timeline', edit: edit([insertBeforeClosingBrace(document, feedback, [line])]) };
            }
            case CODE_FEEDBACK_WITHOUT_TIMELINE: {
                const feedback = AstUtils.getContainerOfType(node, isFeedback);
                // The response the diagnostic is on (a feedback item may have several).
                const action = feedback?.responses.find((r) => r.$cstNode && r.$cstNode.range.start.line === diagnostic.range.start.line) ?? feedback?.responses.find((r) => !r.due);
                const end = action?.$cstNode?.range.end;
                if (!action || !end) return undefined;
                return { title: 'Add a due date to the response', edit: edit([{ range: { start: end, end }, newText: ` due ${addDaysIso(today, 30)}` }]) };
            }
            case CODE_INVALID_DATE: {
                // `2026-11-3` → `2026-11-03`, `0026-03-01` → `2026-03-01`; a day that does not exist is the writer's to choose.
                const meant = correctedDate(document.textDocument.getText(diagnostic.range));
                return meant ? { title: `Write ${meant}`, edit: edit([{ range: diagnostic.range, newText: meant }]) } : undefined;
            }
            default:
                return undefined;
        }
    }

    private nodeAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(diagnostic.range.start);
        return root && CstUtils.findLeafNodeAtOffset(root, offset)?.astNode;
    }

    private teamMembers(): TeamMember[] {
        return this.services.shared.workspace.IndexManager.allElements('TeamMember')
            .map((d) => d.node).filter(isTeamMember).toArray();
    }

    /** Someone other than the owner, from the owner's own team when possible. */
    private backupCandidate(account: Account): TeamMember | undefined {
        const ownerRef = account.owner;
        const owner = ownerRef?.ref;
        const others = this.teamMembers().filter((m) => m.name !== ownerRef?.$refText);
        return others.find((m) => owner && m.$container === owner.$container) ?? others[0];
    }
}

function uniqueName(base: string, taken: Set<string>): string {
    let name = base;
    for (let i = 2; taken.has(name); i++) name = `${base}${i}`;
    return name;
}

function lineIndent(document: LangiumDocument, line: number): string {
    const text = document.textDocument.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
    return /^[ \t]*/.exec(text)![0];
}

/** Inserts lines as the last children of a `{ … }` block, indented one level deeper than the block. */
function insertBeforeClosingBrace(document: LangiumDocument, node: AstNode, lines: string[]): TextEdit {
    const braces = GrammarUtils.findNodesForKeyword(node.$cstNode, '}');
    const close = braces[braces.length - 1];
    if (!close) throw new Error('block is not closed');
    const start = close.range.start;
    const before = document.textDocument.getText({ start: { line: start.line, character: 0 }, end: start });
    const blockIndent = lineIndent(document, node.$cstNode!.range.start.line);
    const inner = blockIndent + INDENT;
    const body = lines.map((l) => inner + l.replace(/\n/g, '\n' + inner)).join('\n');
    if (/^\s*$/.test(before)) {
        // The brace sits on its own line: add the lines above it.
        return { range: { start: { line: start.line, character: 0 }, end: { line: start.line, character: 0 } }, newText: `${body}\n` };
    }
    // A one-line block such as `risk "…" { likelihood high }`: open it up (only the blanks before the brace are replaced).
    const trimmed = { line: start.line, character: before.replace(/\s+$/, '').length };
    return { range: { start: trimmed, end: start }, newText: `\n${body}\n${blockIndent}` };
}
