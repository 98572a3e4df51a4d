import { AbortedError, NetworkError, NotFoundError, ValidationError } from '../../errors/classes.js';
import { isXborderError } from '../../errors/xborder-error.js';
import { parseDecimal } from '../../model/decimal.js';
import { checkMoney, type Money } from '../../model/money.js';
import { currencyExponent } from '../../model/currencies.js';
import { convert, crossRatio, ratioToDecimal } from '../convert.js';
import { hasRate, rateTable } from '../rate-table.js';
import type { Conversion, ConvertOptions, GetRatesOptions, RateProvider, RateTable } from '../types.js';

/** Significant digits kept when a fallback table with another base is re-expressed in the primary base. */
const REBASE_DIGITS = 15;

/** `getRates` options of a chained provider: also the currencies needed, to stop at the first provider covering them. */
export interface ChainedGetRatesOptions extends GetRatesOptions {
  /** Stop asking further providers once these currencies are covered (lazy fallback). */
  currencies?: readonly string[];
}

/** A merged table also says which provider (and publication date) each currency came from. */
export interface MergedRateTable extends RateTable {
  origins: Readonly<Record<string, { source: string; asOf: string }>>;
}

export interface ChainedProvider extends RateProvider {
  readonly providers: readonly RateProvider[];
  /** One table merged from the providers in order; each currency's origin is recorded. */
  getRates(opts?: ChainedGetRatesOptions): Promise<MergedRateTable>;
  /** Converts with the first provider whose own table has both currencies (its exact rates, its asOf). */
  convert(money: Money, to: string, opts?: ConvertOptions & GetRatesOptions): Promise<Conversion>;
}

interface Failure {
  provider: string;
  reason: string;
  error?: unknown;
}

/**
 * Fallback chain: the first provider that has a currency wins. `getRates` merges the tables into
 * the first answering provider's base (later tables re-expressed through a shared currency);
 * `convert` picks one provider per pair so the rate, asOf and source stay that provider's own.
 * Input and abort errors stop the chain; any other provider failure moves on to the next one.
 */
export function chainRates(...providers: RateProvider[]): ChainedProvider {
  if (providers.length === 0) throw new ValidationError({ message: 'chainRates needs at least one provider', path: 'providers' });
  providers.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || typeof p.name !== 'string' || typeof p.getRates !== 'function') {
      throw new ValidationError({ message: 'expected a RateProvider { name, getRates() }', path: `providers[${i}]` });
    }
  });
  const name = `chain(${providers.map((p) => p.name).join(',')})`;
  let memo: { tables: RateTable[]; merged: MergedRateTable } | undefined;

  async function ask(p: RateProvider, opts: GetRatesOptions, failures: Failure[]): Promise<RateTable | undefined> {
    try {
      return await p.getRates({ asOf: opts.asOf, signal: opts.signal });
    } catch (err) {
      if (err instanceof ValidationError || err instanceof AbortedError) throw err;
      failures.push({ provider: p.name, reason: isXborderError(err) ? `${err.code}: ${err.message}` : String(err), error: err });
      return undefined;
    }
  }

  async function getRates(opts: ChainedGetRatesOptions = {}): Promise<MergedRateTable> {
    checkOptions(opts);
    const failures: Failure[] = [];
    const tables: RateTable[] = [];
    for (const p of providers) {
      const t = await ask(p, opts, failures);
      if (t) tables.push(t);
      if (opts.currencies && tables.length > 0 && opts.currencies.every((c) => tables.some((x) => hasRate(x, c)))) break;
    }
    if (tables.length === 0) throw chainError('No rate provider answered', failures);
    const merged = memo && sameTables(memo.tables, tables) ? memo.merged : merge(tables);
    memo = { tables, merged };
    const missing = (opts.currencies ?? []).filter((c) => !hasRate(merged, c));
    if (missing.length > 0) {
      throw chainError(`No rate for ${missing.join(', ')}`, [...failures, ...tables.map((t) => ({ provider: t.source, reason: `no ${missing.filter((c) => !hasRate(t, c)).join(', ')}` }))]);
    }
    return merged;
  }

  async function convertWith(money: Money, to: string, opts: ConvertOptions & GetRatesOptions = {}): Promise<Conversion> {
    checkOptions(opts);
    checkMoney(money, 'money');
    currencyExponent(to, 'to');
    const failures: Failure[] = [];
    for (const p of providers) {
      const t = await ask(p, opts, failures);
      if (!t) continue;
      const missing = [money.currency, to].filter((c) => !hasRate(t, c));
      if (missing.length === 0) return convert(money, to, t, { rounding: opts.rounding });
      failures.push({ provider: p.name, reason: `no ${missing.join(', ')}` });
    }
    throw chainError(`No provider has a ${money.currency}→${to} rate`, failures);
  }

  return { name, providers, getRates, convert: convertWith };
}

