import { ValidationError } from '../errors/classes.js';
import { currencyExponent } from '../model/currencies.js';
import { parseDecimal } from '../model/decimal.js';
import type { Money, Rounding } from '../model/money.js';

/** An exact rational num/den with den > 0. Used where a result is not a finite decimal (cross rates, ÷ (1 − fees)). */
export interface Ratio {
  num: bigint;
  den: bigint;
}

const POW10: bigint[] = Array.from({ length: 40 }, (_, i) => 10n ** BigInt(i));
export const pow10 = (n: number): bigint => POW10[n] ?? 10n ** BigInt(n);

export const ratio = (num: bigint, den = 1n): Ratio => (den < 0n ? { num: -num, den: -den } : { num, den });

export function fromDecimalString(text: string, path: string): Ratio {
  const d = parseDecimal(text, path);
  return { num: d.units, den: pow10(d.scale) };
}

/** A Money value in major units as an exact ratio. */
export function fromMoney(m: Money): Ratio {
  return { num: BigInt(m.amount), den: pow10(currencyExponent(m.currency)) };
}

export const mul = (a: Ratio, b: Ratio): Ratio => ({ num: a.num * b.num, den: a.den * b.den });
export const add = (a: Ratio, b: Ratio): Ratio =>
  a.den === b.den ? { num: a.num + b.num, den: a.den } : { num: a.num * b.den + b.num * a.den, den: a.den * b.den };
export const sub = (a: Ratio, b: Ratio): Ratio => add(a, { num: -b.num, den: b.den });

export function div(a: Ratio, b: Ratio, path = 'divisor'): Ratio {
  if (b.num === 0n) throw new ValidationError({ message: `${path} must not be zero`, path });
  return ratio(a.num * b.den, a.den * b.num);
}

export const ONE: Ratio = { num: 1n, den: 1n };
export const ZERO: Ratio = { num: 0n, den: 1n };

export const compare = (a: Ratio, b: Ratio): number => {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l === r ? 0 : l < r ? -1 : 1;
};

/**
 * num / den (den > 0) rounded to an integer with dinero.js's semantics for each mode (halfUp ties
 * toward +∞, halfDown toward −∞, up = ceiling, down = floor). Native bigint because dinero's
 * divide functions rebuild their helper closures on every call (~1.5 µs, a third of a convert());
 * test/unit/currency/rounding.test.ts checks it against dinero's own functions.
 */
export function divideRound(num: bigint, den: bigint, mode: Rounding): bigint {
  const q = num / den;
  const r = num - q * den;
  if (r === 0n) return q;
  const floor = r < 0n ? q - 1n : q;
  const ceil = floor + 1n;
  if (mode === 'down') return floor;
  if (mode === 'up') return ceil;
  const twice = 2n * (num - floor * den); // 2 × distance above floor, in (0, 2·den)
  if (twice < den) return floor;
  if (twice > den) return ceil;
  switch (mode) {
    case 'halfEven': return floor % 2n === 0n ? floor : ceil;
    case 'halfUp': return ceil;
    case 'halfDown': return floor;
    case 'halfAwayFromZero': return num > 0n ? ceil : floor;
    case 'halfTowardsZero': return num > 0n ? floor : ceil;
    default: throw new ValidationError({ message: `Unknown rounding mode "${String(mode)}"`, path: 'rounding' });
  }
}

/** Rounds a major-unit ratio once to integer minor units of a currency exponent. */
export function toMinor(value: Ratio, exponent: number, mode: Rounding): bigint {
  return divideRound(value.num * pow10(exponent), value.den, mode);
}

/** Money from an exact ratio, rounded once to the ISO exponent. */
export function toMoney(value: Ratio, currency: string, mode: Rounding): Money {
  const amount = Number(toMinor(value, currencyExponent(currency), mode));
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency };
}
