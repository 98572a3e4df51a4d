import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, rateTable } from '../../../src/currency/index.js';
import type { Rounding } from '../../../src/model/money.js';
import { ValidationError } from '../../../src/errors/index.js';

const CURRENCIES = ['USD', 'JPY', 'KWD', 'IDR', 'VND', 'CLP', 'GBP', 'CNY'] as const;
const EXP: Record<string, number> = { USD: 2, JPY: 0, KWD: 3, IDR: 2, VND: 0, CLP: 0, GBP: 2, CNY: 2 };
const MODES: Rounding[] = ['halfEven', 'halfUp', 'halfDown', 'halfAwayFromZero', 'halfTowardsZero', 'up', 'down'];

/** A rate like the ECB publishes: 1 to 6 integer digits, 0 to 6 decimals, never zero. */
const rateArb = fc
  .tuple(fc.integer({ min: 1, max: 999_999 }), fc.integer({ min: 0, max: 6 }))
  .map(([units, scale]) => ({ text: scale === 0 ? String(units) : fmt(units, scale), units: BigInt(units), scale }));

function fmt(units: number, scale: number): string {
  const s = String(units).padStart(scale + 1, '0');
  return `${s.slice(0, s.length - scale)}.${s.slice(s.length - scale)}`.replace(/^0+(?=\d)/, '');
}

const pairArb = fc
  .tuple(fc.constantFrom(...CURRENCIES), fc.constantFrom(...CURRENCIES))
  .filter(([a, b]) => a !== b);

const pow = (n: number) => 10n ** BigInt(n);
const abs = (n: bigint) => (n < 0n ? -n : n);

describe('convert() properties', () => {
  it('A → B → A stays within one minor unit of B (converted back) plus A’s own rounding', () => {
    fc.assert(
      fc.property(pairArb, rateArb, rateArb, fc.integer({ min: -1_000_000_000_000, max: 1_000_000_000_000 }), ([a, b], ra, rb, amount) => {
        const t = rateTable({ base: 'EUR', asOf: '2026-11-20', source: 'p', rates: { [a]: ra.text, [b]: rb.text } });
        let there;
        try {
          there = convert({ amount, currency: a }, b, t);
        } catch {
          return true; // beyond the safe range in B: refused, checked elsewhere
        }
        const back = convert(there.money, a, t).money.amount;
        // 1 B-minor in A-minor units = 10^eA × ra / (10^eB × rb); |back − amount| ≤ that + 1 (cross-multiplied, exact).
        const diff = abs(BigInt(back) - BigInt(amount));
        const lhs = (diff - 1n) * pow(EXP[b]!) * rb.units * pow(ra.scale);
        const rhs = pow(EXP[a]!) * ra.units * pow(rb.scale);
        expect(diff <= 1n || lhs <= rhs).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('every mode returns an integer minor amount bracketing the exact value (floor ≤ r ≤ ceil)', () => {
    fc.assert(
      fc.property(pairArb, rateArb, rateArb, fc.integer({ min: -1e9, max: 1e9 }), fc.constantFrom(...MODES), ([a, b], ra, rb, amount, rounding) => {
        const t = rateTable({ base: 'EUR', asOf: '2026-11-20', source: 'p', rates: { [a]: ra.text, [b]: rb.text } });
        // exact = amount × 10^(eB−eA) × (rb / ra) = num / den
        const num = BigInt(amount) * rb.units * pow(ra.scale) * pow(EXP[b]!);
        const den = ra.units * pow(rb.scale) * pow(EXP[a]!);
        if (abs(num) / den >= BigInt(Number.MAX_SAFE_INTEGER)) {
          expect(() => convert({ amount, currency: a }, b, t, { rounding })).toThrow(ValidationError);
          return;
        }
        const r = convert({ amount, currency: a }, b, t, { rounding }).money.amount;
        expect(Number.isSafeInteger(r)).toBe(true);
        const R = BigInt(r);
        expect(R * den - num < den).toBe(true); // r < exact + 1
        expect(num - R * den < den).toBe(true); // r > exact − 1
        if (rounding === 'down') expect(R * den <= num).toBe(true);
        if (rounding === 'up') expect(R * den >= num).toBe(true);
        if (rounding.startsWith('half')) expect(abs(2n * (R * den - num)) <= den).toBe(true); // nearest
      }),
      { numRuns: 3000 },
    );
  });
});
