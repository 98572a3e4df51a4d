import * as iso from 'dinero.js/currencies';
import { ValidationError } from '../errors/classes.js';

/**
 * ISO 4217 minor-unit exponents (JPY 0, KWD 3...). Taken from dinero.js's ISO table so there is
 * one source; a few codes marketplaces still send are added by hand.
 */
const EXPONENTS: Record<string, number> = {};
for (const c of Object.values(iso) as Array<{ code: string; exponent: number }>) {
  if (c && typeof c.code === 'string') EXPONENTS[c.code] = c.exponent;
}
// Withdrawn codes that old payloads still carry.
EXPONENTS.HRK ??= 2;
EXPONENTS.VEF ??= 2;

export function isKnownCurrency(code: string): boolean {
  return Object.hasOwn(EXPONENTS, code);
}

/** The ISO 4217 exponent; throws ValidationError for an unknown code. */
export function currencyExponent(code: string, path = 'currency'): number {
  const e = EXPONENTS[code];
  if (e === undefined) {
    throw new ValidationError({ message: `Unknown currency code "${code}" (ISO 4217 expected)`, path });
  }
  return e;
}

export function knownCurrencies(): string[] {
  return Object.keys(EXPONENTS).sort();
}
