import { z } from 'zod';
import type { BulkUpsertOptions, StoreOptions } from '../../src/adapter.js';
import { ValidationError, isXborderError, parseInput, type XborderError } from '../../src/errors/index.js';
import type { VerifyOutcome } from '../../src/http/operation.js';
import { CategoryAttributes } from './attributes.js';
import { PhotobankImages, defaultFetchImage } from './images.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type BulkItemResult, type Listing, type ListingInput, type ListingIssue, type ListingResult } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import { wireParams } from './client.js';
import type { AdapterContext } from './context.js';
import type { AliExpressInventory } from './inventory.js';
import { listingStatus, localIssues, postProductRequest, requestJson, type Resolved } from './mappers/listing.js';
import { listOf, sellerOps } from './operations.js';
import { withCategoryAttributes } from './requirements/attribute-entries.js';

const SkuInput = z.string().min(1);
const STATUSES = ['onSelling', 'offline', 'auditing', 'editingRequired'] as const;

export interface FoundProduct {
  productId: string;
  status: (typeof STATUSES)[number];
  raw: Record<string, unknown>;
}

function issuesOf(e: XborderError): ListingIssue[] {
  const list = e.errors.length ? e.errors : [{ code: e.code, message: e.message }];
  return list.map((x) => ({ code: x.code, message: x.message, severity: 'error' as const, attributes: [], categories: [] }));
}

/** Listings through the classic solution product APIs: post / edit / list.get (by sku_code). */
export class AliExpressListings {
  /** sku → product id, learnt from lookups and posts (a product id never changes). */
  readonly productIds = new Map<string, string>();

  private readonly attributes: CategoryAttributes;
  private readonly images: PhotobankImages;

  constructor(private readonly ctx: AdapterContext, private readonly inventory: AliExpressInventory) {
    this.attributes = new CategoryAttributes(ctx);
    this.images = new PhotobankImages(ctx, ctx.config.fetchImage ?? defaultFetchImage());
  }

