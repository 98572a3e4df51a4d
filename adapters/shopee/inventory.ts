import { z } from 'zod';
import type { InventoryResult, InventoryUpdate } from '../../src/adapter.js';
import { MarketplaceError, NotFoundError, isXborderError, parseInput, type XborderError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { sellerStock, storeFor, type AdapterContext, type ShopStore } from './context.js';
import type { GlobalListings } from './global-listings.js';
import type { ShopListings } from './listings.js';
import { priceToWire } from './money.js';
import { globalOps } from './operations/global.js';
import { productOps } from './operations/product.js';
import type { UpdateListResponse } from './schemas/product.js';

interface Loc {
  itemId: number;
  modelId: number;
  hasModel: boolean;
}

/** The item-level calls inventory.set needs, for shop items or CNSC global items. */
interface Backend {
  locate(sku: string, shop: ShopStore, opts: CallOptions): Promise<Loc | undefined>;
  /** Lowest seller stock Shopee accepts per model: reserved stock minus Shopee-held stock. */
  minimums(loc: Loc, shop: ShopStore, opts: CallOptions): Promise<Map<number, number>>;
  wirePrice(u: InventoryUpdate, shop: ShopStore): number;
  /** Returns failed model ids → reason. */
  stock(itemId: number, list: Array<{ modelId: number; stock: number }>, shop: ShopStore, opts: CallOptions): Promise<Map<number, string>>;
  price(itemId: number, list: Array<{ modelId: number; price: number }>, shop: ShopStore, opts: CallOptions): Promise<Map<number, string>>;
}

const num = (v: unknown) => (typeof v === 'number' ? v : Number(v) || 0);
const failures = (res: UpdateListResponse) => new Map((res.response?.failure_list ?? []).map((f) => [num(f.model_id), f.failed_reason ?? 'refused']));

export function shopBackend(ctx: AdapterContext, listings: ShopListings): Backend {
  const pipe = (shop: ShopStore) => ctx.client.for({ kind: 'shop', id: shop.shopId });
  return {
    locate: (sku, shop, opts) => listings.index(shop).locate(sku, opts),
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
    async locate(sku, _shop, opts) {
      const g = await listings.index.locate(sku, opts);
      return g && { itemId: g.globalItemId, modelId: g.globalModelId, hasModel: g.hasModel };
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

const asError = (e: unknown): XborderError => (isXborderError(e) ? e : new MarketplaceError({ marketplace: 'shopee', message: (e as Error)?.message ?? 'failed' }));

/**
 * Stock and price for many SKUs: the latest update per SKU wins, models of one item go in one
 * call (≤50 per call, the documented list limit), and stock below Shopee's reserved stock is raised
 * to the reserved figure and reported — one refused item never fails the rest of the batch.
 */
export async function setInventory(ctx: AdapterContext, backend: Backend, updates: InventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
  updates = parseInput(UpdatesSchema, updates, 'updates') as InventoryUpdate[]; // holes, nulls and non-string SKUs name their index
  const latest = new Map<string, InventoryUpdate>();
  for (const u of updates) latest.set(u.sku, { ...latest.get(u.sku), ...u });
  const results = new Map<string, InventoryResult>();
  const byItem = new Map<string, Array<{ u: InventoryUpdate; loc: Loc; shop: ShopStore }>>();
  for (const u of latest.values()) {
    try {
      const shop = storeFor(ctx, u.store);
      if (u.price) backend.wirePrice(u, shop);
      const loc = await backend.locate(u.sku, shop, opts);
      if (!loc) throw new NotFoundError({ marketplace: 'shopee', message: `SKU ${u.sku} is not listed on this account` });
      const key = `${shop.shopId}:${loc.itemId}`;
      byItem.set(key, [...(byItem.get(key) ?? []), { u, loc, shop }]);
    } catch (e) {
      results.set(u.sku, { sku: u.sku, ok: false, error: asError(e) });
    }
  }
  for (const group of byItem.values()) {
    const { loc, shop } = group[0]!;
    try {
      const wantsStock = group.some((g) => g.u.quantity !== undefined);
      const mins = wantsStock ? await backend.minimums(loc, shop, opts) : new Map<number, number>();
      const stock = group.filter((g) => g.u.quantity !== undefined).map((g) => {
        const min = mins.get(g.loc.modelId) ?? 0;
        const applied = Math.max(g.u.quantity!, min);
        if (applied !== g.u.quantity) {
          results.set(g.u.sku, { sku: g.u.sku, ok: true, appliedQuantity: applied, warning: `Shopee keeps ${min} unit(s) reserved; stock set to ${applied} instead of ${g.u.quantity}` });
        }
        return { modelId: g.loc.modelId, stock: applied, sku: g.u.sku };
      });
      const prices = group.filter((g) => g.u.price).map((g) => ({ modelId: g.loc.modelId, price: backend.wirePrice(g.u, shop), sku: g.u.sku }));
      const failed = new Map<string, string>();
      for (let i = 0; i < stock.length; i += 50) {
        const part = stock.slice(i, i + 50);
        for (const [modelId, reason] of await backend.stock(loc.itemId, part, shop, opts)) for (const s of part) if (s.modelId === modelId) failed.set(s.sku, reason);
      }
      for (let i = 0; i < prices.length; i += 50) {
        const part = prices.slice(i, i + 50);
        for (const [modelId, reason] of await backend.price(loc.itemId, part, shop, opts)) for (const p of part) if (p.modelId === modelId) failed.set(p.sku, reason);
      }
      for (const g of group) {
        const reason = failed.get(g.u.sku);
        const prior = results.get(g.u.sku);
        if (reason) results.set(g.u.sku, { sku: g.u.sku, ok: false, error: new MarketplaceError({ marketplace: 'shopee', message: reason, errors: [{ code: 'failure_list', message: reason }] }), warning: /reserve/i.test(reason) ? 'stock cannot go below reserved stock' : undefined });
        else results.set(g.u.sku, prior ?? { sku: g.u.sku, ok: true, appliedQuantity: g.u.quantity });
      }
    } catch (e) {
      for (const g of group) results.set(g.u.sku, { sku: g.u.sku, ok: false, error: asError(e), warning: /reserve/i.test((e as Error)?.message ?? '') ? 'stock cannot go below reserved stock' : undefined });
    }
  }
  return [...latest.keys()].map((sku) => results.get(sku)!);
}
