import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router, SandboxRequest, SandboxResponse } from '../../../src/sandbox/router.js';
import { RATE_PLANS, groupOfPath } from '../rate-plans.js';
import { fail, throttled } from './envelope.js';
import { apiTypeOf, expectedSign, signMatches } from './signature.js';
import type { SandboxMerchant, SandboxShop } from './state.js';
import type { ShopeeSandboxState } from './world.js';

export type Caller =
  | { kind: 'public'; partnerId: number }
  | { kind: 'shop'; partnerId: number; id: number; shop: SandboxShop }
  | { kind: 'merchant'; partnerId: number; id: number; merchant: SandboxMerchant };

export type ShopeeHandler<C extends Caller = Caller> = (req: SandboxRequest, caller: C) => SandboxResponse | Promise<SandboxResponse>;

/**
 * Shopee's checks, in its order: common params, timestamp window, signature, token, then the rate limit.
 * Codes and messages: the common_error_list every endpoint file carries (e.g.
 * specs/shopee/v2.product.update_stock.json common_error_list; merchant_no_linked in the global_product ones).
 */
export function authenticate(world: ShopeeSandboxState, ctx: SandboxContext, req: SandboxRequest): Caller | SandboxResponse {
  const q = req.query;
  const pid = q.get('partner_id');
  if (!pid) return fail('error_param', 'There is no partner_id in query.', 403);
  const partnerId = Number(pid);
  const key = world.partners.get(partnerId);
  if (!key) return fail('invalid_partner_id', 'Invalid partner_id, please have a check.', 403);
  const ts = q.get('timestamp');
  if (!ts) return fail('error_param', 'no timestamp', 403);
  if (!/^\d{1,10}$/.test(ts)) return fail('error_param', 'Timestamp is invalid, should be an integer between 0 and 4294967295.', 403);
  if (Math.abs(world.nowSeconds() - Number(ts)) > 300) return fail('error_param', 'Timestamp is expired.', 403);
  const sign = q.get('sign');
  if (!sign) return fail('error_param', 'There is no sign in query.', 403);
  const type = apiTypeOf(req.path);
  const fields: Array<string | number> = [pid, req.path, ts];
  let token: string | null = null;
  let id: string | null = null;
  if (type !== 'Public') {
    token = q.get('access_token');
    if (!token) return fail('error_param', 'There is no access_token in query.', 403);
    const idName = type === 'Shop' ? 'shop_id' : 'merchant_id';
    id = q.get(idName);
    if (!id) return fail('error_param', `There is no ${idName} in query.`, 403);
    fields.push(token, id);
  }
  if (!signMatches(expectedSign(key, fields), sign)) return fail('error_sign', 'Wrong sign.', 403);
  if (type === 'Public') return { kind: 'public', partnerId };
  const rec = world.accessTokens.get(token!);
  const kind = type === 'Shop' ? 'shop' : 'merchant';
  if (rec && ctx.faults.tokenExpired()) rec.expiresAt = world.now() - 1;
  if (!rec || rec.partnerId !== partnerId || !rec.identities.includes(`${kind}:${Number(id)}`) || rec.expiresAt < world.now()) {
    return fail('invalid_acceess_token', 'Invalid access_token, please have a check.', 403);
  }
  if (kind === 'shop') {
    const shop = world.shops.get(Number(id));
    return shop ? { kind, partnerId, id: Number(id), shop } : fail('partner_shop_no_link', 'Invalid partner_id or shop_id, please have a check.', 403);
  }
  const merchant = world.merchants.get(Number(id));
  return merchant ? { kind, partnerId, id: Number(id), merchant } : fail('merchant_no_linked', 'Partner and merchant has no linked.', 403);
}

/** Registers a Shopee route behind authentication and the rate plan shared with the adapter. */
export function route<C extends Caller>(router: Router, world: ShopeeSandboxState, ctx: SandboxContext, method: 'GET' | 'POST', path: string, handler: ShopeeHandler<C>): void {
  router.add(method, path, async (req) => {
    const caller = authenticate(world, ctx, req);
    if (!('kind' in caller)) return caller;
    const group = groupOfPath(path);
    const who = caller.kind === 'public' ? 'partner' : `${caller.kind}:${caller.id}`;
    const taken = ctx.limits.take(`${caller.partnerId}:${who}:${group}`, RATE_PLANS[group]);
    if (!taken.ok) return throttled(taken.retryAfterMs);
    return handler(req, caller as C);
  });
}

/** Body of a JSON POST (a route answers `res` when it is not a JSON object: "Wrong parameters, detail: {msg}.", every error_list). */
export function bodyOf<T>(req: SandboxRequest): { body: T; res?: undefined } | { body?: undefined; res: SandboxResponse } {
  const body = req.json<T>();
  if (body === undefined || body === null || typeof body !== 'object') return { res: fail('error_param', 'Wrong parameters, detail: body must be a JSON object.') };
  return { body };
}
