/**
 * A change proposed, never made: the reviewer's own quick fix for a finding (the code action the
 * editor offers, from lsp/kam-code-actions.ts) applied to the plan's text in memory and returned as
 * a unified diff. The MCP server writes nothing to disk.
 */
import { TextDocument } from 'langium';
import { createTwoFilesPatch } from 'diff';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import type { ReviewedAccount } from '../../language/src/reports/summary-report.js';
import { DIAGNOSTICS } from '../../language/src/validation/diagnostic-codes.js';
import { ToolInputError, type PortfolioSnapshot } from './portfolio-session.js';

export interface Proposal {
    file: string;
    line: number;
    title: string;
    diff: string;
}

export interface ProposalRequest {
    code: string;
    account?: ReviewedAccount;
    file?: string;
    line?: number;
}

export async function proposeFix(snapshot: PortfolioSnapshot, request: ProposalRequest): Promise<Proposal> {
    const file = request.account?.source ?? request.file;
    if (file === undefined) throw new ToolInputError('Say where the finding is: give the account, or the file (as list_findings names it).');
    const document = snapshot.documents.get(file);
    if (!document) throw new ToolInputError(`No plan ${file} in the portfolio. Plans: ${[...snapshot.documents.keys()].slice(0, 30).join(', ')}.`);
    const findings = snapshot.findings.filter((f) => f.file === file && f.code === request.code
        && (request.account === undefined || f.account === request.account.card.plan.name)
        && (request.line === undefined || f.line === request.line));
    const where = request.account ? `account ${request.account.card.plan.name}` : file;
    if (findings.length === 0) throw new ToolInputError(`${where} has no finding ${request.code}${request.line ? ` on line ${request.line}` : ''}; list_findings shows what the reviewer found.`);
    if (!DIAGNOSTICS[request.code]?.quickFix) {
        throw new ToolInputError(`The reviewer has no mechanical fix for ${request.code}: ${DIAGNOSTICS[request.code]?.fix ?? 'fix the plan by hand'}`);
    }
    const finding = findings[0];
    const diagnostic = (document.diagnostics ?? []).find((d: Diagnostic) => d.code === finding.code && d.range.start.line + 1 === finding.line && d.range.start.character + 1 === finding.column)!;
    const actions = await snapshot.portfolio.services.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    }) ?? [];
    const action = actions.find((a): a is CodeAction => 'edit' in a && a.edit !== undefined);
    const edits = action?.edit?.changes?.[document.uri.toString()];
    if (!action || !edits?.length) throw new ToolInputError(`The quick fix for ${request.code} cannot be made on this plan as it is (${DIAGNOSTICS[request.code].fix})`);
    const before = document.textDocument.getText();
    const after = TextDocument.applyEdits(document.textDocument, edits);
    return { file, line: finding.line, title: action.title, diff: createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, { context: 3 }) };
}
