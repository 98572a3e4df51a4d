import { z } from 'zod';
import type { InventoryLevel, InventoryRef } from '../../../src/adapter.js';
import { ValidationError } from '../../../src/errors/classes.js';
import { errorFromResponse, parseInput } from '../../../src/errors/from-response.js';
import type { CallOptions } from '../../../src/http/call-options.js';
import type { EbayStore } from '../config.js';
import { DEFAULTS } from '../config.js';
import type { EbayContext } from '../context.js';
import { entriesOf } from '../errors.js';
import { ops } from '../operations.js';
import { InventoryItemRead } from '../schemas/inventory.js';

const RefsSchema = z.array(z.object({ sku: z.string().min(1).max(50), store: z.string().optional() })).max(100_000);

/**
 * The per-SKU answers that mean "eBay does not know this SKU" (left out, no throw):
 * 25702 "SKU {additionalInfo} is not available in the system", 25708 "Invalid SKU.", 25710 "We didn't
 * find the resource/entity you are requesting" (specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_get_inventory_item/post/responses/400/x-response-codes).
 */
const UNKNOWN_SKU = new Set(['25702', '25708', '25710']);

interface Wanted {
  ref: InventoryRef;
  /** Seller SKUs whose item quantity answers this ref (one per site; every site for a store-less ref). */
  sellerSkus: string[];
}

function storeOf(ctx: EbayContext, ref: string, i: number): EbayStore {
  try {
    return ctx.store(ref);
  } catch (e) {
    if (e instanceof ValidationError) throw new ValidationError({ message: e.message, path: `refs[${i}].store` });
    throw e;
  }
}

/** One entry per distinct (sku, store) ref; `store` is echoed as given so callers match it. */
function wantedOf(ctx: EbayContext, refs: InventoryRef[]): Wanted[] {
  const out = new Map<string, Wanted>();
  refs.forEach((r, i) => {
    const key = `${r.sku}\u0000${r.store ?? ''}`;
    if (out.has(key)) return;
    const stores = r.store === undefined ? ctx.stores : [storeOf(ctx, r.store, i)];
    const sellerSkus = [...new Set(stores.map((s) => ctx.skus.sellerSku(r.sku, s.id)))];
    out.set(key, { ref: r.store === undefined ? { sku: r.sku } : { sku: r.sku, store: r.store }, sellerSkus });
  });
  return [...out.values()];
}

/**
 * The item's ship-to-home quantity; an item without one shows as out of stock ("out of stock
 * listings will result if this field is omitted or set to 0",
 * specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/ShipToLocationAvailabilityWithAll/properties/quantity).
 */
function quantityOf(item: unknown): number {
  const parsed = InventoryItemRead.safeParse(item ?? {});
  const q = parsed.success ? parsed.data.availability?.shipToLocationAvailability?.quantity : undefined;
  return Math.max(0, q ?? 0);
}

/**
 * bulkGetInventoryItem (POST /bulk_get_inventory_item, specs/ebay/sell_inventory_v1_oas3.json#/paths/~1bulk_get_inventory_item/post):
 * "up to 25 inventory item records" per call (#/components/schemas/BulkGetInventoryItem/properties/requests),
 * each SKU once per request (25734 "SKU should be unique in the request"). Per-SKU statusCode: an
 * unknown SKU is left out; any other per-SKU failure throws like a failed call.
 */
async function readItems(ctx: EbayContext, sellerSkus: string[], opts: CallOptions): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < sellerSkus.length; i += DEFAULTS.bulkBatchSize) {
    const chunk = sellerSkus.slice(i, i + DEFAULTS.bulkBatchSize);
    const res = await ctx.call(ops.bulkGetInventoryItem, { body: { requests: chunk.map((sku) => ({ sku })) } }, opts);
    for (const r of res.data.responses) {
      const sku = r.sku ?? (typeof r.inventoryItem?.sku === 'string' ? r.inventoryItem.sku : undefined);
      if (sku === undefined || !chunk.includes(sku)) continue;
      if (r.statusCode < 300 && r.inventoryItem) {
        out.set(sku, quantityOf(r.inventoryItem));
        continue;
      }
      const errors = entriesOf(r.errors);
      if (r.statusCode === 404 || errors.some((e) => UNKNOWN_SKU.has(e.code))) continue;
      throw errorFromResponse({ marketplace: 'ebay', operation: 'bulkGetInventoryItem', status: r.statusCode < 400 ? 500 : r.statusCode, errors, ...(errors.length ? {} : { message: `No inventory item for SKU ${sku} in the bulk response` }) });
    }
  }
  return out;
}

/**
 * What each listing offers now, in the terms inventory.set takes. set writes the same figure to the
 * site's inventory item (shipToLocationAvailability.quantity) and to its offer (availableQuantity),
 * each site having its own seller SKU hence its own item (site-skus.ts). The item's figure is "the
 * quantity of the inventory item that is available for purchase" (specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/InventoryItemWithSkuLocaleGroupKeys/properties/availability,
 * the read type of bulkGetInventoryItem), so a sale lowers it; it is readable 25 SKUs per call,
 * the offer's only one SKU per getOffers call (#/paths/~1offer/get, query `sku`). A store-less ref
 * answers the smallest figure among the sites whose item exists (what a store-less set writes to all).
 */
export async function readLevels(ctx: EbayContext, input: InventoryRef[], opts: CallOptions = {}): Promise<InventoryLevel[]> {
  const refs = parseInput(RefsSchema, input, 'refs') as InventoryRef[];
  const wanted = wantedOf(ctx, refs);
  const quantities = await readItems(ctx, [...new Set(wanted.flatMap((w) => w.sellerSkus))], opts);
  const out: InventoryLevel[] = [];
  for (const w of wanted) {
    const found = w.sellerSkus.map((s) => quantities.get(s)).filter((q): q is number => q !== undefined);
    if (found.length) out.push({ ...w.ref, quantity: Math.min(...found) });
  }
  return out;
}
