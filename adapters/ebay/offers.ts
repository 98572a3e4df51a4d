import { NotFoundError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { inventoryMarketplaceId } from './marketplaces.js';
import { ops } from './operations.js';
import type { Offer } from './schemas/inventory.js';

/** The offer of `sku` on one site; getOffers answers 404 when the SKU has no offer yet. */
export async function findOffer(ctx: EbayContext, sku: string, store: EbayStore, opts: CallOptions): Promise<Offer | undefined> {
  const marketplaceId = inventoryMarketplaceId(store.marketplaceId);
  try {
    const res = await ctx.call(ops.getOffers, { query: { sku, marketplace_id: marketplaceId } }, opts);
    return res.data.offers.find((o) => (o.marketplaceId ?? marketplaceId) === marketplaceId);
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  }
}

