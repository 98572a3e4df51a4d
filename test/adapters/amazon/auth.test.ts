import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/errors/classes.js';
import { adapter, EU, fixture, LWA, LWA_BODY, mockLwa, REQUEST_ID, sp, TOKEN } from './helpers.js';

const ORDER = fixture('getOrder.sandbox-tax.json');
const orderId = ORDER.order.orderId as string;
const query = { includedData: 'FULFILLMENT,PACKAGES,PROCEEDS,CANCELLATION,TAX' };

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Login with Amazon', () => {
  it('exchanges the refresh token once (form-encoded) and sends x-amz-access-token on every call', async () => {
    const lwa = mockLwa();
    const api = sp().get(`/orders/2026-01-01/orders/${orderId}`).query(query).times(2).reply(200, ORDER, REQUEST_ID);
    const a = adapter();
    await a.orders.get(orderId);
    await a.orders.get(orderId);
    lwa.done();
    api.done();
  });

  it('20 concurrent calls share one token request', async () => {
    let lwaCalls = 0;
    nock(LWA).post('/auth/o2/token', LWA_BODY).delay(20).reply(() => {
      lwaCalls++;
      return [200, { access_token: TOKEN, token_type: 'bearer', expires_in: 3600 }];
    }).persist();
    sp().get(`/orders/2026-01-01/orders/${orderId}`).query(query).times(20).reply(200, ORDER, REQUEST_ID);
    const a = adapter();
    const orders = await Promise.all(Array.from({ length: 20 }, () => a.orders.get(orderId)));
    expect(orders.every((o) => o.id === orderId)).toBe(true);
    expect(lwaCalls).toBe(1);
  });

  it('refreshes once and replays once when SP-API says the token expired', async () => {
    mockLwa('Atza|first-token');
    mockLwa('Atza|second-token');
    const expired = { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] };
    sp('Atza|first-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).reply(403, expired, REQUEST_ID);
    sp('Atza|second-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).reply(200, ORDER, REQUEST_ID);
    const order = await adapter().orders.get(orderId);
    expect(order.id).toBe(orderId);
    expect(nock.pendingMocks()).toEqual([]);
  });

  // 12, not 20: each replay takes a getOrder token too (burst 30).
  it('concurrent calls rejected with the same expired token cause one refresh', async () => {
    mockLwa('Atza|first-token');
    let refreshes = 0;
    nock(LWA).post('/auth/o2/token', LWA_BODY).delay(10).reply(() => {
      refreshes++;
      return [200, { access_token: 'Atza|second-token', token_type: 'bearer', expires_in: 3600 }];
    }).persist();
    const expired = { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: 'The access token you provided has expired.' }] };
    sp('Atza|first-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).times(12).reply(403, expired);
    sp('Atza|second-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).times(12).reply(200, ORDER);
    const a = adapter();
    await Promise.all(Array.from({ length: 12 }, () => a.orders.get(orderId)));
    expect(refreshes).toBe(1);
  });

  it('invalid_grant means the seller must re-authorize', async () => {
    nock(LWA).post('/auth/o2/token', LWA_BODY).reply(400, { error: 'invalid_grant', error_description: 'The request has an invalid grant parameter : refresh_token' });
    const err = await adapter().orders.get(orderId).catch((e) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'REAUTHORIZE', mustReauthorize: true, operation: 'lwaToken', status: 400, retryable: false });
    expect(err.message).toMatch(/re-authorize/);
  });

  it('a rejected client is an AuthError that does not ask for re-authorization', async () => {
    nock(LWA).post('/auth/o2/token', LWA_BODY).reply(401, { error: 'invalid_client', error_description: 'Client authentication failed' });
    const err = await adapter().orders.get(orderId).catch((e) => e);
    expect(err).toMatchObject({ code: 'AUTH_FAILED', mustReauthorize: false });
  });

  it('refreshes before expiry: an expired cached token is never sent', async () => {
    let now = 1_700_000_000_000;
    const clock = { now: () => now, sleep: async (ms: number) => void (now += ms) };
    mockLwa('Atza|first-token');
    mockLwa('Atza|second-token');
    sp('Atza|first-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).reply(200, ORDER);
    sp('Atza|second-token').get(`/orders/2026-01-01/orders/${orderId}`).query(query).reply(200, ORDER);
    const a = adapter({ clock });
    await a.orders.get(orderId);
    now += 3600_000 - 30_000; // inside the refresh margin
    await a.orders.get(orderId);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('does not sign with SigV4: no Authorization header is sent', async () => {
    mockLwa();
    nock(EU, { badheaders: ['authorization', 'x-amz-date'] }).get(`/orders/2026-01-01/orders/${orderId}`).query(query).reply(200, ORDER);
    await adapter().orders.get(orderId);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
