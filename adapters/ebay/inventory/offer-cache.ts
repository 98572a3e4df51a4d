import type { MarketplaceError } from '../../../src/errors/classes.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { EbayStore } from '../config.js';
import type { EbayContext } from '../context.js';
import { findOffer } from '../offers.js';
import type { Offer } from '../schemas/inventory.js';

/**
 * "This Offer is not available": eBay's answer for an offer id that no longer exists
 * (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1offer~1{offerId}/get/responses/400/x-response-codes/errors/25713,
 * the same code on put/delete/publish/withdraw). A cached offer id answered with it is dropped and looked up once again.
 */
export const OFFER_GONE = 25713;

/**
 * How long "this seller SKU has no offer on this site" is believed. getOffers takes one SKU per
 * call (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1offer/get, query `sku`), so re-asking on
 * every push would cost one call per SKU and unlisted site; an offer created later elsewhere shows
 * up at the latest after this long.
 */
export const ABSENT_TTL_MS = 10 * 60_000;

interface Entry {
  offer?: Offer;
  /** Absent entries only: when the lookup said "no offer". */
  at?: number;
}

/**
 * Offer per (seller SKU, site) for quantity pushes: bulkUpdatePriceQuantity needs only the offer id
 * of a published offer (specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/OfferPriceQuantity).
 * Only published offers are cached: an unpublished one takes updateOffer, which replaces the whole
 * offer (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1offer~1{offerId}/put), so it is read fresh.
 */
export class OfferCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly ctx: EbayContext) {}

  private key = (sku: string, store: EbayStore) => `${store.id}\u0000${sku}`;

  /** The offer of `sku` on `store`: cached, else one getOffers (`trustAbsent`: a recent "no offer" stands). */
  async find(sku: string, store: EbayStore, opts: CallOptions, trustAbsent = true): Promise<Offer | undefined> {
    const hit = this.entries.get(this.key(sku, store));
    if (hit?.offer) return hit.offer;
    if (hit && trustAbsent && this.ctx.clock.now() - hit.at! < ABSENT_TTL_MS) return undefined;
    const offer = await findOffer(this.ctx, sku, store, opts);
    if (!offer) this.entries.set(this.key(sku, store), { at: this.ctx.clock.now() });
    else if (offer.status === 'PUBLISHED') this.entries.set(this.key(sku, store), { offer });
    else this.entries.delete(this.key(sku, store));
    return offer;
  }

  /** Whether the offer came from the cache (a refusal of it may only mean the cache is stale). */
  cached(sku: string, store: EbayStore): boolean {
    return !!this.entries.get(this.key(sku, store))?.offer;
  }

  forget(sku: string, store: EbayStore): void {
    this.entries.delete(this.key(sku, store));
  }
}

const caches = new WeakMap<EbayContext, OfferCache>();

/** One cache per adapter instance (its context), shared by inventory.set and listings.update. */
export function offerCache(ctx: EbayContext): OfferCache {
  let c = caches.get(ctx);
  if (!c) caches.set(ctx, (c = new OfferCache(ctx)));
  return c;
}

/** The refusal says the offer id is gone (25713), not that the update itself was wrong. */
export function offerGone(e: Pick<MarketplaceError, 'errors'> | undefined): boolean {
  return !!e?.errors?.some((x) => String(x.code) === String(OFFER_GONE));
}
