import { z } from 'zod';
import type { InventoryLevel, InventoryRef } from '../../src/adapter.js';
import { ValidationError } from '../../src/errors/classes.js';
import { validationFromZod } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { lookupSkus } from './listing-lookup.js';
import type { Item } from './schemas/listings.js';

const RefSchema = z.object({ sku: z.string().min(1), store: z.string().optional() });

/**
 * The figure `inventory.set` writes for an item: the quantity of its DEFAULT (merchant-fulfilled)
 * fulfillmentAvailability entry, "The item quantity that you're making available for sale"
 * (specs/amazon/listingsItems_2021-08-01.json#/definitions/FulfillmentAvailability). Amazon
 * announces each change of it, sales included, as LISTINGS_ITEM_MFN_QUANTITY_CHANGE ("The available
 * quantity for MFN", specs/amazon/ListingsItemMfnQuantityChange.json), so a read after `set(q)`
 * and n units sold answers q − n.
 * Undefined (left out of the answer) when there is no figure `set` would take: FBA items (any
 * Amazon channel code, the rule listing-lookup.ts `remember` applies; set refuses their stock) and
 * items without a DEFAULT quantity (not written yet, e.g. a first push Amazon has not processed).
 */
export function mfnQuantity(item: Item): number | undefined {
  const entries = item.fulfillmentAvailability ?? [];
  if (entries.some((f) => f.fulfillmentChannelCode !== 'DEFAULT')) return undefined;
  const q = entries.find((f) => f.fulfillmentChannelCode === 'DEFAULT')?.quantity;
  return typeof q === 'number' && q >= 0 ? q : undefined;
}

/** Checks every ref before any I/O: a bad one throws a ValidationError naming refs[i]. */
function parseRefs(ctx: AmazonContext, refs: unknown): Array<{ ref: InventoryRef; store: AmazonStore }> {
  if (!Array.isArray(refs)) throw new ValidationError({ message: 'refs must be an array of { sku, store? }', path: 'refs' });
  return refs.map((raw, i) => {
    const r = RefSchema.safeParse(raw);
    if (!r.success) throw validationFromZod(r.error, `refs[${i}]`);
    try {
      // The store a ref names, else the account's first: as inventory.set picks it (MFN stock is one figure per region).
      return { ref: r.data, store: ctx.store(r.data.store) };
    } catch (e) {
      throw new ValidationError({ message: isXborderError(e) ? e.message : String(e), path: `refs[${i}].store` });
    }
  });
}

/**
 * inventory.get: searchListingsItems (GET /listings/2021-08-01/items/{sellerId},
 * specs/amazon/listingsItems_2021-08-01.json#/paths/~1listings~12021-08-01~1items~1{sellerId}/get)
 * with identifiersType=SKU, at most 20 identifiers per call (`identifiers` maxItems 20, `pageSize`
 * maximum 20, same path), one call per 20 SKUs per store instead of one getListingsItem each.
 * lookupSkus also records product type and channel, so the push that follows needs no report.
 */
export function inventoryGet(ctx: AmazonContext) {
  return async function get(refs: InventoryRef[], opts: CallOptions = {}): Promise<InventoryLevel[]> {
    opts = parseCallOptions(opts); // null: none; hostile: ValidationError
    const parsed = parseRefs(ctx, refs);
    const byStore = new Map<AmazonStore, string[]>();
    for (const p of parsed) byStore.set(p.store, [...(byStore.get(p.store) ?? []), p.ref.sku]);
    const found = new Map<AmazonStore, Map<string, Item>>();
    await Promise.all(
      [...byStore].map(async ([store, skus]) => {
        found.set(store, await lookupSkus(ctx, skus, store, ['productTypes', 'fulfillmentAvailability'], opts));
      }),
    );
    const out: InventoryLevel[] = [];
    const seen = new Set<string>();
    for (const { ref, store } of parsed) {
      const key = `${store.marketplaceId}\n${ref.store ?? ''}\n${ref.sku}`;
      const item = found.get(store)?.get(ref.sku);
      const quantity = item ? mfnQuantity(item) : undefined;
      if (quantity === undefined || seen.has(key)) continue; // unknown SKU, FBA or no figure: left out
      seen.add(key);
      out.push({ sku: ref.sku, ...(ref.store !== undefined ? { store: ref.store } : {}), quantity });
    }
    return out;
  };
}
