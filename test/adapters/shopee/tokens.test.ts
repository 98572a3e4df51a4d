import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/errors/index.js';
import type { StoredToken, TokenStore } from '../../../src/state/token-store.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'test_partner_key_for_rotation';
const SHOP = 322300222;
const T0 = 1_700_000_000_000;
const KEY_OF = tokenKey(PID, { kind: 'shop', id: SHOP });
const OLD = { accessToken: 'old-access-0000000000000000000000', refreshToken: 'old-refresh-000000000000000000000' };
const NEW = fixture('refresh_access_token.json') as { access_token: string; refresh_token: string; expire_in: number };
const DETAIL = fixture('get_order_detail.vnd.json');
const SN = '2404098R48U37H';

function setup(store: TokenStore, clock = new TestClock(T0)) {
  const adapter = shopee({ region: 'VN', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock, retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 }, escrow: false });
  return { adapter, clock };
}

const stored = (expiresAt: number, extra: Partial<StoredToken> = {}): StoredToken => ({ ...OLD, expiresAt, version: 1, ...extra });

/** The refresh call, pinned: Public-signed, partner_id/shop_id and the current refresh token in the body. */
function expectRefresh(refreshToken = OLD.refreshToken, reply: [number, nock.Body] = [200, NEW]) {
  return nock(HOST)
    .post('/api/v2/auth/access_token/get', { refresh_token: refreshToken, partner_id: PID, shop_id: SHOP })
    .query((q) => signedQuery(q, { partnerId: PID, path: '/api/v2/auth/access_token/get', partnerKey: KEY, timestamp: Math.floor(T0 / 1000) }))
    .reply(...reply);
}

function expectDetail(accessToken: string, times = 1, reply: [number, nock.Body] = [200, DETAIL]) {
  return nock(HOST)
    .get('/api/v2/order/get_order_detail')
    .query((q) => q.order_sn_list === SN && signedQuery(q, { partnerId: PID, path: '/api/v2/order/get_order_detail', partnerKey: KEY, accessToken, shopId: SHOP }))
    .times(times)
    .reply(...reply);
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Shopee token rotation', () => {
  it('20 concurrent calls with an expired token make exactly one refresh and persist the rotated pair first', async () => {
    const store = new TestTokenStore({ [KEY_OF]: stored(T0 - 1000) });
    const { adapter } = setup(store);
    const refresh = expectRefresh();
    const details = expectDetail(NEW.access_token, 20);
    const orders = await Promise.all(Array.from({ length: 20 }, () => adapter.orders.get(SN)));
    expect(orders.every((o) => o.id === SN)).toBe(true);
    refresh.done();
    details.done();
    expect(await store.get(KEY_OF)).toEqual({ accessToken: NEW.access_token, refreshToken: NEW.refresh_token, expiresAt: T0 + NEW.expire_in * 1000, refreshExpiresAt: T0 + 30 * 86_400_000, version: 2 });
  });

  it.each(['invalid_acceess_token', 'invalid_access_token'])('%s from Shopee triggers one refresh and one replay', async (code) => {
    const store = new TestTokenStore({ [KEY_OF]: stored(T0 + 3600_000) });
    const { adapter } = setup(store);
    const rejected = expectDetail(OLD.accessToken, 1, [403, { error: code, message: 'Invalid access_token, please have a check.', request_id: 'r-1' }]);
    const refresh = expectRefresh();
    const replay = expectDetail(NEW.access_token);
    expect((await adapter.orders.get(SN)).id).toBe(SN);
    rejected.done();
    refresh.done();
    replay.done();
  });

  it('20 concurrent calls refused with invalid_acceess_token share one refresh (the rejected token is tracked per call)', async () => {
    const store = new TestTokenStore({ [KEY_OF]: stored(T0 + 3600_000) });
    const { adapter } = setup(store);
    const rejected = expectDetail(OLD.accessToken, 20, [200, { error: 'invalid_acceess_token', message: 'Invalid access_token, please have a check.', request_id: 'r-2' }]);
    const refresh = expectRefresh();
    const replays = expectDetail(NEW.access_token, 20);
    await Promise.all(Array.from({ length: 20 }, () => adapter.orders.get(SN)));
    rejected.done();
    refresh.done();
    replays.done();
  });

  it('a TokenStore write failing right after a refresh: a clear error, the new pair kept in memory, the burnt token never re-sent', async () => {
    const inner = new TestTokenStore({ [KEY_OF]: stored(T0 - 1000) });
    let failures = 1;
    const store: TokenStore = {
      get: (k) => inner.get(k),
      compareAndSwap: async (k, v, next) => {
        if (failures-- > 0) throw new Error('disk full');
        return inner.compareAndSwap(k, v, next);
      },
    };
    const { adapter } = setup(store);
    const refresh = expectRefresh();
    const err = await adapter.orders.get(SN).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.message).toMatch(/saving them to the TokenStore failed \(disk full\)/);
    expect(err.message).toMatch(/keeps using the new pair from memory/);
    refresh.done();
    // Later calls work with the in-memory pair; no second refresh (nock would refuse it).
    const details = expectDetail(NEW.access_token, 2);
    await adapter.orders.get(SN);
    await adapter.orders.get(SN);
    details.done();
    expect((await inner.get(KEY_OF))?.accessToken).toBe(NEW.access_token);
    expect(JSON.stringify(err.toJSON())).not.toContain(NEW.refresh_token);
  });

  it('a spent or expired refresh token means the seller must re-authorize; it is not sent again', async () => {
    const store = new TestTokenStore({ [KEY_OF]: stored(T0 - 1000) });
    const { adapter } = setup(store);
    const refresh = expectRefresh(OLD.refreshToken, [403, fixture('refresh_access_token.error.json')]);
    const err = await adapter.orders.get(SN).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.code).toBe('REAUTHORIZE');
    expect(err.mustReauthorize).toBe(true);
    expect(err.message).toMatch(/seller must authorize the app again/);
    refresh.done();
    const again = await adapter.orders.get(SN).catch((e) => e);
    expect(again.code).toBe('REAUTHORIZE');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a refresh whose response was lost says so', async () => {
    const store = new TestTokenStore({ [KEY_OF]: stored(T0 - 1000) });
    const { adapter } = setup(store);
    nock(HOST).post('/api/v2/auth/access_token/get').query(true).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = await adapter.orders.get(SN).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err.code).toBe('AUTH_FAILED');
    expect(err.message).toMatch(/got no usable answer/);
    expect(err.message).toMatch(/may already have rotated/);
  });

  it('exchanges an authorization code and stores the pair', async () => {
    const store = new TestTokenStore();
    const { adapter } = setup(store);
    nock(HOST)
      .post('/api/v2/auth/token/get', { code: 'c0de5a5477794a55537954697169514f', partner_id: PID, shop_id: SHOP })
      .query((q) => signedQuery(q, { partnerId: PID, path: '/api/v2/auth/token/get', partnerKey: KEY, timestamp: Math.floor(T0 / 1000) }))
      .reply(200, { error: '', message: '', request_id: 'x', access_token: 'a'.repeat(32), refresh_token: 'b'.repeat(32), expire_in: 14400 });
    const r = await adapter.auth.exchangeCode('c0de5a5477794a55537954697169514f', { shopId: SHOP });
    expect(r).toEqual({ shopIds: [SHOP], merchantIds: [], expiresAt: new Date(T0 + 14400_000) });
    expect((await store.get(KEY_OF))?.accessToken).toBe('a'.repeat(32));
  });
});
