import { z } from 'zod';
import type { CurrencyArg } from './currency-codes.js';
import { dinero, toSnapshot, transformScale, type Dinero } from 'dinero.js/bigint';
import { down, halfAwayFromZero, halfDown, halfEven, halfTowardsZero, halfUp, up } from 'dinero.js/bigint';
import { ValidationError } from '../errors/classes.js';
import { currencyExponent, isKnownCurrency, pathOr } from './currencies.js';
import { checkScaled, describe, formatDecimal, parseDecimal, trimDecimal, type ScaledDecimal } from './decimal.js';

export const CurrencyCodeSchema = z
  .string()
  .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code like "EUR"')
  .refine(isKnownCurrency, 'unknown ISO 4217 currency code');

/** Money on the wire and in the model: integer minor units + ISO 4217 code. Plain and serializable. */
export const MoneySchema = z.object({
  amount: z.number().int().refine(Number.isSafeInteger, 'amount exceeds the safe integer range'),
  currency: CurrencyCodeSchema,
});
export type Money = z.infer<typeof MoneySchema>;

export type Rounding = 'halfEven' | 'halfUp' | 'halfDown' | 'halfAwayFromZero' | 'halfTowardsZero' | 'up' | 'down';

export const RoundingSchema = z.enum(['halfEven', 'halfUp', 'halfDown', 'halfAwayFromZero', 'halfTowardsZero', 'up', 'down']);

const ROUNDERS = { halfEven, halfUp, halfDown, halfAwayFromZero, halfTowardsZero, up, down } as const;

export function rounder(mode: Rounding, path = 'rounding') {
  return ROUNDERS[checkRounding(mode, path)];
}

/** A rounding mode name, refused (ValidationError) when it is not one of dinero's modes. */
export function checkRounding(mode: unknown, path = 'rounding'): Rounding {
  if (typeof mode !== 'string' || !Object.hasOwn(ROUNDERS, mode)) {
    throw new ValidationError({ message: `Unknown rounding mode ${typeof mode === 'string' ? `"${mode.slice(0, 20)}"` : describe(mode)}`, path });
  }
  return mode as Rounding;
}

/**
 * Guards a caller-supplied Money (plain object, safe-integer amount, known ISO code) so the
 * arithmetic below never meets a TypeError, a BigInt RangeError or a prototype key.
 */
export function checkMoney(m: unknown, path = 'money'): Money {
  const v = m as Partial<Money> | null;
  if (typeof v !== 'object' || v === null) {
    throw new ValidationError({ message: `${path} must be { amount, currency }, got ${describe(m)}`, path });
  }
  if (typeof v.amount !== 'number' || !Number.isSafeInteger(v.amount)) {
    throw new ValidationError({ message: `${path}.amount must be a safe integer count of minor units`, path: `${path}.amount` });
  }
  currencyExponent(v.currency as string, `${path}.currency`);
  return v as Money;
}

/** A dinero currency object for a code (bigint flavour). */
export function dineroCurrency(code: string) {
  return { code, base: 10n, exponent: BigInt(currencyExponent(code)) };
}

/** Exact scaled decimal → Money, rounding explicitly to the currency exponent (dinero.js). */
export function moneyFromScaled(d: ScaledDecimal, currency: string, rounding: Rounding): Money {
  const cur = dineroCurrency(currency);
  const { units, scale } = checkScaled(d, 'decimal');
  checkRounding(rounding);
  const value = dinero({ amount: units, currency: cur, scale: BigInt(scale) });
  return fromDinero(value, rounding);
}

/** Dinero (any scale) → Money at the currency exponent with the given rounding. */
export function fromDinero(value: Dinero<bigint>, rounding: Rounding): Money {
  const snap0 = toSnapshot(value);
  const scaled = transformScale(value, snap0.currency.exponent, rounder(rounding));
  const snap = toSnapshot(scaled);
  const amount = Number(snap.amount);
  if (!Number.isSafeInteger(amount)) {
    throw new ValidationError({ message: 'amount exceeds the safe integer range', path: 'amount' });
  }
  return { amount, currency: snap.currency.code };
}

export function toDinero(m: Money, path = 'money'): Dinero<bigint> {
  checkMoney(m, path);
  return dinero({ amount: BigInt(m.amount), currency: dineroCurrency(m.currency) });
}

/**
 * Strict door for caller input: "12.99" or 12.99 in EUR. More decimals than the currency allows
 * (money('1.005','EUR'), money(0.1 + 0.2,'USD')) is a ValidationError, never a silent rounding.
 */
export function money<C extends string>(decimal: string | number, currency: CurrencyArg<C>, path = 'amount'): Money {
  path = pathOr(path, 'amount');
  const exponent = currencyExponent(currency, path.endsWith('amount') ? path.replace(/amount$/, 'currency') : 'currency');
  const d = trimDecimal(parseDecimal(decimal, path));
  if (d.scale > exponent) {
    throw new ValidationError({
      message: `Invalid ${path}: "${String(decimal).slice(0, 70)}" has ${d.scale} decimals but ${currency} allows ${exponent}`,
      path,
    });
  }
  return moneyFromScaled(d, currency, 'halfEven');
}

