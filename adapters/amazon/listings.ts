import { z } from 'zod';
import type { ListingsService, StoreOptions, UpsertOptions, ValidateOptions } from '../../src/adapter.js';
import { NotSupportedError, ValidationError } from '../../src/errors/classes.js';
import { parseInput } from '../../src/errors/from-response.js';
import { parseCallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type ListingInput, type ListingResult } from '../../src/model/listing.js';
import { MoneySchema, type Money } from '../../src/model/money.js';
import { DEFAULTS } from './config.js';
import type { AmazonContext } from './context.js';
import { fulfillmentAvailability, listingToSubmissions, purchasableOffer } from './mappers/listing-attributes.js';
import { itemResult, notFoundResult, submissionResult } from './mappers/listing-result.js';
import { channelOf, familyResult, productTypeFor, readItem, upsertFamily } from './listing-upsert.js';
import { isAmazonChannel, requestedFulfilment } from './mappers/fulfilment-channel.js';
import { bulkUpsert, type AmazonBulkUpsertOptions } from './listings-bulk.js';
import { ops } from './operations.js';
import type { PatchOperation } from './schemas/listings.js';
import type { AmazonRequirements } from './requirements/service.js';

const SkuInput = z.string().min(1);
const PatchInput = z.object({}).passthrough(); // its fields are checked one by one below

/** Listings Items API 2021-08-01 (single SKUs) and JSON_LISTINGS_FEED (bulk), per store. */
export function listingsService(
  ctx: AmazonContext,
  reqs: AmazonRequirements,
): ListingsService & {
  bulkUpsert(listings: ListingInput[], opts?: AmazonBulkUpsertOptions): ReturnType<typeof bulkUpsert>;
  /** The product type definition of a store and requirements level, in the unified shape (cached). */
  requirements: AmazonRequirements['requirements'];
  /** searchDefinitionsProductTypes: product types for keywords or an item name. */
  suggestProductTypes: AmazonRequirements['suggestProductTypes'];
} {
  const callOpts = (o: StoreOptions) => ({ signal: o.signal, deadline: o.deadline, timeoutMs: o.timeoutMs });

  return {
    async upsert(input: ListingInput, opts: UpsertOptions = {}): Promise<ListingResult> {
      opts = parseCallOptions(opts) as UpsertOptions; // null: none; hostile: ValidationError
      const store = ctx.store(opts.store);
      const listing = parseInput(ListingSchema, input, 'listing');
      const subs = listingToSubmissions(listing, store.amazon, { fulfilment: requestedFulfilment(input, 'listing'), definitions: ctx.config.input.productTypeDefinitions });
      const key = opts.idempotencyKey ? { idempotencyKey: opts.idempotencyKey } : {};
      const outcomes = await upsertFamily(ctx, subs, store, { ...callOpts(opts), ...key, replace: opts.replace }, DEFAULTS.concurrency);
      return familyResult(outcomes);
    },

    async validate(input: ListingInput, opts: ValidateOptions = {}): Promise<ListingResult> {
      opts = parseCallOptions(opts) as ValidateOptions; // null: none; hostile: ValidationError
      // Offline: the product type definition (cached) validated with ajv; no listing call.
      if (opts.offline === true) return reqs.validateOffline(input, opts);
      const store = ctx.store(opts.store);
      const listing = parseInput(ListingSchema, input, 'listing');
      // VALIDATION_PREVIEW of a full PUT: checks the whole listing, persists nothing.
      const subs = listingToSubmissions(listing, store.amazon, { fulfilment: requestedFulfilment(input, 'listing'), definitions: ctx.config.input.productTypeDefinitions });
      const outcomes = await upsertFamily(ctx, subs, store, { ...callOpts(opts), replace: true, validateOnly: true }, DEFAULTS.concurrency);
      return familyResult(outcomes);
    },

    /** The listing's real state: ACCEPTED only meant queued; this reads status and issues. */
    async get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
      opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
      sku = parseInput(SkuInput, sku, 'sku');
      const store = ctx.store(opts.store);
      const item = await readItem(ctx, sku, store, ['summaries', 'attributes', 'issues', 'offers', 'fulfillmentAvailability'], callOpts(opts));
      return item ? { ...itemResult(item, store), raw: item } : notFoundResult(sku, store);
    },

    async update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
      opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
      sku = parseInput(SkuInput, sku, 'sku');
      patch = parseInput(PatchInput, patch, 'patch');
      const store = ctx.store(opts.store);
      const patches: PatchOperation[] = [];
      if (patch.price !== undefined) {
        const price = parseInput(MoneySchema, patch.price, 'patch.price');
        if (price.currency !== store.currency) throw new ValidationError({ message: `price is in ${price.currency}; Amazon ${store.id} sells in ${store.currency}`, path: 'patch.price.currency' });
        patches.push({ op: 'merge', path: '/attributes/purchasable_offer', value: purchasableOffer(price, store.amazon) });
      }
      if (patch.quantity !== undefined) {
        if (!Number.isInteger(patch.quantity) || patch.quantity < 0) throw new ValidationError({ message: 'quantity must be a non-negative integer', path: 'patch.quantity' });
        patches.push({ op: 'merge', path: '/attributes/fulfillment_availability', value: fulfillmentAvailability(patch.quantity) });
      }
      if (!patches.length) throw new ValidationError({ message: 'give a price and/or a quantity', path: 'patch' });
      const known = await ctx.memory.get(store.marketplaceId, sku);
      // A quantity needs the channel: FBA stock is Amazon's, and a DEFAULT write would convert the SKU.
      const mustRead = !known || (patch.quantity !== undefined && !known.channel);
      const current = mustRead ? await readItem(ctx, sku, store, ['summaries', 'productTypes', 'fulfillmentAvailability'], callOpts(opts)) : undefined;
      const remembered = await ctx.memory.get(store.marketplaceId, sku);
      if (!remembered && !current) return notFoundResult(sku, store);
      if (patch.quantity !== undefined && isAmazonChannel(channelOf(current, remembered))) {
        throw new NotSupportedError({ marketplace: 'amazon', operation: 'listings.update', message: `SKU ${sku} is fulfilled by Amazon (${channelOf(current, remembered)}): its quantity is read-only` });
      }
      const productType = await productTypeFor(ctx, { sku }, store, current);
      const res = await ctx.call(
        ops.patchListingsItem,
        { params: { sellerId: ctx.sellerId, sku }, query: { marketplaceIds: [store.marketplaceId], includedData: ['identifiers', 'issues'] }, body: { productType, patches } },
        callOpts(opts),
      );
      return submissionResult(res.data, store, 'updated');
    },

    async delete(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
      opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
      sku = parseInput(SkuInput, sku, 'sku');
      const store = ctx.store(opts.store);
      const res = await ctx.call(ops.deleteListingsItem, { params: { sellerId: ctx.sellerId, sku }, query: { marketplaceIds: [store.marketplaceId] } }, callOpts(opts));
      const remembered = await ctx.memory.get(store.marketplaceId, sku);
      if (remembered) await ctx.memory.set(store.marketplaceId, sku, { ...remembered, exists: false });
      return submissionResult(res.data, store, 'deleted');
    },

    bulkUpsert: (listings: ListingInput[], opts?: AmazonBulkUpsertOptions) => bulkUpsert(ctx, listings, opts),
    requirements: reqs.requirements,
    suggestProductTypes: reqs.suggestProductTypes,
  };
}
