import { ValidationError } from '../errors/classes.js';
import { currencyExponent } from '../model/currencies.js';
import { describe } from '../model/decimal.js';
import { checkMoney } from '../model/money.js';
import { formatDecimal } from '../model/decimal.js';
import type { Money, Rounding } from '../model/money.js';
import { checkTable, tableRate } from './rate-table.js';
import { divideRound, pow10, type Ratio } from './ratio.js';
import type { Conversion, ConvertOptions, RateTable } from './types.js';

export { rateTable } from './rate-table.js';
export type { Ratio } from './ratio.js';

/** Significant digits of a non-terminating cross rate shown as text (amounts use the exact ratio). */
const RATE_DIGITS = 12;
const MODES = new Set<Rounding>(['halfEven', 'halfUp', 'halfDown', 'halfAwayFromZero', 'halfTowardsZero', 'up', 'down']);

interface Cross extends Ratio {
  rate: string;
}
// Per-table memo: convert() runs in pricing loops; tables are immutable.
const crossCache = new WeakMap<RateTable, Map<string, Cross>>();

/** Exact 1 `from` = (num/den) `to`, as rates[to] / rates[from] through the table's base. */
export function crossRatio(table: RateTable, from: string, to: string): Ratio {
  return cross(table, from, to);
}

/**
 * The cross rate 1 `from` = rate × `to` as a decimal string: exact when the ratio is a finite
 * decimal (always when either side is the base), else rounded halfEven to 12 significant digits.
 */
export function crossRate(table: RateTable, from: string, to: string): string {
  return cross(table, from, to).rate;
}

function cross(table: RateTable, from: string, to: string): Cross {
  checkTable(table);
  currencyExponent(from, 'from');
  currencyExponent(to, 'to');
  let memo = crossCache.get(table);
  if (!memo) {
    memo = new Map();
    crossCache.set(table, memo);
  }
  const key = `${from}>${to}`;
  const hit = memo.get(key);
  if (hit) return hit;
  const f = tableRate(table, from, 'from');
  const t = tableRate(table, to, 'to');
  const num = t.units * pow10(f.scale);
  const den = f.units * pow10(t.scale);
  const c: Cross = { num, den, rate: ratioToDecimal(num, den) };
  memo.set(key, c);
  return c;
}

/**
 * Converts through the table's base with one rounding at the end, to `to`'s ISO exponent:
 * minor_to = minor_from × 10^(e_to − e_from) × num / den in bigint, so products past 2^53
 * (Rp 1,000,000,000 × an 8-digit scaled rate) stay exact; rounding follows dinero.js's modes.
 */
export function convert(m: Money, to: string, table: RateTable, opts: ConvertOptions = {}): Conversion {
  checkMoney(m, 'money');
  const eFrom = currencyExponent(m.currency, 'money.currency');
  const eTo = currencyExponent(to, 'to');
  checkTable(table);
  if (opts === null || typeof opts !== 'object') throw new ValidationError({ message: `options must be an object, got ${describe(opts)}`, path: 'options' });
  const mode: Rounding = opts.rounding ?? 'halfEven';
  if (!MODES.has(mode)) throw new ValidationError({ message: `Unknown rounding mode "${String(mode)}"`, path: 'rounding' });
  if (m.currency === to) return { money: { amount: m.amount, currency: to }, rate: '1', asOf: table.asOf, source: table.source };
  const c = cross(table, m.currency, to);
  let num = BigInt(m.amount) * c.num;
  let den = c.den;
  if (eTo >= eFrom) num *= pow10(eTo - eFrom);
  else den *= pow10(eFrom - eTo);
  const amount = Number(divideRound(num, den, mode));
  if (!Number.isSafeInteger(amount)) {
    throw new ValidationError({ message: `converted amount exceeds the safe integer range of ${to} minor units`, path: 'money.amount' });
  }
  return { money: { amount, currency: to }, rate: c.rate, asOf: table.asOf, source: table.source };
}

/** Exact decimal text of num/den when it terminates; otherwise `digits` significant digits (halfEven). */
export function ratioToDecimal(num: bigint, den: bigint, digits = RATE_DIGITS): string {
  const g = gcd(num < 0n ? -num : num, den);
  const n = num / g;
  const d = den / g;
  let rest = d;
  let twos = 0;
  let fives = 0;
  while (rest % 2n === 0n) { rest /= 2n; twos++; }
  while (rest % 5n === 0n) { rest /= 5n; fives++; }
  if (rest === 1n) {
    const scale = Math.max(twos, fives);
    return trimZeros(formatDecimal((n * pow10(scale)) / d, scale));
  }
  // Scale so the integer quotient carries RATE_DIGITS significant digits.
  const intDigits = (n / d).toString().length;
  let scale = n >= d ? Math.max(0, digits - intDigits) : digits;
  if (n < d) {
    let probe = n * 10n;
    while (probe < d) { probe *= 10n; scale++; }
  }
  const units = divideRound(n * pow10(scale), d, 'halfEven');
  return trimZeros(formatDecimal(units, scale));
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
