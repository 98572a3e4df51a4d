import type { BulkUpsertOptions, StoreOptions } from '../../src/adapter.js';
import { isXborderError, parseInput, type XborderError } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type BulkItemResult, type ListingInput, type ListingIssue, type ListingResult } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import { wireParams } from './client.js';
import type { AdapterContext } from './context.js';
import type { AliExpressInventory } from './inventory.js';
import { listingStatus, localIssues, postProductRequest } from './mappers/listing.js';
import { listOf, sellerOps } from './operations.js';

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

  constructor(private readonly ctx: AdapterContext, private readonly inventory: AliExpressInventory) {}

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
    if (!issues.length) postProductRequest(l, this.ctx.config); // currency checks throw here
    return { sku: l.sku, store: this.ctx.store.id, status: issues.length ? 'invalid' : 'accepted', issues, action: 'validated' };
  }

  async upsert(input: ListingInput, opts: StoreOptions = {}): Promise<ListingResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const store = this.ctx.store.id;
    const local = localIssues(l, this.ctx.config);
    if (local.length) return { sku: l.sku, store, status: 'invalid', issues: local, action: 'validated' };
    const { store: _s, ...callOpts } = opts;
    const existing = await this.find(l.sku, callOpts);
    try {
      if (existing) {
        const req = postProductRequest(l, this.ctx.config, existing.productId);
        await this.ctx.client.call(this.ctx.client.seller, sellerOps.productEdit, { body: wireParams({ edit_product_request: req }) }, callOpts);
        return { sku: l.sku, store, status: 'accepted', marketplaceId: existing.productId, issues: [], action: 'updated' };
      }
      const req = postProductRequest(l, this.ctx.config);
      const res = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productPost, { body: wireParams({ post_product_request: req }) }, callOpts);
      const productId = String(res.data.result.product_id);
      this.productIds.set(l.sku, productId);
      for (const v of l.variants) this.productIds.set(v.sku, productId);
      return { sku: l.sku, store, status: 'accepted', marketplaceId: productId, issues: [], action: 'created' };
    } catch (e) {
      if (isXborderError(e) && e.code === 'MARKETPLACE_REJECTED') return { sku: l.sku, store, status: 'invalid', issues: issuesOf(e), action: existing ? 'updated' : 'created' };
      throw e;
    }
  }

  async get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    const { store: _s, ...callOpts } = opts;
    const found = await this.find(sku, callOpts);
    if (!found) return { sku, store: this.ctx.store.id, status: 'not_found', issues: [], action: 'read' };
    return { sku, store: this.ctx.store.id, status: listingStatus(found.status), marketplaceId: found.productId, issues: [], action: 'read', raw: found.raw };
  }

  /** Price and/or stock of one SKU through the batch update APIs. */
  async update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
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
    const { store: _s, ...callOpts } = opts;
    const store = this.ctx.store.id;
    const found = await this.find(sku, callOpts);
    if (!found) return { sku, store, status: 'not_found', issues: [], action: 'read' };
    const info = await this.ctx.client.call(this.ctx.client.seller, sellerOps.productInfo, { body: wireParams({ product_id: Number(found.productId) }) }, callOpts);
    const siblings = skuCodesOf(info.data.result).filter((c) => c !== sku);
    if (siblings.length > 0) {
      const message = `product ${found.productId} also carries ${siblings.join(', ')}; AliExpress deletes whole products only`;
      return { sku, store, status: listingStatus(found.status), marketplaceId: found.productId, issues: [{ code: 'DELETE_WOULD_REMOVE_SIBLINGS', message, severity: 'error', attributes: [], categories: [] }], action: 'read' };
    }
    await this.ctx.client.call(this.ctx.client.seller, sellerOps.productDelete, { body: wireParams({ product_ids: [Number(found.productId)] }) }, callOpts);
    const after = await this.find(sku, callOpts);
    this.productIds.delete(sku);
    return { sku, store, status: after ? listingStatus(after.status) : 'deleted', marketplaceId: found.productId, issues: [], action: after ? 'read' : 'deleted' };
  }

  /** One result per SKU, in order; failures carry their cause. */
  async bulkUpsert(listings: ListingInput[], opts: BulkUpsertOptions = {}): Promise<BulkItemResult[]> {
    const { onProgress, ...rest } = opts;
    const out: BulkItemResult[] = [];
    let failed = 0;
    for (const l of listings) {
      const sku = (l as { sku?: string }).sku ?? '';
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
