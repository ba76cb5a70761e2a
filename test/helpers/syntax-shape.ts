import { isAstNode, isReference } from 'langium';

/** A syntax node as plain data: its type, properties and lists, references by their text. */
export function shape(value: unknown): unknown {
    if (Array.isArray(value)) return value.map(shape);
    if (isReference(value)) return { reference: value.$refText };
    if (isAstNode(value)) {
        return Object.fromEntries(Object.entries(value).filter(([key]) => key === '$type' || !key.startsWith('$')).map(([key, v]) => [key, shape(v)]));
    }
    return value;
}
