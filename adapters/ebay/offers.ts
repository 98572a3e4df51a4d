import { createHash } from 'node:crypto';
import { NotFoundError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { inventoryMarketplaceId } from './marketplaces.js';
import { ops } from './operations.js';
import type { Offer } from './schemas/inventory.js';
import type { MarketplaceError } from '../../src/errors/classes.js';
import type { ListingIssue } from '../../src/model/listing.js';

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

/** getInventoryItem, or undefined when the SKU has no item yet (404). */
export async function readItem(ctx: EbayContext, sku: string, opts: CallOptions): Promise<Record<string, unknown> | undefined> {
  try {
    return (await ctx.call(ops.getInventoryItem, { params: { sku } }, opts)).data;
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  }
}

/** eBay's refusal of a listing write, as the listing's issues. */
export function rejectedIssues(e: MarketplaceError, sku: string): ListingIssue[] {
  return e.errors.map((x) => ({ code: x.code, message: x.details ?? x.message, severity: 'error' as const, attributes: x.field ? x.field.split(',') : [], categories: [], sku }));
}

/**
 * One caller idempotency key covers a whole upsert or bulk call, which makes several journaled writes
 * (one createOffer per variant, one bulkCreateOffer per 25 SKUs...): each write gets its own key,
 * derived from what it writes, so a replay finds exactly its own intent.
 */
export function keyedFor(opts: CallOptions, ...parts: string[]): CallOptions {
  if (!opts.idempotencyKey) return opts;
  const part = parts.join('\n');
  const tail = part.length > 60 ? createHash('sha256').update(part).digest('hex').slice(0, 16) : part;
  return { ...opts, idempotencyKey: `${opts.idempotencyKey}:${tail}` };
}