  /** The product carrying a SKU: product.list.get filtered by sku_code, status by status. */
  async find(sku: string, opts?: CallOptions): Promise<FoundProduct | undefined> {
    for (const status of STATUSES) {
      const query = { product_status_type: status, sku_code: sku, current_page: 1, page_size: 20 };
      const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productList, { body: wireParams({ aeop_a_e_product_list_query: query }) }, opts);
      const first = (res.data.result.aeop_a_e_product_display_d_t_o_list ?? [])[0] as Record<string, unknown> | undefined;
      if (first && first.product_id !== undefined) {
        const productId = String(first.product_id);
        this.productIds.set(sku, productId);
        return { productId, status, raw: first };
      }
    }
    return undefined;
  }

  /** Local checks only: the solution APIs document no dry-run for product.post. */
  async validate(input: ListingInput, _opts: StoreOptions = {}): Promise<ListingResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const issues = localIssues(l, this.ctx.config);
    if (!issues.length) postProductRequest(l, this.ctx.config, { images: l.images, skuAttributes: [] }); // currency checks throw here
    return { sku: l.sku, store: this.ctx.store.id, status: issues.length ? 'invalid' : 'accepted', issues, action: 'validated' };
  }

  async upsert(input: ListingInput, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    const l = parseInput(ListingSchema, input, 'listing');
    const store = this.ctx.store.id;
    const local = localIssues(l, this.ctx.config);
    if (local.length) return { sku: l.sku, store, status: 'invalid', issues: local, action: 'validated' };
    const { store: _s, ...callOpts } = opts;
    const { idempotencyKey: _k, ...readOpts } = callOpts;
    let resolved: (Resolved & { sent: Listing }) | { issues: ListingIssue[] };
    try {
      resolved = await this.resolve(l, readOpts);
    } catch (e) {
      if (isXborderError(e) && e.code === 'MARKETPLACE_REJECTED') return { sku: l.sku, store, status: 'invalid', issues: issuesOf(e), action: 'validated' };
      throw e;
    }
    if ('issues' in resolved) return { sku: l.sku, store, status: 'invalid', issues: resolved.issues, action: 'validated' };
    const existing = await this.find(l.sku, readOpts);
    try {
      let result: ListingResult;
      if (existing) {
        await this.settlePendingPost(existing.productId, callOpts.idempotencyKey);
        const req = postProductRequest(resolved.sent, this.ctx.config, { ...resolved, productId: existing.productId });
        await this.ctx.client.call(this.ctx.client.seller, sellerOps.productEdit, { body: { edit_product_request: requestJson(req) } }, readOpts);
        result = { sku: l.sku, store, status: 'accepted', marketplaceId: existing.productId, issues: [], action: 'updated' };
      } else {
        const req = postProductRequest(resolved.sent, this.ctx.config, resolved);
        const op = { ...sellerOps.productPost, verify: () => this.verifyPosted(l.sku, readOpts) };
        const res = await this.ctx.client.call(this.ctx.client.seller, op, { body: { post_product_request: requestJson(req) } }, callOpts);
        const productId = String(res.data.result.product_id);
        result = { sku: l.sku, store, status: 'accepted', marketplaceId: productId, issues: [], action: 'created' };
      }
      const productId = result.marketplaceId!;
      this.productIds.set(l.sku, productId);
      for (const v of l.variants) this.productIds.set(v.sku, productId);
      return { ...result, issues: await this.zeroStock(l, readOpts) };
    } catch (e) {
      if (isXborderError(e) && e.code === 'MARKETPLACE_REJECTED') return { sku: l.sku, store, status: 'invalid', issues: issuesOf(e), action: existing ? 'updated' : 'created' };
      throw e;
    }
  }

  /** What the request needs from the API: the brand and SKU attribute ids of the category, photobank URLs of the images. */
  private async resolve(l: Listing, opts: CallOptions): Promise<(Resolved & { sent: Listing }) | { issues: ListingIssue[] }> {
    const categoryId = l.marketplace.aliexpress?.categoryId ?? this.ctx.config.listingDefaults.categoryId!;
    const attrs = await this.attributes.of(categoryId, opts);
    const brand = this.attributes.brand(l, attrs);
    const skus = l.variants.map((v, i) => this.attributes.skuAttributes(v.options, attrs, `variants.${i}.options`));
    const issues = [...brand.issues, ...skus.flatMap((x) => x.issues)];
    if (issues.length) return { issues };
    try {
      const images = await this.images.urlsFor(l.images, 'images', opts);
      const skuImages: Array<string | undefined> = [];
      for (const [i, v] of l.variants.entries()) skuImages.push(v.images[0] ? await this.images.urlFor(v.images[0], `variants.${i}.images.0`, opts) : undefined);
      // Neutral attributes naming a category attribute are sent by id (requirements/attribute-entries.ts).
      return { brand: brand.entry, skuAttributes: skus.map((x) => x.entries), images, skuImages, sent: withCategoryAttributes(l, attrs) };
    } catch (e) {
      if (e instanceof ValidationError) return { issues: [{ code: 'IMAGE_REJECTED', message: e.message, severity: 'error', attributes: [e.path ?? 'images'], categories: [] }] };
      throw e;
    }
  }

  /**
   * A post left pending by an earlier run (crash between the request and the journal update) under
   * this idempotency key is settled by the read that just found the product: it landed.
   */
  private async settlePendingPost(productId: string, key: string | undefined): Promise<void> {
    const journal = this.ctx.client.config.journal;
    if (!key || !journal) return;
    const journalKey = `aliexpress:seller:${this.ctx.account}:${sellerOps.productPost.id}:${key}`;
    const prior = await journal.get(journalKey);
    if (prior?.state !== 'pending' && prior?.state !== 'unknown') return;
    const result = { data: { result: { product_id: Number(productId) } }, headers: {}, meta: { status: 200, attempts: 0, durationMs: 0, replayed: 'verified' } };
    await journal.put({ key: journalKey, operation: sellerOps.productPost.id, state: 'succeeded', at: this.ctx.clock.now(), result });
  }

  /** Verify step for raw product.post calls: the request's first sku_code is looked up. */
  verifyPostBody(postProductRequest: string, opts: CallOptions = {}): Promise<VerifyOutcome<{ result: { product_id: number } }>> {
    let sku: unknown;
    try {
      sku = (JSON.parse(postProductRequest) as { sku_info_list?: Array<{ sku_code?: unknown }> }).sku_info_list?.[0]?.sku_code;
    } catch {
      sku = undefined;
    }
    return typeof sku === 'string' ? this.verifyPosted(sku, opts) : Promise.resolve({ state: 'unknown', reason: 'the request names no sku_code' });
  }

  /** A product post whose answer was lost landed if the SKU is now found (product.list.get by sku_code). */
  private async verifyPosted(sku: string, opts: CallOptions): Promise<VerifyOutcome<{ result: { product_id: number } }>> {
    const found = await this.find(sku, opts);
    return found ? { state: 'done', data: { result: { product_id: Number(found.productId) } } } : { state: 'not_done' };
  }

  /** SKUs meant to be sold out were posted with stock 1 (postedStock): set them to 0 now. */
  private async zeroStock(l: Listing, opts: CallOptions): Promise<ListingIssue[]> {
    const zero = (l.variants.length ? l.variants.map((v) => ({ sku: v.sku, q: v.quantity ?? l.quantity })) : [{ sku: l.sku, q: l.quantity }]).filter((x) => x.q === 0);
    if (!zero.length) return [];
    const results = await this.inventory.set(zero.map((x) => ({ sku: x.sku, quantity: 0 })), opts);
    return results.filter((r) => !r.ok).map((r) => ({
      code: 'STOCK_NOT_ZEROED', message: `${r.sku} was listed with stock 1 (AliExpress takes 1..999999 on post/edit) and setting it to 0 failed: ${r.error?.message ?? 'unknown error'}`,
      severity: 'error' as const, attributes: ['quantity'], categories: [],
    }));
  }

  async get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const { store: _s, ...callOpts } = opts;
    const found = await this.find(sku, callOpts);
    if (!found) return { sku, store: this.ctx.store.id, status: 'not_found', issues: [], action: 'read' };
    return { sku, store: this.ctx.store.id, status: listingStatus(found.status), marketplaceId: found.productId, issues: [], action: 'read', raw: found.raw };
  }

  /** Price and/or stock of one SKU through the batch update APIs. */
  async update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const { store: _s, ...callOpts } = opts;
    const [r] = await this.inventory.set([{ sku, ...patch }], callOpts);
    const store = this.ctx.store.id;
    if (r?.ok) return { sku, store, status: 'accepted', marketplaceId: this.productIds.get(sku), issues: [], action: 'updated' };
    const e = r?.error;
    if (e?.code === 'NOT_FOUND') return { sku, store, status: 'not_found', issues: [], action: 'updated' };
    if (e && e.code !== 'MARKETPLACE_REJECTED') throw e;
    return { sku, store, status: 'invalid', issues: e ? issuesOf(e) : [], action: 'updated' };
  }

  /**
   * `aliexpress.solution.batch.product.delete` removes a whole product (irreversibly), and its
   * response fields are not documented: the product is found by SKU, deleted, then re-read. A SKU
   * whose product carries other SKUs is refused, since deleting it would take its siblings along.
   */
  async delete(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const { store: _s, ...callOpts } = opts;
    const store = this.ctx.store.id;
    const found = await this.find(sku, callOpts);
    if (!found) return { sku, store, status: 'not_found', issues: [], action: 'read' };
    const info = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productInfo, { body: { product_id: found.productId } }, callOpts);
    const siblings = skuCodesOf(info.data.result).filter((c) => c !== sku);
    if (siblings.length > 0) {
      const message = `product ${found.productId} also carries ${siblings.join(', ')}; AliExpress deletes whole products only`;
      return { sku, store, status: listingStatus(found.status), marketplaceId: found.productId, issues: [{ code: 'DELETE_WOULD_REMOVE_SIBLINGS', message, severity: 'error', attributes: [], categories: [] }], action: 'read' };
    }
    await this.ctx.client.call(this.ctx.client.seller, sellerOps.productDelete, { body: { product_ids: `[${found.productId}]` } }, callOpts);
    const after = await this.find(sku, callOpts);
    this.productIds.delete(sku);
    return { sku, store, status: after ? listingStatus(after.status) : 'deleted', marketplaceId: found.productId, issues: [], action: after ? 'read' : 'deleted' };
  }

  /** One result per SKU, in order; failures carry their cause. */
  async bulkUpsert(listings: ListingInput[], opts: BulkUpsertOptions = {}): Promise<BulkItemResult[]> {
    opts = parseCallOptions(opts) as BulkUpsertOptions; // null: none; hostile: ValidationError
    listings = parseInput(z.array(z.unknown()), listings, 'listings') as ListingInput[]; // each item is checked by upsert
    const { onProgress, ...rest } = opts;
    const out: BulkItemResult[] = [];
    let failed = 0;
    for (const l of listings) {
      const sku = typeof (l as { sku?: unknown } | undefined)?.sku === 'string' ? (l as { sku: string }).sku : '';
      try {
        out.push({ sku, ok: true, result: await this.upsert(l, rest) });
      } catch (e) {
        failed++;
        if (!isXborderError(e)) throw e;
        out.push({ sku, ok: false, error: e });
      }
      onProgress?.({ done: out.length, failed, total: listings.length, sku });
    }
    return out;
  }
}

/** The sku_code of every SKU of a product.info.get result (`aeop_ae_product_s_k_us`, plain or TOP-wrapped). */
function skuCodesOf(result: Record<string, unknown>): string[] {
  return listOf.parse(result.aeop_ae_product_s_k_us).map((x) => String((x as { sku_code?: unknown }).sku_code ?? '')).filter(Boolean);
}
