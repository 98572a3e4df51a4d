import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, ok, requestId } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import { idList, priceOk } from './routes-product.js';
import { installGlobalVariation } from './routes-global-variation.js';
import { checkTiers, tiersOf } from './routes-variation.js';
import type { SandboxGlobalItem } from './state.js';
import type { ShopeeSandboxState } from './world.js';

type Merchant = Extract<Caller, { kind: 'merchant' }>;

const decimalsOf = (currency: string) => (currency === 'KRW' || currency === 'JPY' ? 0 : 2);
const stockOf = (list: unknown) => (Array.isArray(list) ? list.reduce((s: number, x: { stock?: number }) => s + (Number(x?.stock) || 0), 0) : 0);

export function installGlobal(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  const own = (caller: Merchant, id: unknown) => {
    const g = world.globalItems.get(Number(id));
    return g && g.merchantId === caller.id ? g : undefined;
  };
  // "error_busi_global_item_not_found: Global item not found." (error_list of every global_product route below that uses it).
  const notFound = () => fail('error_busi_global_item_not_found', 'Global item not found.');

  // Refusals: specs/shopee/v2.global_product.add_global_item.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/add_global_item', (req, caller) => {
    const { body: b, res } = bodyOf<Record<string, any>>(req);
    if (res) return res;
    for (const f of ['category_id', 'global_item_name', 'description', 'original_price', 'weight']) if (b[f] === undefined || b[f] === '') return fail('error_param', `Wrong parameters, detail: ${f} is required.`);
    if (b.pre_order?.days_to_ship === undefined) return fail('error_param', 'Wrong parameters, detail: pre_order.days_to_ship is required.');
    const images: string[] = b.image?.image_id_list ?? [];
    if (images.some((id) => !world.images.has(id))) return fail('error_param', 'Wrong parameters, detail: image.image_id_list has unknown image ids.');
    const mandatory = world.options.categories[b.category_id];
    if (!mandatory) return fail('error_param', 'Wrong parameters, detail: category_id is invalid.');
    const given = new Set((b.attribute_list ?? []).map((a: { attribute_id: number }) => a.attribute_id));
    if (mandatory.some((id) => !given.has(id))) return fail('error_less_required_attribute', 'Mandatory attribute information required');
    if (!priceOk(b.original_price, decimalsOf(caller.merchant.currency))) return fail('error_param', 'Wrong parameters, detail: original_price is invalid.'); // error_invalid_price is not in specs/shopee/v2.global_product.add_global_item.json error_list
    world.counters.addGlobalItem++;
    const g: SandboxGlobalItem = {
      merchantId: caller.id, global_item_id: world.nextId() * 1000 + 9, global_item_name: b.global_item_name, description: b.description, global_item_sku: b.global_item_sku ?? '',
      category_id: b.category_id, price: b.original_price, stock: stockOf(b.seller_stock) || Number(b.normal_stock ?? 0), reserved: 0, image_id_list: images,
      update_time: world.nowSeconds(), createdAtMs: world.now(), models: [], published: [],
    };
    world.globalItems.set(g.global_item_id, g);
    return ok({ global_item_id: g.global_item_id });
  });

  // Refusals: specs/shopee/v2.global_product.update_global_item.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/update_global_item', (req, caller) => {
    const { body: b, res } = bodyOf<Record<string, any>>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return notFound();
    for (const f of ['global_item_name', 'description', 'global_item_sku'] as const) if (b[f] !== undefined) g[f] = b[f];
    g.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.global_product.delete_global_item.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/delete_global_item', (req, caller) => {
    const { body: b, res } = bodyOf<{ global_item_id?: number }>(req);
    if (res) return res;
    if (!own(caller, b.global_item_id)) return notFound();
    world.globalItems.delete(Number(b.global_item_id));
    return ok({ failure_delete_item: [] });
  });

  // Refusals: specs/shopee/v2.global_product.init_tier_variation.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/init_tier_variation', (req, caller) => {
    const { body: b, res } = bodyOf<Record<string, any>>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return notFound();
    // "Please create variants after an interval of 5 seconds after creating an item, as there may be
    // a delay" (v2.global_product.init_tier_variation.json): before that the item is not found.
    if (world.now() < (g.createdAtMs ?? 0) + 5000) return fail('error_busi_global_item_not_found', 'Global item not found.');
    if (g.models.length) return fail('error_param', 'Wrong parameters, detail: the global item already has a tier structure.');
    const tiers = tiersOf(b);
    const models: Array<{ tier_index?: number[]; original_price?: number; global_model_sku?: string; seller_stock?: unknown }> = b.global_model ?? [];
    const bad = checkTiers(tiers, models, decimalsOf(caller.merchant.currency), true);
    if (bad) return bad;
    g.tiers = tiers;
    g.models = models.map((m) => ({ global_model_id: world.nextId() * 100 + 1, global_model_sku: m.global_model_sku ?? '', tier_index: m.tier_index!, price: m.original_price!, stock: stockOf(m.seller_stock), reserved: 0 }));
    g.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.global_product.update_price.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/update_price', (req, caller) => {
    const { body: b, res } = bodyOf<{ global_item_id?: number; price_list?: Array<{ global_model_id?: number; original_price?: number }> }>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return notFound();
    const list = b.price_list ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: price_list limit is [1,50].');
    for (const p of list) {
      if (!priceOk(p.original_price, decimalsOf(caller.merchant.currency))) return fail('error_param', 'Wrong parameters, detail: original_price is invalid.'); // specs/shopee/v2.global_product.update_price.json error_list
      const m = g.models.find((x) => x.global_model_id === p.global_model_id);
      if (m) m.price = p.original_price;
      else if (!p.global_model_id) g.price = p.original_price;
      else return fail('error_busi_global_model_not_found', 'Global model no found.') // specs/shopee/v2.global_product.update_price.json / update_stock.json error_list;
    }
    g.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.global_product.update_stock.json error_list.
  route<Merchant>(router, world, ctx, 'POST', '/api/v2/global_product/update_stock', (req, caller) => {
    const { body: b, res } = bodyOf<{ global_item_id?: number; stock_list?: Array<{ global_model_id?: number; seller_stock?: unknown }> }>(req);
    if (res) return res;
    const g = own(caller, b.global_item_id);
    if (!g) return notFound();
    const list = b.stock_list ?? [];
    if (!list.length || list.length > 50) return fail('error_param', 'Wrong parameters, detail: stock_list limit is [1,50].');
    for (const s of list) {
      const m = g.models.find((x) => x.global_model_id === s.global_model_id);
      if (s.global_model_id && !m) return fail('error_busi_global_model_not_found', 'Global model no found.') // specs/shopee/v2.global_product.update_price.json / update_stock.json error_list;
      if (stockOf(s.seller_stock) < (m ? m.reserved : g.reserved)) return fail('error_param', 'Can not update item with stock less than reserved stock');
    }
    for (const s of list) {
      const m = g.models.find((x) => x.global_model_id === s.global_model_id);
      if (m) m.stock = stockOf(s.seller_stock);
      else g.stock = stockOf(s.seller_stock);
    }
    g.update_time = world.nowSeconds();
    return ok();
  });

  // Refusals: specs/shopee/v2.global_product.get_global_item_list.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_global_item_list', (req, caller) => {
    const size = Number(req.query.get('page_size'));
    if (!(size >= 1 && size <= 50)) return fail('error_param', 'Wrong parameters, detail: page_size limit is [1,50].');
    const offset = Number(req.query.get('offset') || 0);
    const from = Number(req.query.get('update_time_from') ?? 0);
    const to = Number(req.query.get('update_time_to') ?? Number.MAX_SAFE_INTEGER);
    const all = [...world.globalItems.values()].filter((g) => g.merchantId === caller.id && g.update_time >= from && g.update_time <= to);
    const page = all.slice(offset, offset + size);
    const more = offset + size < all.length;
    return ok({ global_item_list: page.map((g) => ({ global_item_id: g.global_item_id, update_time: g.update_time })), total_count: all.length, has_next_page: more, offset: more ? String(offset + size) : '' });
  });

  // Refusals: specs/shopee/v2.global_product.get_global_item_info.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_global_item_info', (req, caller) => {
    const ids = idList(req.query.get('global_item_id_list'));
    if (!ids.length || ids.length > 20) return fail('error_param', 'Wrong parameters, detail: global_item_id_list length limit is [1,20].');
    const list = ids.map((id) => own(caller, id)).filter((g): g is SandboxGlobalItem => !!g);
    return ok({
      global_item_list: list.map((g) => ({
        global_item_id: g.global_item_id, global_item_name: g.global_item_name, description: g.description, global_item_sku: g.global_item_sku, global_item_status: 'NORMAL',
        update_time: g.update_time, has_model: g.models.length > 0, category_id: g.category_id, image: { image_id_list: g.image_id_list },
        ...(g.models.length ? {} : { price_info: [{ currency: caller.merchant.currency, original_price: g.price }], stock_info: [{ stock_type: 2, normal_stock: g.stock, reserved_stock: g.reserved }] }),
      })),
    });
  });

  // Refusals: specs/shopee/v2.global_product.get_global_model_list.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/global_product/get_global_model_list', (req, caller) => {
    const g = own(caller, req.query.get('global_item_id'));
    if (!g) return notFound();
    return ok({
      tier_variation: (g.tiers ?? []).map((t) => ({ name: t.name, option_list: t.options.map((option) => ({ option })) })),
      global_model: g.models.map((m) => ({
        global_model_id: m.global_model_id, global_model_sku: m.global_model_sku, tier_index: m.tier_index, price_info: { original_price: m.price },
        stock_info: [{ stock_type: 2, normal_stock: m.stock, reserved_stock: m.reserved, current_stock: m.stock - m.reserved }],
      })),
    });
  });

  // Refusals: specs/shopee/v2.merchant.get_shop_list_by_merchant.json error_list.
  route<Merchant>(router, world, ctx, 'GET', '/api/v2/merchant/get_shop_list_by_merchant', (req, caller) => {
    const pageNo = Number(req.query.get('page_no'));
    const size = Number(req.query.get('page_size'));
    if (!(pageNo >= 1) || !(size >= 1 && size <= 500)) return fail('error_param', 'Wrong parameters, detail: page_no and page_size are required.');
    const ids = caller.merchant.shopIds.slice((pageNo - 1) * size, pageNo * size);
    return { status: 200, body: { request_id: requestId(), is_cnsc: true, shop_list: ids.map((shop_id) => ({ shop_id })), more: pageNo * size < caller.merchant.shopIds.length } };
  });

  installGlobalVariation(router, world, ctx);
}
