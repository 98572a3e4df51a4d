import PQueue from 'p-queue';
import { NotFoundError, ValidationError } from '../../src/errors/classes.js';
import { errorFromTransport } from '../../src/errors/from-response.js';
import { isXborderError, type XborderError } from '../../src/errors/xborder-error.js';
import type { CallOptions } from '../../src/http/call-options.js';
import type { ListingIssue, ListingResult } from '../../src/model/listing.js';
import type { AmazonContext, AmazonStore } from './context.js';
import { changedAttributes, patchesFor } from './mappers/listing-diff.js';
import type { SkuSubmission } from './mappers/listing-attributes.js';
import { itemResult, submissionResult } from './mappers/listing-result.js';
import { fbaChannel, isAmazonChannel, keepChannel } from './mappers/fulfilment-channel.js';
import { productTypeOf, remember } from './listing-lookup.js';
import { ops } from './operations.js';
import type { Item, SubmissionResponse } from './schemas/listings.js';
import type { VerifyOutcome } from '../../src/http/operation.js';

/** Single-call path (Listings Items API): one SKU at a time, PUT for new SKUs, PATCH for existing. */
export interface SkuOutcome {
  sku: string;
  result?: ListingResult;
  error?: XborderError;
}

type ItemData = 'summaries' | 'attributes' | 'issues' | 'offers' | 'fulfillmentAvailability' | 'productTypes';

/** The current listing in a store, or undefined when the SKU does not exist (404). */
export async function readItem(ctx: AmazonContext, sku: string, store: AmazonStore, included: ItemData[], opts: CallOptions): Promise<Item | undefined> {
  try {
    const res = await ctx.call(ops.getListingsItem, { params: { sellerId: ctx.sellerId, sku }, query: { marketplaceIds: [store.marketplaceId], includedData: included } }, opts);
    await remember(ctx, store, res.data);
    return res.data;
  } catch (e) {
    if (e instanceof NotFoundError) return undefined;
    throw e;
  }
}

export async function productTypeFor(ctx: AmazonContext, sub: Pick<SkuSubmission, 'sku' | 'productType'>, store: AmazonStore, current: Item | undefined): Promise<string> {
  const known = sub.productType ?? (current && productTypeOf(current, store.marketplaceId)) ?? (await ctx.memory.get(store.marketplaceId, sub.sku))?.productType;
  if (!known) {
    throw new ValidationError({ message: `SKU ${sub.sku} is new on Amazon: give its product type in marketplace.amazon.productType`, path: 'marketplace.amazon.productType' });
  }
  return known;
}

export interface UpsertSkuOptions extends CallOptions {
  replace?: boolean;
  validateOnly?: boolean;
}

/**
 * One SKU. Existing SKUs get a PATCH of only the attributes that changed (a PUT would wipe edits
 * made in Seller Central); `replace` forces a full PUT; `validateOnly` runs VALIDATION_PREVIEW.
 */
/** The channel an existing SKU is on: read from the item, else from memory (report, earlier reads). */
export function channelOf(current: Item | undefined, remembered: { channel?: string } | undefined): string | undefined {
  const codes = current?.fulfillmentAvailability?.map((f) => f.fulfillmentChannelCode);
  return codes?.find(isAmazonChannel) ?? codes?.[0] ?? remembered?.channel;
}

