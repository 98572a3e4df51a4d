import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AuthError, MarketplaceError, NotFoundError, QuotaExhaustedError, RateLimitError } from '../../../src/errors/index.js';
import { errorFromCode, quotaResetAt, shopeeErrorMapper } from '../../../adapters/shopee/errors.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { signedQuery, TestClock, TestTokenStore } from './helpers.js';

const NOW = Date.UTC(2026, 4, 10, 20, 30); // 04:30 on May 11 in UTC+8
const map = (code: string, message = '') => errorFromCode(code, message, { now: NOW, requestId: 'rid', status: 200 });

describe('the Shopee error envelope → error classes', () => {
  it('classifies by the envelope code', () => {
    expect(map('invalid_acceess_token')).toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(map('invalid_access_token')).toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(map('error_auth', 'Invalid access_token.')).toMatchObject({ code: 'AUTH_EXPIRED' });
    expect(map('error_auth', 'Invalid refresh_token.')).toMatchObject({ code: 'REAUTHORIZE', mustReauthorize: true });
    expect(map('error_auth', 'partner_id is invalid')).toMatchObject({ code: 'AUTH_FAILED' });
    expect(map('error_auth', 'System error, please try again later.')).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', retryable: true });
    expect(map('shop_no_linked')).toMatchObject({ code: 'REAUTHORIZE' });
    expect(map('refresh_token_expired')).toMatchObject({ code: 'REAUTHORIZE' });
    expect(map('error_permission')).toMatchObject({ code: 'FORBIDDEN' });
    expect(map('source_ip_undeclared')).toMatchObject({ code: 'FORBIDDEN' });
    expect(map('error_sign', 'Wrong sign.')).toBeInstanceOf(AuthError);
    expect(map('error_rate_limit')).toBeInstanceOf(RateLimitError);
    expect(map('error_server')).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', retryable: true });
    expect(map('error_param', 'Timestamp is expired.')).toMatchObject({ code: 'MARKETPLACE_REJECTED', retryable: true });
    expect(map('error_not_found')).toBeInstanceOf(NotFoundError);
    expect(map('order.error_limit', 'Can not cancel this order')).toMatchObject({ code: 'MARKETPLACE_REJECTED', marketplaceCode: 'order.error_limit' });
    const e = map('error_param', 'Wrong parameters, detail: x.') as MarketplaceError;
    expect(e).toMatchObject({ code: 'MARKETPLACE_REJECTED', retryable: false, requestId: 'rid', errors: [{ code: 'error_param', message: 'Wrong parameters, detail: x.' }] });
  });

  it('error_auth for product data is a business refusal with Shopee\'s message; only token problems are auth errors', () => {
    // Messages from the error_list of v2.product.add_item / update_stock / init_tier_variation.
    for (const message of ['Total stock must be more than reserved stock.', 'Lack of location_id, please double check.', 'cnsc shop not upgraded, can not edit item.',
      "The location_id input is not matched the shop's location_id(more/wrong). Please double check."]) {
      const e = map('error_auth', message);
      expect(e).toBeInstanceOf(MarketplaceError);
      expect(e).toMatchObject({ code: 'MARKETPLACE_REJECTED', retryable: false, errors: [{ code: 'error_auth', message }] });
    }
    const forbidden = map('error_auth', 'No permission to current api.');
    expect(forbidden).toBeInstanceOf(AuthError);
    expect(forbidden).toMatchObject({ code: 'FORBIDDEN', mustReauthorize: false });
    expect(forbidden.message).toMatch(/Open Platform console/);
    expect(map('error_auth', 'The App is deleted, and you\'ll be unable to make any API call.')).toMatchObject({ code: 'AUTH_FAILED' });
  });

  it('the daily quota (error_limit) resets at 00:00 UTC+8', () => {
    const e = map('error_limit', 'The total API call number made by your APP has reached the daily API call limit') as QuotaExhaustedError;
    expect(e).toBeInstanceOf(QuotaExhaustedError);
    expect(e.resetsAt?.toISOString()).toBe('2026-05-11T16:00:00.000Z');
    expect(quotaResetAt(Date.UTC(2026, 4, 10, 15, 59, 59)).toISOString()).toBe('2026-05-10T16:00:00.000Z');
    expect(quotaResetAt(Date.UTC(2026, 4, 10, 16, 0, 0)).toISOString()).toBe('2026-05-11T16:00:00.000Z');
  });

  it('errors arrive with HTTP 200; success has an empty error; HTTP 5xx without an envelope is retryable', () => {
    const m = shopeeErrorMapper(() => NOW);
    expect(m({ status: 200, data: { error: '', message: '', response: {} }, headers: {} }, { operation: 'x' })).toBeUndefined();
    expect(m({ status: 200, data: { error: 'error_param', message: 'bad' }, headers: {} }, { operation: 'x' })).toBeInstanceOf(MarketplaceError);
    expect(m({ status: 502, data: '<html>bad gateway</html>', headers: {} }, { operation: 'x' })).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', retryable: true });
    expect(m({ status: 429, data: { error: 'error_rate_limit', message: 'Too many requests' }, headers: { 'retry-after': '2' } }, { operation: 'x' })).toMatchObject({ code: 'RATE_LIMITED', retryAfterMs: 2000 });
  });
});

