/**
 * Linking and the reference index start from the references the parser built (kam-linker.ts,
 * kam-reference-descriptions.ts) instead of walking every syntax node. A reviewer must not notice:
 * every reference in the tree is linked — owners, reporting lines, factors — in whole plans, in
 * plans cut off mid-entry and in plans the fuzzer broke, and a name that does not resolve is still
 * reported; find references lists the same places in the text, and every description of the index
 * reads as Langium's own (its parts are worked out when first read). Beyond Langium's walk, the
 * names of an entry's ignored later writings (a second `scores { … }`) are linked and indexed too,
 * so that rename reaches them (repeated-entries.test.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { AstUtils, DefaultReferenceDescriptionProvider, isAstNode, isReference, type LangiumCoreServices, type LangiumDocument, type Reference, type ReferenceDescription, type ReferenceInfo } from 'langium';
import { describe, expect, it } from 'vitest';
import { buildWorkspace, diagnosticCodes } from '../helpers/workspace.js';
import { KamScopeProvider } from '../../language/src/workspace/kam-scope-provider.js';
import { repeatedEntriesOf } from '../../language/src/syntax/repeated-entries.js';

const ROOT = path.resolve(__dirname, '../..');
const SHARED = ['examples/portfolio/scoring-model.kam', 'examples/portfolio/team.kam'];

function read(file: string): string {
    return fs.readFileSync(path.join(ROOT, file), 'utf8');
}

/** Every reference in the syntax tree, as Langium's own walk finds it. */
function referencesInTree(document: LangiumDocument): Reference[] {
    return AstUtils.streamAst(document.parseResult.value).flatMap((node) => AstUtils.streamReferences(node)).map((r) => r.reference as Reference).toArray();
}

/** The references written in the ignored later writings of one-value entries (`owner ben` after `owner anna`, a second `scores { … }`). */
function referencesSetAside(document: LangiumDocument): ReferenceInfo[] {
    return AstUtils.streamAst(document.parseResult.value).toArray().flatMap((node) => repeatedEntriesOf(node).flatMap((entry): ReferenceInfo[] => {
        if (isReference(entry.value)) return [{ reference: entry.value, container: node, property: entry.property }];
        if (!isAstNode(entry.value)) return [];
        return AstUtils.streamAst(entry.value).flatMap((inner) => AstUtils.streamReferences(inner)).toArray();
    }));
}

/** Every reference the plan holds: the tree's and those set aside. */
function referencesWritten(document: LangiumDocument): Reference[] {
    return [...referencesInTree(document), ...referencesSetAside(document).map((info) => info.reference as Reference)];
}

/** Langium's provider's descriptions of the tree, and its descriptions of each reference set aside. */
async function langiumsDescriptions(services: LangiumCoreServices, document: LangiumDocument): Promise<ReferenceDescription[]> {
    const provider = new (class extends DefaultReferenceDescriptionProvider {
        describe(info: ReferenceInfo) {
            return this.createInfoDescriptions(info);
        }
    })(services);
    return [...await provider.createDescriptions(document), ...referencesSetAside(document).flatMap((info) => provider.describe(info))];
}

async function portfolioWith(plans: Record<string, string>) {
    const files: Record<string, string> = {};
    for (const file of SHARED) files[path.basename(file)] = read(file);
    return buildWorkspace({ ...files, ...plans });
}

const examplePlans = fs.readdirSync(path.join(ROOT, 'examples/portfolio/accounts')).filter((f) => f.endsWith('.kam'));
const regressions = fs.readdirSync(path.join(ROOT, 'test/fuzz/regressions')).filter((f) => f.endsWith('.kam'));

describe('references linked from the parser\'s list', () => {
    it.each(examplePlans)('links every reference of %s, as a walk of the tree finds them', async (plan) => {
        const workspace = await portfolioWith({ [plan]: read(`examples/portfolio/accounts/${plan}`) });
        const document = workspace.document(plan);
        const inTree = referencesInTree(document);
        expect(inTree.length).toBeGreaterThan(0);
        for (const reference of inTree) expect(reference.ref, `${reference.$refText} is linked`).toBeDefined();
        expect(new Set(document.references)).toEqual(new Set(inTree));
    });

    it.each(regressions)('links the references left in the broken plan %s, and only those', async (plan) => {
        const workspace = await portfolioWith({ [plan]: read(`test/fuzz/regressions/${plan}`) });
        const document = workspace.document(plan);
        const written = referencesWritten(document);
        for (const reference of written) expect(reference.ref !== undefined || reference.error !== undefined, `${reference.$refText} was looked up`).toBe(true);
        expect(new Set(document.references)).toEqual(new Set(written));
    });

    it('links the names of an ignored later writing: the second score card of two-score-cards.kam', async () => {
        const plan = 'two-score-cards.kam';
        const workspace = await portfolioWith({ [plan]: read(`test/fuzz/regressions/${plan}`) });
        const aside = referencesSetAside(workspace.document(plan));
        expect(aside.map((info) => [info.reference.$refText, (info.reference as Reference).ref !== undefined])).toEqual([['revenuePotential', true]]);
    });

    it('still reports a name that resolves to nothing', async () => {
        const plan = read('examples/portfolio/accounts/nordwind-logistics.kam').replace(/owner (\w+)/, 'owner nobody-we-know');
        const workspace = await portfolioWith({ 'nordwind-logistics.kam': plan });
        expect(diagnosticCodes(workspace.document('nordwind-logistics.kam'))).toContain('linking-error');
    });

    it('indexes each reference at its place in the text, in the order they stand', async () => {
        const plan = 'nordwind-logistics.kam';
        const workspace = await portfolioWith({ [plan]: read(`examples/portfolio/accounts/${plan}`) });
        const document = workspace.document(plan);
        const descriptions = await workspace.services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        const resolved = referencesInTree(document).filter((r) => !r.error && r.$refNode);
        expect(descriptions.length).toBeGreaterThan(0);
        expect(descriptions.map((d) => d.segment.offset)).toEqual(resolved.map((r) => r.$refNode!.offset).sort((a, b) => a - b));
    });
});

