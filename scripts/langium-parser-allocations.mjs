// An esbuild plugin for the bundles: Langium's parser without the objects it makes and drops on every
// step of every parse — its builder (langium/lib/parser/parser-builder-base.js) for grammars without
// rule parameters, and the walk that links each parsed node to its container (utils/ast-utils.js).
//
// Why: each time a plan's parser meets a choice (`stakeholder | objective | risk | …`, one per line
// of a plan), Langium's builder makes a new object and closure per alternative, only to hand them
// the rule's arguments; the same for each optional part, repetition, group and rule call. On 2,000
// plans that is 0.7 of the parse's 1.4 GB of allocations, all garbage at once. A grammar without
// parameters (KAM's: checked here, at the parser's creation) has no arguments to hand, so the
// alternatives and options can be made once, when the parser is built. Langium offers no hook for
// its builder's closures (the objects exist before any overridable parser method sees them).
// After each parse Langium links every node to its container by `Object.entries` (an array of
// pairs per node) and a closure per list: 0.17 GB more on 2,000 plans; a loop does the same. And
// each rule call wraps its (absent) arguments in a new options object for Chevrotain: one shared.
// Each consumed token asks the grammar's reflection whether its element is a keyword (a generic
// subtype lookup): its type's name says so. And the parser links each node to its container when it
// assigns the node (complete by then), so the walk over the whole tree after the parse is not needed
// (the loop above stays for Langium's `copyAstNode`). Two lookups made once instead of per node or
// token: a type's properties with a default value (`assignMandatoryProperties`, which made an array
// of all its properties for every node), and a grammar element's assignment (looked up twice).
//
// The patch matches Langium's text exactly and fails the build when it does not (a Langium upgrade
// changed the parser: look again). test/language/parser-allocations.test.ts bundles the parser
// with and without it and compares their trees and errors on every example and fuzz plan.
import * as fs from 'node:fs/promises';

/** The edit for an optional part or a repetition: Langium's builder writes both alike (`ctx.many`, `ctx.parser.many`). */
function optionsMadeOnce(kind, what) {
    return {
        what,
        from: `        const idx = ctx.${kind}++;\n        return (args) => ctx.parser.${kind}(idx, {`,
        to: `        const idx = ctx.${kind}++;
        if (ctx.withoutParameters) {
            const fixed = { DEF: () => method(undefined), GATE: gate ? () => gate(undefined) : undefined };
            return () => ctx.parser.${kind}(idx, fixed);
        }
        return (args) => ctx.parser.${kind}(idx, {`,
    };
}

/** Each edit of the parser builder: Langium's text (exactly once in the file) and what replaces it. */
const BUILDER_EDITS = [
    {
        what: 'whether the grammar has rule parameters, decided once',
        from: `    const reachable = getAllReachableRules(grammar, false);\n`,
        to: `    const reachable = getAllReachableRules(grammar, false);\n    parserContext.withoutParameters = [...reachable].every(rule => !rule.parameters || rule.parameters.length === 0);\n`,
    },
    {
        what: 'a rule call without arguments passes none (no new empty object per call)',
        from: `: () => ({});\n`,
        to: `: ctx.withoutParameters ? () => undefined : () => ({});\n`,
    },
    {
        what: "a choice's alternatives made once",
        from: `        return (args) => ctx.parser.alternatives(idx, methods.map(method => {`,
        to: `        if (ctx.withoutParameters) {
            const fixed = methods.map(method => {
                const alt = { ALT: () => method.ALT(undefined) };
                const gate = method.GATE;
                if (gate) {
                    alt.GATE = () => gate(undefined);
                }
                return alt;
            });
            return () => ctx.parser.alternatives(idx, fixed);
        }
        return (args) => ctx.parser.alternatives(idx, methods.map(method => {`,
    },
    {
        what: "a group's elements called by a loop (no closure per call)",
        from: `    return (args) => methods.forEach(method => method(args));\n`,
        to: `    return (args) => {\n        for (const method of methods) {\n            method(args);\n        }\n    };\n`,
    },
    optionsMadeOnce('many', "a repetition's options made once"),
    {
        what: "an at-least-once repetition's options made once",
        from: `        else {\n            return (args) => ctx.parser.atLeastOne(idx, {`,
        to: `        else if (ctx.withoutParameters) {
            const fixed = { DEF: () => method(undefined) };
            return () => ctx.parser.atLeastOne(idx, fixed);
        }
        else {
            return (args) => ctx.parser.atLeastOne(idx, {`,
    },
    optionsMadeOnce('optional', "an optional part's options made once"),
];

