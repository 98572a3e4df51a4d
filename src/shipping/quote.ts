import { AbortedError, ValidationError } from '../errors/classes.js';
import { parseInput } from '../errors/from-response.js';
import { RateTableSchema } from '../currency/rate-table.js';
import type { RateTable } from '../currency/types.js';
import { CurrencyCodeSchema, RoundingSchema, type Rounding } from '../model/money.js';
import { isShippingConnector, type ShippingConnector } from './connector.js';
import { FanOut } from './fan-out.js';
import { prepareShipment, type ShipmentRequest } from './request.js';
import { collect } from './results.js';
import type { QuoteResult } from './types.js';

export interface QuoteShippingOptions {
  carriers: readonly ShippingConnector[];
  /** Per-carrier time limit (all carriers start together). Default 10 000 ms. */
  timeoutMs?: number;
  /** Aborting rejects the whole call with AbortedError and cancels every carrier request. */
  signal?: AbortSignal;
  /** Converts every quote to `currency` (default: the table's base) and sorts on the converted totals. */
  rates?: RateTable;
  currency?: string;
  /** Rounding of converted amounts (default halfEven). */
  rounding?: Rounding;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Quotes a shipment with every carrier in parallel. One failing or slow carrier never fails the
 * call: it shows up in `errors`; services that cannot carry the parcel show up in `unavailable`.
 * Quotes are de-duplicated by (carrier, service), keeping the cheaper, and sorted by total.
 * Bad input throws ValidationError naming the field, before any carrier is called.
 */
export async function quoteShipping(request: ShipmentRequest, options: QuoteShippingOptions): Promise<QuoteResult> {
  const opts = checkOptions(options);
  const { signal, rates } = opts;
  if (signal?.aborted) throw new AbortedError({ operation: 'quoteShipping', cause: signal.reason });
  const shipment = prepareShipment(request);
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const run = new FanOut();
  run.start(opts.carriers, shipment);
  await run.wait(timeoutMs, signal);
  return collect(run.outcomes, rates ? { table: rates, to: opts.currency ?? rates.base, rounding: opts.rounding } : undefined, timeoutMs);
}

const checkedTables = new WeakSet<RateTable>();

/** Hand-written (not zod): it runs on every quote and the benchmark counts it. Names the field. */
function checkOptions(options: QuoteShippingOptions): QuoteShippingOptions {
  const bad = (path: string, message: string) => new ValidationError({ message: `Invalid options.${path}: ${message}`, path: `options.${path}` });
  if (typeof options !== 'object' || options === null) throw new ValidationError({ message: 'options are required', path: 'options' });
  const { carriers, timeoutMs, signal, rates, currency, rounding } = options;
  if (!Array.isArray(carriers) || carriers.length === 0) throw bad('carriers', 'give at least one carrier');
  for (let i = 0; i < carriers.length; i++) {
    if (!isShippingConnector(carriers[i])) throw bad(`carriers[${i}]`, 'expected a shipping connector (rateCard(), dhlExpress()...)');
  }
  if (timeoutMs !== undefined && !(Number.isInteger(timeoutMs) && timeoutMs > 0 && timeoutMs <= 600_000)) {
    throw bad('timeoutMs', 'expected an integer number of milliseconds, 1 to 600000');
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) throw bad('signal', 'expected an AbortSignal');
  if (rates !== undefined && !checkedTables.has(rates)) {
    parseInput(RateTableSchema, rates, 'options.rates');
    checkedTables.add(rates);
  }
  if (currency !== undefined) parseInput(CurrencyCodeSchema, currency, 'options.currency');
  if (rounding !== undefined) parseInput(RoundingSchema, rounding, 'options.rounding');
  return options;
}
