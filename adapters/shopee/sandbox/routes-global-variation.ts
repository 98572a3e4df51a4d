import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { priceOk } from './routes-product.js';
import { tiersOf } from './routes-variation.js';
import type { ShopeeSandboxState } from './world.js';

type Merchant = Extract<Caller, { kind: 'merchant' }>;

const decimalsOf = (currency: string) => (currency === 'KRW' || currency === 'JPY' ? 0 : 2);
const stockOf = (list: unknown) => (Array.isArray(list) ? list.reduce((s: number, x: { stock?: number }) => s + (Number(x?.stock) || 0), 0) : 0);
const inRange = (idx: number[], tiers: Array<{ options: string[] }>) => idx.length === tiers.length && idx.every((v, t) => Number.isInteger(v) && v >= 0 && v < tiers[t]!.options.length);

/** Extending a global item that has tiers: add_global_model and update_tier_variation (error codes/messages from each spec file's error_list). */
export function installGlobalVariation(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Merchant, id: unknown) => {
    const g = world.globalItems.get(Number(id));
    return g && g.merchantId === caller.id ? g : undefined;
  };

  // specs/shopee/v2.global_product.add_global_model.json: tier_index must point into the existing tiers.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/add_global_model', (req, caller) => {
    const { body: b, res } = bodyOf<{ global_item_id?: number; global_model?: Array<{ tier_index?: number[]; original_price?: number; global_model_sku?: string; seller_stock?: unknown }> }>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return fail('error_param', 'The information you queried is not found.') // specs/shopee/v2.global_product.add_global_model.json error_list;
    const tiers = g.tiers ?? [];
    if (!tiers.length) return fail('error_busi_cannot_update_model_for_no_tier_item', 'Item without tier_variation. Please use init_tier_variation api to upgrade the structure.');
    const list = b.global_model ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: global_model limit is [1,50].');
    const taken = new Set(g.models.map((m) => m.tier_index.join(',')));
    for (const m of list) {
      const idx = m.tier_index ?? [];
      if (!inRange(idx, tiers) || taken.has(idx.join(','))) return fail('error_param', 'Model tier_index error.');
      taken.add(idx.join(','));
      if (!priceOk(m.original_price, decimalsOf(caller.merchant.currency))) return fail('error_param', 'Wrong parameters, detail: original_price is invalid.');
    }
    g.models.push(...list.map((m) => ({ global_model_id: world.nextId() * 100 + 1, global_model_sku: m.global_model_sku ?? '', tier_index: m.tier_index!, price: m.original_price!, stock: stockOf(m.seller_stock), reserved: 0 })));
    g.update_time = world.nowSeconds();
    return ok();
  });

  // specs/shopee/v2.global_product.update_tier_variation.json: "can only be used without changing the tier
  // structure, you can add options, delete options, and update the option image"; model_list is the
  // global item's model set afterwards.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/update_tier_variation', (req, caller) => {
    const { body: b, res } = bodyOf<Parameters<typeof tiersOf>[0] & { global_item_id?: number; model_list?: Array<{ model_id?: number; tier_index?: number[] }> }>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return fail('error_param', 'The information you queried is not found.') // specs/shopee/v2.global_product.update_tier_variation.json error_list;
    const tiers = tiersOf(b);
    if (tiers.length !== (g.tiers ?? []).length) return fail('error_param', 'Canot change the level of tier-variation.');
    if (tiers.some((t) => new Set(t.options).size !== t.options.length)) return fail('error_duplicated_variation_option', 'Tier variation option duplicated.');
    const list = b.model_list ?? [];
    if (!list.length) return fail('error_busi_global_item_model_not_allow_empty', 'Model can not be empty.');
    const ids = new Set<number>();
    for (const m of list) {
      const id = Number(m.model_id);
      if (!g.models.some((x) => x.global_model_id === id)) return fail('error_wrong_modelid', `The model_id is wrong or not related to this item, model_id:${m.model_id}`);
      if (ids.has(id)) return fail('error_duplicate_modelid', `The model_id is duplicate, model_id:${id}`);
      ids.add(id);
      if (!inRange(m.tier_index ?? [], tiers)) return fail('error_tier_index', 'The tier_index is not exist');
    }
    g.tiers = tiers;
    g.models = g.models.filter((x) => ids.has(x.global_model_id));
    for (const m of list) g.models.find((x) => x.global_model_id === Number(m.model_id))!.tier_index = m.tier_index!;
    g.update_time = world.nowSeconds();
    return ok();
  });
}
