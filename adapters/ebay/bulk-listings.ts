import { isXborderError, type XborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Listing, ListingIssue, ListingResult } from '../../src/model/listing.js';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { inventoryItemOf, issuesOf, offerOf } from './mappers/listing.js';
import { mergeInventoryItem, mergeOffer } from './mappers/merge.js';
import { inventoryMarketplaceId } from './marketplaces.js';
import { findOffer, keyedFor, rejectedIssues } from './offers.js';
import { ops } from './operations.js';
import type { ErrorDetail } from './schemas/common.js';
import type { Offer, WireOfferDetails } from './schemas/inventory.js';

/** At most 25 requests per bulk listing call (BulkInventoryItem, BulkEbayOfferDetailsWithKeys, BulkOffer). */
export const BULK_LIMIT = 25;

export interface BulkEntry {
  l: Listing;
  categoryId: string;
}

interface State {
  e: BulkEntry;
  sku: string;
  warnings: ListingIssue[];
  offer?: Offer;
  offerId?: string;
  action: 'created' | 'updated';
  done?: ListingResult | XborderError;
}

const chunks = <T>(xs: T[]): T[][] => Array.from({ length: Math.ceil(xs.length / BULK_LIMIT) }, (_, i) => xs.slice(i * BULK_LIMIT, (i + 1) * BULK_LIMIT));

/**
 * The bulk listing path for one site: bulkGetInventoryItem (read, to merge: the writes are complete
 * replacements), bulkCreateOrReplaceInventoryItem, getOffers per SKU (no bulk read exists), updateOffer
 * for existing offers, bulkCreateOffer for new ones, bulkPublishOffer for those not live. Per-item
 * statusCodes stay per SKU (207); a whole call that fails fails its SKUs only. Every SKU ends with
 * exactly one result.
 */
export async function bulkList(ctx: EbayContext, entries: BulkEntry[], store: EbayStore, opts: CallOptions): Promise<Map<string, ListingResult | XborderError>> {
  const language = { 'Content-Language': store.language };
  const marketplaceId = inventoryMarketplaceId(store.marketplaceId);
  const defaults = ctx.config.parsed.listingDefaults[store.id]!;
  const states = entries.map((e): State => ({ e, sku: ctx.skus.sellerSku(e.l.sku, store.id), warnings: [], action: 'created' }));
  const bySku = new Map(states.map((s) => [s.sku, s]));
  const live = () => states.filter((s) => !s.done);
  const rejected = (s: State, errors: ErrorDetail[] | undefined) => {
    s.done = { sku: s.e.l.sku, store: store.id, status: 'invalid', issues: [...issuesOf(errors, 'error', s.e.l.sku), ...s.warnings], action: s.action, ...(s.offerId ? { raw: { offerId: s.offerId, sellerSku: s.sku } } : {}) };
  };
  const guard = async (batch: State[], run: () => Promise<void>) => {
    try {
      await run();
    } catch (e) {
      if (!isXborderError(e)) throw e;
      for (const s of batch) s.done ??= e;
    }
  };

  // 1. Read what eBay holds, then write each item merged into it.
  const held = new Map<string, Record<string, unknown>>();
  for (const batch of chunks(live())) {
    await guard(batch, async () => {
      const res = await ctx.call(ops.bulkGetInventoryItem, { body: { requests: batch.map((s) => ({ sku: s.sku })) } }, opts);
      for (const r of res.data.responses) if (r.statusCode === 200 && r.sku && r.inventoryItem) held.set(r.sku, r.inventoryItem);
    });
  }
  const locale = store.language.replace('-', '_');
  for (const batch of chunks(live())) {
    await guard(batch, async () => {
      const requests = batch.map((s) => ({ ...mergeInventoryItem(held.get(s.sku), inventoryItemOf(s.e.l)), sku: s.sku, locale }));
      const res = await ctx.call(ops.bulkCreateOrReplaceInventoryItem, { headers: language, body: { requests } }, opts);
      for (const s of batch) {
        const r = res.data.responses.find((x) => x.sku === s.sku);
        if (!r || r.statusCode >= 400) rejected(s, r?.errors ?? [{ errorId: 0, message: `No result for SKU ${s.sku} in the bulk response` }]);
        else s.warnings.push(...issuesOf(r.warnings, 'warning', s.e.l.sku));
      }
    });
  }

  // 2. Offers: existing ones merged and updated, new ones created in bulk.
  const fresh: Array<State & { body: WireOfferDetails }> = [];
  for (const s of live()) {
    await guard([s], async () => {
      const ours = offerOf(s.e.l, s.sku, marketplaceId, defaults, s.e.categoryId);
      s.offer = await findOffer(ctx, s.sku, store, opts);
      if (!s.offer) return void fresh.push({ ...s, body: { ...ours, listingDescription: ours.listingDescription ?? s.e.l.title } } as State & { body: WireOfferDetails });
      s.action = 'updated';
      s.offerId = s.offer.offerId;
      await ctx.call(ops.updateOffer, { params: { offerId: s.offer.offerId }, headers: language, body: mergeOffer(s.offer, ours) }, opts).catch((e) => {
        if (isXborderError(e) && 'errors' in e && Array.isArray(e.errors) && e.code === 'MARKETPLACE_REJECTED') s.done = { sku: s.e.l.sku, store: store.id, status: 'invalid', issues: rejectedIssues(e as never, s.e.l.sku), action: 'updated' };
        else throw e;
      });
    });
  }
  for (const batch of chunks(fresh.map((f) => bySku.get(f.sku)!).filter((s) => !s.done))) {
    await guard(batch, async () => {
      const requests = batch.map((s) => fresh.find((f) => f.sku === s.sku)!.body);
      const res = await ctx.call(ctx.ops.bulkCreateOffer, { headers: language, body: { requests } }, keyedFor(opts, ...batch.map((s) => s.sku)));
      for (const s of batch) {
        const r = res.data.responses.find((x) => x.sku === s.sku);
        if (!r || r.statusCode >= 400 || !r.offerId) rejected(s, r?.errors ?? [{ errorId: 0, message: `No offer for SKU ${s.sku} in the bulk response` }]);
        else (s.offerId = r.offerId), s.warnings.push(...issuesOf(r.warnings, 'warning', s.e.l.sku));
      }
    });
  }

  // 3. Publish what is not live; a published offer was revised by updateOffer already.
  const result = (s: State, listingId: string | undefined): ListingResult => ({ sku: s.e.l.sku, store: store.id, status: 'active', ...(listingId ? { marketplaceId: listingId } : {}), issues: s.warnings, action: s.action, raw: { offerId: s.offerId, sellerSku: s.sku } });
  for (const s of live()) if (s.offer?.status === 'PUBLISHED') s.done = result(s, s.offer.listing?.listingId);
  for (const batch of chunks(live())) {
    await guard(batch, async () => {
      const res = await ctx.call(ctx.ops.bulkPublishOffer, { body: { requests: batch.map((s) => ({ offerId: s.offerId! })) } }, keyedFor(opts, ...batch.map((s) => s.offerId!)));
      for (const s of batch) {
        const r = res.data.responses.find((x) => x.offerId === s.offerId);
        if (!r || r.statusCode >= 400) rejected(s, r?.errors ?? [{ errorId: 0, message: `No publish result for offer ${s.offerId}` }]);
        else s.warnings.push(...issuesOf(r.warnings, 'warning', s.e.l.sku)), (s.done = result(s, r.listingId));
      }
    });
  }
  return new Map(states.map((s) => [s.e.l.sku, s.done!]));
}
