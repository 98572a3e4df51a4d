import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { dtsRefusal, logisticRefusal } from './listing-rules.js';
import type { SandboxItem, SandboxShop } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Shop = Extract<Caller, { kind: 'shop' }>;

/** Integer-price markets refuse decimals; others take two (update_price description). */
export function priceOk(v: unknown, decimals: number): v is number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) return false;
  const frac = String(v).split('.')[1] ?? '';
  return frac.length <= decimals;
}

/**
 * seller_stock against the shop's warehouses, with the error_auth refusals of v2.product.add_item /
 * update_stock / init_tier_variation / add_model: a multi-warehouse shop needs a location_id on each
 * entry ("Lack of location_id, please double check."), and only its own ("The location_id input is
 * not matched the shop's location_id(more/wrong). Please double check.").
 */
export function locationRefusal(shop: SandboxShop, lists: Array<Array<{ location_id?: string }> | undefined>) {
  const locations = shop.locations ?? [];
  for (const list of lists) {
    for (const e of list ?? []) {
      if (locations.length > 1 && !e.location_id) return fail('error_auth', 'Lack of location_id, please double check.');
      if (e.location_id && !locations.includes(e.location_id)) return fail('error_auth', "The location_id input is not matched the shop's location_id(more/wrong). Please double check.");
    }
  }
  return undefined;
}

export function idList(raw: string | null): number[] {
  return (raw ?? '').replace(/[[\]\s]/g, '').split(',').filter(Boolean).map(Number);
}

const stockOf = (list: unknown) => (Array.isArray(list) ? list.reduce((s: number, x: { stock?: number }) => s + (Number(x?.stock) || 0), 0) : 0);

function baseInfo(item: SandboxItem, shop: SandboxShop) {
  const hasModel = item.models.length > 0;
  return {
    item_id: item.item_id, category_id: item.category_id, item_name: item.item_name, description: item.description, item_sku: item.item_sku,
    create_time: item.create_time, update_time: item.update_time, item_status: item.item_status, has_model: hasModel, weight: String(item.weight),
    image: { image_id_list: item.image_id_list, image_url_list: item.image_id_list.map((id) => `https://cf.shopee.sg/file/${id}`) },
    ...(hasModel ? {} : { price_info: [{ currency: shop.currency, original_price: item.price, current_price: item.price }] }),
    stock_info_v2: { summary_info: { total_reserved_stock: item.reserved, total_available_stock: Math.max(0, item.stock - item.reserved) }, seller_stock: [{ stock: item.stock }] },
  };
}

