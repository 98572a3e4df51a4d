import { add, allocate, compare, multiply, subtract, toSnapshot, dinero, convert } from 'dinero.js/bigint';
import { ValidationError } from '../errors/classes.js';
import { dineroCurrency, fromDinero, toDinero, type Money, type Rounding } from './money.js';
import { parseDecimal, type ScaledDecimal } from './decimal.js';

function sameCurrency(a: Money, b: Money, path: string) {
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
  let total = dinero({ amount: 0n, currency: dineroCurrency(currency) });
  for (const m of items) {
    if (m.currency !== currency) throw new ValidationError({ message: `currency mismatch: ${m.currency} vs ${currency}`, path: 'currency' });
    total = add(total, toDinero(m));
  }
  return fromDinero(total, 'halfEven');
}

export function zeroMoney(currency: string): Money {
  return fromDinero(dinero({ amount: 0n, currency: dineroCurrency(currency) }), 'halfEven');
}

/** Exact decimal factor: a decimal string ("0.19", "1.0512") or a ScaledDecimal. */
export type Factor = string | ScaledDecimal;

function toFactor(f: Factor, path: string): { amount: bigint; scale: bigint } {
  const d = typeof f === 'string' ? parseDecimal(f, path) : f;
  return { amount: d.units, scale: BigInt(d.scale) };
}

/** m × factor, rounded once to the currency exponent (bigint calculator: no 2^53 overflow). */
export function multiplyMoney(m: Money, factor: Factor, rounding: Rounding): Money {
  return fromDinero(multiply(toDinero(m), toFactor(factor, 'factor')), rounding);
}

/** m converted with an exact rate (1 m.currency = rate × `to`), rounded once. */
export function convertMoney(m: Money, to: string, rate: Factor, rounding: Rounding): Money {
  const converted = convert(toDinero(m), dineroCurrency(to), { [to]: toFactor(rate, 'rate') });
  return fromDinero(converted, rounding);
}

/** Splits m by integer ratios with no minor unit lost (dinero's allocate). */
export function allocateMoney(m: Money, ratios: readonly number[]): Money[] {
  if (ratios.length === 0) return [];
  const parts = allocate(toDinero(m), ratios.map((r) => BigInt(r)));
  return parts.map((p) => fromDinero(p, 'halfEven'));
}

export function compareMoney(a: Money, b: Money): -1 | 0 | 1 {
  sameCurrency(a, b, 'currency');
  return compare(toDinero(a), toDinero(b)) as -1 | 0 | 1;
}

export function isZeroMoney(m: Money): boolean {
  return m.amount === 0;
}

export function maxMoney(a: Money, b: Money): Money {
  return compareMoney(a, b) >= 0 ? a : b;
}

export function negateMoney(m: Money): Money {
  return { amount: m.amount === 0 ? 0 : -m.amount, currency: m.currency };
}

/** Debug helper kept internal to the model: the dinero snapshot of a Money. */
export function snapshotOf(m: Money) {
  return toSnapshot(toDinero(m));
}
