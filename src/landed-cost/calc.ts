import { calculator } from 'dinero.js/bigint';
import { ValidationError } from '../errors/classes.js';
import { currencyExponent } from '../model/currencies.js';
import { parseDecimal } from '../model/decimal.js';
import { rounder, type Money, type Rounding } from '../model/money.js';

/**
 * Lean exact arithmetic on integer minor units for the estimate hot path. money-math's dinero
 * objects cost ~13 µs an operation; the engine needs ~10 µs per whole estimate. Products that fit
 * in 2^53 are divided exactly in Number integers; larger ones go through dinero's bigint rounders.
 */
export interface Fraction {
  num: bigint;
  den: bigint;
  /** Number copies when they are safe integers (fast path). */
  n: number;
  d: number;
}

const fractions = new Map<string, Fraction>();

/** "20" → 20/100; "25.5" → 255/1000. Cached: rates come from a small fixed set of strings. */
export function percent(rate: string): Fraction {
  let f = fractions.get(rate);
  if (!f) {
    const d = parseDecimal(rate, 'rate');
    const den = 100n * 10n ** BigInt(d.scale);
    f = { num: d.units, den, n: Number(d.units), d: Number(den) };
    fractions.set(rate, f);
  }
  return f;
}

export function fraction(num: bigint, den: bigint): Fraction {
  return { num, den, n: Number(num), d: Number(den) };
}

/** Divides a non-negative integer numerator exactly with the rounding mode (Number path). */
function divNumber(n: number, d: number, mode: Rounding): number {
  const q = Math.floor(n / d);
  // Math.floor of a float quotient can be off by one for large n; correct with the exact remainder.
  let r = n - q * d;
  let qq = q;
  if (r < 0) { qq -= 1; r += d; } else if (r >= d) { qq += 1; r -= d; }
  if (r === 0) return qq;
  const twice = 2 * r;
  switch (mode) {
    case 'down': return qq;
    case 'up': return qq + 1;
    case 'halfEven': return twice > d || (twice === d && qq % 2 !== 0) ? qq + 1 : qq;
    case 'halfDown': case 'halfTowardsZero': return twice > d ? qq + 1 : qq;
    default: return twice >= d ? qq + 1 : qq; // halfUp, halfAwayFromZero (non-negative)
  }
}

/** amount × num / den, rounded once. */
export function mulDiv(amount: number, num: bigint, den: bigint, mode: Rounding, nn = Number(num), dd = Number(den)): number {
  const p = amount * nn;
  if (amount >= 0 && nn >= 0 && Number.isSafeInteger(p + dd) && dd > 0) return divNumber(p, dd, mode);
  const out = Number(rounder(mode)(BigInt(amount) * num, den, calculator));
  if (!Number.isSafeInteger(out)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return out;
}

export function applyFraction(m: Money, f: Fraction, mode: Rounding): Money {
  return { amount: mulDiv(m.amount, f.num, f.den, mode, f.n, f.d), currency: m.currency };
}

export function pct(m: Money, rate: string, mode: Rounding): Money {
  return applyFraction(m, percent(rate), mode);
}

export function fromMinorSafe(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency };
}

export function zero(currency: string): Money {
  return { amount: 0, currency };
}

export function add(a: Money, b: Money): Money {
  const amount = a.amount + b.amount;
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency: a.currency };
}

export function sub(a: Money, b: Money): Money {
  return { amount: a.amount - b.amount, currency: a.currency };
}

export function sum(list: readonly Money[], currency: string): Money {
  let amount = 0;
  for (const m of list) amount += m.amount;
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency };
}

export function times(m: Money, k: number): Money {
  const amount = m.amount * k;
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency: m.currency };
}

/** Splits `total` by integer weights with no minor unit lost (the first lines get the remainder). */
export function allocate(total: Money, weights: readonly number[]): Money[] {
  const n = weights.length;
  const out: Money[] = [];
  if (n === 0) return out;
  if (total.amount === 0 || n === 1) {
    for (let i = 0; i < n; i++) out.push({ amount: i === 0 ? total.amount : 0, currency: total.currency });
    return out;
  }
  let wsum = 0;
  for (const w of weights) wsum += w;
  if (wsum === 0) return allocate(total, weights.map(() => 1));
  let rest = total.amount;
  for (const w of weights) {
    const share = total.amount === 0 || w === 0 ? 0 : mulDiv(total.amount, BigInt(w), BigInt(wsum), 'down', w, wsum);
    out.push({ amount: share, currency: total.currency });
    rest -= share;
  }
  for (let i = 0; rest > 0; i = (i + 1) % n) {
    if (weights[i]! > 0) { out[i]!.amount += 1; rest -= 1; }
  }
  return out;
}

/** "12.34" for EUR 1234 without bigint (amounts are safe integers). */
export function fmt(m: Money): string {
  const e = currencyExponent(m.currency);
  if (e === 0) return String(m.amount);
  const neg = m.amount < 0;
  const digits = String(Math.abs(m.amount)).padStart(e + 1, '0');
  return `${neg ? '-' : ''}${digits.slice(0, digits.length - e)}.${digits.slice(digits.length - e)}`;
}

/** -1 / 0 / 1; same currency assumed (callers convert first). */
export function cmp(a: Money, b: Money): number {
  return a.amount === b.amount ? 0 : a.amount < b.amount ? -1 : 1;
}

/** value ≤ limit (inclusive) or value < limit. */
export function within(value: Money, limit: Money, inclusive: boolean): boolean {
  const c = cmp(value, limit);
  return inclusive ? c <= 0 : c < 0;
}
