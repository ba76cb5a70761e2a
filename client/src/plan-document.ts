/**
 * Which editor documents are plans the language server knows: `.kam` documents in the URI schemes
 * the host's server receives. On the desktop the server reads the disk, so its document selector
 * is `file` + `untitled`, and a `git:` diff side (the usual review view of a pull request) or any
 * other scheme has no analysis: previews and reports leave it alone. In the browser, and on the
 * desktop in a virtual workspace (Remote Repositories), the server reads nothing itself: it is fed
 * the workspace's own files (`vscode-vfs:` …), so the entry sets those schemes at activation.
 */
import type { DocumentSelector } from 'vscode-languageclient';

export const PLAN_SCHEMES: readonly string[] = ['file', 'untitled'];

let schemes: readonly string[] = PLAN_SCHEMES;

/** The schemes of the documents the server receives, from now on (the web entry: the workspace's). */
export function usePlanSchemes(next: readonly string[]): void {
    schemes = [...new Set(next)];
}

export function isPlanDocument(document: { languageId: string; uri: { scheme: string } }, planSchemes: readonly string[] = schemes): boolean {
    return document.languageId === 'kam' && planSchemes.includes(document.uri.scheme);
}

/** The language client's document selector: `.kam` documents in those schemes. */
export function planDocumentSelector(): DocumentSelector {
    return schemes.map((scheme) => ({ scheme, language: 'kam' }));
}

/**
 * The schemes of a desktop window whose workspace is not all on disk (a `vscode-vfs:` folder of
 * Remote Repositories): its plans are fed to the server as in the browser. Undefined when every
 * folder is on disk, and the server reads them itself.
 */
export function fedPlanSchemes(folders: readonly { uri: { scheme: string } }[]): string[] | undefined {
    return folders.every((folder) => folder.uri.scheme === 'file') ? undefined : workspacePlanSchemes(folders);
}

/** The schemes of a fed server's plans: the workspace folders' own (`vscode-vfs:` …) and unsaved documents. */
export function workspacePlanSchemes(folders: readonly { uri: { scheme: string } }[]): string[] {
    return [...new Set([...folders.map((folder) => folder.uri.scheme), 'untitled'])];
}
