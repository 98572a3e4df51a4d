import { z } from 'zod';
import type { StoreOptions, UpsertOptions } from '../../src/adapter.js';
import { parseInput, ValidationError } from '../../src/errors/index.js';
import { parseCallOptions, type CallOptions } from '../../src/http/call-options.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import { ListingSchema, type Listing, type ListingInput, type ListingIssue, type ListingResult } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import { invalidResult, isRejection, issuesOf, sellerStock, shopPipeline, storeFor, type AdapterContext, type ShopStore } from './context.js';
import { chosenChannels, ShopListingRules } from './listing-rules.js';
import { descriptionOf, dimensionCm, listingIssues, priceIssues, toAddItem, weightKg } from './mappers/listing.js';
import { mapItemStatus } from './mappers/status.js';
import { priceToWire } from './money.js';
import { productOps } from './operations/product.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { ItemBaseInfo, UpdateListResponse } from './schemas/product.js';
import type { UpdateItemBody } from './schemas/requests.js';
import { MemorySkuIndexStore, type SkuIndexStore } from './sku-catalog.js';
import { ShopSkuIndex } from './sku-index.js';
import { ShopVariants } from './variants.js';

/** How far back the consistent get_item_list scan looks when proving an add_item happened. */
const VERIFY_LOOKBACK_S = 600;
const SkuInput = z.string().min(1);

const error = (code: string, message: string, attributes: string[] = []): ListingIssue => ({ code, message, severity: 'error', attributes, categories: [] });

/** Shop-level listings (product/*): local shops and cross-border shops not upgraded to CNSC. */
export class ShopListings {
  private readonly indexes = new Map<number, ShopSkuIndex>();
  /** SKUs whose add_item ended without a provable outcome: the next upsert uses the consistent lookup. */
  private readonly suspect = new Set<string>();

  private readonly variants: ShopVariants;
  private readonly skuStore: SkuIndexStore;
  private readonly rules: ShopListingRules;

  constructor(private readonly ctx: AdapterContext) {
    this.variants = new ShopVariants(ctx);
    this.rules = new ShopListingRules(ctx);
    this.skuStore = ctx.config.skuIndex ?? new MemorySkuIndexStore();
  }

  index(shop: ShopStore): ShopSkuIndex {
    let ix = this.indexes.get(shop.shopId);
    if (!ix) {
      ix = new ShopSkuIndex(this.ctx.client, this.pipe(shop), this.skuStore, `shopee:${this.ctx.config.partnerId}:shop:${shop.shopId}`);
      this.indexes.set(shop.shopId, ix);
    }
    return ix;
  }

  private pipe(shop: ShopStore): Pipeline {
    return shopPipeline(this.ctx, shop.shopId);
  }

  private logistics(l: Listing): number[] {
    return chosenChannels(l, this.ctx.config.logisticIds);
  }

  async validate(input: ListingInput, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    const l = parseInput(ListingSchema, input, 'listing');
    const shop = storeFor(this.ctx, opts.store);
    const issues = listingIssues(l, shop.rule, this.logistics(l));
    if (!issues.length) issues.push(...(await this.ruleIssues(l, shop, opts)));
    return { sku: l.sku, store: shop.store.id, status: issues.length ? 'invalid' : 'accepted', issues, action: 'validated' };
  }

  /** The channel / days-to-ship rules upsert enforces, as issues naming the field. */
  private async ruleIssues(l: Listing, shop: ShopStore, opts: CallOptions): Promise<ListingIssue[]> {
    try {
      await this.rules.forCreate(l, shop, this.ctx.config.logisticIds, opts);
      return [];
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      return [error('SHIPPING_RULE', e.message, [e.path])];
    }
  }

  /** Looks the SKU up first: an existing item is updated, never duplicated. */
  async upsert(input: ListingInput, opts: UpsertOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as UpsertOptions; // null: none; hostile: ValidationError
    const l = parseInput(ListingSchema, input, 'listing');
    const shop = storeFor(this.ctx, opts.store);
    const since = this.suspect.has(l.sku) ? this.ctx.client.nowSeconds() - VERIFY_LOOKBACK_S : undefined;
    const existing = await this.index(shop).findItem(l.sku, opts, since);
    this.suspect.delete(l.sku);
    if (existing) return this.updateExisting(l, shop, existing, opts);
    const issues = listingIssues(l, shop.rule, this.logistics(l));
    if (issues.length) return invalidResult(l.sku, shop.store.id, issues);
    try {
      return await this.create(l, shop, opts);
    } catch (e) {
      if (isRejection(e)) return invalidResult(l.sku, shop.store.id, issuesOf(e));
      throw e;
    }
  }

