import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebay } from '../../../adapters/ebay/index.js';
import { isXborderError } from '../../../src/errors/xborder-error.js';

/** Planted secrets: none may reach an error message, toJSON() or a hook event. */
const CLIENT_SECRET = 'PRD-planted-client-secret-7f3a9c';
const REFRESH_TOKEN = 'v^1.1#i^1#planted-refresh-token-51bd0e';
const ACCESS_TOKEN = 'v^1.1#i^1#planted-access-token-c0ffee';
const BASIC = Buffer.from(`planted-client-id:${CLIENT_SECRET}`).toString('base64');
const API = 'https://api.ebay.com';

function make(events: unknown[]) {
  const record = (e: unknown) => events.push(e);
  return ebay({
    account: 'planted',
    marketplaces: ['EBAY_US'],
    credentials: { clientId: 'planted-client-id', clientSecret: CLIENT_SECRET, refreshToken: REFRESH_TOKEN },
    retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
    hooks: { onRequest: record, onResponse: record, onRetry: record, onError: record, onRateLimitWait: record, onQuarantine: record },
  });
}

function assertClean(err: unknown, events: unknown[]) {
  expect(isXborderError(err)).toBe(true);
  const e = err as Error & { toJSON(): unknown };
  const surfaces = [e.message, JSON.stringify(e.toJSON()), JSON.stringify(events), String((e.cause as Error | undefined)?.message ?? '')];
  for (const text of surfaces) {
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, ACCESS_TOKEN, BASIC, 'planted-access-token-c0ffee', 'planted-refresh-token-51bd0e']) expect(text).not.toContain(secret);
  }
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('secrets never leak', () => {
  it('when the token endpoint echoes the credentials', async () => {
    nock(API).post('/identity/v1/oauth2/token').reply(400, { error: 'invalid_request', error_description: `bad client_secret=${CLIENT_SECRET} refresh_token ${REFRESH_TOKEN} Basic ${BASIC}` });
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
  });

  it('when the Sell API echoes the access token and the secret in errors[]', async () => {
    nock(API).post('/identity/v1/oauth2/token').reply(200, { access_token: ACCESS_TOKEN, expires_in: 7200, token_type: 'User Access Token' });
    nock(API).get('/sell/fulfillment/v1/order/1').reply(400, {
      errors: [{ errorId: 30500, domain: 'API_FULFILLMENT', category: 'REQUEST', message: `token ${ACCESS_TOKEN} is not allowed`, longMessage: `secret ${CLIENT_SECRET} / ${REFRESH_TOKEN}`, parameters: [{ name: 'auth', value: ACCESS_TOKEN }] }],
    });
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
    expect(events.length).toBeGreaterThan(0);
  });

  it('when the connection fails with the token in the transport error', async () => {
    nock(API).post('/identity/v1/oauth2/token').reply(200, { access_token: ACCESS_TOKEN, expires_in: 7200 });
    nock(API).get('/sell/fulfillment/v1/order/1').times(2).replyWithError(Object.assign(new Error(`socket hang up while sending Authorization: Bearer ${ACCESS_TOKEN}`), { code: 'ECONNRESET' }));
    const events: unknown[] = [];
    const err = await make(events).orders.get('1').catch((e) => e);
    assertClean(err, events);
  });
});

describe("eBay's token alphabet (issue 12: ^ and # must not end the Bearer redaction)", () => {
  /** Shaped like an eBay user token; never registered, so only the text patterns can catch it. */
  const CANARY = 'v^1.1#i^1#p^3#r^0#I^3#f^0#t^H4sIAAAAAAAAAOVYa2wUVRQ+bbcFikVBYg3RuA4+oGZ33rNzK9K4tA0tFvrYtcUmpd6duW2Hzs5s50wfEDWlKj+QBGqsaGoJGkUjMfGHMUiQBsmJ5xQTRFL4R2FTKr8IhGI0UeJMt6VCaBSDxIh/Zuaee8+53/nOvWfOXdiKqfa77Uefp61rUgsWxmC37b9cQUt6u6e7W/4KtmUuYhi8cKi8vLqUAUyVDWQ0o+V3ouc6yVvyB2HwSkqnuo7hNo8sh1bpCEPjzAq7SeTT9zC5BVcX5hWfxKr0fKB2QzAX5CJpYKyeeDwI0E40wojcJ1CZgn0bx+gS2ILGUyr=';
  const SECRET_PART = 'H4sIAAAAAAAAAOVYa2wUVRQ';

  it('is redacted after Bearer, bare, and in error parameters', async () => {
    nock(API).post('/identity/v1/oauth2/token').reply(200, { access_token: ACCESS_TOKEN, expires_in: 7200 });
    nock(API).get('/sell/fulfillment/v1/order/1').query(true).reply(400, {
      errors: [{ errorId: 1001, domain: 'OAuth', category: 'REQUEST', message: `Invalid access token Bearer ${CANARY}`, longMessage: `token=${CANARY} / ${CANARY}`, parameters: [{ name: 'token', value: CANARY }] }],
    });
    nock(API).get('/sell/fulfillment/v1/order/2').query(true).times(2).replyWithError(Object.assign(new Error(`socket hang up; Authorization: Bearer ${CANARY}`), { code: 'ECONNRESET' }));
    const events: unknown[] = [];
    const a = make(events);
    for (const id of ['1', '2']) {
      const err = await a.orders.get(id).catch((e) => e);
      const e = err as Error & { toJSON(): unknown };
      for (const text of [e.message, JSON.stringify(e.toJSON()), JSON.stringify(events)]) {
        expect(text).not.toContain(SECRET_PART);
        expect(text).not.toContain('#t^');
      }
    }
  });
});
