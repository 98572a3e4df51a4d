import { inspect } from 'node:util';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isXborderError } from '../../../src/errors/index.js';
import type { Hooks } from '../../../src/http/hooks.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PARTNER_KEY = 'a3f1c9e07b2d45e6f8091a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d';
const ACCESS = '59777174636562737266615546704c6d';
const REFRESH = '4c7259534969484e71734d695a6e6d55';
const NEW_ACCESS = '71594a4c54537649697341796363674a';
const NEW_REFRESH = '516c6b577753554375764a63704d7245';
const SECRETS = [PARTNER_KEY, ACCESS, REFRESH, NEW_ACCESS, NEW_REFRESH];
const NOW = Date.UTC(2026, 6, 1);

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

function setup(expiresAt: number) {
  const events: unknown[] = [];
  const hooks: Hooks = {
    onRequest: (e) => events.push(e), onResponse: (e) => events.push(e), onRetry: (e) => events.push(e), onError: (e) => events.push(e), onRateLimitWait: (e) => events.push(e),
  };
  const store = new TestTokenStore({ [tokenKey(2001887, { kind: 'shop', id: 14701711 })]: { accessToken: ACCESS, refreshToken: REFRESH, expiresAt, version: 1 } });
  const adapter = shopee({ region: 'SG', partnerId: 2001887, partnerKey: PARTNER_KEY, shopId: 14701711, tokens: store, clock: new TestClock(NOW), hooks, retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 } });
  return { adapter, events };
}

function assertClean(label: string, value: unknown) {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  for (const secret of SECRETS) expect(text, `${label} leaks a secret`).not.toContain(secret);
}

async function failure(p: Promise<unknown>) {
  const e = await p.then(() => undefined, (x) => x);
  expect(isXborderError(e)).toBe(true);
  return e as Error & { toJSON(): unknown };
}

describe('no credential ever leaves through errors, toJSON or hooks', () => {
  it('a marketplace error echoing the token and key, a network error quoting the URL, a refused refresh', async () => {
    const { adapter, events } = setup(NOW + 3600_000);
    const errors: Array<Error & { toJSON(): unknown }> = [];
    // 1. Shopee echoes the credentials in its message.
    nock(HOST).get('/api/v2/logistics/get_tracking_number').query(true)
      .reply(200, { error: 'error_param', message: `bad access_token=${ACCESS} for key ${PARTNER_KEY} sign=${'f'.repeat(64)}`, request_id: 'x1' });
    errors.push(await failure(adapter.raw.shop().get_tracking_number({ query: { order_sn: 'A' } })));
    // 2. A transport error whose message quotes the full signed URL.
    nock(HOST).get('/api/v2/logistics/get_tracking_number').query(true).times(2)
      .replyWithError(Object.assign(new Error(`connect ECONNRESET ${HOST}/api/v2/logistics/get_tracking_number?access_token=${ACCESS}&partner_key=${PARTNER_KEY}`), { code: 'ECONNRESET' }));
    errors.push(await failure(adapter.raw.shop().get_tracking_number({ query: { order_sn: 'B' } })));
    // 3. Token rejected, then the refresh rejected with an echo of the refresh token.
    nock(HOST).get('/api/v2/logistics/get_tracking_number').query(true).reply(403, { error: 'invalid_acceess_token', message: `Invalid access_token ${ACCESS}`, request_id: 'x3' });
    nock(HOST).post('/api/v2/auth/access_token/get').query(true).reply(403, { error: 'error_auth', message: `Invalid refresh_token ${REFRESH}.`, request_id: 'x4' });
    errors.push(await failure(adapter.raw.shop().get_tracking_number({ query: { order_sn: 'C' } })));
    expect(errors.map((e) => (e as { code?: string }).code)).toEqual(['MARKETPLACE_REJECTED', 'NETWORK', 'REAUTHORIZE']);
    for (const e of errors) {
      assertClean('message', e.message);
      assertClean('toJSON', e.toJSON());
      assertClean('cause', String((e as { cause?: unknown }).cause ?? ''));
    }
    expect(events.length).toBeGreaterThan(5);
    assertClean('hook events', events);
    expect(JSON.stringify(events)).not.toMatch(/sign=[0-9a-f]{64}/);
  });

  it('a rotation whose save fails: the error names the problem, not the tokens', async () => {
    const { adapter, events } = setup(NOW - 1);
    nock(HOST).post('/api/v2/auth/access_token/get').query(true).reply(200, { error: '', request_id: 'r', access_token: NEW_ACCESS, refresh_token: NEW_REFRESH, expire_in: 14400 });
    nock(HOST).get('/api/v2/logistics/get_tracking_number').query(true).reply(500, { error: 'error_server', message: `upstream saw ${NEW_ACCESS}` });
    nock(HOST).get('/api/v2/logistics/get_tracking_number').query(true).reply(500, { error: 'error_server', message: `upstream saw ${NEW_ACCESS}` });
    const e = await failure(adapter.raw.shop().get_tracking_number({ query: { order_sn: 'D' } }));
    assertClean('message', e.message);
    assertClean('toJSON', e.toJSON());
    assertClean('hook events', events);
  });

  it('the adapter object does not print its partner key or tokens', () => {
    const { adapter } = setup(NOW + 3600_000);
    assertClean('inspect', inspect(adapter, { depth: 8 }));
    assertClean('JSON', JSON.stringify(adapter));
  });
});
