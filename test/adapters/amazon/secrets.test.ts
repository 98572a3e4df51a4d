import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { amazon } from '../../../adapters/amazon/index.js';
import { isXborderError } from '../../../src/errors/xborder-error.js';

/** Planted secrets: none may reach an error message, toJSON() or a hook event. */
const CLIENT_SECRET = 'planted-client-secret-7f3a9c';
const REFRESH_TOKEN = 'Atzr|planted-refresh-token-51bd0e';
const ACCESS_TOKEN = 'Atza|planted-access-token-c0ffee';
const EU = 'https://sellingpartnerapi-eu.amazon.com';
const LWA = 'https://api.amazon.com';

function make(events: unknown[]) {
  const record = (e: unknown) => events.push(e);
  return amazon({
    marketplaces: ['DE'],
    sellerId: 'A2EXAMPLE',
    credentials: { clientId: 'amzn1.application-oa2-client.planted', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
    hooks: { onRequest: record, onResponse: record, onRetry: record, onError: record, onRateLimitWait: record, onQuarantine: record },
  });
}

function assertClean(err: unknown, events: unknown[]) {
  expect(isXborderError(err)).toBe(true);
  const e = err as Error & { toJSON(): unknown };
  const surfaces = [e.message, JSON.stringify(e.toJSON()), JSON.stringify(events), String((e.cause as Error | undefined)?.message ?? '')];
  for (const text of surfaces) {
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, 'planted-access-token-c0ffee', 'planted-refresh-token-51bd0e']) expect(text).not.toContain(secret);
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('secrets never leak', () => {
  it('when the token endpoint echoes the credentials', async () => {
    nock(LWA).post('/auth/o2/token').reply(400, { error: 'invalid_request', error_description: `bad client_secret=${CLIENT_SECRET} refresh_token ${REFRESH_TOKEN}` });
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
  });

  it('when SP-API echoes the access token and the secret in errors[]', async () => {
    nock(LWA).post('/auth/o2/token').reply(200, { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600 });
    nock(EU).get('/orders/2026-01-01/orders/1').query(true).reply(400, {
      errors: [{ code: 'InvalidInput', message: `token ${ACCESS_TOKEN} is not allowed`, details: `secret ${CLIENT_SECRET} / ${REFRESH_TOKEN}` }],
    });
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
    expect(events.length).toBeGreaterThan(0);
  });

  it('when the connection fails with the token in the transport error', async () => {
    nock(LWA).post('/auth/o2/token').reply(200, { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600 });
    nock(EU).get('/orders/2026-01-01/orders/1').query(true).times(2).replyWithError(Object.assign(new Error(`socket hang up while sending x-amz-access-token: ${ACCESS_TOKEN}`), { code: 'ECONNRESET' }));
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
  });

  it('when the expired-token replay fails too', async () => {
    nock(LWA).post('/auth/o2/token').times(2).reply(200, { access_token: ACCESS_TOKEN, token_type: 'bearer', expires_in: 3600 });
    nock(EU).get('/orders/2026-01-01/orders/1').query(true).times(2).reply(403, { errors: [{ code: 'Unauthorized', message: 'Access to requested resource is denied.', details: `The access token you provided has expired: ${ACCESS_TOKEN}` }] });
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    expect(err.code).toBe('AUTH_EXPIRED');
    assertClean(err, events);
  });
});
