/**
 * Which editor documents are plans the language server knows: `.kam` documents on disk or unsaved.
 * The server's document selector is `file` + `untitled`, so a `git:` diff side (the usual review
 * view of a pull request) or any other scheme has no analysis: previews and reports leave it alone.
 */
export const PLAN_SCHEMES: readonly string[] = ['file', 'untitled'];

export function isPlanDocument(document: { languageId: string; uri: { scheme: string } }): boolean {
    return document.languageId === 'kam' && PLAN_SCHEMES.includes(document.uri.scheme);
}
