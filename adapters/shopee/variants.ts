import type { CallOptions } from '../../src/http/call-options.js';
import type { Clock } from '../../src/http/clock.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { Listing, ListingIssue } from '../../src/model/listing.js';
import { isRejection, issuesOf, sellerStock, type AdapterContext, type ShopStore } from './context.js';
import { toTiers } from './mappers/listing.js';
import { priceToWire } from './money.js';
import { extendTierOptions, tierIndexOf } from './tier-options.js';
import { productOps } from './operations/product.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { ModelListResponse } from './schemas/product.js';
import type { StandardiseTier } from './schemas/requests.js';
import type { ShopSkuIndex } from './sku-index.js';

/** get_model_list's answer: the item's tiers and models. */
type ItemStructure = ModelListResponse['response'];

/**
 * "Please wait at least 5 seconds after creating an item before creating variants, as processing
 * may be delayed." (specs/shopee/v2.product.init_tier_variation.json; the global_product twin says
 * the same). Before that the item is not ready and Shopee answers error_item_not_found.
 */
export const VARIANT_DELAY_MS = 5000;
/** How often a not-yet-ready item is retried (each after another VARIANT_DELAY_MS). */
const NOT_READY_RETRIES = 3;

const notReady = (e: unknown) => isRejection(e) && /item_not_found|not found/i.test(`${(e as { marketplaceCode?: string }).marketplaceCode ?? ''} ${(e as Error).message}`);
const warn = (code: string, message: string, attributes: string[]): ListingIssue => ({ code, message, severity: 'warning', attributes, categories: [] });

/**
 * Runs `call` once the item is VARIANT_DELAY_MS old (on the injectable clock: tests never sleep),
 * retrying after the same delay while Shopee says the new item is not there yet.
 */
export async function whenItemReady<T>(clock: Clock, createdAtMs: number, signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  const wait = createdAtMs + VARIANT_DELAY_MS - clock.now();
  if (wait > 0) await clock.sleep(wait, signal);
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!notReady(e) || attempt >= NOT_READY_RETRIES) throw e;
      await clock.sleep(VARIANT_DELAY_MS, signal);
    }
  }
}

/** Variants of a shop item: init_tier_variation for an item without any, add_model to extend one. */
export class ShopVariants {
  constructor(private readonly ctx: AdapterContext) {}

  private whenReady<T>(createdAtMs: number, opts: CallOptions, call: () => Promise<T>): Promise<T> {
    return whenItemReady(this.ctx.clock, createdAtMs, opts.signal, call);
  }

  /** init_tier_variation; a replay first checks whether the models already exist. */
  async init(l: Listing, shop: ShopStore, pipe: Pipeline, index: ShopSkuIndex, itemId: number, createdAtMs: number, opts: CallOptions): Promise<ListingIssue[]> {
    const first = l.optionNames[0]!;
    const optionImages = new Map<string, string>();
    for (const v of l.variants) {
      const value = v.options[first]!;
      if (v.images[0] && !optionImages.has(value)) optionImages.set(value, await this.ctx.images.idFor(v.images[0], opts));
    }
    const plan = toTiers(l, shop.rule, optionImages, shop.locationId);
    const op = withVerify(productOps.init_tier_variation, async () => {
      const models = await index.models(itemId);
      const skus = new Set(models.map((m) => m.model_sku));
      return plan.models.every((m) => skus.has(m.sku))
        ? done({ error: '', response: { item_id: itemId, model: models.map((m) => ({ model_id: m.model_id, model_sku: m.model_sku })) } })
        : notDone();
    });
    const body = { item_id: itemId, standardise_tier_variation: plan.tiers, model: plan.models.map((m) => ({ tier_index: m.tier_index, original_price: m.price, model_sku: m.sku, seller_stock: m.stock })) };
    try {
      const res = await this.whenReady(createdAtMs, opts, () => this.ctx.client.call(pipe, op, { body }, opts));
      for (const m of res.data.response?.model ?? []) if (m.model_sku) index.remember(m.model_sku, { itemId, modelId: Number(m.model_id), hasModel: true });
      return [];
    } catch (e) {
      if (isRejection(e)) return issuesOf(e).map((i) => ({ ...i, attributes: ['tier_variation'] }));
      throw e;
    }
  }

