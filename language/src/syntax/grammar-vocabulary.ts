/**
 * The plan language's words, read from the grammar itself: which entries each block allows
 * (`industry`, `tier`, `backup owner` … in an account), which values each value rule takes
 * (`key | major | standard` for a tier), and every keyword. Syntax errors, completion and the
 * keyword test use it, so a grammar change can never leave a message out of date.
 */
import { AstUtils, GrammarAST } from 'langium';
import { distance } from 'fastest-levenshtein';

export interface GrammarVocabulary {
    /** Per block rule (`Account`, `Stakeholder` …, and `PlanFile`), its entries in grammar order: `tier`, `backup owner`. */
    entries: Map<string, string[]>;
    /** Per value rule (`AccountTier`), its values in grammar order. */
    values: Map<string, string[]>;
    /** Every keyword that is a word (not `{`, `,`). */
    keywords: Set<string>;
    /** Per block rule, the properties of its entries that take one value (`tier=…` among the entries): a second writing is ignored. */
    oneValueEntries: Map<string, string[]>;
    /**
     * Each run of keywords the grammar writes together (`owner`, `reports to`, `backup owner`,
     * `scale … to`'s lone `to`), and whether a name always follows it (`owner anna`, `reports to
     * cfo`, `account nordwind`; not `to` in `scale 1 to 10`). When such a run ends its line and the
     * next line starts with a keyword, that keyword is the next entry, not the missing name
     * (kam-lexer.ts: the longest run the text ends with decides).
     */
    keywordRunsBeforeAName: Map<string, boolean>;
}

const vocabularies = new WeakMap<GrammarAST.Grammar, GrammarVocabulary>();

export function grammarVocabulary(grammar: GrammarAST.Grammar): GrammarVocabulary {
    let vocabulary = vocabularies.get(grammar);
    if (!vocabulary) vocabularies.set(grammar, vocabulary = readVocabulary(grammar));
    return vocabulary;
}

function readVocabulary(grammar: GrammarAST.Grammar): GrammarVocabulary {
    const rules = grammar.rules.filter(GrammarAST.isParserRule);
    const keywords = new Set<string>();
    for (const rule of rules) {
        if (rule.name === 'Name') continue;
        for (const keyword of AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword)) {
            if (/^[A-Za-z]/.test(keyword.value)) keywords.add(keyword.value);
        }
    }
    const values = new Map<string, string[]>();
    for (const rule of rules) {
        if (rule.dataType && rule.name !== 'Name' && GrammarAST.isAlternatives(rule.definition) && rule.definition.elements.every(GrammarAST.isKeyword)) {
            values.set(rule.name, rule.definition.elements.map((k) => (k as GrammarAST.Keyword).value));
        }
    }
    const entries = new Map<string, string[]>();
    const oneValueEntries = new Map<string, string[]>();
    for (const rule of rules) {
        const repeated = AstUtils.streamAllContents(rule).filter(GrammarAST.isAbstractElement)
            .filter((e) => e.cardinality === '*' && (GrammarAST.isAlternatives(e) || GrammarAST.isAssignment(e) || (GrammarAST.isGroup(e) && !isSeparatorList(e))))
            .toArray();
        const phrases: string[] = [];
        for (const repetition of repeated) {
            const alternatives = GrammarAST.isAlternatives(repetition) ? repetition.elements : [repetition];
            for (const alternative of alternatives) {
                for (const phrase of leadingPhrases(alternative)) if (!phrases.includes(phrase)) phrases.push(phrase);
            }
        }
        if (phrases.length) entries.set(rule.name, phrases);
        const oneValue = new Set(repeated.flatMap((repetition) => AstUtils.streamAst(repetition).filter(GrammarAST.isAssignment)
            .filter((assignment) => assignment.operator === '=').map((assignment) => assignment.feature).toArray()));
        if (oneValue.size) oneValueEntries.set(rule.name, [...oneValue]);
    }
    return { entries, values, keywords, oneValueEntries, keywordRunsBeforeAName: keywordRunsBeforeAName(rules) };
}

/** Each run of word keywords in a group (`reports to`), and whether every writing of that run is followed by one name. */
function keywordRunsBeforeAName(rules: readonly GrammarAST.ParserRule[]): Map<string, boolean> {
    const runs = new Map<string, boolean>();
    for (const rule of rules) {
        for (const keyword of AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword)) {
            if (!/^[A-Za-z]/.test(keyword.value)) continue;
            const group: unknown = keyword.$container;
            const elements = GrammarAST.isGroup(group) ? group.elements : [keyword];
            const at = elements.indexOf(keyword);
            // The keywords written right before this one in the same group, with it: `reports to`.
            let first = at;
            while (first > 0 && isWordKeyword(elements[first - 1])) first--;
            const run = elements.slice(first, at + 1).map((k) => (k as GrammarAST.Keyword).value).join(' ');
            const next = elements[at + 1];
            const beforeAName = !keyword.cardinality && next !== undefined && GrammarAST.isAssignment(next) && !next.cardinality && isName(next.terminal);
            runs.set(run, (runs.get(run) ?? true) && beforeAName);
        }
    }
    return runs;
}

