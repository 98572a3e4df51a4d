import { z } from 'zod';
import type { InventoryResult, InventoryService, InventoryUpdate } from '../../src/adapter.js';
import { MarketplaceError, NotFoundError, NotSupportedError, ValidationError } from '../../src/errors/classes.js';
import { validationFromZod } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { MoneySchema, type Money } from '../../src/model/money.js';
import { DEFAULTS } from './config.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { fulfillmentAvailability, purchasableOffer } from './mappers/listing-attributes.js';
import { inventoryGet } from './inventory-get.js';
import { discoverListings } from './listing-discovery.js';
import { lookupSkus } from './listing-lookup.js';
import { pooled } from './listing-upsert.js';
import { runListingsFeeds, type PlannedMessage } from './listings-feed.js';
import { ops } from './operations.js';
import type { PatchOperation } from './schemas/listings.js';

const UpdateSchema = z.object({
  sku: z.string().min(1),
  quantity: z.number().int().nonnegative().optional(),
  price: MoneySchema.optional(),
  store: z.string().optional(),
});

interface Planned {
  sku: string;
  store: AmazonStore;
  quantity?: number;
  price?: Money;
  productType?: string;
  patches: PatchOperation[];
  warning?: string;
}

/**
 * Stock and price for many SKUs: merge patches on fulfillment_availability / purchasable_offer,
 * through a PATCH JSON_LISTINGS_FEED at or above the bulk threshold, patchListingsItem below it.
 * FBA stock belongs to Amazon's warehouses and is read-only: such quantity updates are refused.
 */
