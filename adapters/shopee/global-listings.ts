import type { StoreOptions, UpsertOptions } from '../../src/adapter.js';
import { parseInput } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { ListingSchema, type Listing, type ListingInput, type ListingIssue, type ListingResult } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import { invalidResult, isRejection, issuesOf, storeFor, type AdapterContext, type ShopStore } from './context.js';
import { GlobalSkuIndex } from './global-index.js';
import { addGlobalVariants } from './global-variants.js';
import { chosenChannels, logisticInfo, ShopListingRules } from './listing-rules.js';
import { MemorySkuIndexStore } from './sku-catalog.js';
import { descriptionOf, dimensionCm, listingIssues, toTiers, weightKg } from './mappers/listing.js';
import { priceToWire } from './money.js';
import { globalOps } from './operations/global.js';
import { done, notDone, withVerify } from './operations/verify.js';
import { publishToShop, type PublishOutcome } from './publish.js';
import type { AddGlobalItemBody } from './schemas/requests.js';
import { whenItemReady } from './variants.js';

export interface GlobalUpsertOptions extends UpsertOptions {
  /** Store ids (shop ids) to publish to; default `store`, else every shop of the merchant. */
  publishTo?: string[];
}

/**
 * CNSC/KRSC merchant listings: upgraded shops cannot use product/add_item, so a listing is one
 * global product (merchant-signed, priced in the merchant currency) published to shops by tasks.
 */
export class GlobalListings {
  readonly index: GlobalSkuIndex;
  /** Global items this instance created → when (variants wait 5 s after creation). */
  private readonly created = new Map<number, number>();
  private readonly rules: ShopListingRules;

  constructor(private readonly ctx: AdapterContext) {
    this.rules = new ShopListingRules(ctx);
    const store = ctx.config.skuIndex ?? new MemorySkuIndexStore();
    this.index = new GlobalSkuIndex(ctx.client, ctx.merchant!.pipeline, store, `shopee:${ctx.config.partnerId}:merchant:${ctx.merchant!.id}`);
  }

  private get m() {
    return this.ctx.merchant!;
  }

  private logistics(l: Listing): number[] {
    return chosenChannels(l, this.ctx.config.logisticIds);
  }

  /** Each target shop's logistic list, checked against its channels before anything is written. */
  private async shipping(l: Listing, targets: ShopStore[], opts: CallOptions) {
    const ids = this.logistics(l);
    const out = new Map<number, ReturnType<typeof logisticInfo>>();
    for (const shop of targets) out.set(shop.shopId, ids.length ? logisticInfo(l, ids, await this.rules.channels(shop, opts), shop) : []);
    return out;
  }

  private targets(opts: GlobalUpsertOptions): ShopStore[] {
    if (opts.publishTo?.length) return opts.publishTo.map((id) => storeFor(this.ctx, id));
    return opts.store ? [storeFor(this.ctx, opts.store)] : this.ctx.shops;
  }

