/**
 * What happens when the editor closes a plan: the text the server keeps is what is on disk again.
 * Langium keeps a closed document's last text; a plan closed without saving would then keep its
 * discarded edits in every report and in the portfolio's findings until the file changed on disk.
 * A saved plan is read again from disk; an unsaved new one (untitled:) or one deleted meanwhile is
 * dropped.
 */
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import { URI, type FileSystemProvider } from 'langium';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class KamDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    private readonly fileSystem: FileSystemProvider;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.fileSystem = services.workspace.FileSystemProvider;
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        void (async () => {
            const onDisk = uri.scheme !== 'untitled' && await this.fileSystem.exists(uri).catch(() => false);
            if (onDisk) this.fireDocumentUpdate([uri], []);
            else this.fireDocumentUpdate([], [uri]);
        })();
    }
}
