/**
 * Commands the language server runs itself, for editors other than VS Code (whose extension has
 * its own previews and report dialogs): code lenses there run these through `workspace/executeCommand`.
 *   kam.server.writeReport <plan URI>    writes the plan's Markdown summary beside it (workspace/applyEdit) and opens it
 *   kam.server.explain <text>            shows a lens's numbers as a message (a lens must run something)
 */
import { DocumentState, URI, UriUtils } from 'langium';
import { AbstractExecuteCommandHandler, type ExecuteCommandAcceptor, type LangiumSharedServices } from 'langium/lsp';
import { ErrorCodes, LSPErrorCodes, MessageType, ResponseError } from 'vscode-languageserver';
import type { KamServices } from '../kam-module.js';
import { reviewDocument } from '../analysis/review.js';
import { reportContextFor } from '../analysis/team-directory.js';

export const WRITE_REPORT_COMMAND = 'kam.server.writeReport';
export const EXPLAIN_COMMAND = 'kam.server.explain';

export class KamCommandHandler extends AbstractExecuteCommandHandler {
    constructor(private readonly shared: LangiumSharedServices) {
        super();
    }

    registerCommands(acceptor: ExecuteCommandAcceptor): void {
        acceptor(WRITE_REPORT_COMMAND, (args) => this.writeReport(args[0]));
        acceptor(EXPLAIN_COMMAND, (args) => this.explain(args[0]));
    }

    private async reviewed(uriText: unknown) {
        if (typeof uriText !== 'string' || uriText === '') throw new ResponseError(ErrorCodes.InvalidParams, 'The command needs the URI of a plan.');
        const uri = URI.parse(uriText);
        const documents = this.shared.workspace.LangiumDocuments;
        if (!documents.hasDocument(uri)) throw new ResponseError(ErrorCodes.InvalidParams, `${uri.fsPath || uriText} is not a KAM plan the server knows.`);
        await this.shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri);
        const services = this.shared.ServiceRegistry.getServices(uri) as KamServices;
        return { uri, services, accounts: reviewDocument(services.analysis.PlanAnalyzer, documents.getDocument(uri)!) };
    }

    private async writeReport(uriText: unknown): Promise<string> {
        const { uri, services, accounts } = await this.reviewed(uriText);
        if (accounts.length === 0) throw new ResponseError(ErrorCodes.InvalidParams, 'This file holds no account plan.');
        // Loaded when a report is asked for: the renderers are not part of every `kam` run's start.
        const { renderAccountReport } = await import('../reports/render-report.js');
        const content = renderAccountReport(accounts, 'md', reportContextFor(services, uri));
        const name = UriUtils.basename(uri).replace(/\.kam$/, '');
        const target = UriUtils.joinPath(UriUtils.dirname(uri), `${name}.summary.md`);
        const connection = this.shared.lsp.Connection!;
        const result = await connection.workspace.applyEdit({
            label: 'KAM: write the summary report',
            edit: {
                documentChanges: [
                    { kind: 'create', uri: target.toString(), options: { overwrite: true } },
                    { textDocument: { uri: target.toString(), version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: content }] },
                ],
            },
        });
        if (!result.applied) throw new ResponseError(LSPErrorCodes.RequestFailed, `The editor did not write ${target.fsPath}${result.failureReason ? `: ${result.failureReason}` : '.'}`);
        await connection.window.showDocument({ uri: target.toString(), takeFocus: true }).catch(() => undefined);
        return target.toString();
    }

    private async explain(text: unknown): Promise<void> {
        if (typeof text !== 'string' || text === '') throw new ResponseError(ErrorCodes.InvalidParams, 'Nothing to show.');
        await this.shared.lsp.Connection?.sendNotification('window/showMessage', { type: MessageType.Info, message: text });
    }
}
