import { z } from 'zod';
import { AbortedError, NotFoundError, ResponseShapeError } from '../../errors/classes.js';
import { parseInput } from '../../errors/from-response.js';
import { IsoDateSchema, rateTable } from '../rate-table.js';
import type { GetRatesOptions, RateProvider, RateTable } from '../types.js';
import { fetchText } from './ecb-fetch.js';
import { dayOnOrBefore, parseEcbXml, type EcbDay } from './ecb-parse.js';
import { daysBetween, frankfurtDate, latestPublicationDate, nextPublicationAfter } from './target-calendar.js';

/** Where the ECB publishes its euro foreign exchange reference rates (eurofxref-*.xml). */
export const ECB_ENDPOINT = 'https://www.ecb.europa.eu/stats/eurofxref';
export type EcbFeed = 'daily' | 'hist-90d' | 'hist';
const FILES: Record<EcbFeed, string> = {
  daily: 'eurofxref-daily.xml',
  'hist-90d': 'eurofxref-hist-90d.xml',
  hist: 'eurofxref-hist.xml',
};
/** A feed fetched after 16:00 that still shows the previous day is re-checked this soon (ECB is sometimes late). */
const STALE_RETRY_MS = 10 * 60_000;

/** Options of `ecbRates()`: endpoint override, cache bound, clock and request timeout. */
export interface EcbRatesOptions {
  /** Base URL holding the three eurofxref-*.xml files (tests, proxies, the sandbox). */
  endpoint?: string;
  /** Upper bound on the cache age; by default a feed is kept until the next publication (~16:00 CET, TARGET days). */
  cacheTtlMs?: number;
  /** Time source (defaults to Date.now, which vitest fake timers drive). */
  clock?: {
    /** Milliseconds since the epoch. */
    now(): number;
  };
  /** Per-request timeout of the feed download. */
  timeoutMs?: number;
}

const OptionsSchema = z.object({
  endpoint: z.url().optional(),
  cacheTtlMs: z.number().int().min(0).optional(),
  clock: z.custom<{ now(): number }>((v) => typeof (v as { now?: unknown })?.now === 'function', 'expected { now(): number }').optional(),
  timeoutMs: z.number().int().positive().optional(),
});
const GetOptionsSchema = z.object({ asOf: IsoDateSchema.optional(), signal: z.instanceof(AbortSignal).optional() });

export interface EcbProvider extends RateProvider {
  /** Drops cached feeds (next call fetches again). */
  clearCache(): void;
}

interface Entry {
  days: EcbDay[];
  expiresAt: number;
  tables: Map<string, RateTable>;
}
interface Flight {
  promise: Promise<Entry>;
  controller: AbortController;
  waiters: number;
}

/**
 * ECB euro reference rates (base EUR). Latest → daily feed; asOf within 90 days → 90-day history;
 * older → full history. A weekend/holiday asOf resolves to the last published day (table.asOf
 * says which). Feeds are cached until the next publication and fetched once for concurrent callers.
 */
export function ecbRates(options: EcbRatesOptions = {}): EcbProvider {
  const o = parseInput(OptionsSchema, options, 'options');
  const endpoint = (o.endpoint ?? ECB_ENDPOINT).replace(/\/+$/, '');
  const now = () => (o.clock ? o.clock.now() : Date.now());
  const cache = new Map<EcbFeed, Entry>();
  const flights = new Map<EcbFeed, Flight>();

  async function load(kind: EcbFeed, signal: AbortSignal): Promise<Entry> {
    const xml = await fetchText(`${endpoint}/${FILES[kind]}`, { signal, timeoutMs: o.timeoutMs, operation: `get ${FILES[kind]}` });
    const days = parseEcbXml(xml, FILES[kind]);
    if (days.length === 0) {
      throw new ResponseShapeError({ marketplace: 'ecb', message: `${FILES[kind]} holds no rates`, issues: [{ path: 'Envelope.Cube', message: 'empty' }] });
    }
    const t = now();
    let expiresAt = nextPublicationAfter(t);
    if (days[0]!.date < latestPublicationDate(t)) expiresAt = Math.min(expiresAt, t + STALE_RETRY_MS);
    if (o.cacheTtlMs !== undefined) expiresAt = Math.min(expiresAt, t + o.cacheTtlMs);
    const entry: Entry = { days, expiresAt, tables: new Map() };
    cache.set(kind, entry);
    return entry;
  }

  function fresh(kind: EcbFeed): Entry | undefined {
    const hit = cache.get(kind);
    return hit && now() < hit.expiresAt ? hit : undefined;
  }

  /** Concurrent callers share one fetch; it is aborted only when every waiting caller has aborted. */
  function feed(kind: EcbFeed, signal?: AbortSignal): Promise<Entry> {
    const hit = fresh(kind);
    if (hit) return Promise.resolve(hit);
    if (signal?.aborted) return Promise.reject(new AbortedError({ marketplace: 'ecb', cause: signal.reason }));
    let flight = flights.get(kind);
    if (!flight) {
      const controller = new AbortController();
      const promise = load(kind, controller.signal).finally(() => flights.delete(kind));
      promise.catch(() => undefined); // observed by the waiters below
      flight = { promise, controller, waiters: 0 };
      flights.set(kind, flight);
    }
    const f = flight;
    f.waiters++;
    return new Promise<Entry>((resolve, reject) => {
      const onAbort = () => {
        f.waiters--;
        if (f.waiters === 0) f.controller.abort(signal?.reason);
        reject(new AbortedError({ marketplace: 'ecb', cause: signal?.reason }));
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      f.promise.then(
        (v) => {
          signal?.removeEventListener('abort', onAbort);
          f.waiters--;
          resolve(v);
        },
        (e: unknown) => {
          signal?.removeEventListener('abort', onAbort);
          f.waiters--;
          reject(e);
        },
      );
    });
  }

  function toTable(entry: Entry, day: EcbDay): RateTable {
    let t = entry.tables.get(day.date);
    if (!t) {
      t = rateTable({ base: 'EUR', asOf: day.date, source: 'ecb', rates: day.rates });
      entry.tables.set(day.date, t);
    }
    return t;
  }

  async function getRates(opts: GetRatesOptions = {}): Promise<RateTable> {
    const { asOf, signal } = parseInput(GetOptionsSchema, opts, 'options');
    if (asOf === undefined) {
      const entry = await feed('daily', signal);
      return toTable(entry, entry.days[0]!);
    }
    const today = frankfurtDate(now());
    const cachedDaily = fresh('daily');
    if (asOf >= today || (cachedDaily && cachedDaily.days[0]!.date <= asOf)) {
      const entry = await feed('daily', signal);
      const day = dayOnOrBefore(entry.days, asOf);
      if (day) return toTable(entry, day);
    }
    let kind: EcbFeed = daysBetween(asOf, today) <= 90 ? 'hist-90d' : 'hist';
    let entry = await feed(kind, signal);
    let day = dayOnOrBefore(entry.days, asOf);
    // Near the 90-day edge the last published day before a weekend/holiday may be older than the file.
    if (!day && kind === 'hist-90d') {
      kind = 'hist';
      entry = await feed(kind, signal);
      day = dayOnOrBefore(entry.days, asOf);
    }
    if (!day) throw new NotFoundError({ marketplace: 'ecb', message: `ECB has no reference rates on or before ${asOf} (the series starts 1999-01-04)` });
    return toTable(entry, day);
  }

  return { name: 'ecb', getRates, clearCache: () => cache.clear() };
}
