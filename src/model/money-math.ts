import { add, allocate, compare, multiply, subtract, toSnapshot, dinero, convert } from 'dinero.js/bigint';
import { ValidationError } from '../errors/classes.js';
import { checkMoney, checkRounding, dineroCurrency, fromDinero, toDinero, type Money, type Rounding } from './money.js';
import { checkScaled, describe, parseDecimal, type ScaledDecimal } from './decimal.js';
import { currencyExponent } from './currencies.js';

function sameCurrency(a: Money, b: Money, path: string) {
  checkMoney(a, 'a');
  checkMoney(b, 'b');
  if (a.currency !== b.currency) {
    throw new ValidationError({ message: `currency mismatch: ${a.currency} vs ${b.currency}`, path });
  }
}

export function addMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'currency');
  return fromDinero(add(toDinero(a), toDinero(b)), 'halfEven');
}

export function subtractMoney(a: Money, b: Money): Money {
  sameCurrency(a, b, 'currency');
  return fromDinero(subtract(toDinero(a), toDinero(b)), 'halfEven');
}

export function sumMoney(items: readonly Money[], currency: string): Money {
  currencyExponent(currency);
  if (!Array.isArray(items)) throw new ValidationError({ message: `items must be an array of Money, got ${describe(items)}`, path: 'items' });
  let total = dinero({ amount: 0n, currency: dineroCurrency(currency) });
  for (const [i, m] of items.entries()) {
    checkMoney(m, `items[${i}]`);
    if (m.currency !== currency) throw new ValidationError({ message: `currency mismatch: ${m.currency} vs ${currency}`, path: 'currency' });
    total = add(total, toDinero(m));
  }
  return fromDinero(total, 'halfEven');
}

export function zeroMoney(currency: string): Money {
  currencyExponent(currency);
  return fromDinero(dinero({ amount: 0n, currency: dineroCurrency(currency) }), 'halfEven');
}

/** Exact decimal factor: a decimal string ("0.19", "1.0512") or a ScaledDecimal. */
export type Factor = string | ScaledDecimal;

function toFactor(f: Factor, path: string): { amount: bigint; scale: bigint } {
  const d = typeof f === 'string' || typeof f === 'number' ? parseDecimal(f, path) : checkScaled(f, path);
  return { amount: d.units, scale: BigInt(d.scale) };
}

/** m × factor, rounded once to the currency exponent (bigint calculator: no 2^53 overflow). */
export function multiplyMoney(m: Money, factor: Factor, rounding: Rounding): Money {
  checkMoney(m);
  checkRounding(rounding);
  return fromDinero(multiply(toDinero(m), toFactor(factor, 'factor')), rounding);
}

/** m converted with an exact rate (1 m.currency = rate × `to`), rounded once. */
export function convertMoney(m: Money, to: string, rate: Factor, rounding: Rounding): Money {
  checkMoney(m);
  currencyExponent(to, 'to');
  checkRounding(rounding);
  const r = toFactor(rate, 'rate');
  if (r.amount <= 0n) throw new ValidationError({ message: 'rate must be greater than zero', path: 'rate' });
  const converted = convert(toDinero(m), dineroCurrency(to), { [to]: r });
  return fromDinero(converted, rounding);
}

/** Splits m by integer ratios with no minor unit lost (dinero's allocate). */
export function allocateMoney(m: Money, ratios: readonly number[]): Money[] {
  checkMoney(m);
  if (!Array.isArray(ratios)) throw new ValidationError({ message: `ratios must be an array of integers, got ${describe(ratios)}`, path: 'ratios' });
  if (ratios.length === 0) return [];
  ratios.forEach((r, i) => {
    if (!Number.isSafeInteger(r) || r < 0) throw new ValidationError({ message: 'each ratio must be a non-negative safe integer', path: `ratios[${i}]` });
  });
  if (ratios.every((r) => r === 0)) throw new ValidationError({ message: 'at least one ratio must be positive', path: 'ratios' });
  const parts = allocate(toDinero(m), ratios.map((r) => BigInt(r)));
  return parts.map((p) => fromDinero(p, 'halfEven'));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'currency');
  return compare(toDinero(a), toDinero(b)) as -1 | 0 | 1;
}

export function isZeroMoney(m: Money): boolean {
  checkMoney(m);
  return m.amount === 0;
}

export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

export function negateMoney(m: Money): Money {
  checkMoney(m);
  return { amount: m.amount === 0 ? 0 : -m.amount, currency: m.currency };
}

/** Debug helper kept internal to the model: the dinero snapshot of a Money. */
export function snapshotOf(m: Money) {
  return toSnapshot(toDinero(m));
}
