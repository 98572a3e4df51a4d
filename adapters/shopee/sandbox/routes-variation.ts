import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxResponse } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { locationRefusal, priceOk } from './routes-product.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;

interface TierInput {
  standardise_tier_variation?: Array<{ variation_name?: string; variation_option_list?: Array<{ variation_option_name?: string }> }>;
  tier_variation?: Array<{ name?: string; option_list?: Array<{ option?: string }> }>;
}

/** Tiers from standardise_tier_variation (documented payload) or the older tier_variation. */
export function tiersOf(b: TierInput): Array<{ name: string; options: string[] }> {
  if (b.standardise_tier_variation?.length) return b.standardise_tier_variation.map((t) => ({ name: t.variation_name ?? '', options: (t.variation_option_list ?? []).map((o) => o.variation_option_name ?? '') }));
  return (b.tier_variation ?? []).map((t) => ({ name: t.name ?? '', options: (t.option_list ?? []).map((o) => o.option ?? '') }));
}

/**
 * Shared validation of a tier structure and its models (≤2 tiers, ≤50 models, unique tier_index).
 * Codes: specs/shopee/v2.product.init_tier_variation.json error_list. Its global twin
 * (v2.global_product.init_tier_variation.json) documents none of the duplicate/price codes, so
 * `global` answers that API's own "Model tier_index error." / "Wrong parameters, detail: {msg}.".
 */
export function checkTiers(tiers: Array<{ name: string; options: string[] }>, models: Array<{ tier_index?: number[]; original_price?: number }>, decimals: number, global = false): SandboxResponse | undefined {
  if (!tiers.length || tiers.length > 2) return fail('error_param', 'Wrong parameters, detail: 1 or 2 tiers are required.');
  if (new Set(tiers.map((t) => t.name)).size !== tiers.length) {
    return global ? fail('error_param', 'Wrong parameters, detail: tier_variation names are duplicated.') : fail('error_model_duplicate_name', 'Item tier_variation have duplicate name.');
  }
  if (!models.length || models.length > 50) return fail('error_param', 'Wrong parameters, detail: model number must be 1 to 50.');
  const seen = new Set<string>();
  for (const m of models) {
    const idx = m.tier_index ?? [];
    if (idx.length !== tiers.length || idx.some((v, t) => !(v >= 0 && v < tiers[t]!.options.length))) return fail('error_param', 'Wrong parameters, detail: tier_index out of range.');
    if (seen.has(idx.join(','))) return global ? fail('error_param', 'Model tier_index error.') : fail('error_model_duplicate_tier_variation_index', 'Item have duplicate tier_index.');
    seen.add(idx.join(','));
    if (!priceOk(m.original_price, decimals)) return global ? fail('error_param', 'Wrong parameters, detail: original_price is invalid.') : fail('error_invalid_price', 'Invalid price, please use the correct format');
  }
  return undefined;
}