export function installProduct(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const shopItem = (caller: Shop, id: unknown) => {
    const item = world.items.get(Number(id));
    return item && item.shopId === caller.id && !/DELETE/.test(item.item_status) ? item : undefined;
  };

  // Refusals: specs/shopee/v2.product.add_item.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/add_item', (req, caller) => {
    const { body: b, res } = bodyOf<Record<string, any>>(req);
    if (res) return res;
    // add_item documents no error for a CNSC-upgraded shop: its generic "Wrong parameters, detail: {msg}." (specs/shopee/v2.product.add_item.json error_list).
    if (caller.shop.merchantId) return fail('error_param', 'Wrong parameters, detail: this shop is upgraded to CNSC; list through global_product.');
    for (const f of ['original_price', 'description', 'weight', 'item_name', 'category_id']) if (b[f] === undefined || b[f] === '') return fail('error_param', `Wrong parameters, detail: ${f} is required.`);
    if (!Array.isArray(b.logistic_info) || !b.logistic_info.length) return fail('error_param', 'Wrong parameters, detail: logistic_info is required.');
    const images: string[] = b.image?.image_id_list ?? [];
    if (!images.length || images.some((id) => !world.images.has(id))) return fail('error_param', 'Wrong parameters, detail: image.image_id_list has unknown image ids.');
    const mandatory = world.options.categories[b.category_id];
    if (!mandatory) return fail('error_param', 'Wrong parameters, detail: category_id is invalid.');
    const given = new Set((b.attribute_list ?? []).map((a: { attribute_id: number }) => a.attribute_id));
    if (mandatory.some((id) => !given.has(id))) return fail('error_less_required_attribute', 'Mandatory attribute information required');
    if (!priceOk(b.original_price, caller.shop.priceDecimals)) return fail('error_invalid_price', 'Invalid price, please use the correct format');
    const where = locationRefusal(caller.shop, [b.seller_stock]) ?? logisticRefusal(b.logistic_info, world.channels, Number(b.weight)) ?? dtsRefusal(b.pre_order, world.dtsLimit(b.category_id));
    if (where) return where;
    world.counters.addItem++;
    const now = world.nowSeconds();
    const item: SandboxItem = {
      shopId: caller.id, item_id: world.nextId() * 1000 + 7, item_name: b.item_name, description: b.description, item_sku: b.item_sku ?? '', category_id: b.category_id,
      price: b.original_price, stock: stockOf(b.seller_stock), reserved: 0, item_status: b.item_status ?? 'NORMAL', image_id_list: images,
      attribute_list: b.attribute_list ?? [], weight: b.weight, create_time: now, createdAtMs: world.now(), update_time: now, searchableAt: world.now() + world.options.searchLagMs, tiers: [], models: [],
      logistic_info: b.logistic_info, ...(b.pre_order ? { pre_order: b.pre_order } : {}),
    };
    world.items.set(item.item_id, item);
    return ok({ item_id: item.item_id, item_name: item.item_name, item_status: item.item_status, category_id: item.category_id, price_info: { original_price: item.price, current_price: item.price } });
  });

  // Refusals: specs/shopee/v2.product.update_item.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/update_item', (req, caller) => {
    const { body: b, res } = bodyOf<Record<string, any>>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.update_item.json error_list;
    const dts = dtsRefusal(b.pre_order, world.dtsLimit(b.category_id ?? item.category_id));
    if (dts) return dts;
    for (const f of ['item_name', 'description', 'item_sku', 'category_id', 'weight', 'item_status', 'pre_order'] as const) if (b[f] !== undefined) (item as any)[f] = b[f];
    if (b.image?.image_id_list) item.image_id_list = b.image.image_id_list;
    item.update_time = world.nowSeconds();
    return ok({ item_id: item.item_id, item_name: item.item_name, item_status: item.item_status });
  });

  // Refusals: specs/shopee/v2.product.delete_item.json error_list.
  route<Shop>(router, world, ctx, 'POST', '/api/v2/product/delete_item', (req, caller) => {
    const { body: b, res } = bodyOf<{ item_id?: number }>(req);
    if (res) return res;
    const item = shopItem(caller, b.item_id);
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.delete_item.json error_list;
    item.item_status = 'SELLER_DELETE';
    item.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.product.get_item_base_info.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_item_base_info', (req, caller) => {
    const ids = idList(req.query.get('item_id_list'));
    if (!ids.length || ids.length > 50) return fail('error_param', 'Wrong parameters, detail: item_id_list must have 1 to 50 ids.');
    const list = ids.map((id) => world.items.get(id)).filter((i): i is SandboxItem => !!i && i.shopId === caller.id);
    return ok({ item_list: list.map((i) => baseInfo(i, caller.shop)) });
  });

  // Refusals: specs/shopee/v2.product.get_item_list.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_item_list', (req, caller) => {
    const offset = Number(req.query.get('offset'));
    const size = Number(req.query.get('page_size'));
    const statuses = req.query.getAll('item_status');
    if (!Number.isInteger(offset) || !(size >= 1 && size <= 100) || !statuses.length) return fail('error_param', 'Wrong parameters, detail: offset, page_size (1..100) and item_status are required.');
    const from = Number(req.query.get('update_time_from') ?? 0);
    const to = Number(req.query.get('update_time_to') ?? Number.MAX_SAFE_INTEGER);
    const all = [...world.items.values()].filter((i) => i.shopId === caller.id && statuses.includes(i.item_status) && i.update_time >= from && i.update_time <= to).sort((a, b) => a.item_id - b.item_id);
    const page = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    return ok({ item: page.map((i) => ({ item_id: i.item_id, item_status: i.item_status, update_time: i.update_time })), total_count: all.length, has_next_page: more, ...(more ? { next_offset: offset + size } : {}) });
  });

  // Refusals: specs/shopee/v2.product.search_item.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/search_item', (req, caller) => {
    const size = Number(req.query.get('page_size'));
    if (!(size >= 1 && size <= 100)) return fail('error_param', 'Wrong parameters, detail: page_size is required.');
    const sku = req.query.get('item_sku');
    const name = req.query.get('item_name');
    const offset = Number(req.query.get('offset') || 0);
    // The search index lags writes: new items appear only after searchLagMs.
    const all = [...world.items.values()].filter((i) => i.shopId === caller.id && !/DELETE/.test(i.item_status) && i.searchableAt <= world.now()
      && (sku ? i.item_sku === sku : name ? i.item_name.includes(name) : true));
    const page = all.slice(offset, offset + size);
    return ok({ item_id_list: page.map((i) => i.item_id), total_count: all.length, ...(offset + size < all.length ? { next_offset: String(offset + size) } : {}) });
  });

  // specs/shopee/v2.product.get_item_limit.json: with category_id, dts_limit is that category's days-to-ship rule.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_item_limit', (req) => {
    const raw = req.query.get('category_id');
    if (raw !== null && !world.options.categories[Number(raw)]) return fail('error_param', 'The information you queried is not found.');
    return ok({
      price_limit: { min_limit: 0.1, max_limit: 100000000 }, stock_limit: { min_limit: 0, max_limit: 999999 },
      ...(raw !== null ? { dts_limit: world.dtsLimit(Number(raw)) } : {}),
    });
  });

  // Refusals: specs/shopee/v2.product.get_model_list.json error_list.
  route<Shop>(router, world, ctx, 'GET', '/api/v2/product/get_model_list', (req, caller) => {
    const item = shopItem(caller, req.query.get('item_id'));
    if (!item) return fail('error_item_not_found', 'Item_id is not found.') // specs/shopee/v2.product.get_model_list.json error_list;
    return ok({
      tier_variation: item.tiers.map((t) => ({ name: t.name, option_list: t.options.map((option) => ({ option })) })),
      model: item.models.map((m) => ({
        model_id: m.model_id, tier_index: m.tier_index, model_sku: m.model_sku, model_status: 'MODEL_NORMAL',
        price_info: [{ currency: caller.shop.currency, original_price: m.price, current_price: m.price }],
        stock_info_v2: { summary_info: { total_reserved_stock: m.reserved, total_available_stock: Math.max(0, m.stock - m.reserved) }, seller_stock: [{ stock: m.stock }] },
      })),
    });
  });
}
