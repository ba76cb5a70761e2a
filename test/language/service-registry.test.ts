/**
 * Which language a document belongs to: KamServiceRegistry answers as Langium's registry does, for
 * plans, untitled documents in the KAM language, other files and a second language, without looking
 * up the open documents when the file's extension already decides.
 */
import { describe, expect, it } from 'vitest';
import { DefaultServiceRegistry, EmptyFileSystem, URI, type LangiumCoreServices } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createKamServices } from '../../language/src/kam-module.js';
import { KamServiceRegistry } from '../../language/src/workspace/kam-service-registry.js';

const PLAN = URI.parse('file:///portfolio/accounts/hartwell-foods.kam');
const UNTITLED = URI.parse('untitled:Untitled-1');
const NOTES = URI.parse('file:///portfolio/notes.txt');

/** Langium's answer and ours for the same registered languages and open documents: a services object or the error's message. */
function answers(languages: LangiumCoreServices[], shared: ReturnType<typeof createKamServices>['shared'], uri: URI): [unknown, unknown] {
    const ask = (registry: DefaultServiceRegistry) => {
        languages.forEach((language) => registry.register(language));
        try {
            return registry.getServices(uri);
        } catch (error) {
            return (error as Error).message;
        }
    };
    return [ask(new DefaultServiceRegistry(shared)), ask(new KamServiceRegistry(shared))];
}

/** A second language, as another Langium extension's server would register it. */
function otherLanguage(): LangiumCoreServices {
    return { LanguageMetaData: { languageId: 'other', fileExtensions: ['.other'], caseInsensitive: false, mode: 'development' } } as unknown as LangiumCoreServices;
}

describe('the service registry', () => {
    it('is the one the KAM services are made with', () => {
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        expect(shared.ServiceRegistry).toBeInstanceOf(KamServiceRegistry);
        expect(shared.ServiceRegistry.getServices(PLAN)).toBe(Kam);
    });

    it('gives a plan, open or not, the KAM services', () => {
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        expect(answers([Kam], shared, PLAN)).toEqual([Kam, Kam]);
        shared.workspace.TextDocuments!.set(TextDocument.create(PLAN.toString(), 'plaintext', 1, ''));
        expect(answers([Kam], shared, PLAN)).toEqual([Kam, Kam]);
    });

    it('gives an untitled document in the KAM language the KAM services, as Langium does', () => {
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        shared.workspace.TextDocuments!.set(TextDocument.create(UNTITLED.toString(), 'kam', 1, 'account acme "Acme" {}'));
        expect(answers([Kam], shared, UNTITLED)).toEqual([Kam, Kam]);
    });

    it('refuses a file of no registered language with Langium\'s message', () => {
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        const [theirs, ours] = answers([Kam], shared, NOTES);
        expect(theirs).toBe("The service registry contains no services for the extension '.txt'.");
        expect(ours).toBe(theirs);
    });

    it('lets an open document\'s language decide when two languages are registered', () => {
        const { shared, Kam } = createKamServices(EmptyFileSystem);
        const other = otherLanguage();
        shared.workspace.TextDocuments!.set(TextDocument.create(PLAN.toString(), 'other', 1, ''));
        const [theirs, ours] = answers([Kam, other], shared, PLAN);
        expect(theirs).toBe(other);
        expect(ours).toBe(other);
    });
});
