import { z } from 'zod';
import type { InventoryResult, InventoryService, InventoryUpdate } from '../../src/adapter.js';
import { errorFromResponse } from '../../src/errors/from-response.js';
import { NotFoundError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { MoneyInputSchema, toDecimal, type Money } from '../../src/model/money.js';
import { DEFAULTS } from './config.js';
import type { EbayContext } from './context.js';
import { entriesOf } from './errors.js';
import { findOffer } from './offers.js';
import { ops } from './operations.js';
import type { PriceQuantity } from './schemas/inventory.js';

const UpdatesSchema = z.array(
  z.object({ sku: z.string().min(1).max(50), quantity: z.number().int().nonnegative().optional(), price: MoneyInputSchema.optional(), store: z.string().optional() })
    .refine((u) => u.quantity !== undefined || u.price !== undefined, 'give quantity or price'),
).max(100_000);

interface Merged {
  sku: string;
  quantity?: number;
  /** Latest price per store id. */
  prices: Map<string, Money>;
}

/** Latest value wins: one request per SKU carrying its final quantity and per-site prices. */
function merge(ctx: EbayContext, updates: InventoryUpdate[]): Merged[] {
  const bySku = new Map<string, Merged>();
  for (const u of updates) {
    const m = bySku.get(u.sku) ?? { sku: u.sku, prices: new Map<string, Money>() };
    if (u.quantity !== undefined) m.quantity = u.quantity;
    if (u.price) m.prices.set(ctx.store(u.store).id, u.price);
    bySku.set(u.sku, m);
  }
  return [...bySku.values()];
}

/**
 * bulkUpdatePriceQuantity, 25 SKUs per call (research B3). Quantity is one pool per SKU across
 * sites (shipToLocationAvailability); a price needs the site's offerId, read with getOffers.
 */
export async function updatePriceQuantity(ctx: EbayContext, updates: InventoryUpdate[], opts: CallOptions = {}): Promise<InventoryResult[]> {
  const merged = merge(ctx, updates);
  const results = new Map<string, InventoryResult>();
  const requests: PriceQuantity[] = [];
  for (const m of merged) {
    const offers: NonNullable<PriceQuantity['offers']> = [];
    try {
      for (const [storeId, price] of m.prices) {
        const store = ctx.store(storeId);
        const offer = await findOffer(ctx, m.sku, store, opts);
        if (!offer) throw new NotFoundError({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', message: `SKU ${m.sku} has no offer on ${store.id}` });
        offers.push({ offerId: offer.offerId, price: { value: toDecimal(price), currency: price.currency } });
      }
    } catch (e) {
      if (!isXborderError(e)) throw e;
      results.set(m.sku, { sku: m.sku, ok: false, error: e });
      continue;
    }
    requests.push({ sku: m.sku, ...(m.quantity !== undefined ? { shipToLocationAvailability: { quantity: m.quantity } } : {}), ...(offers.length ? { offers } : {}) });
  }
  for (let i = 0; i < requests.length; i += DEFAULTS.bulkBatchSize) {
    const chunk = requests.slice(i, i + DEFAULTS.bulkBatchSize);
    let res;
    try {
      res = await ctx.call(ops.bulkUpdatePriceQuantity, { body: { requests: chunk } }, opts);
    } catch (e) {
      // The whole call failed: every SKU of this chunk ends with that error (the others keep theirs).
      if (!isXborderError(e)) throw e;
      for (const r of chunk) results.set(r.sku!, { sku: r.sku!, ok: false, error: e });
      continue;
    }
    for (const r of chunk) {
      const own = res.data.responses.filter((x) => x.sku === r.sku || r.offers?.some((o) => o.offerId === x.offerId));
      const failed = own.find((x) => x.statusCode >= 400);
      const warning = own.flatMap((x) => entriesOf(x.warnings)).map((w) => `${w.code}: ${w.message}`).join('; ');
      if (failed) {
        const error = errorFromResponse({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', status: failed.statusCode, errors: entriesOf(failed.errors) });
        results.set(r.sku!, { sku: r.sku!, ok: false, error });
      } else if (!own.length) {
        results.set(r.sku!, { sku: r.sku!, ok: false, error: errorFromResponse({ marketplace: 'ebay', operation: 'bulkUpdatePriceQuantity', status: 500, message: `No result for SKU ${r.sku} in the bulk response` }) });
      } else {
        results.set(r.sku!, { sku: r.sku!, ok: true, ...(r.shipToLocationAvailability ? { appliedQuantity: r.shipToLocationAvailability.quantity } : {}), ...(warning ? { warning } : {}) });
      }
    }
  }
  return merged.map((m) => results.get(m.sku)!);
}

export function inventoryService(ctx: EbayContext): InventoryService {
  return {
    async set(updates, opts = {}) {
      const parsed = parseInput(UpdatesSchema, updates, 'updates') as InventoryUpdate[];
      return updatePriceQuantity(ctx, parsed, opts);
    },
  };
}
