/**
 * The KPI chart reads the way a KPI has to move: a lower-is-better KPI above its target shows the
 * part still to cut in the warning colour, never the on-track colour; a reached target is green
 * whichever way it was reached; the text beside each bar is whole, and the chart widens to hold it.
 */
import { describe, expect, it } from 'vitest';
import { kpiChart, kpiState } from '../../language/src/reports/charts/kpi-chart.js';
import { textWidth } from '../../language/src/reports/charts/svg.js';
import { kpiView } from '../../language/src/reports/view-model.js';

const kpi = (label: string, current: number, target: number, unit: string, direction?: 'higher-is-better' | 'lower-is-better') =>
    kpiView('Win back the Poznań workshop', { label, current, target, unit, direction, history: [] });

describe('KPI chart direction', () => {
    const wheelsets = kpi('Unplanned wheelset changes', 31, 18, 'per month', 'lower-is-better');
    const availability = kpi('Intermodal wagon availability', 88, 92, '%');
    const leadTimeMet = kpi('Sensor replacement lead time', 2, 3, 'days', 'lower-is-better');

    it('measures progress in the KPI\'s direction', () => {
        expect(wheelsets).toMatchObject({ direction: 'decrease', onTarget: false, gapDisplay: '−13 per month to go' });
        expect(wheelsets.attainment).toBeCloseTo(58.06, 1);
        expect(leadTimeMet).toMatchObject({ direction: 'decrease', onTarget: true });
        expect(availability).toMatchObject({ direction: 'increase', onTarget: false });
        expect([wheelsets, availability, leadTimeMet].map(kpiState)).toEqual(['to-cut', 'rising', 'reached']);
    });

    it('draws a lower-is-better bar past its target as the part to cut, not on track', () => {
        const svg = kpiChart([wheelsets], 'k').markup;
        expect(svg).toContain('class="kam-kpi kam-kpi-to-cut" data-kpi-state="to-cut"');
        expect(svg).not.toContain('kam-on-target');
        // The part between the target tick and the current value is the excess.
        const target = Number(/class="kam-target" x1="([\d.]+)"/.exec(svg)![1]);
        const excess = /class="kam-bar kam-kpi-excess" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
        expect(Number(excess[1])).toBeCloseTo(target, 0);
        expect(Number(excess[2])).toBeGreaterThan(0);
        expect(kpiChart([leadTimeMet], 'k').markup).toContain('kam-kpi kam-kpi-reached kam-on-target');
    });

    it('writes the whole text beside the bar and widens the chart to hold it', () => {
        const svg = kpiChart([wheelsets], 'k').markup;
        expect(svg).toContain('>31 per month now → target 18 per month</text>');
        expect(svg).toContain('>−13 per month to go · lower is better</text>');
        expect(svg).not.toContain('…');
        const width = Number(/viewBox="0 0 ([\d.]+)/.exec(svg)![1]);
        const valueX = Number(/<text x="([\d.]+)" y="[\d.]+" class="kam-value"/.exec(svg)![1]);
        expect(valueX + textWidth('31 per month now → target 18 per month')).toBeLessThanOrEqual(width);
        expect(svg).toMatch(/<title>Unplanned wheelset changes \(Win back the Poznań workshop\): current 31 per month, target 18 per month, 58% there · −13 per month to go<\/title>/);
    });
});