export function inventoryService(ctx: AmazonContext): InventoryService {
  async function set(updates: InventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    if (!Array.isArray(updates)) throw new ValidationError({ message: 'updates must be an array of { sku, quantity?, price? }', path: 'updates' });
    const results = new Map<string, InventoryResult>();
    const merged = new Map<string, InventoryUpdate>();
    updates.forEach((u, i) => {
      const r = UpdateSchema.safeParse(u);
      if (!r.success) {
        const sku = typeof u?.sku === 'string' ? u.sku : `#${i}`;
        results.set(sku, { sku, ok: false, error: validationFromZod(r.error, `updates[${i}]`) });
        return;
      }
      merged.set(r.data.sku, { ...merged.get(r.data.sku), ...r.data }); // the latest value wins
    });
    const plans: Planned[] = [];
    for (const u of merged.values()) {
      try {
        const store = ctx.store(u.store);
        if (u.price && u.price.currency !== store.currency) throw new ValidationError({ message: `price is in ${u.price.currency}; Amazon ${store.id} sells in ${store.currency}`, path: 'price.currency' });
        if (u.quantity === undefined && !u.price) throw new ValidationError({ message: 'give a quantity and/or a price', path: 'quantity' });
        plans.push({ sku: u.sku, store, quantity: u.quantity, price: u.price, patches: [] });
      } catch (e) {
        results.set(u.sku, { sku: u.sku, ok: false, error: isXborderError(e) ? e : new ValidationError({ message: String(e), path: 'updates' }) });
      }
    }
    await resolve(plans, opts, results);
    const ready = plans.filter((p) => !results.has(p.sku));
    if (ready.length >= ctx.config.parsed.bulkThreshold) await viaFeeds(ready, opts, results);
    else await pooled(ready, DEFAULTS.concurrency, (p) => viaPatch(p, opts, results));
    return [...merged.keys(), ...[...results.keys()].filter((k) => !merged.has(k))].map((sku) => results.get(sku)!);
  }

  /**
   * Product type (PATCH needs it) and fulfilment channel: from memory (what this adapter listed or
   * read), else one merchant listings report for every unseen SKU; only SKUs that exist but whose
   * product type is still unknown are looked up (20 per call).
   */
  async function resolve(plans: Planned[], opts: CallOptions, results: Map<string, InventoryResult>) {
    const byStore = new Map<AmazonStore, Planned[]>();
    for (const p of plans) byStore.set(p.store, [...(byStore.get(p.store) ?? []), p]);
    for (const [store, group] of byStore) {
      const recall = () => Promise.all(group.map((p) => ctx.memory.get(store.marketplaceId, p.sku)));
      let remembered = await recall();
      const unseen = group.filter((p, i) => !remembered[i] || (remembered[i]!.exists && p.quantity !== undefined && !remembered[i]!.channel && !remembered[i]!.fulfilledBy)).map((p) => p.sku);
      if (unseen.length) {
        await discoverListings(ctx, store, unseen, opts);
        remembered = await recall();
      }
      const untyped = group.filter((p, i) => remembered[i]?.exists && !remembered[i]!.productType).map((p) => p.sku);
      if (untyped.length) await lookupSkus(ctx, untyped, store, ['summaries', 'productTypes', 'fulfillmentAvailability'], opts);
      for (const p of group) {
        const m = await ctx.memory.get(store.marketplaceId, p.sku);
        if (!m?.exists) {
          results.set(p.sku, { sku: p.sku, ok: false, error: new NotFoundError({ marketplace: 'amazon', operation: 'inventory.set', message: `SKU ${p.sku} has no listing on Amazon ${store.id}` }) });
          continue;
        }
        if (!m.productType) {
          results.set(p.sku, { sku: p.sku, ok: false, error: new NotFoundError({ marketplace: 'amazon', operation: 'inventory.set', message: `SKU ${p.sku} has no product type on Amazon ${store.id}` }) });
          continue;
        }
        p.productType = m.productType;
        if (p.quantity !== undefined && m.fulfilledBy === 'amazon') {
          const warning = `SKU ${p.sku} is fulfilled by Amazon (FBA): its stock is read-only`;
          if (!p.price) {
            results.set(p.sku, { sku: p.sku, ok: false, error: new NotSupportedError({ marketplace: 'amazon', operation: 'inventory.set', message: warning }), warning });
            continue;
          }
          p.quantity = undefined;
          p.warning = warning;
        }
        if (p.price) p.patches.push({ op: 'merge', path: '/attributes/purchasable_offer', value: purchasableOffer(p.price, store.amazon) });
        if (p.quantity !== undefined) p.patches.push({ op: 'merge', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(p.quantity) });
      }
    }
  }

  function done(p: Planned): InventoryResult {
    return { sku: p.sku, ok: true, ...(p.quantity !== undefined ? { appliedQuantity: p.quantity } : {}), ...(p.warning ? { warning: p.warning } : {}) };
  }

  async function viaPatch(p: Planned, opts: CallOptions, results: Map<string, InventoryResult>) {
    try {
      const res = await ctx.call(
        ops.patchListingsItem,
        { params: { sellerId: ctx.sellerId, sku: p.sku }, query: { marketplaceIds: [p.store.marketplaceId], includedData: ['issues'] }, body: { productType: p.productType!, patches: p.patches } },
        { signal: opts.signal, deadline: opts.deadline },
      );
      if (res.data.status === 'INVALID') {
        const issues = (res.data.issues ?? []).filter((i) => i.severity === 'ERROR');
        results.set(p.sku, { sku: p.sku, ok: false, error: new MarketplaceError({ marketplace: 'amazon', operation: 'patchListingsItem', requestId: res.meta.requestId, message: `${p.sku} was rejected: ${issues[0]?.message ?? 'INVALID'}`, errors: issues.map((i) => ({ code: i.code, message: i.message })) }) });
      } else results.set(p.sku, done(p));
    } catch (e) {
      results.set(p.sku, { sku: p.sku, ok: false, error: isXborderError(e) ? e : new MarketplaceError({ marketplace: 'amazon', message: String(e) }) });
    }
  }

  async function viaFeeds(plans: Planned[], opts: CallOptions, results: Map<string, InventoryResult>) {
    const byStore = new Map<AmazonStore, Planned[]>();
    for (const p of plans) byStore.set(p.store, [...(byStore.get(p.store) ?? []), p]);
    for (const [store, group] of byStore) {
      const bySku = new Map(group.map((p) => [p.sku, p]));
      const planned: PlannedMessage[] = group.map((p) => ({ sku: p.sku, family: p.sku, action: 'updated', message: { operationType: 'PATCH', productType: p.productType!, patches: p.patches } }));
      for (const r of await runListingsFeeds(ctx, planned, store, opts)) {
        results.set(r.sku, r.ok ? done(bySku.get(r.sku)!) : { sku: r.sku, ok: false, error: r.error });
      }
    }
  }

  // get: live MFN quantities, 20 SKUs per searchListingsItems call (inventory-get.ts).
  return { set, get: inventoryGet(ctx) };
}