  private async create(l: Listing, shop: ShopStore, opts: CallOptions): Promise<ListingResult> {
    // Channel and category rules first: a ValidationError naming the field, before any upload or write.
    const shipping = await this.rules.forCreate(l, shop, this.ctx.config.logisticIds, opts);
    const imageIds = await this.ctx.images.idsFor(l.images, opts);
    const body = toAddItem(l, shop.rule, imageIds, shipping, shop.locationId);
    const since = this.ctx.client.nowSeconds() - VERIFY_LOOKBACK_S;
    const index = this.index(shop);
    // add_item is not idempotent: before any replay, prove whether the first attempt created the item.
    const addItem = withVerify(productOps.add_item, async () => {
      const found = await index.findItem(l.sku, {}, since);
      return found ? done({ error: '', response: { item_id: found.item_id } }) : notDone();
    });
    const res = await this.ctx.client.call(this.pipe(shop), addItem, { body }, opts).catch((e) => {
      if (!isRejection(e)) this.suspect.add(l.sku);
      throw e;
    });
    const itemId = Number(res.data.response.item_id);
    const createdAt = this.ctx.clock.now();
    index.remember(l.sku, { itemId, modelId: 0, hasModel: l.variants.length > 0 });
    const issues: ListingIssue[] = [];
    if (l.variants.length) issues.push(...(await this.variants.init(l, shop, this.pipe(shop), index, itemId, createdAt, opts)));
    return { sku: l.sku, store: shop.store.id, status: issues.some((i) => i.severity === 'error') ? 'invalid' : 'active', marketplaceId: String(itemId), issues, action: 'created' };
  }

  private async updateExisting(l: Listing, shop: ShopStore, item: ItemBaseInfo, opts: CallOptions): Promise<ListingResult> {
    const itemId = Number(item.item_id);
    const bad = priceIssues(l, shop.rule);
    if (bad.length) return { ...invalidResult(l.sku, shop.store.id, bad), marketplaceId: String(itemId) };
    const issues: ListingIssue[] = [];
    try {
      await this.ctx.client.call(this.pipe(shop), productOps.update_item, { body: await this.contentPatch(l, shop, itemId, item, opts) }, opts);
    } catch (e) {
      if (!isRejection(e)) throw e;
      issues.push(...issuesOf(e));
    }
    if (!l.variants.length) {
      issues.push(...(await this.setPriceStock(shop, itemId, [{ modelId: 0, price: l.price, quantity: l.quantity }], opts)));
    } else {
      const index = this.index(shop);
      const structure = await index.structure(itemId, opts);
      const models = structure.model;
      const createdAt = (item.create_time ?? 0) * 1000;
      if (!models.length) issues.push(...(await this.variants.init(l, shop, this.pipe(shop), index, itemId, createdAt, opts)));
      else {
        const bySku = new Map(models.map((m) => [m.model_sku, Number(m.model_id)]));
        const missing = l.variants.filter((v) => !bySku.has(v.sku));
        const updates = l.variants.flatMap((v) => {
          const modelId = bySku.get(v.sku);
          if (modelId === undefined) return [];
          index.remember(v.sku, { itemId, modelId, hasModel: true });
          return [{ modelId, price: v.price ?? l.price, quantity: v.quantity }];
        });
        if (updates.length) issues.push(...(await this.setPriceStock(shop, itemId, updates, opts)));
        if (missing.length) issues.push(...(await this.variants.add(l, shop, this.pipe(shop), index, itemId, structure, missing, opts)));
      }
    }
    const status = issues.some((i) => i.severity === 'error') ? 'invalid' : mapItemStatus(item.item_status);
    return { sku: l.sku, store: shop.store.id, status, marketplaceId: String(itemId), issues, action: 'updated' };
  }

