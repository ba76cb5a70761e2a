/** Formatting a plan through the language services, and what must survive it. */
import { CstUtils, isAstNode, isReference, TextDocument, type AstNode, type LangiumDocument } from 'langium';
import { parseDocument } from 'langium/test';
import type { FormattingOptions } from 'vscode-languageserver-protocol';
import type { KamServices } from '../../language/src/kam-module.js';

export const FOUR_SPACES: FormattingOptions = { insertSpaces: true, tabSize: 4 };

/** Parses `text` as a new document of the workspace, formats it, and returns the formatted text. */
export async function formatText(services: KamServices, text: string, options: FormattingOptions = FOUR_SPACES): Promise<string> {
    const document = await parseDocument(services, text);
    return formatDocument(services, document, options);
}

export async function formatDocument(services: KamServices, document: LangiumDocument, options: FormattingOptions = FOUR_SPACES): Promise<string> {
    const edits = await services.lsp.Formatter!.formatDocument(document, { textDocument: { uri: document.uri.toString() }, options });
    return TextDocument.applyEdits(document.textDocument, edits);
}

/** The syntax tree as plain data: every property and value, references by the name written. */
export function astShape(node: AstNode): unknown {
    const shape: Record<string, unknown> = { $type: node.$type };
    for (const [key, value] of Object.entries(node)) {
        if (key.startsWith('$')) continue;
        shape[key] = Array.isArray(value) ? value.map(valueShape) : valueShape(value);
    }
    return shape;
}

function valueShape(value: unknown): unknown {
    if (isReference(value)) return { $refText: value.$refText };
    if (isAstNode(value)) return astShape(value);
    return value;
}

/** Every comment of a document, each line trimmed (re-indenting a block comment is allowed). */
export function comments(document: LangiumDocument): string[] {
    const root = document.parseResult.value.$cstNode;
    if (!root) return [];
    return CstUtils.streamCst(root)
        .filter((cst) => cst.hidden)
        .map((cst) => cst.text.split('\n').map((line) => line.trim()).join('\n'))
        .toArray();
}