  /**
   * New variants of an item that already has tiers. A variant whose option value the tiers lack
   * first extends the option lists with update_tier_variation ("add options ... without changing the
   * tier structure", specs/shopee/v2.product.update_tier_variation.json): new values are appended so
   * every existing model keeps its tier_index. Then add_model with indexes into the lists.
   */
  async add(l: Listing, shop: ShopStore, pipe: Pipeline, index: ShopSkuIndex, itemId: number, structure: ItemStructure, missing: Listing['variants'], opts: CallOptions): Promise<ListingIssue[]> {
    const issues: ListingIssue[] = [];
    const tiers = structure.tier_variation;
    const names = tiers.map((t) => t.name ?? '');
    const lists = tiers.map((t) => t.option_list.map((o) => o.option ?? ''));
    const fits = (v: Listing['variants'][number]) => tiers.length === l.optionNames.length && names.every((n) => v.options[n] !== undefined);
    const placed = missing.filter((v) => {
      if (fits(v)) return true;
      issues.push(warn('VARIANT_NEEDS_NEW_OPTION', `variant ${v.sku} does not fit the item's tiers (${names.join(', ')}); update_tier_variation cannot change the tier structure: change it in Seller Centre`, ['tier_variation']));
      return false;
    });
    if (!placed.length) return issues;
    const { extended, grew } = extendTierOptions(lists, names, placed);
    if (grew) {
      const refused = await this.extendOptions(pipe, itemId, structure, extended, placed, opts);
      if (refused.length) return [...issues, ...refused];
    }
    const list = placed.map((v) => {
      const i = l.variants.indexOf(v);
      const tier_index = tierIndexOf(extended, names, v);
      return { tier_index, original_price: priceToWire(v.price ?? l.price, shop.rule.currency, shop.rule.decimals, `variants[${i}].price`), model_sku: v.sku, seller_stock: sellerStock(shop, v.quantity ?? 0) };
    });
    const op = withVerify(productOps.add_model, async () => {
      const models = await index.models(itemId);
      const have = new Set(models.map((m) => m.model_sku));
      return list.every((m) => have.has(m.model_sku)) ? done({ error: '', response: { model: models.filter((m) => list.some((x) => x.model_sku === m.model_sku)) } }) : notDone();
    });
    try {
      const res = await this.ctx.client.call(pipe, op, { body: { item_id: itemId, model_list: list } }, opts);
      for (const m of res.data.response.model) if (m.model_sku) index.remember(m.model_sku, { itemId, modelId: Number(m.model_id), hasModel: true });
    } catch (e) {
      if (!isRejection(e)) throw e;
      issues.push(...issuesOf(e).map((i) => ({ ...i, attributes: ['model'] })));
    }
    return issues;
  }

  /** update_tier_variation with the appended options; existing option images and model indexes are sent back unchanged. */
  private async extendOptions(pipe: Pipeline, itemId: number, structure: ItemStructure, extended: string[][], placed: Listing['variants'], opts: CallOptions): Promise<ListingIssue[]> {
    const images = new Map<string, string>();
    for (const o of structure.tier_variation[0]?.option_list ?? []) if (o.option && o.image?.image_id) images.set(o.option, o.image.image_id);
    for (const v of placed) {
      const value = v.options[structure.tier_variation[0]?.name ?? '']!;
      if (v.images[0] && !images.has(value)) images.set(value, await this.ctx.images.idFor(v.images[0], opts));
    }
    const body = {
      item_id: itemId,
      standardise_tier_variation: structure.tier_variation.map((t, ti): StandardiseTier => ({
        variation_id: 0, variation_group_id: 0, variation_name: t.name ?? '',
        variation_option_list: extended[ti]!.map((value) => {
          const image_id = ti === 0 ? images.get(value) : undefined;
          return { variation_option_id: 0, variation_option_name: value, ...(image_id ? { image_id } : {}) };
        }),
      })),
      model_list: structure.model.map((m) => ({ model_id: Number(m.model_id), tier_index: m.tier_index })),
    };
    try {
      await this.ctx.client.call(pipe, productOps.update_tier_variation, { body }, opts);
      return [];
    } catch (e) {
      if (isRejection(e)) return issuesOf(e).map((i) => ({ ...i, attributes: ['tier_variation'] }));
      throw e;
    }
  }
}
