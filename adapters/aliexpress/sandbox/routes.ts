import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { RATE_PLANS } from '../operations.js';
import { fail, flatFail, ok, requestId, throttled } from './envelope.js';
import { expectedSign, signMatches } from './signature.js';
import { pacific, type AliExpressSandboxState, type SandboxProduct } from './state.js';
import { orderDetail, orderDto } from './wire.js';

type Handler = (p: URLSearchParams, sellerId: string) => SandboxResponse;
type SandboxSku = SandboxProduct['skus'][number];
/** A decimal price string in hundredths, for comparisons (the simulator does no float money). */
const cents = (v: string) => {
  const [i = '0', f = ''] = v.split('.');
  return Number(i) * 100 + Number((f + '00').slice(0, 2));
};
const SHIPPABLE = new Set(['WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS']);

function paramsOf(req: SandboxRequest): URLSearchParams {
  const all = new URLSearchParams(req.query);
  req.form().forEach((v, k) => all.append(k, v));
  return all;
}

function json<T>(p: URLSearchParams, name: string): T | undefined {
  const v = p.get(name);
  if (!v) return undefined;
  try {
    return JSON.parse(v) as T;
  } catch {
    return undefined;
  }
}

/** Gateway checks in order: app key, timestamp (ms, ±7200 s), signature, then the token. */
function check(world: AliExpressSandboxState, p: URLSearchParams, apiPath: string | null): SandboxResponse | { appKey: string } {
  const appKey = p.get('app_key');
  const secret = appKey ? world.apps.get(appKey) : undefined;
  if (!appKey || !secret) return fail('ISV', 'InvalidAppKey', 'Specified app key is invalid');
  const ts = Number(p.get('timestamp'));
  if (!Number.isFinite(ts) || Math.abs(world.now() - ts) > 7200_000) return fail('ISV', 'IllegalTimestamp', 'The specified timestamp is invalid or expired');
  if (p.get('sign_method') !== 'sha256') return fail('ISV', 'IncompleteSignature', 'The request signature does not conform to platform standards');
  if (!signMatches(expectedSign(secret, p, apiPath), p.get('sign'))) return fail('ISV', 'IncompleteSignature', 'The request signature does not conform to platform standards');
  return { appKey };
}

