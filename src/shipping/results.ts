import { MarketplaceError, TimeoutError } from '../errors/classes.js';
import { isXborderError, type XborderError } from '../errors/xborder-error.js';
import { convertQuote, type QuoteConversion } from './convert-quote.js';
import type { Outcome } from './fan-out.js';
import type { CarrierError, QuoteResult, ShippingQuote, UnavailableService } from './types.js';

/** Outcomes → result: per-carrier errors, unavailable services, converted, de-duplicated, sorted quotes. */
export function collect(outcomes: readonly Outcome[], conversion: QuoteConversion | undefined, timeoutMs: number): QuoteResult {
  const errors: CarrierError[] = [];
  const unavailable: UnavailableService[] = [];
  const quotes: ShippingQuote[] = [];
  for (const o of outcomes) {
    if (o.error !== undefined || !o.value) {
      errors.push({ carrier: o.carrier, error: carrierError(o.carrier, o.error, timeoutMs) });
      continue;
    }
    if (o.value.unavailable?.length) unavailable.push(...o.value.unavailable);
    for (const q of o.value.quotes) {
      let quote = q;
      if (conversion) {
        try {
          quote = convertQuote(q, conversion);
        } catch (e) {
          errors.push({ carrier: o.carrier, error: carrierError(o.carrier, e, timeoutMs) });
        }
      }
      keepCheaper(quotes, quote);
    }
  }
  return { quotes: quotes.sort(compareQuotes), errors, unavailable };
}

/** One quote per (carrier, service): a linear scan beats a Map for the handful a request yields. */
function keepCheaper(quotes: ShippingQuote[], q: ShippingQuote): void {
  for (let i = 0; i < quotes.length; i++) {
    const seen = quotes[i]!;
    if (seen.carrier === q.carrier && seen.service === q.service) {
      if (compareQuotes(q, seen) < 0) quotes[i] = q;
      return;
    }
  }
  quotes.push(q);
}

/** By total; quotes in different currencies (no RateTable) group by currency code. */
function compareQuotes(a: ShippingQuote, b: ShippingQuote): number {
  if (a.total.currency !== b.total.currency) return a.total.currency < b.total.currency ? -1 : 1;
  return a.total.amount - b.total.amount;
}

function carrierError(carrier: string, e: unknown, timeoutMs: number): XborderError {
  if (e instanceof TimeoutError && e.marketplace === undefined) {
    return new TimeoutError({ marketplace: carrier, operation: 'quote', message: `${carrier} gave no quote within ${timeoutMs} ms` });
  }
  if (isXborderError(e)) {
    e.marketplace ??= carrier;
    return e;
  }
  if (e === undefined) return new MarketplaceError({ marketplace: carrier, operation: 'quote', message: `${carrier} returned no result` });
  // A bug or an unexpected throw inside a connector: typed and redacted, never a raw error.
  const message = e instanceof Error ? e.message : String(e);
  return new MarketplaceError({ marketplace: carrier, operation: 'quote', message: `${carrier} connector failed: ${message}`, cause: e });
}
