/** "KAM: New Account Plan": the names it derives and a template that parses cleanly. */
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'langium/test';
import { accountFileName, accountIdentifier, accountPlanTemplate, validateAccountName } from '../../language/src/templates/account-plan.js';
import { daysBetween, todayIso } from '../../language/src/domain/quantities.js';
import { diagnosticCodes } from '../helpers/workspace.js';
import { editingWorkspace } from './editing-fixture.js';
import { formatText } from './format-helpers.js';

describe('names for a new plan', () => {
    it.each([
        ['Nordwind Logistics', 'NordwindLogistics', 'nordwind-logistics.kam'],
        ['Kessler Autoteile GmbH & Co. KG', 'KesslerAutoteileGmbHCoKG', 'kessler-autoteile-gmbh-co-kg.kam'],
        ['Société Générale Énergie', 'SocieteGeneraleEnergie', 'societe-generale-energie.kam'],
        ['3M Deutschland', 'Account3MDeutschland', '3m-deutschland.kam'],
    ])('%s → account %s in %s', (name, id, file) => {
        expect(accountIdentifier(name)).toBe(id);
        expect(accountFileName(name)).toBe(file);
    });

    it('refuses names that cannot make a plan', () => {
        expect(validateAccountName('  ')).toBe('Give the account a name, e.g. "Nordwind Logistics".');
        expect(validateAccountName('東京')).toBe('The name needs at least one letter or digit.');
        expect(validateAccountName('Danube Foods')).toBeUndefined();
    });
});

describe('the new plan', async () => {
    const workspace = await editingWorkspace();
    const text = accountPlanTemplate({ displayName: 'Danube "Blue" Foods', today: '2026-11-24' });

    it('parses and links without errors', async () => {
        const document = await parseDocument(workspace.services, text, { validation: true });
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(diagnosticCodes(document)).not.toContain('linking-error');
        expect(text).toContain('account DanubeBlueFoods "Danube \\"Blue\\" Foods" {');
        // the first objective is due 90 days after the plan is started
        expect(text).toContain('due 2027-02-22');
    });

    it('is already formatted', async () => {
        expect(await formatText(workspace.services, text)).toBe(text);
    });

    it('leaves the reviewer something to ask for: owners and scores', async () => {
        const document = await parseDocument(workspace.services, text, { validation: true });
        expect(diagnosticCodes(document)).toContain('kam.objective-without-owner');
    });
});

describe('the new plan on an impossible start date', () => {
    it('starts today instead of throwing "Invalid time value" (kam.today = 2026-02-30)', async () => {
        const workspace = await editingWorkspace();
        const now = todayIso();
        const text = accountPlanTemplate({ displayName: 'Nordwind Logistics', today: '2026-02-30' });
        expect(text).not.toContain('2026-02-30');
        expect(text).toContain(`started ${now}.`);
        const due = /due (\d{4}-\d{2}-\d{2})/.exec(text)![1];
        expect(daysBetween(now, due)).toBe(90);
        const document = await parseDocument(workspace.services, text, { validation: true });
        expect(diagnosticCodes(document)).not.toContain('kam.invalid-date');
    });
});