export function install(router: Router, world: AliExpressSandboxState, ctx: SandboxContext): void {
  const business: Record<string, Handler> = {
    'aliexpress.solution.order.get': (p, _s) => {
      const q = json<Record<string, unknown>>(p, 'param0');
      if (!q || typeof q.current_page !== 'number' || typeof q.page_size !== 'number') return fail('ISV', 'MissingParameter', 'param0.current_page and page_size are required');
      const field = q.modified_date_start !== undefined ? 'updatedAt' : 'createdAt';
      const start = String(q.modified_date_start ?? q.create_date_start ?? '');
      const end = String(q.modified_date_end ?? q.create_date_end ?? '9999');
      const statuses = q.order_status ? [String(q.order_status)] : (q.order_status_list as string[] | undefined);
      const hits = [...world.orders.values()]
        .filter((o) => pacific(o[field]) >= start && pacific(o[field]) <= end)
        .filter((o) => (statuses ? statuses.includes(o.status) : o.status !== 'FINISH'))
        .sort((a, b) => a[field] - b[field] || a.id.localeCompare(b.id));
      const size = Math.min(q.page_size as number, 50);
      const page = hits.slice((q.current_page as number - 1) * size, (q.current_page as number) * size);
      return ok('aliexpress.solution.order.get', { result: {
        success: true, total_count: hits.length, total_page: Math.ceil(hits.length / size), current_page: q.current_page, page_size: size,
        time_stamp: pacific(world.now()), target_list: { order_dto: page.map(orderDto) },
      } });
    },
    'aliexpress.solution.order.info.get': (p) => {
      const q = json<{ order_id?: number }>(p, 'param1');
      const o = q?.order_id !== undefined ? world.orders.get(String(q.order_id)) : undefined;
      // The result's own error_code/error_message, no `success` flag (specs/aliexpress/aliexpress_solution_order_info_get.json#result);
      // the code value is not documented there, the message says what happened.
      if (!o) return ok('aliexpress.solution.order.info.get', { result: { error_code: '16009999', error_message: 'order not found' } });
      return ok('aliexpress.solution.order.info.get', { result: { data: orderDetail(o), error_code: '', error_message: '' } });
    },
    // The seller's declarable services (research B4 Fulfilment: result_list[]{service_name, display_name, logistics_company}, result_success).
    'aliexpress.logistics.redefining.listlogisticsservice': () => ok('aliexpress.logistics.redefining.listlogisticsservice', {
      result_success: true, result_list: { aeop_logistics_service_result: world.logisticsServices },
    }),
    'aliexpress.solution.order.fulfill': (p) => {
      const o = world.orders.get(p.get('out_ref') ?? '');
      const service = p.get('service_name');
      const no = p.get('logistics_no');
      const type = p.get('send_type');
      // service_name, out_ref, send_type (all|part), logistics_no are required (specs/aliexpress/aliexpress_solution_order_fulfill.json#requestParams).
      if (!service || !no || (type !== 'all' && type !== 'part')) return fail('ISV', 'MissingParameter', 'service_name, logistics_no and send_type (all|part) are required');
      // service_name comes from listlogisticsservice, or is "other" (research B4); "When serviceName=other, fill in the
      // corresponding tracking website" (specs/aliexpress/aliexpress_solution_order_fulfill.json#tracking_website).
      const other = /^other(_|$)/i.test(service);
      if (!other && !world.logisticsServices.some((x) => x.service_name === service)) {
        return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.logistics-service-invalid', sub_msg: `service_name ${service} is not a logistics service of this seller` });
      }
      if (other && !p.get('tracking_website')) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.tracking-website-required', sub_msg: 'tracking_website is required when service_name is other' });
      if (!o || !SHIPPABLE.has(o.status)) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.order-status-not-allowed', sub_msg: 'The order is not awaiting shipment' });
      world.fulfilCalls++;
      o.logistics.push({ logistics_no: no, logistics_service_name: service, gmt_send: pacific(world.now()), send_type: type, ...(other ? { tracking_website: p.get('tracking_website')! } : {}) });
      // send_type "all shipments (all), part of the delivery (part)" (fulfill.json#send_type); order statuses
      // SELLER_PART_SEND_GOODS / WAIT_BUYER_ACCEPT_GOODS (specs/aliexpress/aliexpress_solution_order_get.json#param0.order_status).
      o.status = type === 'all' ? 'WAIT_BUYER_ACCEPT_GOODS' : 'SELLER_PART_SEND_GOODS';
      o.updatedAt = world.now();
      return ok('aliexpress.solution.order.fulfill', { result: { result_success: true } });
    },
    ...productRoutes(world),
  };

  router.add('POST', '/sync', (req) => {
    const p = paramsOf(req);
    const checked = check(world, p, null);
    if (!('appKey' in checked)) return checked;
    const token = p.get('access_token') ?? p.get('session');
    const rec = token ? world.accessTokens.get(token) : undefined;
    if (rec && ctx.faults.tokenExpired()) rec.expiresAt = world.now() - 1;
    if (!rec || rec.expiresAt < world.now()) return fail('ISV', 'IllegalAccessToken', 'The specified access token is invalid or expired');
    const method = p.get('method') ?? '';
    const handler = business[method];
    if (!handler) return fail('ISV', 'InvalidApiPath', `The specified API ${method} is invalid`);
    const group = method.endsWith('fulfill') || method.includes('.logistics.') ? 'logistics' : method.includes('.order.') ? 'order' : 'product';
    const taken = ctx.limits.take(`${checked.appKey}:${rec.sellerId}:${group}`, RATE_PLANS[group]);
    if (!taken.ok) return throttled(taken.retryAfterMs);
    return handler(p, rec.sellerId);
  });

  const tokenAnswer = (sellerId: string) => {
    const pair = world.grant(sellerId);
    return { status: 200, body: {
      access_token: pair.accessToken, refresh_token: pair.refreshToken, expires_in: world.accessTtlMs / 1000, expire_time: pair.expiresAt,
      refresh_expires_in: world.refreshTtlMs / 1000, refresh_token_valid_time: pair.refreshExpiresAt, seller_id: sellerId, user_id: sellerId,
      account_platform: 'seller', sp: 'ae', locale: 'en_US', code: '0', request_id: requestId(),
    } };
  };
  router.add('POST', '/rest/auth/token/create', (req) => {
    const p = paramsOf(req);
    const checked = check(world, p, '/auth/token/create');
    if (!('appKey' in checked)) return checked;
    const seller = world.codes.get(p.get('code') ?? '');
    if (!seller) return flatFail('InvalidCode', 'The authorization code is invalid or expired');
    world.codes.delete(p.get('code')!);
    return tokenAnswer(seller);
  });
  router.add('POST', '/rest/auth/token/refresh', (req) => {
    const p = paramsOf(req);
    const checked = check(world, p, '/auth/token/refresh');
    if (!('appKey' in checked)) return checked;
    world.refreshCalls++;
    const rec = world.refreshTokens.get(p.get('refresh_token') ?? '');
    if (!rec || rec.expiresAt < world.now()) return flatFail('IllegalRefreshToken', 'The specified refresh token is invalid or expired');
    return tokenAnswer(rec.sellerId);
  });
}

