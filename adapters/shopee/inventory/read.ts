import PQueue from 'p-queue';
import { z } from 'zod';
import type { InventoryLevel, InventoryRef } from '../../../src/adapter.js';
import { AbortedError, ValidationError, isXborderError } from '../../../src/errors/index.js';
import { validationFromZod } from '../../../src/errors/from-response.js';
import { parseCallOptions, type CallOptions } from '../../../src/http/call-options.js';
import { storeFor, type AdapterContext, type ShopStore } from '../context.js';
import type { Loc } from './push.js';

/** What one listing holds in `inventory.set`'s terms, with the SKU Shopee answered for it (to check the index). */
export interface Held {
  sku?: string;
  /** Undefined when the answer carries no stock figure for it. */
  stock?: number;
}

/** The reads inventory.get needs, for shop items or CNSC global items (the same split as push.ts Backend). */
export interface Reader {
  /** Where each SKU is (absent: not listed; an Error: the lookup could not complete). */
  locateMany(skus: string[], shop: ShopStore, opts: CallOptions): Promise<Map<string, Loc | Error>>;
  /** False when stock is one figure per SKU for every shop (CNSC global items): each SKU is read once. */
  readonly perShop: boolean;
  /** Items read together in one call (the documented id-list limit). */
  readonly itemBatch: number;
  /** Stock of items without models by item id; an item absent from the answer is gone. */
  items(itemIds: number[], shop: ShopStore, opts: CallOptions): Promise<Map<number, Held>>;
  /** Stock of one item's models by model id; undefined when the item is gone. */
  models(itemId: number, shop: ShopStore, opts: CallOptions): Promise<Map<number, Held> | undefined>;
  /** Drops a cached location the answer contradicted. */
  forget(sku: string, shop: ShopStore): void;
}

const RefSchema = z.object({ sku: z.string().min(1), store: z.string().optional() });

/** Every ref checked before any I/O: a bad one throws a ValidationError naming refs[i]. */
function parseRefs(ctx: AdapterContext, refs: unknown): Array<{ ref: InventoryRef; shop: ShopStore }> {
  if (!Array.isArray(refs)) throw new ValidationError({ message: 'refs must be an array of { sku, store? }', path: 'refs' });
  return refs.map((raw, i) => {
    const r = RefSchema.safeParse(raw);
    if (!r.success) throw validationFromZod(r.error, `refs[${i}]`);
    try {
      return { ref: r.data, shop: storeFor(ctx, r.data.store) }; // the shop inventory.set would write
    } catch (e) {
      throw new ValidationError({ message: isXborderError(e) ? e.message : String(e), path: `refs[${i}].store` });
    }
  });
}

/** Reads in flight at once (as inventory.set keeps pushes in flight); the limiter paces them to the rate plan. */
const READS_IN_FLIGHT = 4;

/**
 * inventory.get: SKU locations from the same index inventory.set uses, then the cheapest documented
 * reads: items without models through get_item_base_info, ≤50 item ids per call ("item_id_list ...
 * limit [0,50]", specs/shopee/v2.product.get_item_base_info.json), items with models through one
 * get_model_list per item (item_id only, specs/shopee/v2.product.get_model_list.json; base info has
 * no per-model stock). SKUs not listed, on a deleted item, or answered under another SKU are left out.
 */
export async function getInventory(ctx: AdapterContext, reader: Reader, refs: InventoryRef[], opts: CallOptions = {}): Promise<InventoryLevel[]> {
  opts = parseCallOptions(opts);
  const parsed = parseRefs(ctx, refs);
  // Also when the answer needs no call (SKUs known not to hold stock): an aborted read never answers.
  if (opts.signal?.aborted) throw new AbortedError({ marketplace: 'shopee', operation: 'inventory.get', cause: opts.signal.reason });
  const scope = (shop: ShopStore) => (reader.perShop ? shop : ctx.shops[0]!);
  const byShop = new Map<ShopStore, Set<string>>();
  for (const p of parsed) byShop.set(scope(p.shop), (byShop.get(scope(p.shop)) ?? new Set()).add(p.ref.sku));
  const held = new Map<ShopStore, Map<string, number>>();
  for (const [shop, skus] of byShop) held.set(shop, await readShop(reader, [...skus], shop, opts));
  const out: InventoryLevel[] = [];
  const seen = new Set<string>();
  for (const { ref, shop } of parsed) {
    const key = `${ref.store ?? ''}\n${ref.sku}`;
    const quantity = held.get(scope(shop))!.get(ref.sku);
    if (quantity === undefined || seen.has(key)) continue;
    seen.add(key);
    out.push({ sku: ref.sku, ...(ref.store !== undefined ? { store: ref.store } : {}), quantity });
  }
  return out;
}

/** One shop's SKUs → quantity; a lookup or a call that fails throws (the caller falls back to its own figure). */
async function readShop(reader: Reader, skus: string[], shop: ShopStore, opts: CallOptions): Promise<Map<string, number>> {
  const locs = await reader.locateMany(skus, shop, opts);
  const plain = new Map<number, string[]>();
  const modelled = new Map<number, Array<{ sku: string; modelId: number }>>();
  for (const sku of skus) {
    const loc = locs.get(sku);
    if (loc instanceof Error) throw lookupError(loc);
    if (!loc) continue; // not listed: left out
    // An item SKU of an item with models has no stock of its own (update_stock refuses model 0 there).
    if (loc.hasModel && loc.modelId === 0) continue;
    if (loc.hasModel) modelled.set(loc.itemId, [...(modelled.get(loc.itemId) ?? []), { sku, modelId: loc.modelId }]);
    else plain.set(loc.itemId, [...(plain.get(loc.itemId) ?? []), sku]);
  }
  const out = new Map<string, number>();
  const take = (sku: string, h: Held | undefined) => {
    if (!h || h.sku !== sku) reader.forget(sku, shop); // gone or answered under another SKU: the index was stale
    else if (h.stock !== undefined) out.set(sku, h.stock);
  };
  const ids = [...plain.keys()];
  const tasks: Array<() => Promise<void>> = [];
  for (let i = 0; i < ids.length; i += reader.itemBatch) {
    const part = ids.slice(i, i + reader.itemBatch);
    tasks.push(async () => {
      const got = await reader.items(part, shop, opts);
      for (const id of part) for (const sku of plain.get(id)!) take(sku, got.get(id));
    });
  }
  for (const [itemId, list] of modelled) {
    tasks.push(async () => {
      const got = await reader.models(itemId, shop, opts);
      for (const m of list) take(m.sku, got?.get(m.modelId));
    });
  }
  const queue = new PQueue({ concurrency: READS_IN_FLIGHT });
  try {
    await queue.addAll(tasks);
  } catch (e) {
    queue.clear(); // one failed read fails the answer: send no more
    throw e;
  }
  return out;
}

/** A lookup that could not complete: the marketplace's own error where there is one (nothing is created by a read). */
function lookupError(e: Error): Error {
  const cause = (e as { cause?: unknown }).cause;
  return isXborderError(cause) ? cause : e;
}
