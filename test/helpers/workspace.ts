/** An in-memory workspace of `.kam` documents, built through the same services the server uses. */
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createKamServices, type KamServices } from '../../language/src/kam-module.js';
import { readSettings } from '../../language/src/analysis/review-settings.js';

export const TEST_TODAY = '2026-11-24';

export interface TestWorkspace {
    services: KamServices;
    documents: Map<string, LangiumDocument>;
    document(name: string): LangiumDocument;
}

/** Builds (parses, links, validates) the given files, named by path, as one workspace. */
export async function buildWorkspace(files: Record<string, string>, rawSettings: unknown = {}): Promise<TestWorkspace> {
    const { shared, Kam } = createKamServices(EmptyFileSystem);
    // The settings a kam.config.json or an editor would give, over a fixed today.
    const { layer } = readSettings(rawSettings);
    Kam.analysis.ReviewSettings.setOverrideLayer({ ...layer, today: layer.today ?? TEST_TODAY });
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const document = shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///workspace/${name}`));
        shared.workspace.LangiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });
    return {
        services: Kam,
        documents,
        document(name) {
            const d = documents.get(name);
            if (!d) throw new Error(`no document ${name}`);
            return d;
        },
    };
}

/** The codes of a document's diagnostics (Langium's own, like linking errors, carry the code in data). */
export function diagnosticCodes(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).map((d) => String(d.code ?? (d.data as { code?: string } | undefined)?.code));
}
