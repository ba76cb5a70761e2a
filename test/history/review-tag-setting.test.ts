/** The `reviewTag` setting: a git tag pattern, read value by value like every other setting. */
import { describe, expect, it } from 'vitest';
import { combineSettings, readSettings } from '../../language/src/analysis/review-settings.js';
import { describeChangeSince } from '../../language/src/plan-diff/review-baseline.js';

describe('reviewTag', () => {
    it('takes a tag pattern and lays later layers over earlier ones', () => {
        const file = readSettings({ reviewTag: 'qbr-*' }, { unknownKeys: true });
        expect(file).toEqual({ layer: { reviewTag: 'qbr-*' }, problems: [] });
        const editor = readSettings({ reviewTag: 'v*-Q*' });
        expect(combineSettings(file.layer, editor.layer).reviewTag).toBe('v*-Q*');
        expect(combineSettings(file.layer, {}).reviewTag).toBe('qbr-*');
        expect(combineSettings().reviewTag).toBeUndefined();
    });

    it('refuses what git would take for an option or what no tag can be, and says so', () => {
        for (const bad of ['--all', 'qbr *', 42, 'a:b']) {
            const read = readSettings({ reviewTag: bad });
            expect(read.layer.reviewTag).toBeUndefined();
            expect(read.problems).toEqual([`Setting reviewTag = ${JSON.stringify(bad)} must be a git tag pattern such as "qbr-*"; no review is marked.`]);
        }
    });

    it('says the change since the review in a few words', () => {
        const review = 'qbr-2026-q3';
        expect(describeChangeSince({ review, strategicValue: { before: 6.2, after: 7, delta: 0.8 }, relationship: { before: 5.1, after: 4.8, delta: -0.3 }, quadrant: { before: 'Star', after: 'Strategic' } }))
            .toBe('+0.8 since qbr-2026-q3, relationship −0.3, Star → Strategic');
        expect(describeChangeSince({ review, strategicValue: { before: 6.2, after: 6.2, delta: 0 }, relationship: { before: 5.1, after: 5.4, delta: 0.3 }, quadrant: { before: 'Strategic', after: 'Strategic' } }))
            .toBe('since qbr-2026-q3: relationship +0.3');
        expect(describeChangeSince({ review, strategicValue: { before: 6.2, after: 6.2, delta: 0 }, relationship: { before: 5.1, after: 5.1, delta: 0 }, quadrant: { before: 'Strategic', after: 'Strategic' } }))
            .toBe('unchanged since qbr-2026-q3');
    });
});
