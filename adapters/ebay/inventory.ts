import { z } from 'zod';
import type { InventoryResult, InventoryService, InventoryUpdate } from '../../src/adapter.js';
import { parseInput } from '../../src/errors/from-response.js';
import { NotFoundError } from '../../src/errors/classes.js';
import { isXborderError, type XborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { MoneyInputSchema, toDecimal, type Money } from '../../src/model/money.js';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { mergeOffer } from './mappers/merge.js';
import { offerCache, offerGone } from './inventory/offer-cache.js';
import { readLevels } from './inventory/read.js';
import { ops } from './operations.js';
import { sendBulk, type SiteOutcome, type SiteRequest } from './price-quantity.js';
import type { WireOfferDetails } from './schemas/inventory.js';

const UpdatesSchema = z.array(
  z.object({ sku: z.string().min(1).max(50), quantity: z.number().int().nonnegative().optional(), price: MoneyInputSchema.optional(), store: z.string().optional() })
    .refine((u) => u.quantity !== undefined || u.price !== undefined, 'give quantity or price'),
).max(100_000);

/** One result per unified SKU and target (a store, or every store for a store-less quantity). */
interface Target {
  key: string;
  sku: string;
  /** Undefined: every configured site the SKU is listed on. */
  store?: EbayStore;
  quantity?: number;
  price?: Money;
}

/** Latest value wins per SKU and store; a price without a store is for the default store. */
function targetsOf(ctx: EbayContext, updates: InventoryUpdate[]): Target[] {
  const out = new Map<string, Target>();
  for (const u of updates) {
    const store = u.store !== undefined || u.price ? ctx.store(u.store) : undefined;
    const key = `${u.sku}\u0000${store?.id ?? '*'}`;
    const t = out.get(key) ?? { key, sku: u.sku, ...(store ? { store } : {}) };
    if (u.quantity !== undefined) t.quantity = u.quantity;
    if (u.price) t.price = u.price;
    out.set(key, t);
  }
  return [...out.values()];
}

interface Outcome {
  sites: number;
  error?: XborderError;
  warnings: string[];
  /** Sites whose offer id came from the offer cache (inventory/offer-cache.ts). */
  cached: EbayStore[];
}

/**
 * One site's share of a target: the published offer goes into the bulk request (its id from the
 * offer cache); an unpublished one is updated with updateOffer at once.
 */
async function planSite(ctx: EbayContext, t: Target, store: EbayStore, o: Outcome, out: SiteRequest[], opts: CallOptions): Promise<void> {
  const sku = ctx.skus.sellerSku(t.sku, store.id);
  const cache = offerCache(ctx);
  try {
    const cached = cache.cached(sku, store);
    const offer = await cache.find(sku, store, opts, !t.store);
    if (!offer) {
      if (t.store) throw new NotFoundError({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', message: `SKU ${t.sku} has no offer on ${store.id}` });
      return; // not listed on this site
    }
    o.sites++;
    const price = t.price ? { value: toDecimal(t.price), currency: t.price.currency } : undefined;
    if (offer.status === 'PUBLISHED') {
      if (cached) o.cached.push(store);
      out.push({ target: t.key, sku, ...(t.quantity !== undefined ? { quantity: t.quantity } : {}), offer: { offerId: offer.offerId, ...(t.quantity !== undefined ? { availableQuantity: t.quantity } : {}), ...(price ? { price } : {}) } });
      return;
    }
    if (t.quantity !== undefined) out.push({ target: t.key, sku, quantity: t.quantity });
    const patch = { ...(t.quantity !== undefined ? { availableQuantity: t.quantity } : {}), ...(price ? { pricingSummary: { price } } : {}) };
    const body = mergeOffer(offer, patch as unknown as WireOfferDetails);
    await ctx.call(ops.updateOffer, { params: { offerId: offer.offerId }, headers: { 'Content-Language': store.language }, body }, opts);
  } catch (e) {
    if (!isXborderError(e)) throw e;
    o.error ??= e;
  }
}

async function planTarget(ctx: EbayContext, t: Target, out: SiteRequest[], opts: CallOptions): Promise<Outcome> {
  const o: Outcome = { sites: 0, warnings: [], cached: [] };
  for (const store of t.store ? [t.store] : ctx.stores) await planSite(ctx, t, store, o, out, opts);
  if (!o.sites && !o.error) o.error = new NotFoundError({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', message: `SKU ${t.sku} has no offer on any of this account's sites` });
  return o;
}

/**
 * Quantity reaches the live listing only when it changes at both levels: the offer's
 * availableQuantity overrides the item's quantity and the listing shows the smaller of the two
 * (https://developer.ebay.com/api-docs/sell/static/inventory/bulk-updates.html). Each site has its own
 * seller SKU (site-skus.ts). Published offers go through bulkUpdatePriceQuantity (item and offer
 * level together, 25 per call); that call "is not designed to work with unpublished offers", which
 * take updateOffer instead (PriceQuantity.offers, specs/ebay/sell_inventory_v1_oas3.json).
 * Offer ids come from a per-adapter cache, so a steady push is one bulk call per 25 SKUs; a
 * target whose cached offer eBay answers as gone (25713) has its offers looked up once more and is
 * sent once more.
 */
export async function updatePriceQuantity(ctx: EbayContext, updates: InventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
  const targets = targetsOf(ctx, updates);
  const outcomes = new Map<string, Outcome>();
  const requests: SiteRequest[] = [];
  for (const t of targets) outcomes.set(t.key, await planTarget(ctx, t, requests, opts));
  const sent = await sendBulk(ctx, requests, opts);
  const stale = new Set(sent.filter((r) => offerGone(r.error) && outcomes.get(r.target)!.cached.length).map((r) => r.target));
  absorb(outcomes, sent.filter((r) => !stale.has(r.target)));
  if (stale.size) {
    const again: SiteRequest[] = [];
    for (const t of targets.filter((x) => stale.has(x.key))) {
      for (const store of outcomes.get(t.key)!.cached) offerCache(ctx).forget(ctx.skus.sellerSku(t.sku, store.id), store);
      outcomes.set(t.key, await planTarget(ctx, t, again, opts));
    }
    absorb(outcomes, await sendBulk(ctx, again, opts));
  }
  return targets.map((t) => {
    const o = outcomes.get(t.key)!;
    if (o.error) return { sku: t.sku, ok: false, error: o.error };
    return { sku: t.sku, ok: true, ...(t.quantity !== undefined ? { appliedQuantity: t.quantity } : {}), ...(o.warnings.length ? { warning: o.warnings.join('; ') } : {}) };
  });
}

function absorb(outcomes: Map<string, Outcome>, sent: SiteOutcome[]): void {
  for (const r of sent) {
    const o = outcomes.get(r.target)!;
    if (r.error) o.error ??= r.error;
    if (r.warning) o.warnings.push(r.warning);
  }
}

/** inventory.set plus the live read (`get` is optional in the contract, always there on eBay). */
export type EbayInventoryService = InventoryService & Required<Pick<InventoryService, 'get'>>;

export function inventoryService(ctx: EbayContext): EbayInventoryService {
  return {
    async set(updates, opts = {}) {
      const parsed = parseInput(UpdatesSchema, updates, 'updates') as InventoryUpdate[];
      return updatePriceQuantity(ctx, parsed, opts);
    },
    /** bulkGetInventoryItem, 25 seller SKUs per call (inventory/read.ts). */
    get: (refs, opts = {}) => readLevels(ctx, refs, opts),
  };
}