const CONTAINER_LINK_EDITS = [
    {
        what: "a node's properties walked by a loop (no array of pairs per node)",
        from: `export function linkContentToContainer(node, options = {}) {
    for (const [name, value] of Object.entries(node)) {
        if (!name.startsWith('$')) {
`,
        to: `export function linkContentToContainer(node, options = {}) {
    for (const name in node) {
        if (name.charCodeAt(0) !== 36 && Object.hasOwn(node, name)) {
            const value = node[name];
`,
    },
    {
        what: "a list's nodes walked by a loop (no closure per list)",
        from: `                value.forEach((item, index) => {
`,
        to: `                for (let index = 0; index < value.length; index++) {
                    const item = value[index];
`,
    },
    {
        what: "the end of the list's loop",
        from: `                });
            }
            else if (isAstNode(value)) {`,
        to: `                }
            }
            else if (isAstNode(value)) {`,
    },
];

const SUBRULE_EDITS = [
    {
        what: 'a rule call without arguments hands Chevrotain one shared options object',
        from: `    wrapSubrule(idx, rule, args) {
        return this.subrule(idx, rule, {
            ARGS: [args]
        });
    }`,
        to: `    wrapSubrule(idx, rule, args) {
        return this.subrule(idx, rule, args === undefined ? WITHOUT_ARGUMENTS : {
            ARGS: [args]
        });
    }`,
    },
    {
        what: 'the shared options object of a rule call without arguments',
        from: `\nclass ChevrotainWrapper extends EmbeddedActionsParser {`,
        to: `\nconst WITHOUT_ARGUMENTS = Object.freeze({ ARGS: Object.freeze([undefined]) });
class ChevrotainWrapper extends EmbeddedActionsParser {`,
    },
    // Whether a consumed token's grammar element is a keyword, per token: the reflection's generic
    // subtype lookup (about 15 ns, 29 ms of a 2,000-plan server start) where the type's name says it
    // (a keyword has no subtypes).
    // Each node's container linked when it is assigned, not by a walk of the whole tree after the parse
    // (64–77 ms of a 2,000-plan run): an assigned node is complete, and a fragment's or unassigned
    // rule call's properties moved onto another node are linked to it again.
    {
        what: 'no walk linking every node to its container after the parse',
        from: `        linkContentToContainer(result, { deep: true });\n        return {\n            value: result,`,
        to: `        return {\n            value: result,`,
    },
    {
        what: 'an assigned node linked to its container',
        from: `        this.linkCstNode(item);\n        switch (operator) {`,
        to: `        this.linkCstNode(item);
        if (operator !== '?=' && isAstNode(item)) {
            item.$container = obj;
            item.$containerProperty = feature;
            if (operator === '+=') {
                item.$containerIndex = Array.isArray(obj[feature]) ? obj[feature].length : 0;
            }
        }
        switch (operator) {`,
    },
    {
        what: "properties moved onto an unassigned rule call's node linked to it",
        from: `            if (newValue === undefined) {
                target[name] = existingValue;
            }
            else if (Array.isArray(newValue) && Array.isArray(existingValue)) {
                existingValue.push(...newValue);
                target[name] = existingValue;
            }`,
        to: `            if (newValue === undefined) {
                target[name] = existingValue;
                linkMovedContent(target, name);
            }
            else if (Array.isArray(newValue) && Array.isArray(existingValue)) {
                existingValue.push(...newValue);
                target[name] = existingValue;
                linkMovedContent(target, name);
            }`,
    },
    {
        what: 'the link of moved properties',
        from: `\nconst WITHOUT_ARGUMENTS = Object.freeze(`,
        to: `
function linkMovedContent(node, name) {
    if (name.startsWith('$')) {
        return;
    }
    const value = node[name];
    if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
            const item = value[index];
            if (isAstNode(item)) {
                item.$container = node;
                item.$containerProperty = name;
                item.$containerIndex = index;
            }
        }
    }
    else if (isAstNode(value)) {
        value.$container = node;
        value.$containerProperty = name;
    }
}
const WITHOUT_ARGUMENTS = Object.freeze(`,
    },
    {
        what: "a consumed keyword's value is its text (the element's type read directly)",
        from: `                const convertedValue = isKeyword(feature) ? token.image : this.converter.convert(token.image, leafNode);`,
        to: `                const convertedValue = feature.$type === 'Keyword' ? token.image : this.converter.convert(token.image, leafNode);`,
    },
    {
        what: "a data type rule's keyword is added as written (the element's type read directly)",
        from: `                if (!isKeyword(feature)) {\n                    text = this.converter.convert(text, leafNode).toString();`,
        to: `                if (feature.$type !== 'Keyword') {\n                    text = this.converter.convert(text, leafNode).toString();`,
    },
];