function sameTables(a: RateTable[], b: RateTable[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function merge(tables: RateTable[]): MergedRateTable {
  const primary = tables[0]!;
  const rates: Record<string, string> = { ...primary.rates };
  const origins: Record<string, { source: string; asOf: string }> = {};
  for (const code of [primary.base, ...Object.keys(primary.rates)]) origins[code] = { source: primary.source, asOf: primary.asOf };
  for (const t of tables.slice(1)) {
    for (const code of [t.base, ...Object.keys(t.rates)]) {
      if (origins[code]) continue;
      const rate = rebased(primary.base, rates, t, code);
      if (rate === undefined) continue;
      rates[code] = rate;
      origins[code] = { source: t.source, asOf: t.asOf };
    }
  }
  const sources = [...new Set(Object.values(origins).map((o) => o.source))];
  const table = rateTable({ base: primary.base, asOf: primary.asOf, source: sources.join('+'), rates });
  return Object.freeze({ ...table, origins: Object.freeze(origins) });
}

/** `code` per 1 primary base, from table t: directly when t knows the primary base, else via t's base. */
function rebased(base: string, rates: Record<string, string>, t: RateTable, code: string): string | undefined {
  if (t.base === base) return t.rates[code];
  if (hasRate(t, base)) {
    const r = crossRatio(t, base, code);
    return ratioToDecimal(r.num, r.den, REBASE_DIGITS);
  }
  const link = rates[t.base];
  if (link === undefined) return undefined;
  // 1 base = link × t.base and 1 t.base = rate × code: an exact product of two decimals.
  const a = parseDecimal(link);
  const b = t.base === code ? { units: 1n, scale: 0 } : parseDecimal(t.rates[code]!);
  return ratioToDecimal(a.units * b.units, 10n ** BigInt(a.scale + b.scale), REBASE_DIGITS);
}

function chainError(prefix: string, failures: Failure[]): Error {
  const tried = failures.map((f) => `${f.provider} (${f.reason})`).join('; ');
  const message = `${prefix}; providers tried: ${tried || 'none'}`;
  const transient = failures.find((f) => isXborderError(f.error) && f.error.retryable);
  if (transient) return new NetworkError({ message, cause: transient.error, retryable: true });
  return new NotFoundError({ message, cause: failures.find((f) => f.error)?.error });
}

/** getRates/convert options: an object whose asOf is a string and currencies an array of strings. */
function checkOptions(opts: unknown): void {
  if (typeof opts !== 'object' || opts === null) throw new ValidationError({ message: 'options must be an object', path: 'options' });
  const o = opts as ChainedGetRatesOptions;
  if (o.asOf !== undefined && typeof o.asOf !== 'string') throw new ValidationError({ message: 'options.asOf must be a date YYYY-MM-DD', path: 'options.asOf' });
  if (o.currencies !== undefined && (!Array.isArray(o.currencies) || o.currencies.some((c) => typeof c !== 'string'))) {
    throw new ValidationError({ message: 'options.currencies must be an array of ISO codes', path: 'options.currencies' });
  }
  if (o.signal !== undefined && !(o.signal instanceof AbortSignal)) throw new ValidationError({ message: 'options.signal must be an AbortSignal', path: 'options.signal' });
}
