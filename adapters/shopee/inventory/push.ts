import type { InventoryResult, InventoryUpdate } from '../../../src/adapter.js';
import { MarketplaceError, NotFoundError, isXborderError, type XborderError } from '../../../src/errors/index.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { ShopStore } from '../context.js';

export interface Loc {
  itemId: number;
  modelId: number;
  hasModel: boolean;
}

/** The item-level calls inventory.set needs, for shop items or CNSC global items. */
export interface Backend {
  /** Where each SKU is (absent: not listed; an Error: the lookup could not complete). */
  locateMany(skus: string[], shop: ShopStore, opts: CallOptions): Promise<Map<string, Loc | Error>>;
  /** Drops a cached location and looks the SKU up afresh (undefined: no such backend support). */
  relocate?(sku: string, shop: ShopStore, opts: CallOptions): Promise<Loc | undefined>;
  /** Lowest seller stock Shopee accepts per model: reserved stock minus Shopee-held stock. */
  minimums(loc: Loc, shop: ShopStore, opts: CallOptions): Promise<Map<number, number>>;
  wirePrice(u: InventoryUpdate, shop: ShopStore): number;
  /** Returns failed model ids → reason. */
  stock(itemId: number, list: Array<{ modelId: number; stock: number }>, shop: ShopStore, opts: CallOptions): Promise<Map<number, string>>;
  price(itemId: number, list: Array<{ modelId: number; price: number }>, shop: ShopStore, opts: CallOptions): Promise<Map<number, string>>;
}

export interface Entry {
  u: InventoryUpdate;
  loc: Loc;
  shop: ShopStore;
}

/**
 * Shopee refuses stock below the reserved stock: "Can not update item with stock less than reserved
 * stock", "Stock should be larger than reserved stock.", "Total stock must be more than reserved
 * stock." (specs/shopee/v2.product.update_stock.json error_list; the same words in failure_list).
 */
export const BELOW_RESERVED = /reserve/i;

/**
 * The item is gone: "error_item_not_found" ("Item_id is not found." / "Product not found",
 * specs/shopee/v2.product.update_stock.json error_list); "Items that are deleted will not be allowed
 * to modify stock" (same file, define). A cached location answered so is looked up once more.
 */
export function itemGone(e: unknown): boolean {
  return isXborderError(e) && (e.code === 'NOT_FOUND' || e.errors.some((x) => x.code === 'error_item_not_found'));
}

export const asError = (e: unknown): XborderError => (isXborderError(e) ? e : new MarketplaceError({ marketplace: 'shopee', message: (e as Error)?.message ?? 'failed' }));

const refusal = (reason: string) => ({
  ok: false as const,
  error: new MarketplaceError({ marketplace: 'shopee', message: reason, errors: [{ code: 'failure_list', message: reason }] }),
  ...(BELOW_RESERVED.test(reason) ? { warning: 'stock cannot go below reserved stock' } : {}),
});

export const notListed = (sku: string) => new NotFoundError({ marketplace: 'shopee', message: `SKU ${sku} is not listed on this account` });

type StockLine = { modelId: number; stock: number; sku: string };

/**
 * update_stock, ≤50 models of ONE item per call ("stock_list ... Length should be between 1 to 50";
 * "update one item_id for each call", specs/shopee/v2.product.update_stock.json). A whole-call
 * refusal for reserved stock counts as a refusal of every model it carried; any other error throws.
 */
async function sendStock(backend: Backend, itemId: number, lines: StockLine[], shop: ShopStore, opts: CallOptions): Promise<Map<string, string>> {
  const failed = new Map<string, string>();
  for (let i = 0; i < lines.length; i += 50) {
    const part = lines.slice(i, i + 50);
    try {
      for (const [modelId, reason] of await backend.stock(itemId, part, shop, opts)) for (const s of part) if (s.modelId === modelId) failed.set(s.sku, reason);
    } catch (e) {
      if (!BELOW_RESERVED.test((e as Error)?.message ?? '')) throw e;
      for (const s of part) failed.set(s.sku, (e as Error).message);
    }
  }
  return failed;
}

/**
 * One item's stock and prices. Stock goes out as asked; only when Shopee refuses a model for
 * reserved stock are the item's reserved figures read and the refused models sent once more, raised
 * to the lowest figure Shopee accepts (reported as a warning), so a push costs one call per item.
 */
export async function pushItem(backend: Backend, group: Entry[], results: Map<string, InventoryResult>, opts: CallOptions): Promise<void> {
  const { loc, shop } = group[0]!;
  const stock: StockLine[] = group.filter((g) => g.u.quantity !== undefined).map((g) => ({ modelId: g.loc.modelId, stock: g.u.quantity!, sku: g.u.sku }));
  const failed = await sendStock(backend, loc.itemId, stock, shop, opts);
  const low = stock.filter((s) => BELOW_RESERVED.test(failed.get(s.sku) ?? ''));
  if (low.length) {
    const mins = await backend.minimums(loc, shop, opts);
    // Every refused line goes again (a whole-call refusal also refused the models that were fine).
    const again = low.map((s) => ({ ...s, stock: Math.max(s.stock, mins.get(s.modelId) ?? 0) }));
    for (const s of again) failed.delete(s.sku);
    for (const [sku, reason] of await sendStock(backend, loc.itemId, again, shop, opts)) failed.set(sku, reason);
    for (const [i, s] of again.entries()) {
      if (failed.has(s.sku) || s.stock === low[i]!.stock) continue;
      results.set(s.sku, { sku: s.sku, ok: true, appliedQuantity: s.stock, warning: `Shopee keeps ${s.stock} unit(s) reserved; stock set to ${s.stock} instead of ${low[i]!.stock}` });
    }
  }
  const prices = group.filter((g) => g.u.price).map((g) => ({ modelId: g.loc.modelId, price: backend.wirePrice(g.u, shop), sku: g.u.sku }));
  for (let i = 0; i < prices.length; i += 50) {
    const part = prices.slice(i, i + 50);
    for (const [modelId, reason] of await backend.price(loc.itemId, part, shop, opts)) for (const p of part) if (p.modelId === modelId) failed.set(p.sku, reason);
  }
  for (const g of group) {
    const reason = failed.get(g.u.sku);
    if (reason) results.set(g.u.sku, { sku: g.u.sku, ...refusal(reason) });
    else if (!results.has(g.u.sku)) results.set(g.u.sku, { sku: g.u.sku, ok: true, appliedQuantity: g.u.quantity });
  }
}

/** A whole-item failure fails every SKU of the item. */
export function failGroup(group: Entry[], e: unknown, results: Map<string, InventoryResult>): void {
  const err = asError(e);
  for (const g of group) results.set(g.u.sku, { sku: g.u.sku, ok: false, error: err, ...(BELOW_RESERVED.test(err.message) ? { warning: 'stock cannot go below reserved stock' } : {}) });
}
