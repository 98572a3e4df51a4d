/**
 * Per-store prices for the bulk engine: every catalog price goes through the currency helper's
 * `priceForMarket` (exact ratios, margin, market endings, marketplace exponents), never floats.
 */
import { priceForMarket } from '../currency/price-for-market.js';
import type { Ending } from '../currency/endings.js';
import type { RateTable } from '../currency/types.js';
import { ValidationError } from '../errors/classes.js';
import type { Listing } from '../model/listing.js';
import type { Money } from '../model/money.js';
import type { Store } from '../model/store.js';

export interface PricingOptions {
  /** Currency of catalog prices without their own (CSV rows without a `currency` cell). */
  base: string;
  /** Rates used for every store (e.g. from `ecbRates().getRates()` or `rateTable({...})`). */
  rates: RateTable;
  /** Margin kept on the net selling price, e.g. '0.25'. Catalog prices are then the seller's cost. */
  margin?: string;
  /** Percentage fees on the displayed price (referral, payment), e.g. '0.15' or ['0.12', '0.03']. */
  fees?: string | readonly string[];
  /** FX safety buffer on top of the mid rate, e.g. '0.02'. */
  fxBuffer?: string;
  /** Market price endings (x.99, JPY tens...); default 'auto'. */
  ending?: Ending;
  /** VAT rate per store country, applied where the store shows tax-inclusive prices: { DE: '0.19' }. */
  vatRates?: Readonly<Record<string, string>>;
}

/** What a store will be sent: the catalog listing with every price in the store's currency. */
export function priceListing(listing: Listing, store: Store, marketplace: string, pricing: PricingOptions | undefined): Listing {
  checkPricingArgs(listing, store, pricing);
  const price = (m: Money, keepMargin: boolean): Money => {
    if (!pricing) {
      if (m.currency === store.currency) return m;
      throw new ValidationError({ message: `${listing.sku}: ${m.currency} price on a ${store.currency} store needs pricing options (rates)`, path: 'pricing' });
    }
    const vatRate = store.taxInclusivePricing && pricing.vatRates && Object.hasOwn(pricing.vatRates, store.country) ? pricing.vatRates[store.country] : undefined;
    // The RRP is already a retail price: convert and end it, but add no margin or fees.
    return priceForMarket(m, {
      to: store.currency,
      rates: pricing.rates,
      ending: pricing.ending ?? 'auto',
      marketplace,
      ...(keepMargin ? { margin: pricing.margin, fees: pricing.fees } : {}),
      ...(pricing.fxBuffer ? { fxBuffer: pricing.fxBuffer } : {}),
      ...(vatRate ? { taxInclusive: true, vatRate } : {}),
    }).price;
  };
  return {
    ...listing,
    price: price(listing.price, true),
    ...(listing.listPrice ? { listPrice: price(listing.listPrice, false) } : {}),
    variants: listing.variants.map((v) => (v.price ? { ...v, price: price(v.price, true) } : v)),
  };
}

/** Cheap shape guards (the bulk engine passes validated listings; direct callers may not). */
function checkPricingArgs(listing: unknown, store: unknown, pricing: unknown): void {
  const l = listing as Partial<Listing> | null;
  if (typeof l !== 'object' || l === null || typeof l.price !== 'object' || l.price === null || !Array.isArray(l.variants)) {
    throw new ValidationError({ message: 'listing must be a validated Listing (price, variants)', path: 'listing' });
  }
  const s = store as Partial<Store> | null;
  if (typeof s !== 'object' || s === null || typeof s.currency !== 'string' || typeof s.country !== 'string') {
    throw new ValidationError({ message: 'store must be a Store (currency, country)', path: 'store' });
  }
  if (pricing !== undefined && (typeof pricing !== 'object' || pricing === null)) throw new ValidationError({ message: 'pricing must be an object', path: 'pricing' });
}
