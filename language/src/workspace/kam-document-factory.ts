/**
 * Langium's document factory, for one race an editor makes every day: an edit is queued, then the
 * editor closes the plan before that edit's build runs. Langium then reads the plan from disk; an
 * unsaved plan (or one deleted meanwhile) is not there, the read fails and the whole build with it.
 * Here such a plan keeps its last text for that build: the deletion that the close (or the file
 * watcher) sends right behind it removes the plan and its diagnostics.
 */
import { DefaultLangiumDocumentFactory, type AstNode, type Cancellation, type LangiumDocument } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

export class KamLangiumDocumentFactory extends DefaultLangiumDocumentFactory {
    protected override async getUpdatedText<T extends AstNode>(document: Mutable<LangiumDocument<T>>, textDocument: TextDocument | undefined, cancellationToken: Cancellation.CancellationToken): Promise<string> {
        try {
            return await super.getUpdatedText(document, textDocument, cancellationToken);
        } catch (error) {
            if (textDocument || await this.fileSystemProvider.exists(document.uri).catch(() => true)) throw error;
            return document.parseResult.value.$cstNode?.root.fullText ?? '';
        }
    }
}
