/**
 * While a portfolio is read and checked, V8's old generation grows in steps of 20 × what survived
 * (cli/src/heap-growth.ts): for portfolios of the size that pays off for, and for a server that does
 * not know yet; above that, and after every build, V8's own heuristics.
 */
import { describe, expect, it } from 'vitest';
import { heapGrowingPercentFor, LARGEST_PORTFOLIO_FOR_LARGER_STEPS } from '../../cli/src/heap-growth.js';

describe('the heap\'s growth during a portfolio\'s build', () => {
    it('is in larger steps for a portfolio of thousands of plans, and for one whose size is not known yet', () => {
        expect(heapGrowingPercentFor(2_000)).toBe(1_900);
        expect(heapGrowingPercentFor(LARGEST_PORTFOLIO_FOR_LARGER_STEPS)).toBe(1_900);
        expect(heapGrowingPercentFor(undefined)).toBe(1_900);
    });

    it('is V8\'s own for a portfolio of tens of thousands of plans', () => {
        expect(heapGrowingPercentFor(LARGEST_PORTFOLIO_FOR_LARGER_STEPS + 1)).toBe(0);
        expect(heapGrowingPercentFor(20_000)).toBe(0);
    });
});
