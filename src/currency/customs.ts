import { z } from 'zod';
import { NotFoundError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { isKnownCurrency } from '../model/currencies.js';
import { CurrencyCodeSchema } from '../model/money.js';
import { ecbRates } from './providers/ecb.js';
import { addDays, frankfurtDate, isTargetDay, publicationInstant, weekday } from './providers/target-calendar.js';
import { IsoDateSchema, RateSchema, rateTable } from './rate-table.js';
import type { GetRatesOptions, RateProvider, RateTable } from './types.js';

/** A customs table also says the period it applies to. */
export interface CustomsRateTable extends RateTable {
  validFrom: string;
  validTo: string;
}

const GetOptionsSchema = z.object({ asOf: IsoDateSchema.optional(), signal: z.instanceof(AbortSignal).optional() });

const lastDayOfMonth = (month: string) => addDays(`${nextMonth(month)}-01`, -1);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** The penultimate Wednesday of a month 'YYYY-MM'. */
export function penultimateWednesday(month: string): string {
  let d = lastDayOfMonth(month);
  while (weekday(d) !== 3) d = addDays(d, -1);
  return addDays(d, -7);
}

/** The ECB publication date whose rate the EU customs use during the month of `date`. */
export function euCustomsRateDate(date: string): string {
  return penultimateWednesday(previousMonth(date.slice(0, 7)));
}

/** Options of the EU customs rate provider: the ECB source it reads and the clock that picks the month. */
export interface EuCustomsRatesOptions {
  /** Provider of ECB reference rates by date (default: ecbRates() with the same clock). */
  ecb?: RateProvider;
  /** Time source that decides the current month (default Date.now). */
  clock?: {
    /** Milliseconds since the epoch. */
    now(): number;
  };
}

/**
 * EU customs exchange rates for euro-area declarations (UCC-IA Art. 146 of Reg. 2015/2447): the
 * ECB rate published on the penultimate Wednesday of a month applies for the whole following month;
 * when none was published that day, the last rate published before it applies. Non-euro member
 * states use their national authority's rate: give those to nationalCustomsRates().
 */
export function euCustomsRates(options: EuCustomsRatesOptions = {}): RateProvider {
  const now = () => (options.clock ? options.clock.now() : Date.now());
  const ecb = options.ecb ?? ecbRates(options.clock ? { clock: options.clock } : {});

  async function getRates(opts: GetRatesOptions = {}): Promise<CustomsRateTable> {
    const { asOf, signal } = parseInput(GetOptionsSchema, opts, 'options');
    const t = now();
    const date = asOf ?? frankfurtDate(t);
    const wednesday = euCustomsRateDate(date);
    const month = date.slice(0, 7);
    const unpublished = wednesday > frankfurtDate(t) || (isTargetDay(wednesday) && t < publicationInstant(wednesday));
    if (unpublished) {
      throw new NotFoundError({ marketplace: 'ecb', message: `The EU customs rate for ${month} is published on ${wednesday} (ECB, ~16:00 CET); not available yet` });
    }
    const table = await ecb.getRates({ asOf: wednesday, signal });
    const customs = rateTable({ base: table.base, asOf: table.asOf, source: 'eu-customs', rates: table.rates });
    return Object.freeze({ ...customs, validFrom: `${month}-01`, validTo: lastDayOfMonth(month) });
  }

  return { name: 'eu-customs', getRates };
}

const NationalSchema = z.object({
  name: z.string().min(1).optional(),
  source: z.string().min(1),
  base: CurrencyCodeSchema,
  periods: z
    .array(
      z.object({
        from: IsoDateSchema,
        to: IsoDateSchema.optional(),
        asOf: IsoDateSchema.optional(),
        rates: z.record(z.string(), RateSchema),
      }),
    )
    .min(1),
});

/** A national customs administration's published rates (per period), as data for the national customs provider. */
export type NationalCustomsRatesData = z.input<typeof NationalSchema>;

/**
 * Published national customs rates given as data, e.g. US CBP certified rates (quarterly, with a
 * daily certified rate overriding it when it moves ≥ 5 %): rates are "1 base = rate × code" (invert
 * quotes given as base per unit). For a date, every covering period applies and the one with the
 * latest `from` wins per currency, so a one-day override beats the quarterly table.
 */
export function nationalCustomsRates(data: NationalCustomsRatesData, clock?: { now(): number }): RateProvider {
  const d = parseInput(NationalSchema, data, 'data');
  // Validate every period up front so bad data fails at construction.
  d.periods.forEach((p, i) => parseInput(RateTableSchemaFor(d.base), { rates: p.rates }, `data.periods[${i}]`));
  const periods = d.periods
    .map((p, i) => ({ ...p, i }))
    .sort((a, b) => (a.from < b.from ? 1 : a.from > b.from ? -1 : b.i - a.i));
  const memo = new Map<string, CustomsRateTable>();

  async function getRates(opts: GetRatesOptions = {}): Promise<CustomsRateTable> {
    const { asOf } = parseInput(GetOptionsSchema, opts, 'options');
    const date = asOf ?? new Date(clock ? clock.now() : Date.now()).toISOString().slice(0, 10);
    const covering = periods.filter((p) => p.from <= date && (p.to === undefined || date <= p.to));
    const top = covering[0];
    if (!top) throw new NotFoundError({ message: `${d.source}: no customs rates cover ${date}` });
    const key = covering.map((p) => p.i).join(',');
    let t = memo.get(key);
    if (!t) {
      const rates = Object.assign({}, ...[...covering].reverse().map((p) => p.rates)) as Record<string, string>;
      const validTo = covering.reduce((min, p) => (p.to !== undefined && p.to < min ? p.to : min), '9999-12-31');
      const table = rateTable({ base: d.base, asOf: top.asOf ?? top.from, source: d.source, rates });
      t = Object.freeze({ ...table, validFrom: top.from, validTo });
      memo.set(key, t);
    }
    return t;
  }

  return { name: d.name ?? d.source, getRates };
}

/** Checks one period's rates against a base (positive decimals, known codes). */
function RateTableSchemaFor(base: string) {
  return z.object({ rates: z.record(z.string(), RateSchema) }).superRefine((v, ctx) => {
    for (const code of Object.keys(v.rates)) {
      if (!isKnownCurrency(code)) ctx.addIssue({ code: 'custom', path: ['rates', code], message: `unknown currency code "${code}"` });
      else if (code === base) ctx.addIssue({ code: 'custom', path: ['rates', code], message: 'the base currency needs no rate' });
    }
  });
}
