import fc from 'fast-check';
import { calculator, down, halfAwayFromZero, halfDown, halfEven, halfTowardsZero, halfUp, up } from 'dinero.js/bigint';
import { describe, expect, it } from 'vitest';
import { divideRound } from '../../../src/currency/ratio.js';
import type { Rounding } from '../../../src/model/money.js';

const DINERO = { halfEven, halfUp, halfDown, halfAwayFromZero, halfTowardsZero, up, down } as const;
const MODES = Object.keys(DINERO) as Rounding[];

describe('divideRound() follows dinero.js rounding semantics', () => {
  it('hand-picked ties and near-ties', () => {
    // [num, den] → expected per mode, in MODES order: halfEven, halfUp, halfDown, halfAwayFromZero, halfTowardsZero, up, down
    const table: Array<[bigint, bigint, bigint[]]> = [
      [5n, 2n, [2n, 3n, 2n, 3n, 2n, 3n, 2n]], // 2.5
      [7n, 2n, [4n, 4n, 3n, 4n, 3n, 4n, 3n]], // 3.5
      [-5n, 2n, [-2n, -2n, -3n, -3n, -2n, -2n, -3n]], // −2.5
      [26n, 10n, [3n, 3n, 3n, 3n, 3n, 3n, 2n]], // 2.6
      [-24n, 10n, [-2n, -2n, -2n, -2n, -2n, -2n, -3n]], // −2.4
      [9n, 3n, [3n, 3n, 3n, 3n, 3n, 3n, 3n]], // exact
    ];
    for (const [num, den, expected] of table) {
      expect(MODES.map((m) => divideRound(num, den, m))).toEqual(expected);
    }
  });

  it('agrees with dinero.js for any bigint numerator and positive denominator', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: 1n, max: 10n ** 12n }), fc.constantFrom(...MODES), (num, den, mode) => {
        expect(divideRound(num, den, mode)).toBe(DINERO[mode](num, den, calculator));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees on exact ties (den even, num = k·den + den/2)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), fc.constantFrom(...MODES), (k, half, mode) => {
        const den = 2n * half;
        const num = k * den + half;
        expect(divideRound(num, den, mode)).toBe(DINERO[mode](num, den, calculator));
      }),
      { numRuns: 3000 },
    );
  });
});
