/**
 * Langium's document store, which also remembers the documents added since the builder last asked:
 * the builder then asks only those, and the ones it touched itself, whether they need a build,
 * instead of every document in the workspace on every edit (see KamDocumentBuilder).
 */
import { DefaultLangiumDocuments, type LangiumDocument } from 'langium';

export class KamLangiumDocuments extends DefaultLangiumDocuments {
    private added: LangiumDocument[] = [];

    override addDocument(document: LangiumDocument): void {
        super.addDocument(document);
        this.added.push(document);
    }

    /** The documents added since the last call. */
    takeAdded(): LangiumDocument[] {
        const added = this.added;
        this.added = [];
        return added;
    }
}