export async function upsertSku(ctx: AmazonContext, input: SkuSubmission, store: AmazonStore, opts: UpsertSkuOptions): Promise<ListingResult> {
  const call = { signal: opts.signal, deadline: opts.deadline, timeoutMs: opts.timeoutMs };
  const remembered = await ctx.memory.get(store.marketplaceId, input.sku);
  const needsCurrent = !opts.replace || (!input.productType && !remembered);
  // productTypes too: a listing that is accepted but not live yet has no summary; fulfillmentAvailability to keep FBA SKUs FBA.
  const current = needsCurrent ? await readItem(ctx, input.sku, store, ['summaries', 'attributes', 'issues', 'productTypes', 'fulfillmentAvailability'], call) : undefined;
  const kept = keepChannel(input.attributes, channelOf(current, remembered), input.sku);
  const sub = { ...input, attributes: kept.attributes, warnings: [...input.warnings, ...(kept.warning ? [kept.warning] : [])] };
  const withWarnings = (r: ListingResult): ListingResult => (sub.warnings.length ? { ...r, issues: [...r.issues, ...sub.warnings] } : r);
  const productType = await productTypeFor(ctx, sub, store, current);
  const learnt = sub.fulfilment === 'amazon' ? { fulfilledBy: 'amazon' as const, channel: fbaChannel(store.amazon) } : {};
  const params = { sellerId: ctx.sellerId, sku: sub.sku };
  const query = { marketplaceIds: [store.marketplaceId], includedData: ['identifiers', 'issues'] as Array<'identifiers' | 'issues'>, ...(opts.validateOnly ? { mode: 'VALIDATION_PREVIEW' as const } : {}) };

  if (current && !opts.replace) {
    const changed = changedAttributes(sub.attributes, current.attributes, store.marketplaceId);
    if (changed.length === 0) return withWarnings({ ...itemResult(current, store), action: opts.validateOnly ? 'validated' : 'unchanged' });
    const res = await ctx.call(ops.patchListingsItem, { params, query, body: { productType, patches: patchesFor(sub.attributes, current.attributes, changed) } }, call);
    if (!opts.validateOnly) await ctx.memory.set(store.marketplaceId, sub.sku, { productType, exists: true });
    return withWarnings(submissionResult(res.data, store, opts.validateOnly ? 'validated' : 'updated'));
  }
  const journaled = opts.idempotencyKey && !opts.validateOnly;
  const put = journaled ? { ...ops.putListingsItem, idempotent: false, verify: verifyPut(ctx, sub, store) } : ops.putListingsItem;
  const res = await ctx.call(put, { params, query, body: { productType, requirements: sub.requirements, attributes: sub.attributes } }, { ...call, ...(journaled ? { idempotencyKey: `${opts.idempotencyKey}:${sub.sku}` } : {}) });
  if (!opts.validateOnly) await ctx.memory.set(store.marketplaceId, sub.sku, { productType, exists: !!current || res.data.status !== 'INVALID', ...learnt });
  return withWarnings(submissionResult(res.data, store, opts.validateOnly ? 'validated' : current ? 'updated' : 'created'));
}

/**
 * Did an earlier PUT of these attributes take effect? Read the item back: every attribute we sent
 * is there → done (the submission is not repeated); the SKU is absent or differs → not done (a PUT
 * replaces, so sending it again is safe); the read fails → unknown.
 */
function verifyPut(ctx: AmazonContext, sub: SkuSubmission, store: AmazonStore) {
  return async (): Promise<VerifyOutcome<SubmissionResponse>> => {
    const item = await readItem(ctx, sub.sku, store, ['summaries', 'attributes', 'productTypes'], { maxRetries: 1 });
    if (!item || changedAttributes(sub.attributes, item.attributes, store.marketplaceId).length) return { state: 'not_done' };
    return { state: 'done', data: { sku: sub.sku, status: 'ACCEPTED', submissionId: 'verified', issues: [] } };
  };
}

export async function settle(sku: string, work: () => Promise<ListingResult>): Promise<SkuOutcome> {
  try {
    return { sku, result: await work() };
  } catch (e) {
    return { sku, error: isXborderError(e) ? e : errorFromTransport(e, { marketplace: 'amazon', operation: 'upsert' }) };
  }
}

/** Runs tasks with at most `limit` in flight (the limiter still paces the calls themselves); results in input order. */
export async function pooled<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  if (!items.length) return [];
  const queue = new PQueue({ concurrency: Math.max(1, limit) });
  return queue.addAll(items.map((item) => () => fn(item)));
}

/** A variation family: the parent first (children reference it), then the children in parallel. */
export async function upsertFamily(ctx: AmazonContext, subs: SkuSubmission[], store: AmazonStore, opts: UpsertSkuOptions, concurrency: number): Promise<SkuOutcome[]> {
  const [head, ...rest] = subs;
  if (!head) return [];
  const first = await settle(head.sku, () => upsertSku(ctx, head, store, opts));
  const others = await pooled(rest, concurrency, (s) => settle(s.sku, () => upsertSku(ctx, s, store, opts)));
  return [first, ...others];
}

/** One ListingResult for a family: the parent's, with the children's issues (tagged by sku). */
export function familyResult(outcomes: SkuOutcome[]): ListingResult {
  const [head, ...rest] = outcomes;
  if (head?.error) throw head.error;
  const base = head!.result!;
  const issues: ListingIssue[] = [...base.issues];
  let failed = false;
  for (const o of rest) {
    if (o.error) {
      failed = true;
      issues.push({ code: o.error.code, message: o.error.message, severity: 'error', attributes: [], categories: [], sku: o.sku });
    } else {
      if (o.result!.status === 'invalid') failed = true;
      issues.push(...o.result!.issues.map((i) => ({ ...i, sku: i.sku ?? o.sku })));
    }
  }
  return { ...base, status: failed && base.status !== 'not_found' ? 'invalid' : base.status, issues };
}
