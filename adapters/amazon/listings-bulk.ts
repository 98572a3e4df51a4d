import { z } from 'zod';
import type { BulkUpsertOptions } from '../../src/adapter.js';
import { ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { isXborderError } from '../../src/errors/xborder-error.js';
import { parseCallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type BulkItemResult, type ListingInput } from '../../src/model/listing.js';
import { DEFAULTS } from './config.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { listingToSubmissions, type SkuSubmission } from './mappers/listing-attributes.js';
import { changedAttributes, patchesFor } from './mappers/listing-diff.js';
import { itemResult } from './mappers/listing-result.js';
import { discoverListings } from './listing-discovery.js';
import { lookupSkus, productTypeOf } from './listing-lookup.js';
import { channelOf, pooled, upsertFamily } from './listing-upsert.js';
import { fbaChannel, keepChannel, requestedFulfilment } from './mappers/fulfilment-channel.js';
import { runListingsFeeds, type PlannedMessage } from './listings-feed.js';
import type { Item } from './schemas/listings.js';

export interface AmazonBulkUpsertOptions extends BulkUpsertOptions {
  /**
   * Skip the existence check (one merchant listings report) for SKUs this adapter has not seen:
   * they are sent as UPDATE, a full replace. For first loads into a fresh store.
   */
  assumeNew?: boolean;
}

interface Family {
  root: string;
  subs: SkuSubmission[];
}

/** Every SKU ends with exactly one result (DESIGN: bulk jobs report per item, never throw an aggregate). */
export async function bulkUpsert(ctx: AmazonContext, listings: ListingInput[], opts: AmazonBulkUpsertOptions = {}): Promise<BulkItemResult[]> {
  opts = parseCallOptions(opts) as AmazonBulkUpsertOptions; // null: none; hostile: ValidationError
  listings = parseInput(z.array(z.unknown()), listings, 'listings') as ListingInput[]; // each item is checked below
  const store = ctx.store(opts.store);
  const results = new Map<string, BulkItemResult>();
  const families = new Map<string, Family>();
  listings.forEach((input, i) => {
    const sku = typeof input?.sku === 'string' ? input.sku : `#${i}`;
    try {
      const listing = parseInput(ListingSchema, input, `listings[${i}]`);
      const fulfilment = requestedFulfilment(input, `listings[${i}]`);
      families.set(listing.sku, { root: listing.sku, subs: listingToSubmissions(listing, store.amazon, { fulfilment, definitions: ctx.config.input.productTypeDefinitions }) }); // the latest listing for a SKU wins
    } catch (e) {
      results.set(sku, { sku, ok: false, error: isXborderError(e) ? e : new ValidationError({ message: String(e), path: `listings[${i}]` }) });
    }
  });
  const total = results.size + [...families.values()].reduce((n, f) => n + f.subs.length, 0);
  let done = 0;
  let failed = 0;
  const record = (r: BulkItemResult) => {
    results.set(r.sku, r);
    done++;
    if (!r.ok) failed++;
    opts.onProgress?.({ done, failed, total, sku: r.sku });
  };
  for (const r of results.values()) {
    done++;
    failed++;
    opts.onProgress?.({ done, failed, total, sku: r.sku });
  }
  const all = [...families.values()];
  if (total < ctx.config.parsed.bulkThreshold) {
    await pooled(all, DEFAULTS.concurrency, async (f) => {
      const outcomes = await upsertFamily(ctx, f.subs, store, { signal: opts.signal, deadline: opts.deadline }, DEFAULTS.concurrency);
      for (const o of outcomes) record(o.error ? { sku: o.sku, ok: false, error: o.error } : { sku: o.sku, ok: true, result: o.result! });
    });
  } else {
    const planned = await planMessages(ctx, all, store, opts, record);
    await runListingsFeeds(ctx, planned, store, { signal: opts.signal, deadline: opts.deadline, idempotencyKey: opts.idempotencyKey, onResult: record });
  }
  return [...results.values()];
}

/**
 * UPDATE for new SKUs; PATCH with only the changed attributes for existing ones; unchanged ones skip
 * the feed. SKUs the adapter has never seen are checked against one merchant listings report (not
 * 20-SKU searches); only SKUs that exist are read (to diff their attributes).
 */
async function planMessages(ctx: AmazonContext, families: Family[], store: AmazonStore, opts: AmazonBulkUpsertOptions, record: (r: BulkItemResult) => void): Promise<PlannedMessage[]> {
  const subs = families.flatMap((f) => f.subs.map((s) => ({ family: f.root, sub: s })));
  const recall = async () => new Map(await Promise.all(subs.map(async ({ sub }) => [sub.sku, await ctx.memory.get(store.marketplaceId, sub.sku)] as const)));
  let memory = await recall();
  const unseen = subs.filter(({ sub }) => !memory.get(sub.sku)).map(({ sub }) => sub.sku);
  if (unseen.length && !opts.assumeNew) {
    await discoverListings(ctx, store, unseen, opts);
    memory = await recall();
  }
  const existing = subs.filter(({ sub }) => memory.get(sub.sku)?.exists).map(({ sub }) => sub.sku);
  const current: Map<string, Item> = existing.length ? await lookupSkus(ctx, existing, store, ['summaries', 'attributes', 'productTypes', 'fulfillmentAvailability'], opts) : new Map();
  const planned: PlannedMessage[] = [];
  for (const { family, sub: input } of subs) {
    const item = current.get(input.sku);
    const remembered = await ctx.memory.get(store.marketplaceId, input.sku);
    const kept = keepChannel(input.attributes, channelOf(item, remembered), input.sku);
    const sub = { ...input, attributes: kept.attributes, warnings: [...input.warnings, ...(kept.warning ? [kept.warning] : [])] };
    const productType = sub.productType ?? (item && productTypeOf(item, store.marketplaceId)) ?? remembered?.productType;
    if (!productType) {
      record({ sku: sub.sku, ok: false, error: new ValidationError({ message: `SKU ${sub.sku} is new on Amazon: give its product type in marketplace.amazon.productType`, path: 'marketplace.amazon.productType' }) });
      continue;
    }
    const channel = String(sub.attributes.fulfillment_availability?.[0]?.fulfillment_channel_code ?? (sub.fulfilment === 'amazon' ? fbaChannel(store.amazon) : '')) || undefined;
    const base = { sku: sub.sku, family, warnings: sub.warnings, ...(channel ? { channel } : {}) };
    if (item) {
      const changed = changedAttributes(sub.attributes, item.attributes, store.marketplaceId);
      if (changed.length === 0) {
        record({ sku: sub.sku, ok: true, result: { ...itemResult(item, store), action: 'unchanged', issues: [...itemResult(item, store).issues, ...sub.warnings] } });
        continue;
      }
      planned.push({ ...base, action: 'updated', message: { operationType: 'PATCH', productType, patches: patchesFor(sub.attributes, item.attributes, changed) } });
    } else if (remembered?.exists) {
      // Known to exist but not readable now: replace only the attributes we manage.
      planned.push({ ...base, action: 'updated', message: { operationType: 'PARTIAL_UPDATE', productType, attributes: sub.attributes } });
    } else {
      planned.push({ ...base, action: 'created', message: { operationType: 'UPDATE', productType, requirements: sub.requirements, attributes: sub.attributes } });
    }
  }
  return planned;
}
