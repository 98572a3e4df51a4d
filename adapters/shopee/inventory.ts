import PQueue from 'p-queue';
import { z } from 'zod';
import type { InventoryResult, InventoryUpdate } from '../../src/adapter.js';
import { parseInput } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { sellerStock, storeFor, type AdapterContext, type ShopStore } from './context.js';
import type { GlobalListings } from './global-listings.js';
import type { ShopListings } from './listings.js';
import { priceToWire } from './money.js';
import { globalOps } from './operations/global.js';
import { productOps } from './operations/product.js';
import type { UpdateListResponse } from './schemas/product.js';
import { asError, failGroup, itemGone, notListed, pushItem, type Backend, type Entry, type Loc } from './inventory/push.js';

export type { Backend } from './inventory/push.js';

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);
const failures = (res: UpdateListResponse) => new Map((res.response?.failure_list ?? []).map((f) => [num(f.model_id), f.failed_reason ?? 'refused']));

export function shopBackend(ctx: AdapterContext, listings: ShopListings): Backend {
  const pipe = (shop: ShopStore) => ctx.client.for({ kind: 'shop', id: shop.shopId });
  return {
    locateMany: (skus, shop, opts) => listings.index(shop).locateMany(skus, opts),
    async relocate(sku, shop, opts) {
      listings.index(shop).forget(sku);
      return listings.index(shop).locate(sku, opts);
    },
    async minimums(loc, shop, opts) {
      const out = new Map<number, number>();
      const min = (info?: { summary_info?: { total_reserved_stock?: number }; shopee_stock?: Array<{ stock?: unknown }> }) =>
        Math.max(0, (info?.summary_info?.total_reserved_stock ?? 0) - (info?.shopee_stock ?? []).reduce((s, x) => s + num(x.stock), 0));
      if (loc.hasModel) for (const m of await listings.index(shop).models(loc.itemId, opts)) out.set(num(m.model_id), min(m.stock_info_v2));
      else out.set(0, min((await listings.index(shop).baseInfo([loc.itemId], opts))[0]?.stock_info_v2));
      return out;
    },
    wirePrice: (u, shop) => priceToWire(u.price!, shop.rule.currency, shop.rule.decimals, 'price'),
    async stock(itemId, list, shop, opts) {
      const res = await ctx.client.call(pipe(shop), productOps.update_stock, { body: { item_id: itemId, stock_list: list.map((x) => ({ model_id: x.modelId, seller_stock: sellerStock(shop, x.stock) })) } }, opts);
      return failures(res.data);
    },
    async price(itemId, list, shop, opts) {
      const res = await ctx.client.call(pipe(shop), productOps.update_price, { body: { item_id: itemId, price_list: list.map((x) => ({ model_id: x.modelId, original_price: x.price })) } }, opts);
      return failures(res.data);
    },
  };
}

export function globalBackend(ctx: AdapterContext, listings: GlobalListings): Backend {
  const m = ctx.merchant!;
  return {
    async locateMany(skus, _shop, opts) {
      const out = new Map<string, Loc | Error>();
      for (const sku of skus) {
        try {
          const g = await listings.index.locate(sku, opts);
          if (g) out.set(sku, { itemId: g.globalItemId, modelId: g.globalModelId, hasModel: g.hasModel });
        } catch (e) {
          out.set(sku, e as Error);
        }
      }
      return out;
    },
    async minimums(loc, _shop, opts) {
      const out = new Map<number, number>();
      const reserved = (s?: Array<{ reserved_stock?: number }>) => (s ?? []).reduce((a, x) => a + (x.reserved_stock ?? 0), 0);
      if (loc.hasModel) for (const gm of await listings.index.models(loc.itemId, opts)) out.set(num(gm.global_model_id), reserved(gm.stock_info));
      else out.set(0, reserved((await listings.index.info([loc.itemId], opts))[0]?.stock_info));
      return out;
    },
    wirePrice: (u) => priceToWire(u.price!, m.rule.currency, m.rule.decimals, 'price'),
    async stock(itemId, list, _shop, opts) {
      await ctx.client.call(m.pipeline, globalOps.update_stock, { body: { global_item_id: itemId, stock_list: list.map((x) => ({ global_model_id: x.modelId, seller_stock: [{ stock: x.stock }] })) } }, opts);
      return new Map();
    },
    async price(itemId, list, _shop, opts) {
      await ctx.client.call(m.pipeline, globalOps.update_price, { body: { global_item_id: itemId, price_list: list.map((x) => ({ global_model_id: x.modelId, original_price: x.price })) } }, opts);
      return new Map();
    },
  };
}

