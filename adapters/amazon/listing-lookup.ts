import type { CallOptions } from '../../src/http/call-options.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { ops } from './operations.js';
import type { Item } from './schemas/listings.js';

/** The product type of an item in a store: from its summary, or from productTypes while not live yet. */
export function productTypeOf(item: Item, marketplaceId: string): string | undefined {
  return (
    item.summaries?.find((s) => s.marketplaceId === marketplaceId)?.productType ??
    item.productTypes?.find((p) => p.marketplaceId === marketplaceId)?.productType ??
    item.summaries?.[0]?.productType ??
    item.productTypes?.[0]?.productType
  );
}

/** Records product type, existence and fulfilment channel of an item read from Amazon. */
export async function remember(ctx: AmazonContext, store: AmazonStore, item: Item): Promise<void> {
  const productType = productTypeOf(item, store.marketplaceId);
  if (!productType) return;
  const fba = item.fulfillmentAvailability?.find((f) => f.fulfillmentChannelCode !== 'DEFAULT');
  const channel = fba?.fulfillmentChannelCode ?? item.fulfillmentAvailability?.[0]?.fulfillmentChannelCode;
  await ctx.memory.set(store.marketplaceId, item.sku, { productType, exists: true, ...(channel ? { fulfilledBy: fba ? 'amazon' : 'merchant', channel } : {}) });
}

/** searchListingsItems takes at most 20 identifiers per call (research A3). */
const IDENTIFIERS_PER_CALL = 20;

/**
 * Looks many SKUs up at once (20 per searchListingsItems call instead of one GET each) and records
 * product type, existence and fulfilment channel in the adapter's memory. Missing SKUs are absent
 * from the result.
 */
export async function lookupSkus(
  ctx: AmazonContext,
  skus: string[],
  store: AmazonStore,
  included: Array<'summaries' | 'attributes' | 'fulfillmentAvailability' | 'issues' | 'productTypes'>,
  opts: CallOptions,
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  const unique = [...new Set(skus)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += IDENTIFIERS_PER_CALL) batches.push(unique.slice(i, i + IDENTIFIERS_PER_CALL));
  await Promise.all(
    batches.map(async (batch) => {
      const res = await ctx.call(
        ops.searchListingsItems,
        {
          params: { sellerId: ctx.sellerId },
          query: { marketplaceIds: [store.marketplaceId], identifiers: batch, identifiersType: 'SKU', includedData: included, pageSize: IDENTIFIERS_PER_CALL },
        },
        { signal: opts.signal, deadline: opts.deadline },
      );
      for (const item of res.data.items) {
        found.set(item.sku, item);
        await remember(ctx, store, item);
      }
    }),
  );
  return found;
}
