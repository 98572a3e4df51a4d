import PQueue from 'p-queue';
import { z } from 'zod';
import type { BulkUpsertOptions, UpsertOptions } from '../../src/adapter.js';
import { MarketplaceError, isXborderError, parseInput } from '../../src/errors/index.js';
import { parseCallOptions } from '../../src/http/call-options.js';
import type { BulkItemResult, ListingInput, ListingResult } from '../../src/model/listing.js';

/** Listings in flight at once; the limiter still paces the calls to the shop's rate plan. */
const CONCURRENCY = 4;

/** Every SKU ends with exactly one result, in input order; one failure never stops the rest. */
export async function bulkUpsert(
  upsert: (l: ListingInput, o: UpsertOptions) => Promise<ListingResult>,
  listings: ListingInput[],
  opts: BulkUpsertOptions = {},
): Promise<BulkItemResult[]> {
  opts = parseCallOptions(opts) as BulkUpsertOptions; // null: none; hostile: ValidationError
  listings = parseInput(z.array(z.unknown()), listings, 'listings') as ListingInput[]; // each item is checked by upsert
  const { onProgress, ...rest } = opts;
  const results: BulkItemResult[] = new Array(listings.length);
  let done = 0;
  let failed = 0;
  const one = async (input: ListingInput, i: number) => {
    if (rest.signal?.aborted) return; // reported "not attempted" below
    const sku = typeof input?.sku === 'string' ? input.sku : `#${i}`;
    try {
      // Each listing is its own write: derive its idempotency key from the batch key.
      const o = rest.idempotencyKey ? { ...rest, idempotencyKey: `${rest.idempotencyKey}:${sku}` } : rest;
      results[i] = { sku, ok: true, result: await upsert(input, o) };
    } catch (e) {
      failed++;
      results[i] = { sku, ok: false, error: isXborderError(e) ? e : new MarketplaceError({ marketplace: 'shopee', message: (e as Error)?.message ?? 'upsert failed' }) };
    }
    done++;
    try {
      onProgress?.({ done, failed, total: listings.length, sku });
    } catch {
      // A progress callback never fails the batch.
    }
  };
  // In input order, CONCURRENCY in flight; `one` never throws, so every task settles.
  const queue = new PQueue({ concurrency: CONCURRENCY });
  await queue.addAll(listings.map((l, i) => () => one(l, i)));
  for (let i = 0; i < listings.length; i++) {
    if (!results[i]) {
      const sku = typeof listings[i]?.sku === 'string' ? listings[i]!.sku : `#${i}`;
      results[i] = { sku, ok: false, error: new MarketplaceError({ marketplace: 'shopee', code: 'MARKETPLACE_UNAVAILABLE', message: 'not attempted: the batch was aborted' }) };
    }
  }
  return results;
}
