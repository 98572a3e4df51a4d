import { productRuleViolation, type SandboxAttribute } from './catalog.js';
import { fail, ok } from './envelope.js';
import { photobankRoutes } from './photobank.js';
import { json, type Handler } from './routes.js';
import type { AliExpressSandboxState, SandboxProduct } from './state.js';

type SandboxSku = SandboxProduct['skus'][number];
/** A decimal price string in hundredths, for comparisons (the simulator does no float money). */
const cents = (v: string) => {
  const [i = '0', f = ''] = v.split('.');
  return Number(i) * 100 + Number((f + '00').slice(0, 2));
};

export function productRoutes(world: AliExpressSandboxState): Record<string, Handler> {
  const bySku = (sku: string) => [...world.products.values()].find((x) => x.skus.some((s) => s.sku_code === sku));
  const skusOf = (r: Record<string, unknown>) => (r.sku_info_list as Array<{ sku_code: string; price: string; inventory: number; discount_price?: string }>)
    .map((s) => ({ sku_code: s.sku_code, price: s.price, inventory: s.inventory, ...(s.discount_price ? { discount_price: s.discount_price } : {}) }));
  const batch = (method: string, apply: (sku: SandboxSku, u: Record<string, unknown>) => void, invalid: (u: Record<string, unknown>) => string | undefined = () => undefined): Handler => (p) => {
    const list = json<Array<{ product_id: number; multiple_sku_update_list: Array<Record<string, unknown>> }>>(p, 'mutiple_product_update_list');
    if (!list || list.length > 20) return fail('ISV', 'InvalidParameter', 'mutiple_product_update_list must hold 1..20 products');
    const okList: unknown[] = [];
    const failed: unknown[] = [];
    for (const item of list) {
      const prod = world.products.get(String(item.product_id));
      const missing = item.multiple_sku_update_list.find((u) => !prod?.skus.some((s) => s.sku_code === u.sku_code));
      const bad = item.multiple_sku_update_list.map(invalid).find(Boolean);
      if (!prod || missing) failed.push({ product_id: item.product_id, error_code: 'SKU_NOT_FOUND', error_message: `sku ${String(missing?.sku_code ?? '')} not found` });
      else if (bad) failed.push({ product_id: item.product_id, error_code: 'PARAM_ERROR', error_message: bad });
      else {
        for (const u of item.multiple_sku_update_list) apply(prod.skus.find((s) => s.sku_code === u.sku_code)!, u);
        okList.push({ product_id: item.product_id });
      }
    }
    return ok(method, { update_success: failed.length === 0, update_successful_list: { synchronize_product_response_dto: okList }, update_failed_list: { synchronize_product_response_dto: failed } });
  };
  return {
    ...photobankRoutes(world),
    // The category's attribute ids (specs/aliexpress/aliexpress_solution_sku_attribute_query.json#responseParams).
    'aliexpress.solution.sku.attribute.query': (p) => {
      const q = json<{ aliexpress_category_id?: number }>(p, 'query_sku_attribute_info_request');
      const cat = Number(q?.aliexpress_category_id);
      if (!world.categories[cat]) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.category-not-leaf', sub_msg: `category ${cat} is not a leaf category` });
      const attrs: SandboxAttribute[] = world.attributesOf(cat);
      return ok('aliexpress.solution.sku.attribute.query', { result: {
        supporting_sku_attribute_list: { supported_sku_attribute_dto: attrs.filter((a) => a.id !== 2).map((a) => ({
          aliexpress_sku_name: a.name, required: a.required, support_customized_name: true, support_customized_picture: true,
          aliexpress_sku_value_list: { sku_value_simplified_info_dto: a.values.map((v) => ({ aliexpress_sku_value_name: v.name })) },
        })) },
        supporting_common_attribute_list: { supported_common_attribute_dto: attrs.map((a) => ({
          aliexpress_common_attribute_name_id: a.id, aliexpress_common_attribute_name: a.name, required: a.required,
          aliexpress_common_attribute_value_list: { common_attribute_value_info_dto: a.values.map((v) => ({ aliexpress_common_attribute_value_id: v.id, aliexpress_common_attribute_value: v.name })) },
        })) },
      } });
    },
    'aliexpress.solution.product.post': (p) => {
      const r = json<Record<string, unknown>>(p, 'post_product_request');
      if (!r) return fail('ISV', 'MissingParameter', 'post_product_request is required');
      const bad = productRuleViolation(world, r, false);
      if (bad) return bad;
      const dup = skusOf(r).find((s) => bySku(s.sku_code));
      if (dup) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.sku-code-duplicate', sub_msg: `sku_code ${dup.sku_code} already exists` });
      const id = world.newProductId();
      world.products.set(id, { id, categoryId: Number(r.aliexpress_category_id), status: 'onSelling', skus: skusOf(r), request: r });
      return ok('aliexpress.solution.product.post', { result: { product_id: Number(id) } });
    },
    'aliexpress.solution.product.edit': (p) => {
      const r = json<Record<string, unknown>>(p, 'edit_product_request');
      const prod = r && r.product_id !== undefined ? world.products.get(String(r.product_id)) : undefined;
      if (!r || !prod) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.product-not-exist', sub_msg: 'product not found' });
      const bad = productRuleViolation(world, { ...prod.request, ...r }, true);
      if (bad) return bad;
      if (Array.isArray(r.sku_info_list)) prod.skus = skusOf(r);
      prod.request = { ...prod.request, ...r };
      return ok('aliexpress.solution.product.edit', { result: { product_id: Number(prod.id) } });
    },
    'aliexpress.solution.product.list.get': (p) => {
      const q = json<Record<string, unknown>>(p, 'aeop_a_e_product_list_query');
      if (!q?.product_status_type) return fail('ISV', 'MissingParameter', 'product_status_type is required');
      const hits = [...world.products.values()].filter((x) => x.status === q.product_status_type && (!q.sku_code || x.skus.some((s) => s.sku_code === q.sku_code)));
      return ok('aliexpress.solution.product.list.get', { result: {
        success: true, product_count: hits.length, current_page: q.current_page ?? 1, total_page: 1,
        aeop_a_e_product_display_d_t_o_list: { item_display_dto: hits.map((x) => ({ product_id: Number(x.id), subject: String((x.request.multi_language_subject_list as Array<{ subject: string }>)?.[0]?.subject ?? ''), ws_display: x.status })) },
      } });
    },
    // ipm_sku_stock is the SKU's stock: what batch.product.inventory.update set, less what buyers' orders
    // took under the product's reduce_strategy (sandbox/buyers.ts); reduce_strategy echoes the post's
    // inventory_deduction_strategy (specs/aliexpress/aliexpress_solution_product_info_get.json#result.reduce_strategy).
    'aliexpress.solution.product.info.get': (p) => {
      const prod = world.products.get(String(p.get('product_id') ?? ''));
      if (!prod) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.product-not-exist', sub_msg: 'product not found' });
      const strategy = prod.request.inventory_deduction_strategy;
      return ok('aliexpress.solution.product.info.get', { result: {
        product_id: Number(prod.id), product_status_type: prod.status, category_id: prod.categoryId,
        ...(typeof strategy === 'string' ? { reduce_strategy: strategy } : {}),
        aeop_ae_product_s_k_us: { global_aeop_ae_product_sku: prod.skus.map((k) => ({
          sku_code: k.sku_code, sku_price: k.price, ipm_sku_stock: k.inventory, sku_stock: k.inventory > 0, ...(k.discount_price ? { sku_discount_price: k.discount_price } : {}),
        })) },
      } });
    },
    'aliexpress.solution.batch.product.delete': (p) => {
      const ids = json<unknown[]>(p, 'product_ids');
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) return fail('ISV', 'MissingParameter', 'product_ids takes 1 to 100 ids');
      for (const id of ids) world.products.delete(String(id));
      return ok('aliexpress.solution.batch.product.delete', {});
    },
    'aliexpress.solution.batch.product.inventory.update': batch('aliexpress.solution.batch.product.inventory.update', (s, u) => { s.inventory = Number(u.inventory); }),
    // "discount_price ... If not set, the discount_price will be erased."
    // (specs/aliexpress/aliexpress_solution_batch_product_price_update.json#multiple_sku_update_list.discount_price)
    'aliexpress.solution.batch.product.price.update': batch('aliexpress.solution.batch.product.price.update', (s, u) => {
      s.price = String(u.price);
      if (u.discount_price === undefined || u.discount_price === '') delete s.discount_price;
      else s.discount_price = String(u.discount_price);
    }, (u) => (u.discount_price !== undefined && u.discount_price !== '' && cents(String(u.discount_price)) >= cents(String(u.price)) ? `discount_price ${String(u.discount_price)} must be cheaper than price ${String(u.price)}` : undefined)),
  };
}
