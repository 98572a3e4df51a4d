import { parseDecimal } from '../../model/decimal.js';
import { pow10 } from '../units.js';

/**
 * Exact ratios for rate-card money: a card price is held as n/d minor units (so "73.58 CNY/kg"
 * stays exact), a percentage as n/d. Each charge line is rounded exactly once to an integer of
 * minor units, with dinero.js's rounding semantics (a property test pins them to dinero's own
 * divide operations; this copy avoids dinero's generic calculator on the quote hot path).
 */
export type CardRounding = 'halfUp' | 'halfEven' | 'up' | 'down';
export interface Ratio {
  n: bigint;
  d: bigint;
}

export const ZERO: Ratio = { n: 0n, d: 1n };

/** A decimal price in major units → n/d minor units for a currency with `exponent` decimals. */
export function price(value: number | string, exponent: number, path: string): Ratio {
  const { units, scale } = parseDecimal(value, path);
  return scale <= exponent ? { n: units * pow10(exponent - scale), d: 1n } : { n: units, d: pow10(scale - exponent) };
}

/** "24.5" (percent) → 245/1000. */
export function percent(value: number | string, path: string): Ratio {
  const { units, scale } = parseDecimal(value, path);
  return { n: units, d: pow10(scale + 2) };
}

/**
 * round(n / d), d > 0, to an integer: 'down' floors, 'up' ceils, 'halfUp' breaks ties towards +∞,
 * 'halfEven' towards the even neighbour — the same results as dinero's down/up/halfUp/halfEven.
 */
export function roundDiv(n: bigint, d: bigint, mode: CardRounding): bigint {
  if (d === 1n) return n;
  let q = n / d;
  let r = n - q * d;
  if (r < 0n) {
    q -= 1n;
    r += d;
  }
  if (r === 0n || mode === 'down') return q;
  if (mode === 'up') return q + 1n;
  const twice = 2n * r;
  if (twice !== d) return twice > d ? q + 1n : q;
  return mode === 'halfUp' || q % 2n !== 0n ? q + 1n : q;
}

/** price (per weight unit) × weight in ng, where one weight unit is `unitNg` → rounded minor units. */
export function perWeight(rate: Ratio, weightNg: bigint, unitNg: bigint, mode: CardRounding): bigint {
  return roundDiv(rate.n * weightNg, rate.d * unitNg, mode);
}

export function roundRatio(r: Ratio, mode: CardRounding): bigint {
  return roundDiv(r.n, r.d, mode);
}

/** amount (minor units) × ratio, rounded. */
export function scale(amount: bigint, r: Ratio, mode: CardRounding): bigint {
  return roundDiv(amount * r.n, r.d, mode);
}
