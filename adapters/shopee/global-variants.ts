import type { CallOptions } from '../../src/http/call-options.js';
import type { Listing, ListingIssue } from '../../src/model/listing.js';
import { isRejection, issuesOf, type AdapterContext } from './context.js';
import type { GlobalSkuIndex } from './global-index.js';
import { priceToWire } from './money.js';
import { extendTierOptions, tierIndexOf } from './tier-options.js';
import { globalOps } from './operations/global.js';
import { done, notDone, withVerify } from './operations/verify.js';
import type { GlobalModelListResponse } from './schemas/global.js';
import type { StandardiseTier } from './schemas/requests.js';

type Structure = GlobalModelListResponse['response'];
type Variant = Listing['variants'][number];

const warn = (code: string, message: string, attributes: string[]): ListingIssue => ({ code, message, severity: 'warning', attributes, categories: [] });

/**
 * New variants of a global item that already has tiers: option values the tiers lack are appended
 * with global update_tier_variation ("add options ... without changing the tier structure",
 * specs/shopee/v2.global_product.update_tier_variation.json), keeping every model's tier_index;
 * then add_global_model (v2.global_product.add_global_model.json) with indexes into the lists.
 */
export async function addGlobalVariants(ctx: AdapterContext, index: GlobalSkuIndex, l: Listing, globalItemId: number, structure: Structure, missing: Variant[], opts: CallOptions): Promise<ListingIssue[]> {
  const m = ctx.merchant!;
  const names = structure.tier_variation.map((t) => t.name ?? '');
  const lists = structure.tier_variation.map((t) => t.option_list.map((o) => o.option ?? ''));
  const issues: ListingIssue[] = [];
  const placed = missing.filter((v) => {
    if (names.length === l.optionNames.length && names.every((n) => v.options[n] !== undefined)) return true;
    issues.push(warn('VARIANT_NEEDS_NEW_OPTION', `variant ${v.sku} does not fit the global item's tiers (${names.join(', ')}); update_tier_variation cannot change the tier structure`, ['tier_variation']));
    return false;
  });
  if (!placed.length) return issues;
  const { extended, grew } = extendTierOptions(lists, names, placed);
  try {
    if (grew) {
      const body = { global_item_id: globalItemId, standardise_tier_variation: await tiers(ctx, structure, extended, placed, opts), model_list: structure.global_model.map((g) => ({ model_id: Number(g.global_model_id), tier_index: g.tier_index })) };
      await ctx.client.call(m.pipeline, globalOps.update_tier_variation, { body }, opts);
    }
    const list = placed.map((v) => ({
      tier_index: tierIndexOf(extended, names, v),
      original_price: priceToWire(v.price ?? l.price, m.rule.currency, m.rule.decimals, `variants[${l.variants.indexOf(v)}].price`),
      global_model_sku: v.sku, seller_stock: [{ stock: v.quantity ?? 0 }],
    }));
    const op = withVerify(globalOps.add_global_model, async () => {
      const have = new Set((await index.models(globalItemId)).map((g) => g.global_model_sku));
      return list.every((x) => have.has(x.global_model_sku)) ? done({ error: '' }) : notDone();
    });
    await ctx.client.call(m.pipeline, op, { body: { global_item_id: globalItemId, global_model: list } }, opts);
    for (const g of await index.models(globalItemId, opts)) {
      if (g.global_model_sku) index.remember(g.global_model_sku, { globalItemId, globalModelId: Number(g.global_model_id), hasModel: true });
    }
  } catch (e) {
    if (!isRejection(e)) throw e;
    issues.push(...issuesOf(e).map((i) => ({ ...i, attributes: ['global_model'] })));
  }
  return issues;
}

/** The extended option lists; first-tier option images are kept, a new option takes its variant's first image. */
async function tiers(ctx: AdapterContext, structure: Structure, extended: string[][], placed: Variant[], opts: CallOptions): Promise<StandardiseTier[]> {
  const first = structure.tier_variation[0];
  const images = new Map<string, string>();
  for (const o of first?.option_list ?? []) if (o.option && o.image?.image_id) images.set(o.option, o.image.image_id);
  for (const v of placed) {
    const value = v.options[first?.name ?? '']!;
    if (v.images[0] && !images.has(value)) images.set(value, await ctx.images.idFor(v.images[0], opts));
  }
  return structure.tier_variation.map((t, ti) => ({
    variation_id: 0, variation_group_id: 0, variation_name: t.name ?? '',
    variation_option_list: extended[ti]!.map((value) => {
      const image_id = ti === 0 ? images.get(value) : undefined;
      return { variation_option_id: 0, variation_option_name: value, ...(image_id ? { image_id } : {}) };
    }),
  }));
}