function isWordKeyword(element: GrammarAST.AbstractElement): boolean {
    return GrammarAST.isKeyword(element) && !element.cardinality && /^[A-Za-z]/.test(element.value);
}

function isName(terminal: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isCrossReference(terminal)) return true;
    return GrammarAST.isRuleCall(terminal) && GrammarAST.isTerminalRule(terminal.rule.ref) && terminal.rule.ref.name === 'ID';
}

/** `(',' roles+=StakeholderRole)*`: a list separator, not a block's entries. */
function isSeparatorList(group: GrammarAST.Group): boolean {
    const first = group.elements[0];
    return GrammarAST.isKeyword(first) && !/^[A-Za-z]/.test(first.value);
}

/**
 * The words an entry starts with: `backup owner` for `('backup' 'owner' backupOwner+=…)`,
 * `stakeholder` for `stakeholders+=Stakeholder`, and each element's for `elements+=PlanElement`.
 */
function leadingPhrases(element: GrammarAST.AbstractElement): string[] {
    const words: string[] = [];
    const children = GrammarAST.isGroup(element) ? element.elements : [element];
    for (const child of children) {
        if (GrammarAST.isKeyword(child) && /^[A-Za-z]/.test(child.value)) {
            words.push(child.value);
            continue;
        }
        if (words.length === 0) return openingPhrases(child);
        break;
    }
    return words.length ? [words.join(' ')] : [];
}

/** The opening words of the rule an element calls (`stakeholders+=Stakeholder` → `stakeholder`; a union → each member's). */
function openingPhrases(element: GrammarAST.AbstractElement): string[] {
    const call = GrammarAST.isAssignment(element) ? element.terminal : element;
    if (!GrammarAST.isRuleCall(call)) return [];
    const rule = call.rule.ref;
    if (!GrammarAST.isParserRule(rule)) return [];
    // An element that opens with one of a value rule's words (`meeting 2026-11-10 …`) opens with each of them.
    if (rule.dataType) return AstUtils.streamAllContents(rule).filter(GrammarAST.isKeyword).map((k) => k.value).filter((v) => /^[A-Za-z]/.test(v)).toArray();
    const definition = rule.definition;
    if (GrammarAST.isAlternatives(definition)) return definition.elements.flatMap(openingPhrases);
    return leadingPhrases(definition).map((phrase) => phrase);
}

/** The closest words to a misspelt one (`teir` → `tier`), at most two edits away and nearer than half its length. */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
    let best: string | undefined;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (const candidate of candidates) {
        const first = candidate.split(' ')[0];
        const d = distance(word.toLowerCase(), first.toLowerCase());
        if (d < bestDistance) {
            best = first;
            bestDistance = d;
        }
    }
    return best !== undefined && bestDistance > 0 && bestDistance <= Math.min(2, Math.ceil(word.length / 2)) ? best : undefined;
}

/** `AccountTier` → "account tier", `Fulfilment` → "fulfilment". */
export function ruleLabel(ruleName: string): string {
    return ruleName.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** "a" or "an" before a label. */
export function article(label: string): string {
    return /^[aeiou]/i.test(label) ? 'an' : 'a';
}

/**
 * The words that introduce a property's entry in a rule: `backup owner` for Account.backupOwner,
 * `trust at several levels` for WillAndSkill.multiLevelTrust, `revenue` for Account.revenue.
 */
export function entryPhrase(grammar: GrammarAST.Grammar, ruleName: string, property: string): string {
    const rule = grammar.rules.find((r) => r.name === ruleName);
    const assignment = rule && AstUtils.streamAllContents(rule).filter(GrammarAST.isAssignment).find((a) => a.feature === property);
    if (assignment) {
        const group = assignment.$container;
        if (GrammarAST.isGroup(group)) {
            const before = group.elements.slice(0, group.elements.indexOf(assignment));
            const words = before.filter(GrammarAST.isKeyword).map((k) => k.value).filter((v) => /^[A-Za-z]/.test(v));
            if (words.length) return words.join(' ');
        }
        const opening = openingPhrases(assignment)[0];
        if (opening) return opening;
    }
    return ruleLabel(property);
}
