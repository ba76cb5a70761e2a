/**
 * "KAM: Compare with…": pick a tag, a recent commit, a date or the merge base with the default
 * branch, and see what changed in the portfolio's meaning since then (the diff page of `kam diff
 * --format html`, computed by the server). The panel follows the plans as they are edited: after
 * validation it asks again, and the server re-reviews only the live side.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CompareWithRequest, PlanRevisionsRequest } from '../../../language/src/protocol.js';
import type { DocumentsValidatedHub } from '../documents-validated.js';
import type { FromWebview } from './messages.js';
import { PreviewPanel, type PreviewContent } from './preview-panel.js';

export const COMPARE_WITH = 'kam.compareWith';

/** What to compare with: a revision git names, or the portfolio as it was at the end of a day. */
export type CompareTarget = { revision?: string; since?: string };

class ComparePanel extends PreviewPanel {
    private static current: ComparePanel | undefined;

    static show(client: LanguageClient, hub: DocumentsValidatedHub, uri: string | undefined, target: CompareTarget): ComparePanel {
        ComparePanel.current?.dispose();
        ComparePanel.current = new ComparePanel(client, hub, uri, target);
        return ComparePanel.current;
    }

    private constructor(private readonly client: LanguageClient, hub: DocumentsValidatedHub, private readonly uri: string | undefined, private readonly target: CompareTarget) {
        super('kam.compare', 'KAM: What changed', hub, 1000);
        this.onDispose(() => { if (ComparePanel.current === this) ComparePanel.current = undefined; });
        void this.refresh();
    }

    protected shows(validated: string[]): boolean {
        return validated.length > 0;
    }

    protected async load(): Promise<PreviewContent> {
        const result = await this.client.sendRequest(CompareWithRequest.type, { uri: this.uri, ...this.target });
        return { title: result.title, html: result.html };
    }

    protected async onMessage(_message: Exclude<FromWebview, { type: 'ready' }>): Promise<void> {
        // The diff page links to nothing in the editor.
    }
}

type Choice = vscode.QuickPickItem & { target?: CompareTarget; askDate?: boolean };

async function chooseTarget(client: LanguageClient, uri: string | undefined): Promise<CompareTarget | undefined> {
    const revisions = await client.sendRequest(PlanRevisionsRequest.type, { uri });
    const choices: Choice[] = [
        { label: '$(git-merge) Where this branch left the default branch', description: 'the merge base', target: {} },
        { label: '$(calendar) As of a date…', description: 'the last commit made by the end of that day', askDate: true },
    ];
    if (revisions.tags.length) {
        choices.push({ label: 'Tags', kind: vscode.QuickPickItemKind.Separator });
        choices.push(...revisions.tags.map((t): Choice => ({ label: `$(tag) ${t.name}`, description: t.date, target: { revision: t.name } })));
    }
    if (revisions.commits.length) {
        choices.push({ label: 'Commits that changed the plans', kind: vscode.QuickPickItemKind.Separator });
        choices.push(...revisions.commits.map((c): Choice => ({ label: `$(git-commit) ${c.subject}`, description: `${c.date} · ${c.commit.slice(0, 7)}`, target: { revision: c.commit } })));
    }
    const picked = await vscode.window.showQuickPick(choices, { title: 'KAM: Compare with…', placeHolder: 'What changed since…', matchOnDescription: true });
    if (!picked) return undefined;
    if (!picked.askDate) return picked.target;
    const since = await vscode.window.showInputBox({
        title: 'KAM: Compare with the plans as of a date',
        prompt: 'The end of which day (yyyy-mm-dd)? For example the last quarterly business review.',
        placeHolder: '2026-09-30',
        validateInput: (value) => (/^\d{4}-\d{2}-\d{2}$/.test(value.trim()) ? undefined : 'Write the date as yyyy-mm-dd.'),
    });
    return since ? { since: since.trim() } : undefined;
}

export function registerCompareWithCommand(context: vscode.ExtensionContext, client: LanguageClient, hub: DocumentsValidatedHub): void {
    context.subscriptions.push(vscode.commands.registerCommand(COMPARE_WITH, async (target?: CompareTarget & { uri?: string }) => {
        // The portfolio of the active plan, else of the first workspace folder.
        const active = vscode.window.activeTextEditor?.document;
        const uri = target?.uri ?? (active?.languageId === 'kam' && active.uri.scheme === 'file' ? active.uri.toString() : vscode.workspace.workspaceFolders?.[0]?.uri.toString());
        try {
            const chosen = target?.revision !== undefined || target?.since !== undefined ? target : await chooseTarget(client, uri);
            if (!chosen) return undefined;
            return ComparePanel.show(client, hub, uri, { revision: chosen.revision, since: chosen.since });
        } catch (error) {
            void vscode.window.showErrorMessage(`KAM: cannot compare: ${error instanceof Error ? error.message : String(error)}`);
            return undefined;
        }
    }));
}
