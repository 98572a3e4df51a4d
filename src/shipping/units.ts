import { parseDecimal, formatDecimal } from '../model/decimal.js';

/**
 * Exact physical units. Weights are held as integer nanograms and lengths as integer nanometres
 * (bigint): 1 lb = 453.59237 g and 1 oz = 28.349523125 g are exact there, so "1.1 kg rounded up
 * to 10 g" can never become 1.11 kg through float noise.
 */
export type WeightUnit = 'kg' | 'g' | 'lb' | 'oz';
export type LengthUnit = 'cm' | 'mm' | 'in' | 'm';

export const NG_PER: Readonly<Record<WeightUnit, bigint>> = {
  g: 1_000_000_000n,
  kg: 1_000_000_000_000n,
  lb: 453_592_370_000n,
  oz: 28_349_523_125n,
};

export const NM_PER: Readonly<Record<LengthUnit, bigint>> = {
  mm: 1_000_000n,
  cm: 10_000_000n,
  m: 1_000_000_000n,
  in: 25_400_000n,
};

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
export const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

/** Ceiling division for non-negative bigints. */
export function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

/** An exact decimal (number or string) in `unit` → integer base units, rounded up below 1 base unit. */
export function toBase(value: number | string, perUnit: bigint, path: string): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value) * perUnit;
  const d = parseDecimal(value, path);
  return ceilDiv(d.units * perUnit, pow10(d.scale));
}

export const toNg = (value: number | string, unit: WeightUnit, path = 'weight'): bigint => toBase(value, NG_PER[unit], path);
export const toNm = (value: number | string, unit: LengthUnit, path = 'dimensions'): bigint => toBase(value, NM_PER[unit], path);

/** Base units → decimal string in `perUnit` with `decimals` places, rounded up (carriers bill up). */
export function fromBase(base: bigint, perUnit: bigint, decimals: number): string {
  const scaled = ceilDiv(base * pow10(decimals), perUnit);
  const text = formatDecimal(scaled, decimals);
  return decimals > 0 ? text.replace(/\.?0+$/, '') : text;
}

/** Base units → JS number for display fields (weights a person reads, never used in money math). */
export function toDisplay(base: bigint, perUnit: bigint, decimals = 3): number {
  // Below 2^53 both integers are exact doubles and their quotient is correctly rounded (1.2e12/1e12
  // is the double of "1.2"); above, fall back to rounding up at `decimals` places.
  if (base <= MAX_SAFE) {
    const q = Number(base) / Number(perUnit);
    const f = 10 ** decimals;
    if (Number.isInteger(q * f)) return q;
  }
  return Number(ceilDiv(base * pow10(decimals), perUnit)) / 10 ** decimals;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
