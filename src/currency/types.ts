import type { Money, Rounding } from '../model/money.js';

/**
 * Exchange rates against one base: 1 `base` = `rates[code]` × `code`. Rates are decimal strings,
 * never floats. `asOf` is the publication date (YYYY-MM-DD) the rates are valid for.
 */
export interface RateTable {
  base: string;
  asOf: string;
  source: string;
  rates: Readonly<Record<string, string>>;
}

/** Which rates to fetch: valid on `asOf` (latest when omitted), cancellable with `signal`. */
export interface GetRatesOptions {
  /** Date (YYYY-MM-DD) the rates must be valid for; latest when omitted. */
  asOf?: string;
  signal?: AbortSignal;
}

/** Anything that can produce a RateTable (ECB, static table, chained fallbacks, customs rates). */
export interface RateProvider {
  readonly name: string;
  /** The table valid on `opts.asOf` (or the latest one). */
  getRates(opts?: GetRatesOptions): Promise<RateTable>;
}

/** How a conversion rounds to the target currency's minor unit (explicit, never dinero's floor default). */
export interface ConvertOptions {
  rounding?: Rounding;
}

/** A converted amount with the exact rate used and where and when that rate was published. */
export interface Conversion {
  money: Money;
  /** Exact rate applied (1 from-currency = rate × to-currency), decimal string. */
  rate: string;
  asOf: string;
  source: string;
}
