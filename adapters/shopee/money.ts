import { ValidationError } from '../../src/errors/index.js';
import { parseDecimal, trimDecimal } from '../../src/model/decimal.js';
import { fromWire, toDecimal, type Money } from '../../src/model/money.js';

/**
 * Money → the JSON number Shopee expects, exactly at the edge. The currency must be the shop's
 * (no silent conversion) and the value must fit the market's decimals (IDR/VND/TWD... integers):
 * a price that would need rounding is the caller's pricing decision, so it is refused.
 */
export function priceToWire(m: Money, currency: string, decimals: number, path = 'price'): number {
  if (m.currency !== currency) {
    throw new ValidationError({ message: `${path} is in ${m.currency} but this Shopee store prices in ${currency}`, path: `${path}.currency` });
  }
  const text = toDecimal(m);
  if (trimDecimal(parseDecimal(text)).scale > decimals) {
    throw new ValidationError({
      message: `${path} ${text} ${currency} has more decimals than Shopee accepts here (${decimals === 0 ? 'whole numbers only' : `${decimals} decimals`})`,
      path: `${path}.amount`,
    });
  }
  return Number(text);
}

/** A Shopee float (or numeric string) → Money in integer minor units of its ISO exponent. */
export function moneyFromWire(value: number | string | undefined | null, currency: string): Money | undefined {
  if (value === undefined || value === null || value === '' || value === '-') return undefined;
  return fromWire(value, currency);
}

const PLAIN_DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;
const POW10 = [1, 10, 100, 1000, 10000];

/**
 * The hot path of moneyFromWire for order mapping: a plain decimal (what Shopee sends: 12.9, 300000,
 * "1.1") becomes integer minor units from its decimal text, exactly. Anything else (exponents, more
 * decimals than the currency has) goes through the core's fromWire and its rounding rules.
 */
export function minorUnits(value: number | string, currency: string, exponent: number): number {
  const text = typeof value === 'number' ? String(value) : value.trim();
  const m = PLAIN_DECIMAL.exec(text);
  const frac = m?.[3] ?? '';
  if (!m || frac.length > exponent || exponent >= POW10.length) return fromWire(value, currency).amount;
  const units = Number(m[2]) * POW10[exponent]! + (frac ? Number(frac) * POW10[exponent - frac.length]! : 0);
  if (!Number.isSafeInteger(units)) return fromWire(value, currency).amount;
  return m[1] ? -units : units;
}
