import * as iso from 'dinero.js/currencies';
import { ValidationError } from '../errors/classes.js';

/**
 * ISO 4217 minor-unit exponents (JPY 0, KWD 3...). Taken from dinero.js's ISO table so there is
 * one source; a few codes marketplaces still send are added by hand.
 */
// Null prototype: a caller's "constructor" or "__proto__" is never mistaken for a currency.
const EXPONENTS: Record<string, number> = Object.create(null) as Record<string, number>;
for (const c of Object.values(iso) as Array<{ code: string; exponent: number }>) {
  if (c && typeof c.code === 'string') EXPONENTS[c.code] = c.exponent;
}
// Withdrawn codes that old payloads still carry.
EXPONENTS.HRK ??= 2;
EXPONENTS.VEF ??= 2;

export function isKnownCurrency(code: unknown): boolean {
  return typeof code === 'string' && Object.hasOwn(EXPONENTS, code);
}

/** The ISO 4217 exponent; throws ValidationError for an unknown code. */
export function currencyExponent(code: string, path = 'currency'): number {
  if (!isKnownCurrency(code)) {
    const shown = typeof code === 'string' ? `"${code.slice(0, 12)}"` : typeof code;
    throw new ValidationError({ message: `Unknown currency code ${shown} (ISO 4217 expected)`, path: pathOr(path, 'currency') });
  }
  return EXPONENTS[code]!;
}

export function knownCurrencies(): string[] {
  return Object.keys(EXPONENTS).sort();
}

/** A caller-supplied path label, or the default when it is not a usable string. */
export function pathOr(path: unknown, fallback: string): string {
  return typeof path === 'string' && path.length > 0 ? path : fallback;
}