describe('limits and quota through the pipeline', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());
  const adapter = (hooks = {}) => shopee({
    region: 'SG', partnerId: 5, partnerKey: 'limits-key', shopId: 6, clock: new TestClock(NOW), hooks, retry: { retries: 3, baseDelayMs: 10, maxDelayMs: 10 },
    tokens: new TestTokenStore({ [tokenKey(5, { kind: 'shop', id: 6 })]: { accessToken: 'limits-token-000000000000', refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 } }),
  });

  it('error_rate_limit backs off and retries, re-signed with a fresh timestamp; the request id is kept', async () => {
    const onRetry = vi.fn();
    const seen: Array<Record<string, string>> = [];
    const check = (q: Record<string, any>) => (seen.push(q), signedQuery(q, { partnerId: 5, path: '/api/v2/logistics/get_tracking_number', partnerKey: 'limits-key', accessToken: 'limits-token-000000000000', shopId: 6 }));
    nock('https://partner.shopeemobile.com').get('/api/v2/logistics/get_tracking_number').query(check)
      .reply(429, { error: 'error_rate_limit', message: 'Too many requests.', request_id: 'rl-1' }, { 'retry-after': '1' })
      .get('/api/v2/logistics/get_tracking_number').query(check).reply(200, { error: '', request_id: 'ok-1', response: { tracking_number: 'T1' } });
    const r = await adapter({ onRetry }).raw.shop().get_tracking_number({ query: { order_sn: 'X' } });
    expect(r.data.response.tracking_number).toBe('T1');
    expect(r.meta.requestId).toBe('ok-1');
    expect(onRetry).toHaveBeenCalledWith(expect.objectContaining({ reason: 'RATE_LIMITED', delayMs: 1000 }));
    expect(seen.map((q) => q.timestamp)).toEqual([String(NOW / 1000), String(NOW / 1000 + 1)]);
    expect(seen[0]!.sign).not.toBe(seen[1]!.sign);
  });

  it('error_limit throws QuotaExhaustedError at once, with resetsAt and the request id', async () => {
    const scope = nock('https://partner.shopeemobile.com').get('/api/v2/logistics/get_tracking_number').query(true)
      .reply(200, { error: 'error_limit', message: 'The total API call number made by your APP has reached the daily API call limit, please try again after 00: 00 (UTC+08:00)', request_id: 'q-1' });
    const err = await adapter().raw.shop().get_tracking_number({ query: { order_sn: 'X' } }).catch((e) => e);
    scope.done();
    expect(err).toBeInstanceOf(QuotaExhaustedError);
    expect(err).toMatchObject({ requestId: 'q-1', operation: 'get_tracking_number', resetsAt: new Date('2026-05-11T16:00:00.000Z') });
  });
});

describe('lossless int64 ids', () => {
  it('keeps ids above 2^53 exact as strings, leaves other numbers alone', async () => {
    const { parseLossless } = await import('../../../adapters/shopee/lossless-json.js');
    expect(parseLossless('{"response":{"publish_task_id":202011300000012000,"n":12.5,"ids":[9007199254740993,1]}}')).toEqual({
      response: { publish_task_id: '202011300000012000', n: 12.5, ids: ['9007199254740993', 1] },
    });
  });
});
