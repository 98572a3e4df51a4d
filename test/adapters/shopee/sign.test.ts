import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { baseString, hmacHex, pushSignature, sign } from '../../../adapters/shopee/sign.js';
import { apiTypeOf, expectedSign, pushAuthorization } from '../../../adapters/shopee/sandbox/signature.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { TestClock, TestTokenStore } from './helpers.js';

const KEY = 'test_partner_key';
const TS = 1655714431;

/** Research A1: doc base strings, and signs computed over them with key "test_partner_key". */
const VECTORS = [
  {
    name: 'Shop', parts: { partnerId: 2001887, path: '/api/v2/shop/get_shop_info', timestamp: TS, accessToken: '59777174636562737266615546704c6d', identityId: 14701711 },
    base: '2001887/api/v2/shop/get_shop_info165571443159777174636562737266615546704c6d14701711',
    sign: '9fdae5aeed86e753249982ec04aa54339280f12d3f456b9e3f7d8ee91e66a2b3',
  },
  {
    name: 'Merchant', parts: { partnerId: 2001887, path: '/api/v2/global_product/get_category', timestamp: TS, accessToken: '09777174636962737266615546704c6d', identityId: 1000000 },
    base: '2001887/api/v2/global_product/get_category165571443109777174636962737266615546704c6d1000000',
    sign: 'acd5a420a62ce9d730d869464ecd8e0cc66698e31175baf1b755007c90d0bd35',
  },
  {
    name: 'Public', parts: { partnerId: 2001887, path: '/api/v2/public/get_shops_by_partner', timestamp: TS },
    base: '2001887/api/v2/public/get_shops_by_partner1655714431',
    sign: 'bfd95b21eda3ed2c80e9373e8c0ce80bdc39b2dc02e4c6dc19e1413c75f8ab09',
  },
];

describe('Shopee signing (documented base strings and vectors)', () => {
  for (const v of VECTORS) {
    it(`${v.name}: base string and lowercase 64-hex HMAC-SHA256`, () => {
      expect(baseString(v.parts)).toBe(v.base);
      expect(sign(KEY, v.parts)).toBe(v.sign);
    });
    it(`${v.name}: the sandbox's independent check agrees`, () => {
      const fields = [v.parts.partnerId, v.parts.path, v.parts.timestamp, ...('accessToken' in v.parts ? [v.parts.accessToken!, v.parts.identityId!] : [])];
      expect(expectedSign(KEY, fields)).toBe(v.sign);
    });
  }

  it('auth link vector and the raw-HMAC SDK vector', () => {
    expect(sign(KEY, { partnerId: 2001887, path: '/api/v2/shop/auth_partner', timestamp: TS })).toBe('7aaf77cf2fb63bdf25623b6c3c2ad87ad51ccf4fe66e370b93b89f28bcafe45c');
    expect(hmacHex(KEY, '/api/v2/auth/token/get123456test_partner_idtest_shop_idtest_main_account_id')).toBe('37c864bd9821ff5f2c2f46b2faca14eb1811a718d1fdc6dcf383cba7c74bf9e9');
  });

  it('uses the partner key as UTF-8 text, never hex-decoded', () => {
    const hexKey = 'a1b2c3d4'.repeat(8);
    const s = sign(hexKey, VECTORS[2]!.parts);
    expect(s).toBe(createHmac('sha256', Buffer.from(hexKey, 'utf8')).update(VECTORS[2]!.base).digest('hex'));
    expect(s).not.toBe(createHmac('sha256', Buffer.from(hexKey, 'hex')).update(VECTORS[2]!.base).digest('hex'));
  });

  it('always emits 64 characters, also when the digest starts with zeros (the %032x demo bug)', () => {
    for (let ts = 0; ts < 400; ts++) {
      const s = sign(KEY, { partnerId: 1, path: '/api/v2/order/get_order_list', timestamp: ts });
      expect(s).toMatch(/^[0-9a-f]{64}$/);
    }
  });

  it('push vector (url + "|" + raw body), from both implementations', () => {
    const url = 'https://example.com/shopee/push';
    const body = '{"data":{"ordersn":"2201010ABCDEF","status":"READY_TO_SHIP","update_time":1655714431},"shop_id":14701711,"code":3,"timestamp":1655714431}';
    const expected = '59a9d2906c46cad5198c3f9288d8dfc2035c835ae4d71c23bbbf183b54a2bee9';
    expect(pushSignature(KEY, url, body)).toBe(expected);
    expect(pushAuthorization(KEY, url, body)).toBe(expected);
  });

  it('classifies API types like the endpoint docs (token APIs are Public)', () => {
    expect(apiTypeOf('/api/v2/auth/access_token/get')).toBe('Public');
    expect(apiTypeOf('/api/v2/media_space/upload_image')).toBe('Public');
    expect(apiTypeOf('/api/v2/global_product/add_global_item')).toBe('Merchant');
    expect(apiTypeOf('/api/v2/merchant/get_shop_list_by_merchant')).toBe('Merchant');
    expect(apiTypeOf('/api/v2/order/get_order_list')).toBe('Shop');
  });

  it('builds the signed auth_partner link (documented vector) and the console link', () => {
    const a = shopee({
      region: 'SG', partnerId: 2001887, partnerKey: KEY, shopId: 14701711, clock: new TestClock(TS * 1000),
      tokens: new TestTokenStore(),
    });
    const url = new URL(a.auth.authorizationUrl({ redirect: 'https://seller.example/cb' }));
    expect(url.origin + url.pathname).toBe('https://partner.shopeemobile.com/api/v2/shop/auth_partner');
    expect(Object.fromEntries(url.searchParams)).toEqual({ partner_id: '2001887', timestamp: String(TS), sign: '7aaf77cf2fb63bdf25623b6c3c2ad87ad51ccf4fe66e370b93b89f28bcafe45c', redirect: 'https://seller.example/cb' });
    const c = new URL(a.auth.authorizationUrl({ redirect: 'https://seller.example/cb', style: 'console', state: 'xyz' }));
    expect(c.origin + c.pathname).toBe('https://open.shopee.com/auth');
    expect(Object.fromEntries(c.searchParams)).toEqual({ auth_type: 'seller', partner_id: '2001887', redirect_uri: 'https://seller.example/cb', response_type: 'code', state: 'xyz' });
  });

  it('picks the region and sandbox hosts', () => {
    const mk = (host: 'global' | 'cn' | 'br', sandbox: boolean) =>
      new URL(shopee({ region: 'SG', partnerId: 1, partnerKey: KEY, shopId: 1, host, sandbox, clock: new TestClock(0), tokens: new TestTokenStore() }).auth.authorizationUrl({ redirect: 'https://x.example' })).origin;
    expect(mk('global', false)).toBe('https://partner.shopeemobile.com');
    expect(mk('cn', false)).toBe('https://openplatform.shopee.cn');
    expect(mk('br', false)).toBe('https://openplatform.shopee.com.br');
    expect(mk('global', true)).toBe('https://openplatform.sandbox.test-stable.shopee.sg');
    expect(mk('cn', true)).toBe('https://openplatform.sandbox.test-stable.shopee.cn');
  });
});