function productRoutes(world: AliExpressSandboxState): Record<string, Handler> {
  const bySku = (sku: string) => [...world.products.values()].find((x) => x.skus.some((s) => s.sku_code === sku));
  const validate = (r: Record<string, unknown>): SandboxResponse | undefined => {
    const cat = Number(r.aliexpress_category_id);
    const need = world.categories[cat];
    if (!need) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.category-not-leaf', sub_msg: `category ${cat} is not a leaf category you may publish to` });
    const attrs = (r.attribute_list as Array<{ aliexpress_attribute_name_id?: number }> | undefined) ?? [];
    for (const id of need) if (!attrs.some((a) => a.aliexpress_attribute_name_id === id)) {
      return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.required-attribute-missing', sub_msg: `attribute ${id} is required in category ${cat}` });
    }
    if (!Array.isArray(r.sku_info_list) || !r.sku_info_list.length) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.param-error', sub_msg: 'sku_info_list is required' });
    return undefined;
  };
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
    'aliexpress.solution.product.post': (p) => {
      const r = json<Record<string, unknown>>(p, 'post_product_request');
      if (!r) return fail('ISV', 'MissingParameter', 'post_product_request is required');
      const bad = validate(r);
      if (bad) return bad;
      const dup = skusOf(r).find((s) => bySku(s.sku_code));
      if (dup) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.sku-code-duplicate', sub_msg: `sku_code ${dup.sku_code} already exists` });
      const id = world.newProductId();
      world.products.set(id, { id, categoryId: Number(r.aliexpress_category_id), status: 'onSelling', skus: skusOf(r), request: r });
      return ok('aliexpress.solution.product.post', { result: { product_id: Number(id) } });
    },
    'aliexpress.solution.product.edit': (p) => {
      const r = json<Record<string, unknown>>(p, 'edit_product_request');
      const prod = r ? world.products.get(String(r.product_id)) : undefined;
      if (!r || !prod) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.product-not-exist', sub_msg: 'product not found' });
      const bad = validate({ ...prod.request, ...r });
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
    'aliexpress.solution.product.info.get': (p) => {
      const prod = world.products.get(String(p.get('product_id') ?? ''));
      if (!prod) return fail('ISV', '15', 'Remote service error', { sub_code: 'isv.product-not-exist', sub_msg: 'product not found' });
      return ok('aliexpress.solution.product.info.get', { result: {
        product_id: Number(prod.id), product_status_type: prod.status, category_id: prod.categoryId,
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
