import { createHash } from 'node:crypto';
import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { RATE_PLANS } from '../operations.js';
import { fail, flatFail, ok, requestId, throttled } from './envelope.js';
import { expectedSign, signMatches } from './signature.js';
import { productRoutes } from './products.js';
import { requirementRoutes } from './requirements.js';
import { pacific, type AliExpressSandboxState } from './state.js';
import { orderDetail, orderDto } from './wire.js';

export type Handler = (p: URLSearchParams, sellerId: string, req: SandboxRequest) => SandboxResponse;
const SHIPPABLE = new Set(['WAIT_SELLER_SEND_GOODS', 'SELLER_PART_SEND_GOODS']);

function paramsOf(req: SandboxRequest): URLSearchParams {
  const all = new URLSearchParams(req.query);
  // A multipart body carries the file (not a signed parameter); only a url-encoded body holds parameters.
  if (!/^multipart\//i.test(String(req.headers['content-type'] ?? ''))) req.form().forEach((v, k) => all.append(k, v));
  return all;
}

export function json<T>(p: URLSearchParams, name: string): T | undefined {
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
    // Requirements reads, and product post/edit guarded by the category's published rules
    // (specs/aliexpress/aliexpress_solution_product_schema_get.json, aliexpress_solution_product_post.json).
    ...requirementRoutes(world, productRoutes(world)),
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
    return handler(p, rec.sellerId, req);
  });

  // Not an AliExpress API: an offline image source for demos and tests (any name answers a small PNG),
  // so listing images can be downloaded and uploaded to the photobank without the internet. The rule
  // it serves is the photobank's (specs/aliexpress/photobank.md: `image_bytes` of 3 MB at most).
  router.add('GET', '/_sandbox/images/{name}', (req) => ({
    status: 200, headers: { 'content-type': 'image/png' },
    body: Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex'), createHash('sha256').update(req.params.name ?? '').digest()]),
  }));

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
