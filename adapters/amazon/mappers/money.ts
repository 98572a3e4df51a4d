import { ValidationError } from '../../../src/errors/classes.js';
import { currencyExponent } from '../../../src/model/currencies.js';
import { fromWire, type Money } from '../../../src/model/money.js';

const PLAIN = /^(-)?(\d{1,15})(?:\.(\d+))?$/;

/**
 * SP-API Money `{ amount: "12.99", currencyCode }` → integer minor units, exactly. The common case
 * (no more decimals than the currency has) is read digit by digit without dinero for speed; anything
 * else goes through the core's fromWire (explicit halfEven rounding).
 */
export function wireMoney(w: { amount: string; currencyCode: string }): Money {
  const exponent = currencyExponent(w.currencyCode, 'currencyCode');
  const m = PLAIN.exec(w.amount);
  if (m) {
    const frac = m[3] ?? '';
    if (frac.length <= exponent) {
      const units = Number(m[2]! + frac.padEnd(exponent, '0'));
      if (Number.isSafeInteger(units)) return { amount: m[1] && units !== 0 ? -units : units, currency: w.currencyCode };
    }
  }
  return fromWire(w.amount, w.currencyCode);
}

/** Exact integer arithmetic on minor units of one currency. */
export function addTo(total: Money | undefined, m: Money): Money {
  if (!total) return { ...m };
  if (total.currency !== m.currency) throw new ValidationError({ message: `mixed currencies ${total.currency} and ${m.currency}`, path: 'currencyCode' });
  const amount = total.amount + m.amount;
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency: m.currency };
}

export function times(m: Money, quantity: number): Money {
  const amount = m.amount * quantity;
  if (!Number.isSafeInteger(amount)) throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  return { amount, currency: m.currency };
}
