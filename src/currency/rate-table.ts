import { z } from 'zod';
import { ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { isKnownCurrency } from '../model/currencies.js';
import { CurrencyCodeSchema } from '../model/money.js';
import { parseDecimal, type ScaledDecimal } from '../model/decimal.js';
import type { RateTable } from './types.js';

/** A rate is a positive plain decimal string ("1.0512"): never a float, zero, negative or "1e3". */
export const RateSchema = z
  .string()
  .regex(/^\d+(?:\.\d+)?$/, 'expected a positive decimal string like "1.0512"')
  .refine((s) => /[1-9]/.test(s), 'rate must be greater than zero');

export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a calendar date');

/** Schema of a rate table: base currency, date, source and decimal-string rates per known currency. */
export const RateTableSchema = z
  .object({
    base: CurrencyCodeSchema,
    asOf: IsoDateSchema,
    source: z.string().min(1),
    rates: z.record(z.string(), RateSchema),
  })
  .superRefine((t, ctx) => {
    for (const [code, rate] of Object.entries(t.rates)) {
      if (!isKnownCurrency(code)) ctx.addIssue({ code: 'custom', path: ['rates', code], message: `unknown currency code "${code}"` });
      // The base is implicit (1 base = 1 base); an explicit different value would contradict it.
      else if (code === t.base && parseDecimal(rate).units !== 10n ** BigInt(parseDecimal(rate).scale)) {
        ctx.addIssue({ code: 'custom', path: ['rates', code], message: 'the base currency rate must be 1' });
      }
    }
  });

/** A rate table as callers write it (checked by RateTableSchema). */
export type RateTableInput = z.input<typeof RateTableSchema>;

/** Validated, frozen RateTable. Zero/negative/non-numeric rates and unknown codes → ValidationError. */
export function rateTable(input: RateTableInput): RateTable {
  const t = parseInput(RateTableSchema, input, '');
  return Object.freeze({ base: t.base, asOf: t.asOf, source: t.source, rates: Object.freeze({ ...t.rates }) });
}

const ONE: ScaledDecimal = { units: 1n, scale: 0 };
// Parsed rates per table: convert() is hot, tables are immutable, parse each rate once.
const parsed = new WeakMap<RateTable, Map<string, ScaledDecimal>>();

/** The exact rate of `code` in `table` (1 base = rate × code); the base itself is 1. */
export function tableRate(table: RateTable, code: string, path = 'to'): ScaledDecimal {
  checkTable(table);
  if (code === table.base) return ONE;
  let cache = parsed.get(table);
  if (!cache) {
    cache = new Map();
    parsed.set(table, cache);
  }
  let r = cache.get(code);
  if (r) return r;
  if (!isKnownCurrency(code)) throw new ValidationError({ message: `Unknown currency code ${typeof code === 'string' ? `"${code.slice(0, 12)}"` : typeof code} (ISO 4217 expected)`, path });
  const text = Object.hasOwn(table.rates, code) ? table.rates[code] : undefined;
  if (typeof text !== 'string') {
    // Caller input (the table given for this conversion) lacks the pair: a ValidationError naming it.
    throw new ValidationError({ message: `No ${code} rate in the ${table.source} table of ${table.asOf} (base ${table.base})`, path: `table.rates.${code}` });
  }
  r = parseDecimal(text, `table.rates.${code}`);
  if (r.units <= 0n) throw new ValidationError({ message: `Invalid table.rates.${code}: rate must be greater than zero`, path: `table.rates.${code}` });
  cache.set(code, r);
  return r;
}

/** Structural guard for a table handed to convert()/crossRate() (rateTable() output or alike). */
export function checkTable(table: unknown, path = 'table'): RateTable {
  const t = table as Partial<RateTable> | null;
  if (typeof t !== 'object' || t === null) throw new ValidationError({ message: `${path} must be a RateTable (see rateTable())`, path });
  if (!isKnownCurrency(t.base)) throw new ValidationError({ message: `${path}.base must be an ISO 4217 code`, path: `${path}.base` });
  if (typeof t.asOf !== 'string') throw new ValidationError({ message: `${path}.asOf must be a date string`, path: `${path}.asOf` });
  if (typeof t.source !== 'string') throw new ValidationError({ message: `${path}.source must be a string`, path: `${path}.source` });
  if (typeof t.rates !== 'object' || t.rates === null) throw new ValidationError({ message: `${path}.rates must be an object of decimal strings`, path: `${path}.rates` });
  return t as RateTable;
}

/** True when the table can price `code` (the base always can). */
export function hasRate(table: RateTable, code: string): boolean {
  checkTable(table);
  return code === table.base || (isKnownCurrency(code) && typeof table.rates[code] === 'string' && Object.hasOwn(table.rates, code));
}
