/**
 * A 1,000-order simulated day across four stores sharing 200 SKUs: oversells happen only in
 * races, and stay bounded by the orders that arrive within one propagation interval.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FOUR_STORES, simulateDay } from './sim.js';

describe('a simulated day', () => {
  it('keeps oversells within the orders arriving inside one propagation interval, and converges', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const r = await simulateDay({ seed, orders: 1000, skus: 200, stores: FOUR_STORES, stockMax: 6 });
        expect(r.placed).toBeGreaterThan(300);
        expect(r.oversoldUnits).toBeLessThanOrEqual(r.racingUnits);
        expect(r.diverged).toEqual([]);
        expect(r.report.pushes.failed).toBe(0);
      }),
      { numRuns: 4 },
    );
  }, 60_000);

  it('never oversells when orders are further apart than one propagation interval', async () => {
    // 40 orders a day: about 36 minutes apart on average, far beyond the slowest import + push.
    const r = await simulateDay({ seed: 7, orders: 40, skus: 5, stores: FOUR_STORES, stockMax: 2 });
    expect(r.racingUnits).toBe(0);
    expect(r.oversells).toBe(0);
    expect(r.diverged).toEqual([]);
  });
});
