import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/errors/index.js';
import { tokenKey } from '../../../adapters/aliexpress/index.js';
import { CREDS, aeSandbox, fixture } from './helpers.js';
import { APP_KEY, NOW, REFRESH, TOKEN, intercept, sellerQuery, wireAdapter, type Seen } from './wire.js';

const REFRESHED = fixture('token_refresh.json');
const LIST = fixture('order_get.json');
const EXPIRED = fixture('error_illegal_access_token.json');

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());

describe('token refresh', () => {
  it('refreshes once (single flight) for concurrent calls when expire_time is near, signing /auth/token/refresh with its path', async () => {
    const seen: Seen[] = [];
    const refresh = intercept('/rest/auth/token/refresh', REFRESHED, seen);
    const calls: Seen[] = [];
    intercept('/sync', LIST, calls, 3);
    const a = wireAdapter({ expiresAt: NOW + 60_000 });
    await Promise.all([1, 2, 3].map(() => a.orders.list({ updatedSince: new Date(NOW - 3600_000), statuses: ['unshipped'] }).toArray({ max: 5 })));
    expect(refresh.isDone()).toBe(true);
    expect(seen).toHaveLength(1);
    const { sign, ...query } = seen[0]!.query;
    expect(query).toEqual({ app_key: APP_KEY, timestamp: String(NOW), sign_method: 'sha256' });
    expect(sign).toMatch(/^[0-9A-F]{64}$/);
    expect(seen[0]!.body).toEqual({ refresh_token: REFRESH });
    expect(seen[0]!.signOk).toBe(true);
    expect(calls.map((c) => c.query.access_token)).toEqual([REFRESHED.access_token, REFRESHED.access_token, REFRESHED.access_token]);
    expect(calls.every((c) => c.signOk)).toBe(true);
  });

  it('on IllegalAccessToken refreshes once and replays with the new token', async () => {
    const calls: Seen[] = [];
    intercept('/sync', (s) => [200, s.query.access_token === TOKEN ? EXPIRED : LIST], calls, 2);
    const seen: Seen[] = [];
    intercept('/rest/auth/token/refresh', REFRESHED, seen);
    const a = wireAdapter();
    const orders = await a.orders.list({ updatedSince: new Date(NOW - 3600_000), statuses: ['unshipped'] }).toArray({ max: 5 });
    expect(orders).toHaveLength(1);
    expect(calls.map((c) => c.query)).toMatchObject([sellerQuery('aliexpress.solution.order.get'), sellerQuery('aliexpress.solution.order.get', REFRESHED.access_token)]);
    expect(seen).toHaveLength(1);
  });

  it('a refused refresh token means the seller must authorize again', async () => {
    const seen: Seen[] = [];
    intercept('/rest/auth/token/refresh', { type: 'ISV', code: 'IllegalRefreshToken', message: 'The specified refresh token is invalid or expired', request_id: 'r' }, seen);
    const a = wireAdapter({ expiresAt: NOW - 1 });
    const err = await a.orders.get('3041234567890123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect((err as AuthError).code).toBe('REAUTHORIZE');
    expect((err as AuthError).mustReauthorize).toBe(true);
  });

  it('builds the seller authorization URL', () => {
    const a = wireAdapter();
    expect(a.auth.authorizationUrl({ redirect: 'https://example.com/cb', state: 's1' })).toBe(
      `https://api-sg.aliexpress.com/oauth/authorize?response_type=code&force_auth=true&redirect_uri=https%3A%2F%2Fexample.com%2Fcb&client_id=${APP_KEY}&state=s1`,
    );
  });
});

describe('token refresh (sandbox)', () => {
  it('twenty calls refused with the same expired token cause one refresh; all replay with the new token', async () => {
    const s = await aeSandbox();
    try {
      const o = s.world.addOrder({ lines: [{ sku: 'A', price: '1.00' }] });
      for (const rec of s.world.accessTokens.values()) rec.expiresAt = 0;
      const got = await Promise.all(Array.from({ length: 20 }, () => s.adapter.orders.get(o.id)));
      expect(got.every((x) => x.id === o.id)).toBe(true);
      expect(s.world.refreshCalls).toBe(1);
      const stored = await s.store.get(tokenKey(CREDS.appKey, CREDS.sellerId));
      expect(stored?.version).toBe(2);
    } finally {
      await s.close();
    }
  });
});