// Shape only: the price is read by priceToWire; stock is a count (the quantity the wire carries).
const UpdatesSchema = z.array(z.object({ sku: z.string().min(1), quantity: z.number().int().nonnegative().optional(), price: z.unknown().optional(), store: z.string().optional() }).passthrough());

/**
 * Stock and price for many SKUs: the latest update per SKU wins; SKU locations come from the shop's
 * SKU index (memory, then the persistent index, one sync for all unknown SKUs); models of one item
 * go in one call (≤50 per call, the documented list limit); stock below Shopee's reserved stock is
 * raised to the reserved figure and reported — one refused item never fails the rest of the batch.
 * An item Shopee answers as gone has its SKUs looked up once more and is sent once more.
 */
export async function setInventory(ctx: AdapterContext, backend: Backend, updates: InventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
  updates = parseInput(UpdatesSchema, updates, 'updates') as InventoryUpdate[]; // holes, nulls and non-string SKUs name their index
  const latest = new Map<string, InventoryUpdate>();
  for (const u of updates) latest.set(u.sku, { ...latest.get(u.sku), ...u });
  const results = new Map<string, InventoryResult>();
  const byShop = new Map<ShopStore, InventoryUpdate[]>();
  for (const u of latest.values()) {
    try {
      const shop = storeFor(ctx, u.store);
      if (u.price) backend.wirePrice(u, shop);
      byShop.set(shop, [...(byShop.get(shop) ?? []), u]);
    } catch (e) {
      results.set(u.sku, { sku: u.sku, ok: false, error: asError(e) });
    }
  }
  const entries: Entry[] = [];
  for (const [shop, us] of byShop) {
    const locs = await backend.locateMany(us.map((u) => u.sku), shop, opts);
    for (const u of us) {
      const loc = locs.get(u.sku);
      if (loc && !(loc instanceof Error)) entries.push({ u, loc, shop });
      else results.set(u.sku, { sku: u.sku, ok: false, error: asError(loc ?? notListed(u.sku)) });
    }
  }
  const gone = await pushAll(backend, entries, results, opts, !!backend.relocate);
  if (gone.length) {
    const again: Entry[] = [];
    for (const g of gone) {
      try {
        const loc = await backend.relocate!(g.u.sku, g.shop, opts);
        if (loc) again.push({ ...g, loc });
        else results.set(g.u.sku, { sku: g.u.sku, ok: false, error: notListed(g.u.sku) });
      } catch (e) {
        results.set(g.u.sku, { sku: g.u.sku, ok: false, error: asError(e) });
      }
    }
    await pushAll(backend, again, results, opts, false);
  }
  return [...latest.keys()].map((sku) => results.get(sku)!);
}

/** Items pushed at once (as many as bulk listing keeps in flight, bulk.ts). */
const ITEMS_IN_FLIGHT = 4;

/** Pushes item by item; returns the entries of items Shopee answered as gone when `relocate`. */
async function pushAll(backend: Backend, entries: Entry[], results: Map<string, InventoryResult>, opts: CallOptions, relocate: boolean): Promise<Entry[]> {
  const byItem = new Map<string, Entry[]>();
  for (const e of entries) {
    const key = `${e.shop.shopId}:${e.loc.itemId}`;
    byItem.set(key, [...(byItem.get(key) ?? []), e]);
  }
  const gone: Entry[] = [];
  // update_stock takes one item per call: several items in flight, the limiter paces them to the rate plan.
  const queue = new PQueue({ concurrency: ITEMS_IN_FLIGHT });
  await queue.addAll([...byItem.values()].map((group) => async () => {
    try {
      await pushItem(backend, group, results, opts);
    } catch (e) {
      if (relocate && itemGone(e)) gone.push(...group);
      else failGroup(group, e, results);
    }
  }));
  return gone;
}