/** The assignment of a grammar element, looked up once per consumed token or rule call (Langium looks twice). */
const ASSIGNMENT_LOOKUP_EDITS = [
    {
        what: "a grammar element's assignment found by one lookup",
        from: `    getAssignment(feature) {
        if (!this.assignmentMap.has(feature)) {
            const assignment = getContainerOfType(feature, isAssignment);
            this.assignmentMap.set(feature, {
                assignment: assignment,
                crossRef: assignment && isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'multi' : 'single') : undefined
            });
        }
        return this.assignmentMap.get(feature);
    }`,
        to: `    getAssignment(feature) {
        let found = this.assignmentMap.get(feature);
        if (found === undefined) {
            const assignment = getContainerOfType(feature, isAssignment);
            found = {
                assignment: assignment,
                crossRef: assignment && isCrossReference(assignment.terminal) ? (assignment.terminal.isMulti ? 'multi' : 'single') : undefined
            };
            this.assignmentMap.set(feature, found);
        }
        return found;
    }`,
    },
];

/** Langium's `assignMandatoryProperties`: the properties with a default listed once per type (before: an array of all its properties for every node). */
const MANDATORY_PROPERTY_EDITS = [
    {
        what: "a type's properties with a default value, listed once",
        from: `export function assignMandatoryProperties(reflection, node) {
    const typeMetaData = reflection.getTypeMetaData(node.$type);
    const genericNode = node;
    for (const property of Object.values(typeMetaData.properties)) {`,
        to: `const PROPERTIES_WITH_DEFAULTS = new WeakMap();
export function assignMandatoryProperties(reflection, node) {
    const typeMetaData = reflection.getTypeMetaData(node.$type);
    let withDefaults = PROPERTIES_WITH_DEFAULTS.get(typeMetaData);
    if (withDefaults === undefined) {
        withDefaults = Object.values(typeMetaData.properties).filter(property => property.defaultValue !== undefined);
        PROPERTIES_WITH_DEFAULTS.set(typeMetaData, withDefaults);
    }
    const genericNode = node;
    for (const property of withDefaults) {`,
    },
];

/** The files patched, and their edits. */
export const PATCHES = [
    { file: /[\\/]langium[\\/]lib[\\/]parser[\\/]parser-builder-base\.js$/, edits: BUILDER_EDITS },
    { file: /[\\/]langium[\\/]lib[\\/]parser[\\/]langium-parser\.js$/, edits: [...SUBRULE_EDITS, ...ASSIGNMENT_LOOKUP_EDITS] },
    { file: /[\\/]langium[\\/]lib[\\/]utils[\\/]ast-utils\.js$/, edits: [...CONTAINER_LINK_EDITS, ...MANDATORY_PROPERTY_EDITS] },
];

/** A Langium file with its edits; throws when its text is not the one they were written for. */
export function patched(source, edits) {
    let text = source.replace(/\r\n/g, '\n');
    for (const edit of edits) {
        const at = text.indexOf(edit.from);
        if (at < 0 || text.indexOf(edit.from, at + 1) >= 0) {
            throw new Error(`langium-parser-allocations: Langium no longer has the text for "${edit.what}" exactly once: review scripts/langium-parser-allocations.mjs against this Langium version.`);
        }
        text = text.slice(0, at) + edit.to + text.slice(at + edit.from.length);
    }
    return text;
}

/** The esbuild plugin. */
export const langiumParserAllocations = {
    name: 'langium-parser-allocations',
    setup(build) {
        for (const { file, edits } of PATCHES) {
            build.onLoad({ filter: file }, async (args) => ({ contents: patched(await fs.readFile(args.path, 'utf8'), edits), loader: 'js' }));
        }
    },
};
