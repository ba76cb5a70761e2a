/** Finding things in a plan's text, the way a reader would point at them. */
import * as vscode from 'vscode';

function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The range of the account's name in `account <name> "…" {`. */
export function accountNameRange(document: vscode.TextDocument, account: string): vscode.Range {
    return nameRange(document, 'account', account);
}

/** The range of `<keyword> <name>` 's name, e.g. `stakeholder pryce`. */
export function nameRange(document: vscode.TextDocument, keyword: string, name: string): vscode.Range {
    const text = document.getText();
    const match = new RegExp(`\\b${escapeRegExp(keyword)}\\s+(${escapeRegExp(name)})\\b`).exec(text);
    if (!match) throw new Error(`No "${keyword} ${name}" in ${document.uri.path}`);
    const start = match.index + match[0].length - match[1].length;
    return new vscode.Range(document.positionAt(start), document.positionAt(start + name.length));
}

/** The whole document, for providers that take a range. */
export function wholeDocument(document: vscode.TextDocument): vscode.Range {
    return new vscode.Range(new vscode.Position(0, 0), document.lineAt(document.lineCount - 1).range.end);
}

export function inlayHintText(hint: vscode.InlayHint): string {
    return typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');
}

export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers
        .flatMap((hover) => hover.contents)
        .map((content) => (typeof content === 'string' ? content : content.value))
        .join('\n');
}

/** "strategic value 8.2 · Strategic" → "8.2". */
export function strategicValueIn(text: string): string | undefined {
    return /strategic value\**\s+\**(\d+(?:\.\d+)?)/i.exec(text)?.[1];
}

export { escapeRegExp };