  private async contentPatch(l: Listing, shop: ShopStore, itemId: number, item: ItemBaseInfo, opts: CallOptions): Promise<UpdateItemBody> {
    const s = l.marketplace.shopee ?? {};
    const body: UpdateItemBody = { item_id: itemId, item_name: l.title, description: descriptionOf(l), item_sku: l.sku, condition: l.condition === 'new' ? 'NEW' : 'USED' };
    if (l.package.weight) body.weight = weightKg(l.package.weight);
    if (l.package.dimensions) body.dimension = dimensionCm(l.package.dimensions);
    if (s.categoryId) body.category_id = s.categoryId;
    if (s.brandId !== undefined) body.brand = { brand_id: s.brandId, original_brand_name: l.brand ?? 'NoBrand' };
    // update_item takes no logistic_info (specs/shopee/v2.product.update_item.json request): only the days-to-ship rule applies.
    const po = await this.rules.preOrder(l, shop, s.categoryId ?? item.category_id, opts);
    if (po) body.pre_order = po;
    if (l.images.length) {
      const ids = await this.ctx.images.idsFor(l.images, opts);
      if (ids.join() !== (item.image?.image_id_list ?? []).join()) body.image = { image_id_list: ids };
    }
    return body;
  }

  /** update_price + update_stock for one item; failure_list entries become issues, not exceptions. */
  async setPriceStock(shop: ShopStore, itemId: number, updates: Array<{ modelId: number; price?: Money; quantity?: number }>, opts: CallOptions): Promise<ListingIssue[]> {
    const issues: ListingIssue[] = [];
    const prices = updates.filter((u) => u.price).map((u) => ({ model_id: u.modelId, original_price: priceToWire(u.price!, shop.rule.currency, shop.rule.decimals) }));
    const stocks = updates.filter((u) => u.quantity !== undefined).map((u) => ({ model_id: u.modelId, seller_stock: sellerStock(shop, u.quantity!) }));
    const collect = (res: UpdateListResponse, what: string) => {
      for (const f of res.response?.failure_list ?? []) issues.push(error(`${what.toUpperCase()}_FAILED`, `model ${f.model_id ?? 0}: ${f.failed_reason ?? 'refused'}`, [what]));
    };
    for (let i = 0; i < prices.length; i += 50) {
      collect((await this.ctx.client.call(this.pipe(shop), productOps.update_price, { body: { item_id: itemId, price_list: prices.slice(i, i + 50) } }, opts)).data, 'price');
    }
    for (let i = 0; i < stocks.length; i += 50) {
      collect((await this.ctx.client.call(this.pipe(shop), productOps.update_stock, { body: { item_id: itemId, stock_list: stocks.slice(i, i + 50) } }, opts)).data, 'stock');
    }
    return issues;
  }

  async get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const shop = storeFor(this.ctx, opts.store);
    const loc = await this.index(shop).locate(sku, opts);
    if (!loc) return { sku, store: shop.store.id, status: 'not_found', issues: [], action: 'read' };
    const [info] = await this.index(shop).baseInfo([loc.itemId], opts);
    if (!info) return { sku, store: shop.store.id, status: 'not_found', issues: [], action: 'read' };
    return { sku, store: shop.store.id, status: mapItemStatus(info.item_status), marketplaceId: String(info.item_id), issues: [], action: 'read', raw: info };
  }

  async update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const shop = storeFor(this.ctx, opts.store);
    const loc = await this.index(shop).locate(sku, opts);
    if (!loc) return { sku, store: shop.store.id, status: 'not_found', issues: [], action: 'updated' };
    const issues = await this.setPriceStock(shop, loc.itemId, [{ modelId: loc.modelId, ...patch }], opts);
    return { sku, store: shop.store.id, status: issues.length ? 'invalid' : 'active', marketplaceId: String(loc.itemId), issues, action: 'updated' };
  }

  async delete(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    opts = parseCallOptions(opts) as StoreOptions; // null: none; hostile: ValidationError
    sku = parseInput(SkuInput, sku, 'sku');
    const shop = storeFor(this.ctx, opts.store);
    const index = this.index(shop);
    const item = await index.findItem(sku, opts);
    if (!item) return { sku, store: shop.store.id, status: 'not_found', issues: [], action: 'deleted' };
    const itemId = Number(item.item_id);
    const op = withVerify(productOps.delete_item, async () => {
      const [info] = await index.baseInfo([itemId]);
      return !info || /DELETE/.test(info.item_status ?? '') ? done({ error: '' }) : notDone();
    });
    await this.ctx.client.call(this.pipe(shop), op, { body: { item_id: itemId } }, opts);
    index.forget(sku);
    return { sku, store: shop.store.id, status: 'deleted', marketplaceId: String(itemId), issues: [], action: 'deleted' };
  }
}
