/** The reviewer's settings: good values change the review, bad values are named and replaced by defaults. */
import { describe, expect, it } from 'vitest';
import { parseReviewSettings } from '../../language/src/analysis/review-settings.js';
import { DEFAULT_THRESHOLDS } from '../../language/src/domain/thresholds.js';
import { KNOWN_CODES } from '../../language/src/validation/diagnostic-codes.js';
import { buildWorkspace } from '../helpers/workspace.js';

describe('parsing settings', () => {
    it('keeps every good value', () => {
        const { settings, problems } = parseReviewSettings({
            thresholds: { keyThreshold: 6.5, paretoLimit: 75 },
            severity: { 'kam.missing-champion': 'information', 'kam.no-risks': 'off' },
            today: '2027-01-15',
        }, KNOWN_CODES);
        expect(problems).toEqual([]);
        expect(settings.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, keyThreshold: 6.5, paretoLimit: 75 });
        expect(settings.severity).toEqual({ 'kam.missing-champion': 'information', 'kam.no-risks': 'off' });
        expect(settings.today).toBe('2027-01-15');
    });

    it('names each bad value and uses its default, keeping the good ones', () => {
        const { settings, problems } = parseReviewSettings({
            thresholds: { keyThreshold: 42, capacityPerOwner: 2.5, stalenessFactor: 'often', strengthThreshold: 4, colour: 'red' },
            severity: { 'kam.missing-user': 'loud', 'kam.no-such-check': 'warning' },
            today: '2027-02-30',
        }, KNOWN_CODES);
        expect(settings.thresholds).toEqual({ ...DEFAULT_THRESHOLDS, strengthThreshold: 4 });
        expect(settings.severity).toEqual({});
        expect(settings.today).toBeUndefined();
        expect(problems).toEqual([
            expect.stringMatching(/^Setting thresholds\.keyThreshold = 42 is invalid \(.+\); using 6\.$/),
            expect.stringMatching(/^Setting thresholds\.capacityPerOwner = 2\.5 is invalid \(.+\); using 4\.$/),
            expect.stringMatching(/^Setting thresholds\.stalenessFactor = "often" is invalid \(.+\); using 1\.5\.$/),
            'Unknown setting thresholds.colour is ignored.',
            'Setting severity."kam.missing-user" = "loud" must be one of error, warning, information, hint, off; using the default severity.',
            'Setting severity."kam.no-such-check" names no diagnostic code; it is ignored.',
            'Setting today = "2027-02-30" must be a date written as yyyy-mm-dd; using the real date.',
        ]);
    });

    it('reads the reporting currency and its rates, naming every bad rate', () => {
        const { settings, problems } = parseReviewSettings({
            currency: { reporting: 'EUR', rates: { USD: 0.92, GBP: 1.17, CHF: -1, JPY: 'cheap' }, round: true },
            thresholds: { renewalWindowDays: 120 },
        });
        expect(settings.currency).toEqual({ reporting: 'EUR', rates: { USD: 0.92, GBP: 1.17 } });
        expect(settings.thresholds.renewalWindowDays).toBe(120);
        expect(problems).toEqual([
            'Setting currency.rates."CHF" = -1 must be a positive number (the value of one CHF in the reporting currency); it is ignored.',
            'Setting currency.rates."JPY" = "cheap" must be a positive number (the value of one JPY in the reporting currency); it is ignored.',
            'Unknown setting currency.round is ignored; currency has reporting and rates.',
        ]);
        expect(parseReviewSettings({ currency: { rates: { USD: 0.9 } } }).problems).toEqual([
            'Setting currency.rates needs currency.reporting (the currency the rates convert into); amounts are not converted.',
        ]);
        // An empty object (an editor's untouched default) states nothing.
        expect(parseReviewSettings({ currency: {} }).settings.currency).toEqual({ rates: {} });
    });

    it('survives settings of the wrong shape', () => {
        expect(parseReviewSettings('strict').problems).toEqual(['KAM settings must be an object; using the defaults.']);
        expect(parseReviewSettings({ thresholds: [1, 2], severity: 'high' }).problems).toEqual([
            'Setting thresholds must be an object; using the default thresholds.',
            'Setting severity must map diagnostic codes to a severity; using the default severities.',
        ]);
        expect(parseReviewSettings(null).settings.thresholds).toEqual(DEFAULT_THRESHOLDS);
    });
});

describe('settings change the review', () => {
    const plan = { 'plan.kam': `
        team T { member anna "Anna" capacity 3 key accounts  member ben "Ben" }
        account Solo "Solo Ltd" { owner anna stakeholder boss "Boss" { role executive relationship owner anna channel email cadence monthly last contact 2026-08-01 expects product "Speed" } }
    ` };
    const severityOf = async (settings: unknown, code: string) => {
        const ws = await buildWorkspace(plan, settings);
        return (ws.document('plan.kam').diagnostics ?? []).filter((d) => d.code === code).map((d) => d.severity);
    };

    it('a severity per code, or off', async () => {
        expect(await severityOf({}, 'kam.missing-champion')).toEqual([2]);
        expect(await severityOf({ severity: { 'kam.missing-champion': 'information' } }, 'kam.missing-champion')).toEqual([3]);
        expect(await severityOf({ severity: { 'kam.missing-champion': 'error' } }, 'kam.missing-champion')).toEqual([1]);
        expect(await severityOf({ severity: { 'kam.missing-champion': 'off' } }, 'kam.missing-champion')).toEqual([]);
    });

    it('today and the staleness factor decide when a contact is stale', async () => {
        // last contact 2026-08-01, monthly: 45 days allowed with factor 1.5, 60 with factor 2
        expect(await severityOf({ today: '2026-09-10' }, 'kam.stale-contact')).toEqual([]); // 40 days
        expect(await severityOf({ today: '2026-09-20' }, 'kam.stale-contact')).toEqual([2]); // 50 days
        expect(await severityOf({ today: '2026-09-20', thresholds: { stalenessFactor: 2 } }, 'kam.stale-contact')).toEqual([]);
    });
});