/** A description as plain data, in the order of the text. */
const described = (descriptions: ReferenceDescription[]) => descriptions
    .map((d) => ({ sourceUri: d.sourceUri.toString(), sourcePath: d.sourcePath, targetUri: d.targetUri.toString(), targetPath: d.targetPath, segment: { offset: d.segment.offset, end: d.segment.end, length: d.segment.length, range: d.segment.range }, local: d.local }))
    .sort((a, b) => a.segment.offset - b.segment.offset);

/** Half-typed plans: an empty file, and the Nordwind plan cut off inside an entry at several places. */
const HALF_TYPED: Record<string, string> = {
    'empty.kam': '',
    ...Object.fromEntries([0.2, 0.45, 0.7, 0.9].map((share) => {
        const text = read('examples/portfolio/accounts/nordwind-logistics.kam');
        return [`cut-${share}.kam`, text.slice(0, Math.floor(text.length * share))];
    })),
};

describe('the index of who refers to whom', () => {
    it.each(Object.keys(HALF_TYPED))('describes the references of the half-typed plan %s as Langium’s provider does', async (file) => {
        const workspace = await portfolioWith({ [file]: HALF_TYPED[file] });
        const document = workspace.document(file);
        const ours = await workspace.services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        const langiums = await new DefaultReferenceDescriptionProvider(workspace.services).createDescriptions(document);
        expect(described(ours)).toEqual(described(langiums));
        for (const d of described(ours)) expect(JSON.stringify(d)).not.toContain('undefined');
    });


    it.each([...examplePlans.map((p) => `examples/portfolio/accounts/${p}`), ...regressions.map((p) => `test/fuzz/regressions/${p}`), ...SHARED])('describes every reference of %s as Langium’s provider does', async (file) => {
        const workspace = await portfolioWith({ [path.basename(file)]: read(file) });
        const document = workspace.document(path.basename(file));
        const ours = await workspace.services.workspace.ReferenceDescriptionProvider.createDescriptions(document);
        const langiums = await langiumsDescriptions(workspace.services, document);
        expect(described(ours)).toEqual(described(langiums));
        if (file.startsWith('examples/portfolio/accounts/')) {
            expect(ours.length).toBeGreaterThan(0);
            // References to the team and the scoring model leave the plan's document; a stakeholder's to another stays.
            expect(ours.some((d) => !d.local)).toBe(true);
        }
    });
});

describe('a reference looked up by its name (kam-scope-provider.ts), not through a scope made for it', () => {
    /** Every reference of a document with the element its scope gives and the one looked up by name. */
    function lookups(workspace: Awaited<ReturnType<typeof portfolioWith>>, document: LangiumDocument) {
        const scopes = workspace.services.references.ScopeProvider as KamScopeProvider;
        expect(scopes).toBeInstanceOf(KamScopeProvider);
        return AstUtils.streamAst(document.parseResult.value).flatMap((node) => AstUtils.streamReferences(node)).map((info) => ({
            name: info.reference.$refText,
            byScope: scopes.getScope(info).getElement(info.reference.$refText),
            byName: scopes.elementNamed(info, info.reference.$refText),
        })).toArray();
    }

    it.each([...examplePlans.map((p) => `examples/portfolio/accounts/${p}`), ...regressions.map((p) => `test/fuzz/regressions/${p}`)])('finds what the scope finds, for every reference of %s', async (file) => {
        const plan = path.basename(file);
        const workspace = await portfolioWith({ [plan]: read(file) });
        for (const { name, byScope, byName } of lookups(workspace, workspace.document(plan))) expect(byName, name).toBe(byScope);
    });

    it('prefers a stakeholder of the same account to anything else of that name, and finds nothing for an unknown name', async () => {
        const plan = read('examples/portfolio/accounts/nordwind-logistics.kam').replace('reports to petersen', 'reports to nobody-we-know');
        const workspace = await portfolioWith({ 'nordwind-logistics.kam': plan, 'other.kam': read('examples/portfolio/accounts/nordwind-logistics.kam').replace(/account (\S+)/, 'account other-account') });
        const found = lookups(workspace, workspace.document('nordwind-logistics.kam'));
        expect(found.find((f) => f.name === 'nobody-we-know')).toEqual({ name: 'nobody-we-know', byScope: undefined, byName: undefined });
        const stakeholders = found.filter((f) => f.byName?.type === 'Stakeholder');
        expect(stakeholders.length).toBeGreaterThan(0);
        for (const { byName } of stakeholders) expect(byName!.documentUri.toString()).toContain('nordwind-logistics.kam');
        for (const { name, byScope, byName } of found) expect(byName, name).toBe(byScope);
    });
});
