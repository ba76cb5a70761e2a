/**
 * Langium's references, told about the names of ignored later writings. An entry that takes one
 * value keeps the first one written (kam-parser.ts): in `owner anna` … `owner ben`, the account's
 * `owner` is anna, and `ben` is a reference kept aside (repeated-entries.ts). Langium answers a
 * request at a name from the property the name is assigned to, so at `ben` it answered with anna:
 * go to definition and hover showed Anna, and rename at `ben` renamed Anna. Here the reference
 * written at the place asked about answers.
 */
import { DefaultReferences, isReference, type AstNode, type CstNode, type Reference } from 'langium';
import { repeatedEntriesOf } from '../syntax/repeated-entries.js';

export class KamReferences extends DefaultReferences {
    override findDeclarations(sourceCstNode: CstNode): AstNode[] {
        const ignored = sourceCstNode ? ignoredReferenceAt(sourceCstNode) : undefined;
        if (ignored) return ignored.ref ? [ignored.ref] : [];
        return super.findDeclarations(sourceCstNode);
    }
}

/** The ignored later writing of a one-value entry whose name covers `place`, if any. */
function ignoredReferenceAt(place: CstNode): Reference | undefined {
    const node = place.astNode as AstNode | undefined;
    if (!node) return undefined;
    for (const entry of repeatedEntriesOf(node)) {
        const name = isReference(entry.value) ? entry.value.$refNode : undefined;
        if (name && name.offset <= place.offset && place.end <= name.end) return entry.value as Reference;
    }
    return undefined;
}