  async validate(input: ListingInput, opts: StoreOptions = {}): Promise<ListingResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const issues = listingIssues(l, this.m.rule, this.logistics(l));
    return { sku: l.sku, store: storeFor(this.ctx, opts.store).store.id, status: issues.length ? 'invalid' : 'accepted', issues, action: 'validated' };
  }

  async upsert(input: ListingInput, opts: GlobalUpsertOptions = {}): Promise<ListingResult> {
    const l = parseInput(ListingSchema, input, 'listing');
    const targets = this.targets(opts);
    const store = targets[0]!.store.id;
    const issues = listingIssues(l, this.m.rule, this.logistics(l));
    if (issues.length) return invalidResult(l.sku, store, issues);
    const shipping = await this.shipping(l, targets, opts);
    let globalItemId: number;
    let action: ListingResult['action'] = 'updated';
    const found = await this.index.findItem(l.sku, opts);
    try {
      if (found) {
        globalItemId = Number(found.global_item_id);
        issues.push(...(await this.updateExisting(l, globalItemId, opts)));
      } else {
        globalItemId = await this.create(l, opts);
        action = 'created';
        if (l.variants.length) issues.push(...(await this.initTiers(l, globalItemId, opts)));
      }
    } catch (e) {
      if (isRejection(e)) return invalidResult(l.sku, store, issuesOf(e));
      throw e;
    }
    const outcomes: PublishOutcome[] = [];
    for (const shop of targets) {
      const keyed = opts.idempotencyKey ? { ...opts, idempotencyKey: `${opts.idempotencyKey}:${shop.shopId}` } : opts;
      outcomes.push(await publishToShop(this.ctx, globalItemId, shop, shipping.get(shop.shopId)!, keyed));
    }
    issues.push(...outcomes.flatMap((o) => o.issues));
    const status = outcomes.some((o) => o.status === 'failed') || issues.some((i) => i.severity === 'error') ? 'invalid' : outcomes.some((o) => o.status === 'pending') ? 'pending' : 'active';
    return { sku: l.sku, store, status, marketplaceId: String(globalItemId), issues, action, raw: { globalItemId, published: outcomes } };
  }

  private async create(l: Listing, opts: CallOptions): Promise<number> {
    const imageIds = await this.ctx.images.idsFor(l.images, opts);
    const s = l.marketplace.shopee ?? {};
    const body: AddGlobalItemBody = {
      category_id: s.categoryId!, global_item_name: l.title, description: descriptionOf(l), global_item_sku: l.sku,
      image: { image_id_list: imageIds }, original_price: priceToWire(l.price, this.m.rule.currency, this.m.rule.decimals),
      weight: weightKg(l.package.weight!), pre_order: { days_to_ship: l.handlingTimeDays ?? 3 }, condition: l.condition === 'new' ? 'NEW' : 'USED',
      seller_stock: [{ stock: l.variants.length ? 0 : l.quantity }],
    };
    if (l.package.dimensions) body.dimension = dimensionCm(l.package.dimensions);
    if (s.brandId !== undefined) body.brand = { brand_id: s.brandId, original_brand_name: l.brand ?? 'NoBrand' };
    if (s.attributes?.length) body.attribute_list = s.attributes as AddGlobalItemBody['attribute_list'];
    // The index refreshes by update_time, so a global item the first attempt created is found by this lookup.
    const op = withVerify(globalOps.add_global_item, async () => {
      const hit = await this.index.findItem(l.sku);
      return hit ? done({ error: '', response: { global_item_id: hit.global_item_id } }) : notDone();
    });
    const res = await this.ctx.client.call(this.m.pipeline, op, { body }, opts);
    const id = Number(res.data.response.global_item_id);
    this.created.set(id, this.ctx.clock.now());
    this.index.remember(l.sku, { globalItemId: id, globalModelId: 0, hasModel: l.variants.length > 0 });
    return id;
  }

  private async initTiers(l: Listing, globalItemId: number, opts: CallOptions): Promise<ListingIssue[]> {
    const optionImages = new Map<string, string>();
    const first = l.optionNames[0]!;
    for (const v of l.variants) if (v.images[0] && !optionImages.has(v.options[first]!)) optionImages.set(v.options[first]!, await this.ctx.images.idFor(v.images[0], opts));
    const plan = toTiers(l, this.m.rule, optionImages);
    const op = withVerify(globalOps.init_tier_variation, async () => {
      const skus = new Set((await this.index.models(globalItemId)).map((m) => m.global_model_sku));
      return plan.models.every((m) => skus.has(m.sku)) ? done({ error: '' }) : notDone();
    });
    // The same 5 s rule as shop items (v2.global_product.init_tier_variation.json).
    await whenItemReady(this.ctx.clock, this.created.get(globalItemId) ?? 0, opts.signal, () => this.ctx.client.call(this.m.pipeline, op, {
      body: { global_item_id: globalItemId, standardise_tier_variation: plan.tiers, global_model: plan.models.map((m) => ({ tier_index: m.tier_index, original_price: m.price, global_model_sku: m.sku, seller_stock: m.stock })) },
    }, opts));
    for (const gm of await this.index.models(globalItemId, opts)) {
      if (gm.global_model_sku) this.index.remember(gm.global_model_sku, { globalItemId, globalModelId: Number(gm.global_model_id), hasModel: true });
    }
    return [];
  }

  private async updateExisting(l: Listing, globalItemId: number, opts: CallOptions): Promise<ListingIssue[]> {
    await this.ctx.client.call(this.m.pipeline, globalOps.update_global_item, { body: { global_item_id: globalItemId, global_item_name: l.title, description: descriptionOf(l), global_item_sku: l.sku } }, opts);
    if (!l.variants.length) return this.setPriceStock(globalItemId, [{ modelId: 0, price: l.price, quantity: l.quantity }], opts);
    const structure = await this.index.structure(globalItemId, opts);
    const bySku = new Map(structure.global_model.map((m) => [m.global_model_sku, Number(m.global_model_id)]));
    if (!bySku.size) return this.initTiers(l, globalItemId, opts);
    const updates = l.variants.filter((v) => bySku.has(v.sku)).map((v) => ({ modelId: bySku.get(v.sku)!, price: v.price ?? l.price, quantity: v.quantity }));
    const missing = l.variants.filter((v) => !bySku.has(v.sku));
    const issues = await this.setPriceStock(globalItemId, updates, opts);
    if (missing.length) issues.push(...(await addGlobalVariants(this.ctx, this.index, l, globalItemId, structure, missing, opts)));
    return issues;
  }

  /** Global update_price / update_stock, 50 models per call; global_model_id 0 for an item without models. */
  async setPriceStock(globalItemId: number, updates: Array<{ modelId: number; price?: Money; quantity?: number }>, opts: CallOptions): Promise<ListingIssue[]> {
    const prices = updates.filter((u) => u.price).map((u) => ({ global_model_id: u.modelId, original_price: priceToWire(u.price!, this.m.rule.currency, this.m.rule.decimals) }));
    const stocks = updates.filter((u) => u.quantity !== undefined).map((u) => ({ global_model_id: u.modelId, seller_stock: [{ stock: u.quantity! }] }));
    for (let i = 0; i < prices.length; i += 50) await this.ctx.client.call(this.m.pipeline, globalOps.update_price, { body: { global_item_id: globalItemId, price_list: prices.slice(i, i + 50) } }, opts);
    for (let i = 0; i < stocks.length; i += 50) await this.ctx.client.call(this.m.pipeline, globalOps.update_stock, { body: { global_item_id: globalItemId, stock_list: stocks.slice(i, i + 50) } }, opts);
    return [];
  }

  async get(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    const store = storeFor(this.ctx, opts.store).store.id;
    const loc = await this.index.locate(sku, opts);
    if (!loc) return { sku, store, status: 'not_found', issues: [], action: 'read' };
    const [info] = await this.index.info([loc.globalItemId], opts);
    const shop = storeFor(this.ctx, opts.store);
    const pub = (await this.ctx.client.call(this.m.pipeline, globalOps.get_published_list, { query: { global_item_id: loc.globalItemId, shop_id_list: String(shop.shopId) } }, opts)).data.response.published_item[0];
    return { sku, store, status: pub ? 'active' : 'pending', marketplaceId: String(loc.globalItemId), issues: [], action: 'read', raw: { global: info, published: pub } };
  }

  async update(sku: string, patch: { price?: Money; quantity?: number }, opts: StoreOptions = {}): Promise<ListingResult> {
    const store = storeFor(this.ctx, opts.store).store.id;
    const loc = await this.index.locate(sku, opts);
    if (!loc) return { sku, store, status: 'not_found', issues: [], action: 'updated' };
    const issues = await this.setPriceStock(loc.globalItemId, [{ modelId: loc.globalModelId, ...patch }], opts);
    return { sku, store, status: 'active', marketplaceId: String(loc.globalItemId), issues, action: 'updated' };
  }

  async delete(sku: string, opts: StoreOptions = {}): Promise<ListingResult> {
    const store = storeFor(this.ctx, opts.store).store.id;
    const item = await this.index.findItem(sku, opts);
    if (!item) return { sku, store, status: 'not_found', issues: [], action: 'deleted' };
    const id = Number(item.global_item_id);
    const op = withVerify(globalOps.delete_global_item, async () => ((await this.index.info([id])).length ? notDone() : done({ error: '' })));
    await this.ctx.client.call(this.m.pipeline, op, { body: { global_item_id: id } }, opts);
    return { sku, store, status: 'deleted', marketplaceId: String(id), issues: [], action: 'deleted' };
  }
}
