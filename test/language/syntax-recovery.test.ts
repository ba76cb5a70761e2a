/**
 * One bad entry must not sink the plan: the parser skips only that entry, says what is wrong in the
 * writer's words, and the reviewer waits for the fix instead of reporting as missing what is there.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LangiumDocument } from 'langium';
import { buildWorkspace, diagnosticCodes } from '../helpers/workspace.js';
import { EXAMPLES } from '../helpers/portfolio-fixture.js';
import type { Account, PlanFile } from '../../language/src/generated/ast.js';

const portfolio = path.join(EXAMPLES, 'portfolio');
const common = {
    'team.kam': fs.readFileSync(path.join(portfolio, 'team.kam'), 'utf8'),
    'scoring-model.kam': fs.readFileSync(path.join(portfolio, 'scoring-model.kam'), 'utf8'),
};
const nordwind = fs.readFileSync(path.join(portfolio, 'accounts/nordwind-logistics.kam'), 'utf8');

async function review(plan: string) {
    const workspace = await buildWorkspace({ ...common, 'plan.kam': plan });
    return workspace.document('plan.kam');
}

function errors(document: LangiumDocument): string[] {
    return (document.diagnostics ?? []).filter((d) => d.severity === 1).map((d) => `${d.range.start.line + 1}: ${d.message}`);
}

function account(document: LangiumDocument, index = 0): Account {
    return (document.parseResult.value as PlanFile).elements.filter((e): e is Account => e.$type === 'Account')[index];
}

function counts(a: Account) {
    return { stakeholders: a.stakeholders.length, objectives: a.objectives.length, risks: a.risks.length, opportunities: a.opportunities.length, competitors: a.competitors.length };
}

describe('a plan with one bad entry', () => {
    it('keeps everything else of the account and withholds the findings that something is missing', async () => {
        const sound = await review(nordwind);
        expect(errors(sound)).toEqual([]);
        // Progress written the way a project tool would, in an objective, and a date typed short.
        const broken = nordwind
            .replace(/(objective \w+ "[^"]*" \{\n)/, '$1        progress on-track\n')
            .replace(/last contact 2026-(\d\d)-0(\d)/, 'last contact 2026-$1-$2');
        expect(broken).not.toBe(nordwind);
        const document = await review(broken);
        expect(counts(account(document))).toEqual(counts(account(sound)));
        expect(errors(document)).toEqual([
            expect.stringMatching(/^\d+: Unknown entry `progress` in objective .+\. Entries allowed here: owner, due, agreed with, status, kpi, milestone, action\.$/),
            expect.stringMatching(/^\d+: 2026-\d\d-\d: write the day with two digits \(2026-\d\d-0\d\)\.$/),
        ]);
        // Nothing is reported missing that is there; the account says once that its review waits.
        const codes = diagnosticCodes(document);
        expect(codes).toContain('kam.review-waits-for-syntax-fix');
        expect(codes.filter((c) => c.startsWith('kam.missing') || c.startsWith('kam.no-') || c === 'kam.incomplete-plan' || c === 'kam.single-threaded')).toEqual([]);
    });

    it('says what is wrong in the writer\'s words, with the nearest word and what is allowed', async () => {
        const document = await review([
            'account nordwind "Nordwind Logistics" {',
            '    teir key',
            '    stakeholder falk "Henrik Falk" {',
            '        influence hihg',
            '        trusted advisor high',
            '        role executive',
            '    }',
            '    owner james',
            '}',
            'acount broken { }',
        ].join('\n'));
        expect(errors(document)).toEqual([
            '2: Unknown entry `teir` in account Nordwind Logistics — did you mean `tier`? Entries allowed here: industry, tier, status, strategy, owner, backup owner, part of, revenue current, profitability, relationship stage, value proposition, scores, will and skill, customer, stakeholder, objective, feedback, risk, opportunity, competitor, contract, review cadence, last reviewed, next review, signed off by, our team, meeting, call, visit, workshop, whitespace.',
            '4: `hihg` is not an influence level — did you mean `high`? An influence level is one of: high, medium, low.',
            '5: Expected a number (such as 7) after `advisor`, but found `high`.',
            '10: Unknown element `acount` — did you mean `account`? A plan file holds: scoring model, team, account.',
        ]);
        // The entries after each mistake were read.
        const nordwindAccount = account(document);
        expect(nordwindAccount.owner?.$refText).toEqual('james');
        expect(nordwindAccount.stakeholders[0].roles).toEqual(['executive']);
    });

    it('tells a block left open from an unknown entry by the layout', async () => {
        const document = await review([
            'account nordwind "Nordwind Logistics" {',
            '    stakeholder falk "Henrik Falk" {',
            '        role executive',
            '',
            '    stakeholder berg "Ann Berg" {',
            '        role finance',
            '    }',
            '    owner james',
            '}',
        ].join('\n'));
        expect(errors(document)).toEqual(['5: `stakeholder` cannot go here: the stakeholder above is still open. Add `}` to close it.']);
        const a = account(document);
        expect(a.stakeholders.map((s) => s.name)).toEqual(['falk', 'berg']);
        expect(a.owner?.$refText).toEqual('james');
    });

    it('reads on after an entry that breaks half-way, and after a text left open', async () => {
        const document = await review([
            'account second "Second" {',
            '    tier key',
            '    industry',
            '    owner james',
            '    value proposition "Unterminated',
            '    strategy grow',
            '}',
        ].join('\n'));
        const a = account(document);
        expect(a.tier).toEqual('key');
        expect(a.owner?.$refText).toEqual('james');
        expect(a.strategy).toEqual('grow');
        expect(errors(document)).toEqual(expect.arrayContaining([
            '5: This text has no closing `"`: texts are written between double quotes on one entry.',
        ]));
    });

    it('shows no strategic value or quadrant for a half-read account as if it were final', async () => {
        const workspace = await buildWorkspace({ ...common, 'plan.kam': nordwind.replace('    tier key', '    teir key') });
        const document = workspace.document('plan.kam');
        const analysis = workspace.services.analysis.PlanAnalyzer.analyzeAccount(account(document))!;
        expect(analysis.syntaxErrorLine).toBeGreaterThan(0);
        expect(analysis.quadrant).toBeUndefined();
        const hints = await workspace.services.lsp.InlayHintProvider!.getInlayHints(document, {
            textDocument: { uri: document.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 400, character: 0 } },
        });
        expect(hints?.map((h) => h.label)).toContain(`numbers provisional: syntax error on line ${analysis.syntaxErrorLine}`);
        expect(hints?.some((h) => String(h.label).startsWith('strategic value'))).toBe(false);
    });
});

describe('a keyword left without its name at the end of its line', () => {
    function linkingErrors(document: LangiumDocument): string[] {
        return (document.diagnostics ?? []).filter((d) => d.code === 'linking-error').map((d) => String(d.message));
    }

    it('says the owner is missing on its own line and reads the next line as the entry it is', async () => {
        // `owner` typed, its name not yet: the next line's `backup owner daniel` is the backup owner, not a team member called backup.
        const document = await review(nordwind.replace(/^    owner katrin$/m, '    owner'));
        const line = nordwind.split('\n').findIndex((l) => l === '    owner katrin') + 1;
        expect(errors(document)).toEqual([`${line}: \`owner\` needs its name on the same line: \`backup\` on the next line starts another entry. Write the name right after \`owner\`.`]);
        expect(linkingErrors(document)).toEqual([]);
        const nordwindAccount = account(document);
        expect(nordwindAccount.owner).toBeUndefined();
        expect(nordwindAccount.backupOwner?.ref?.name).toBe('daniel');
        expect(nordwindAccount.revenue?.current).toBeDefined();
        expect(counts(nordwindAccount)).toEqual(counts(account(await review(nordwind))));
        // The error marks the keyword that lacks its name; the review waits for it.
        const error = document.diagnostics!.find((d) => d.severity === 1)!;
        expect(nordwind.split('\n')[error.range.start.line].slice(error.range.start.character, error.range.end.character)).toBe('owner');
        expect(diagnosticCodes(document)).toContain('kam.review-waits-for-syntax-fix');
        // Before, `owner` took `backup` for its name and `owner daniel` read as a second owner.
        expect(diagnosticCodes(document)).not.toContain('kam.duplicate-entry');
    });

    it('keeps the revenue written on the next line, a stakeholder\'s trust score after a bare relationship owner, a risk\'s likelihood after a bare owner', async () => {
        const document = await review([
            'account nordwind "Nordwind Logistics" {',
            '    owner',
            '    revenue current 4.6M EUR potential 7.2M EUR',
            '    stakeholder falk "Henrik Falk" {',
            '        relationship owner',
            '        trusted advisor 7',
            '        reports to',
            '        stance supporter',
            '    }',
            '    risk "The CFO pushes the retrofit into 2028." {',
            '        owner',
            '        likelihood medium',
            '    }',
            '}',
        ].join('\n'));
        expect(errors(document)).toEqual([
            '2: `owner` needs its name on the same line: `revenue` on the next line starts another entry. Write the name right after `owner`.',
            '5: `relationship owner` needs its name on the same line: `trusted` on the next line starts another entry. Write the name right after `relationship owner`.',
            '7: `reports to` needs its name on the same line: `stance` on the next line starts another entry. Write the name right after `reports to`.',
            '11: `owner` needs its name on the same line: `likelihood` on the next line starts another entry. Write the name right after `owner`.',
        ]);
        // Each error underlines all the keywords left without their name, not only the last word.
        const text = document.textDocument.getText();
        const underlined = document.diagnostics!.filter((d) => d.severity === 1)
            .map((d) => text.slice(document.textDocument.offsetAt(d.range.start), document.textDocument.offsetAt(d.range.end)));
        expect(underlined).toEqual(['owner', 'relationship owner', 'reports to', 'owner']);
        expect(linkingErrors(document)).toEqual([]);
        const nordwindAccount = account(document);
        expect(nordwindAccount.revenue?.current).toBeDefined();
        expect(nordwindAccount.stakeholders[0].trustedAdvisor).toBe(7);
        expect(nordwindAccount.stakeholders[0].stance).toBe('supporter');
        expect(nordwindAccount.risks[0].likelihood).toBe('medium');
    });

    it('still reads a name written on the next line, and a keyword as a name on its own line', async () => {
        const document = await review([
            'account nordwind "Nordwind Logistics" {',
            '    owner',
            '        katrin',
            '    stakeholder falk "Henrik Falk" {',
            '        relationship owner daniel',
            '    }',
            '}',
        ].join('\n'));
        expect(errors(document)).toEqual([]);
        expect(account(document).owner?.ref?.name).toBe('katrin');
        // `revenue` names a team member when it is written where the name goes.
        const team = common['team.kam'].replace(/}\s*$/, '    member revenue "Rev Enue"\n}\n');
        const workspace = await buildWorkspace({ 'team.kam': team, 'scoring-model.kam': common['scoring-model.kam'], 'plan.kam': 'account nordwind "Nordwind Logistics" {\n    owner revenue\n}\n' });
        const plan = workspace.document('plan.kam');
        expect(errors(plan)).toEqual([]);
        expect(account(plan).owner?.ref?.name).toBe('revenue');
    });
});