/** Builds Money from an integer count of minor units (e.g. cents). */
export function fromMinor(amount: number | bigint, currency: string): Money {
  currencyExponent(currency);
  const n = typeof amount === 'bigint' ? Number(amount) : typeof amount === 'number' ? amount : NaN;
  if (!Number.isSafeInteger(n)) throw new ValidationError({ message: 'minor-unit amount must be a safe integer', path: 'amount' });
  return { amount: n, currency };
}

export interface FromWireOptions {
  /** Explicit rounding when the wire value has more decimals than the currency (default halfEven). */
  rounding?: Rounding;
  /** The value is already an integer count of minor units. */
  unit?: 'major' | 'minor';
  /** Decimal separator when the text is in a locale form; auto-detected when omitted. */
  decimalSeparator?: '.' | ',';
}

/**
 * Lenient door for marketplace payloads: decimal strings ("12.99"), floats (Shopee 12.99),
 * minor-unit integers, and locale strings ("35,65", "1.234,56", "1,234.56", "€ 12,99").
 * Parsed exactly, then rounded with an explicit mode. (currency.js parses through floats, so the
 * normalization is done here on the text.)
 */
export function fromWire(value: string | number, currency: string, opts: FromWireOptions = {}): Money {
  currencyExponent(currency);
  opts = checkWireOptions(opts);
  if (typeof value !== 'string' && typeof value !== 'number') {
    throw new ValidationError({ message: `amount must be a decimal string or a number, got ${describe(value)}`, path: 'amount' });
  }
  if (opts.unit === 'minor') {
    const units = typeof value === 'number' ? value : Number(normalizeLocale(value, opts.decimalSeparator));
    if (!Number.isSafeInteger(units)) throw new ValidationError({ message: `minor-unit amount "${String(value).slice(0, 40)}" is not an integer`, path: 'amount' });
    return { amount: units, currency };
  }
  const text = typeof value === 'number' ? value : normalizeLocale(value, opts.decimalSeparator);
  return moneyFromScaled(parseDecimal(text), currency, opts.rounding ?? 'halfEven');
}

/** "1.234,56" → "1234.56"; "35,65" → "35.65"; "1,234.56" → "1234.56"; strips symbols and spaces. */
function checkWireOptions(opts: unknown): FromWireOptions {
  if (opts === undefined) return {};
  if (typeof opts !== 'object' || opts === null) throw new ValidationError({ message: `options must be an object, got ${describe(opts)}`, path: 'options' });
  const o = opts as FromWireOptions;
  if (o.rounding !== undefined) checkRounding(o.rounding, 'options.rounding');
  if (o.unit !== undefined && o.unit !== 'major' && o.unit !== 'minor') throw new ValidationError({ message: 'options.unit must be "major" or "minor"', path: 'options.unit' });
  checkSeparator(o.decimalSeparator, 'options.decimalSeparator');
  return o;
}

function checkSeparator(sep: unknown, path: string): void {
  if (sep !== undefined && sep !== '.' && sep !== ',') throw new ValidationError({ message: `${path} must be "." or ","`, path });
}

export function normalizeLocale(raw: string, sep?: '.' | ','): string {
  if (typeof raw !== 'string') throw new ValidationError({ message: `amount must be a string, got ${describe(raw)}`, path: 'amount' });
  checkSeparator(sep, 'decimalSeparator');
  let s = raw.replace(/[\s\u00a0\u202f']/g, '').replace(/[^\d.,+-]/g, '');
  const neg = s.startsWith('-');
  s = s.replace(/^[+-]/, '');
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalSep: string | undefined = sep;
  if (!decimalSep) {
    if (lastDot >= 0 && lastComma >= 0) decimalSep = lastDot > lastComma ? '.' : ',';
    else if (lastComma >= 0) {
      // One comma followed by exactly three digits is a thousands group ("1,234"); otherwise decimal.
      const groups = s.split(',');
      decimalSep = groups.length === 2 && groups[1]!.length !== 3 ? ',' : '';
    } else if (lastDot >= 0) {
      decimalSep = s.split('.').length > 2 ? '' : '.';
    }
  }
  const thousands = decimalSep === ',' ? '.' : ',';
  let out = s.split(thousands).join('');
  if (decimalSep === ',') out = out.replace(',', '.');
  if (decimalSep === '') out = out.replace(/[.,]/g, '');
  return (neg ? '-' : '') + out;
}

/** "12.99" for EUR 1299; "1500" for JPY 1500; "1.250" for KWD 1250. */
export function toDecimal(m: Money): string {
  checkMoney(m);
  return formatDecimal(BigInt(m.amount), currencyExponent(m.currency));
}

/** Money → exact scaled decimal in major units. */
export function toScaled(m: Money): ScaledDecimal {
  checkMoney(m);
  return { units: BigInt(m.amount), scale: currencyExponent(m.currency) };
}

/** zod schema for a caller-supplied money value: a Money object, or { amount: "12.99", currency }. */
export const MoneyInputSchema = z.union([
  MoneySchema,
  z.object({ amount: z.string(), currency: CurrencyCodeSchema }).transform((v, ctx) => {
    try {
      return money(v.amount, v.currency);
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: (e as Error).message, path: ['amount'] });
      return z.NEVER;
    }
  }),
]);
