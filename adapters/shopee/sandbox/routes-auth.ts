import type { SandboxContext } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { fail, flat } from './envelope.js';
import { bodyOf, route, type Caller } from './gate.js';
import type { ShopeeSandboxState } from './world.js';

type Public = Extract<Caller, { kind: 'public' }>;

/** Token APIs with real rotation: a refresh token works once per identity; reuse fails like Shopee's. */
export function installAuth(router: Router, world: ShopeeSandboxState, ctx: SandboxContext): void {
  // Refusals: specs/shopee/v2.public.get_access_token.json error_list (invalid_code, invalid_shop_id, invalid_main_acount_id, error_param).
  route<Public>(router, world, ctx, 'POST', '/api/v2/auth/token/get', (req, caller) => {
    const { body, res } = bodyOf<{ code?: string; partner_id?: number; shop_id?: number; main_account_id?: number }>(req);
    if (res) return res;
    if (body.partner_id !== caller.partnerId) return fail('error_param', 'Wrong parameters, detail: partner_id in body does not match the query.');
    world.counters.tokenGet++;
    const code = body.code ? world.codes.get(body.code) : undefined;
    if (!code || code.used || code.expiresAt < world.now() || code.partnerId !== caller.partnerId) return fail('invalid_code', 'The code is expired or used or invalid, please check the code.');
    if (body.shop_id !== undefined) {
      if (code.shopId !== body.shop_id) return fail('invalid_shop_id', 'The code or shop_id is wrong, please check the code or the shop_id.');
      code.used = true;
      const pair = world.grant(caller.partnerId, { kind: 'shop', id: body.shop_id });
      return flat({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expire_in: world.options.accessTtlMs / 1000 });
    }
    if (body.main_account_id === undefined || code.mainAccountId !== body.main_account_id) {
      return fail('invalid_main_acount_id', 'The code or main_accoount_id is wrong, please check the code or the main_account_id.');
    }
    code.used = true;
    const merchants = [...world.merchants.values()].filter((m) => m.merchantId === body.main_account_id || m.mainAccountId === body.main_account_id);
    const shopIds = merchants.flatMap((m) => m.shopIds);
    const identities = [...merchants.map((m) => ({ kind: 'merchant' as const, id: m.merchantId })), ...shopIds.map((id) => ({ kind: 'shop' as const, id }))];
    const pair = world.grant(caller.partnerId, identities);
    return flat({ access_token: pair.accessToken, refresh_token: pair.refreshToken, expire_in: world.options.accessTtlMs / 1000, shop_id_list: shopIds, merchant_id_list: merchants.map((m) => m.merchantId) });
  });

  // Refusals: specs/shopee/v2.public.refresh_access_token.json error_list; a spent or unknown refresh token is its
  // error_example `{ "error": "error_auth", "message": "Invalid refresh_token." }`.
  route<Public>(router, world, ctx, 'POST', '/api/v2/auth/access_token/get', (req, caller) => {
    const { body, res } = bodyOf<{ refresh_token?: string; partner_id?: number; shop_id?: number; merchant_id?: number }>(req);
    if (res) return res;
    if (body.partner_id !== caller.partnerId) return fail('error_param', 'Wrong parameters, detail: partner_id in body does not match the query.');
    world.counters.refresh++;
    const who = body.shop_id !== undefined ? `shop:${body.shop_id}` : body.merchant_id !== undefined ? `merchant:${body.merchant_id}` : undefined;
    if (!who) return fail('error_param', 'Wrong parameters, detail: shop_id or merchant_id is required.');
    const rec = body.refresh_token ? world.refreshTokens.get(body.refresh_token) : undefined;
    if (!rec || rec.partnerId !== caller.partnerId || rec.usedBy.includes(who)) return fail('error_auth', 'Invalid refresh_token.', 403);
    if (!rec.identities.includes(who)) {
      return who.startsWith('shop') ? fail('error_shop_refresh_token', 'Your refresh token is error ,please check refresh token or shopid.', 403) : fail('error_merchant_refresh_token', 'Your refresh token is error,please check refresh token or merchant_id.', 403);
    }
    if (rec.expiresAt < world.now()) return fail('refresh_token_expired', 'Your refresh_token expired.', 403);
    rec.usedBy.push(who);
    // The previous access token of this identity keeps working for a short grace period.
    const graceEnd = world.now() + world.options.oldTokenGraceMs;
    for (const t of world.accessTokens.values()) if (t.identities.includes(who) && t.expiresAt > graceEnd) t.expiresAt = graceEnd;
    const [kind, id] = who.split(':') as ['shop' | 'merchant', string];
    const pair = world.grant(caller.partnerId, { kind, id: Number(id) });
    return flat({
      partner_id: caller.partnerId, ...(kind === 'shop' ? { shop_id: Number(id) } : { merchant_id: Number(id) }),
      access_token: pair.accessToken, refresh_token: pair.refreshToken, expire_in: world.options.accessTtlMs / 1000,
    });
  });

  /** The legacy authorization page: signed link in, redirect out with a code for the first shop. */
  route<Public>(router, world, ctx, 'GET', '/api/v2/shop/auth_partner', (req, caller) => {
    const redirect = req.query.get('redirect');
    const shop = [...world.shops.values()][0];
    // No spec file kept for this page; the generic "Wrong parameters, detail: {msg}." of the other auth APIs.
    if (!redirect || !shop) return fail('error_param', 'Wrong parameters, detail: redirect is required.');
    const url = new URL(redirect);
    url.searchParams.set('code', world.issueCode(caller.partnerId, { shopId: shop.shopId }));
    url.searchParams.set('shop_id', String(shop.shopId));
    return { status: 302, headers: { location: url.toString() } };
  });
}
