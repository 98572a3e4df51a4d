import { MarketplaceError, NotFoundError } from '../../src/errors/classes.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { Listing, ListingIssue, ListingResult } from '../../src/model/listing.js';
import type { EbayStore } from './config.js';
import type { EbayContext } from './context.js';
import { aspectsOf, inventoryItemOf, issuesOf, offerOf } from './mappers/listing.js';
import { mergeInventoryItem, mergeOffer } from './mappers/merge.js';
import { inventoryMarketplaceId } from './marketplaces.js';
import { findOffer, keyedFor, readItem, rejectedIssues } from './offers.js';
import { ops } from './operations.js';
import type { Offer, WireItemGroup } from './schemas/inventory.js';

/**
 * A variation family as one multi-variation listing: one inventory item per variant (its options
 * become its aspects), an inventory item group naming the members and what they vary by, one offer
 * per variant, then publishOfferByInventoryItemGroup
 * (specs/ebay/sell_inventory_v1_oas3.json#/components/schemas/InventoryItemGroup, VariesBy, and
 * #/paths/~1offer~1publish_by_inventory_item_group/post). The group key is the parent's seller SKU
 * on the site, the members are the variants' seller SKUs (site-skus.ts).
 */

/** The variant as a listing of its own: its options are aspects, its price/quantity/images win. */
export function variantListing(l: Listing, v: Listing['variants'][number]): Listing {
  return {
    ...l,
    sku: v.sku,
    ...(v.price ? { price: v.price } : {}),
    quantity: v.quantity ?? 0,
    images: v.images.length ? v.images : l.images,
    identifiers: { ...l.identifiers, ...v.identifiers },
    attributes: { ...l.attributes, ...v.options },
    variants: [],
  };
}

/** VariesBy.specifications: every option name with the values the variants use, in order. */
export function variesBy(l: Listing): WireItemGroup['variesBy'] {
  return {
    specifications: l.optionNames.map((name) => ({ name, values: [...new Set(l.variants.map((v) => v.options[name]!).filter(Boolean))] })),
  };
}

/** The group body, laid over the group eBay holds (a PUT replaces the whole group, members included). */
export function groupOf(l: Listing, members: string[], existing: Record<string, unknown> | undefined): WireItemGroup {
  const { inventoryItemGroupKey: _k, ...kept } = existing ?? {};
  const description = l.description ?? (l.bullets.length ? l.bullets.join('\n') : l.title);
  return { ...kept, title: l.title, description, ...(l.images.length ? { imageUrls: l.images } : {}), aspects: aspectsOf(l), variantSKUs: members, variesBy: variesBy(l) };
}

async function readGroup(ctx: EbayContext, key: string, opts: CallOptions): Promise<Record<string, unknown> | undefined> {
  try {
    return (await ctx.call(ops.getInventoryItemGroup, { params: { inventoryItemGroupKey: key } }, opts)).data;
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  }
}

export async function upsertFamily(ctx: EbayContext, l: Listing, store: EbayStore, categoryId: string, opts: CallOptions): Promise<ListingResult> {
  const language = { 'Content-Language': store.language };
  const marketplaceId = inventoryMarketplaceId(store.marketplaceId);
  const defaults = ctx.config.parsed.listingDefaults[store.id]!;
  const key = ctx.skus.sellerSku(l.sku, store.id);
  const warnings: ListingIssue[] = [];
  const members = l.variants.map((v) => ctx.skus.sellerSku(v.sku, store.id));
  // 1. One inventory item per variant, merged into what eBay holds.
  for (const [i, v] of l.variants.entries()) {
    const vl = variantListing(l, v);
    const res = await ctx.call(ops.createOrReplaceInventoryItem, { params: { sku: members[i]! }, headers: language, body: mergeInventoryItem(await readItem(ctx, members[i]!, opts), inventoryItemOf(vl)) }, opts);
    warnings.push(...issuesOf(res.data?.warnings, 'warning', v.sku));
  }
  // 2. The group: members and what they vary by.
  const group = await ctx.call(ops.createOrReplaceInventoryItemGroup, { params: { inventoryItemGroupKey: key }, headers: language, body: groupOf(l, members, await readGroup(ctx, key, opts)) }, opts);
  warnings.push(...issuesOf(group.data?.warnings, 'warning', l.sku));
  // 3. One offer per variant on this site.
  const offers: Record<string, string> = {};
  const existing: Array<Offer | undefined> = [];
  try {
    for (const [i, v] of l.variants.entries()) {
      const sku = members[i]!;
      const ours = offerOf(variantListing(l, v), sku, marketplaceId, defaults, categoryId);
      const found = await findOffer(ctx, sku, store, opts);
      existing.push(found);
      if (found) {
        await ctx.call(ops.updateOffer, { params: { offerId: found.offerId }, headers: language, body: mergeOffer(found, ours) }, opts);
        offers[v.sku] = found.offerId;
      } else {
        const res = await ctx.call(ctx.ops.createOffer, { headers: language, body: { ...ours, listingDescription: ours.listingDescription ?? l.title } }, keyedFor(opts, sku));
        warnings.push(...issuesOf(res.data.warnings, 'warning', v.sku));
        offers[v.sku] = res.data.offerId!;
      }
    }
    const raw = { inventoryItemGroupKey: key, offers };
    const action = existing.every(Boolean) ? 'updated' : 'created';
    // 4. Publish the group unless every member is live already (updateOffer revised those).
    if (existing.every((o) => o?.status === 'PUBLISHED')) {
      const listingId = existing[0]?.listing?.listingId;
      return { sku: l.sku, store: store.id, status: 'active', ...(listingId ? { marketplaceId: listingId } : {}), issues: warnings, action, raw };
    }
    const res = await ctx.call(ctx.ops.publishOfferByInventoryItemGroup, { body: { inventoryItemGroupKey: key, marketplaceId } }, keyedFor(opts, key, marketplaceId));
    warnings.push(...issuesOf(res.data.warnings, 'warning', l.sku));
    return { sku: l.sku, store: store.id, status: 'active', ...(res.data.listingId ? { marketplaceId: res.data.listingId } : {}), issues: warnings, action, raw };
  } catch (e) {
    if (e instanceof MarketplaceError && e.code === 'MARKETPLACE_REJECTED' && e.errors.length) {
      return { sku: l.sku, store: store.id, status: 'invalid', issues: [...rejectedIssues(e, l.sku), ...warnings], action: 'created', raw: { inventoryItemGroupKey: key, offers } };
    }
    throw e;
  }
}