export function installVariation(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const shopItem = (caller: Shop, id: unknown) => {
    const item = world.items.get(Number(id));
    return item && item.shopId === caller.id && !/DELETE/.test(item.item_status) ? item : undefined;
  };

  // Refusals: specs/shopee/v2.product.init_tier_variation.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/init_tier_variation', (req, caller) => {
    const { body: b, res } = bodyOf<TierInput & { item_id?: number; model?: Array<{ tier_index?: number[]; original_price?: number; model_sku?: string; seller_stock?: Array<{ stock?: number; location_id?: string }> }> }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.init_tier_variation.json error_list;
    // "Please wait at least 5 seconds after creating an item before creating variants, as processing
    // may be delayed" (v2.product.init_tier_variation.json): until then the item is not there for
    // this API, answered with its documented error_item_not_found.
    if (world.now() < (item.createdAtMs ?? 0) + 5000) return fail('error_item_not_found', 'Item_id is not found.');
    if (item.models.length) return fail('error_param', 'Wrong parameters, detail: the item already has a tier structure.');
    const tiers = tiersOf(b);
    const models = b.model ?? [];
    const bad = checkTiers(tiers, models, caller.shop.priceDecimals) ?? locationRefusal(caller.shop, models.map((m) => m.seller_stock));
    if (bad) return bad;
    item.tiers = tiers;
    item.models = models.map((m) => ({ model_id: world.nextId() * 100 + 3, model_sku: m.model_sku ?? '', tier_index: m.tier_index!, price: m.original_price!, stock: (m.seller_stock ?? []).reduce((s, x) => s + (x.stock ?? 0), 0), reserved: 0 }));
    item.update_time = world.nowSeconds();
    return ok({
      item_id: item.item_id,
      tier_variation: tiers.map((t) => ({ name: t.name, option_list: t.options.map((option) => ({ option })) })),
      model: item.models.map((m) => ({ tier_index: m.tier_index, model_id: m.model_id, model_sku: m.model_sku, price_info: [{ original_price: m.price }], seller_stock: [{ stock: m.stock }] })),
    });
  });

  // Refusals: specs/shopee/v2.product.add_model.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/add_model', (req, caller) => {
    const { body: b, res } = bodyOf<{ item_id?: number; model_list?: Array<{ tier_index?: number[]; original_price?: number; model_sku?: string; seller_stock?: Array<{ stock?: number; location_id?: string }> }> }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Product not found');
    // v2.product.add_model error_list: an item without tiers must go through init_tier_variation.
    if (!item.tiers.length) return fail('error_param', 'Item without tier_variation. Please use init_tier_variation api to upgrade the structure.');
    const list = b.model_list ?? [];
    if (!list.length) return fail('error_param', 'Wrong parameters, detail: model_list is required.');
    const taken = new Set(item.models.map((m) => m.tier_index.join(',')));
    for (const m of list) {
      const idx = m.tier_index ?? [];
      if (idx.length !== item.tiers.length || idx.some((v, t) => !(v >= 0 && v < item.tiers[t]!.options.length)) || taken.has(idx.join(','))) return fail('error_param', 'Model tier_index error.');
      taken.add(idx.join(','));
      if (!priceOk(m.original_price, caller.shop.priceDecimals)) return fail('error_invalid_price', 'Invalid price, please use the correct format');
    }
    const where = locationRefusal(caller.shop, list.map((m) => m.seller_stock));
    if (where) return where;
    if (item.models.length + list.length > 50) return fail('error_param', 'Count of tier_variation options should be under 50. Count of 2-level variations combinations should be under 50.');
    const added = list.map((m) => ({ model_id: world.nextId() * 100 + 3, model_sku: m.model_sku ?? '', tier_index: m.tier_index!, price: m.original_price!, stock: (m.seller_stock ?? []).reduce((s, x) => s + (x.stock ?? 0), 0), reserved: 0 }));
    item.models.push(...added);
    item.update_time = world.nowSeconds();
    return ok({ model: added.map((m) => ({ tier_index: m.tier_index, model_id: m.model_id, model_sku: m.model_sku, price_info: [{ original_price: m.price }], seller_stock: [{ stock: m.stock }] })) });
  });

  // specs/shopee/v2.product.update_tier_variation.json: "can only be used without changing the tier
  // structure, you can add options, delete options, and update the option image". model_list is the
  // item's model set afterwards (a model left out goes with its deleted option); error codes/messages
  // are that file's error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/update_tier_variation', (req, caller) => {
    const { body: b, res } = bodyOf<TierInput & { item_id?: number; model_list?: Array<{ model_id?: number; tier_index?: number[] }> }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Product not found');
    if (!item.tiers.length) return fail('error_tier_var_is_', 'Item without tier-variation. Please use init_tier_variation api to upgrade the structure.');
    const tiers = tiersOf(b);
    if (tiers.length !== item.tiers.length) return fail('error_param', 'Canot change the level of tier-variation.');
    const list = b.model_list ?? [];
    if (!list.length) return fail('error_busi_cannot_delete_all_model', 'Cannot delete all models by this api.');
    const ids = new Set<number>();
    const indexes = new Set<string>();
    for (const m of list) {
      const id = Number(m.model_id);
      if (!item.models.some((x) => x.model_id === id)) return fail('error_wrong_modelid', `The model_id is wrong or not related to this item, model_id:${m.model_id}`);
      if (ids.has(id)) return fail('error_duplicate_modelid', `The model_id is duplicate, model_id:${id}`);
      ids.add(id);
      const idx = m.tier_index ?? [];
      if (idx.length !== tiers.length || idx.some((v, t) => !(Number.isInteger(v) && v >= 0 && v < tiers[t]!.options.length))) return fail('error_param', 'Model tier_index error.');
      if (indexes.has(idx.join(','))) return fail('error_model_duplicate_tier_variation_index', 'Item have duplicate tier_index.');
      indexes.add(idx.join(','));
    }
    item.tiers = tiers;
    item.models = item.models.filter((x) => ids.has(x.model_id));
    for (const m of list) item.models.find((x) => x.model_id === Number(m.model_id))!.tier_index = m.tier_index!;
    item.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.product.update_price.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/update_price', (req, caller) => {
    const { body: b, res } = bodyOf<{ item_id?: number; price_list?: Array<{ model_id?: number; original_price?: number }> }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.update_price.json error_list;
    const list = b.price_list ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: price_list length should be between 1 to 50.');
    const success_list: unknown[] = [];
    const failure_list: unknown[] = [];
    for (const p of list) {
      const modelId = p.model_id ?? 0;
      const model = item.models.find((m) => m.model_id === modelId);
      if (modelId === 0 && item.models.length) failure_list.push({ model_id: 0, failed_reason: "Can't edit item price directly while item has models." });
      else if (modelId !== 0 && !model) failure_list.push({ model_id: modelId, failed_reason: 'model not found' });
      else if (!priceOk(p.original_price, caller.shop.priceDecimals)) failure_list.push({ model_id: modelId, failed_reason: 'Invalid price, please use the correct format' });
      else {
        if (model) model.price = p.original_price;
        else item.price = p.original_price;
        success_list.push({ model_id: modelId, original_price: p.original_price });
      }
    }
    item.update_time = world.nowSeconds();
    return ok({ success_list, failure_list });
  });

  // Refusals: specs/shopee/v2.product.update_stock.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/update_stock', (req, caller) => {
    const { body: b, res } = bodyOf<{ item_id?: number; stock_list?: Array<{ model_id?: number; seller_stock?: Array<{ stock?: number; location_id?: string }> }> }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.update_stock.json error_list;
    const list = b.stock_list ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: stock_list length should be between 1 to 50.');
    const where = locationRefusal(caller.shop, list.map((x) => x.seller_stock));
    if (where) return where;
    const success_list: unknown[] = [];
    const failure_list: unknown[] = [];
    for (const s of list) {
      const modelId = s.model_id ?? 0;
      const model = item.models.find((m) => m.model_id === modelId);
      const stock = (s.seller_stock ?? []).reduce((a, x) => a + (Number(x.stock) || 0), 0);
      const reserved = model ? model.reserved : item.reserved;
      if (modelId === 0 && item.models.length) failure_list.push({ model_id: 0, failed_reason: "Can't to edit item stock directly while item has models." });
      else if (modelId !== 0 && !model) failure_list.push({ model_id: modelId, failed_reason: 'model not found' });
      else if (stock < reserved) failure_list.push({ model_id: modelId, failed_reason: 'Can not update item with stock less than reserved stock' });
      else {
        if (model) model.stock = stock;
        else item.stock = stock;
        success_list.push({ model_id: modelId, stock });
      }
    }
    item.update_time = world.nowSeconds();
    return ok({ success_list, failure_list });
  });
}
