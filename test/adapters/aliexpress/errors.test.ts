import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, MarketplaceError, NotFoundError, QuotaExhaustedError, RateLimitError } from '../../../src/errors/index.js';
import { quotaResetAt } from '../../../adapters/aliexpress/index.js';
import { errorFromAe, errorOf } from '../../../adapters/aliexpress/errors.js';
import { aeSandbox, fixture } from './helpers.js';
import { NOW, intercept, wireAdapter, type Seen } from './wire.js';

const at = { now: NOW, operation: 'op' };

beforeAll(() => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
});
afterEach(() => nock.cleanAll());

describe('error envelope mapping', () => {
  it('IncompleteSignature (HTTP 200 error_response) is an AuthError and is not retried', async () => {
    const seen: Seen[] = [];
    intercept('/sync', fixture('error_incomplete_signature.json'), seen, 3);
    const err = await wireAdapter().orders.get('1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthError);
    expect(err).toMatchObject({ code: 'AUTH_FAILED', requestId: '2101d05b17586304', operation: 'aliexpress.solution.order.info.get', status: 200 });
    expect(seen).toHaveLength(1);
  });

  it('throttling (short ban) is a RateLimitError with the ban as retryAfterMs, retried', async () => {
    const seen: Seen[] = [];
    let n = 0;
    intercept('/sync', () => [200, n++ === 0 ? fixture('error_app_call_limited.json') : fixture('order_info_get.json')], seen, 2);
    const o = await wireAdapter().orders.get('3041234567890123');
    expect(o.id).toBe('3041234567890123');
    expect(seen).toHaveLength(2);
    const e = errorFromAe(errorOf(fixture('error_app_call_limited.json'))!, at);
    expect(e).toBeInstanceOf(RateLimitError);
    expect((e as RateLimitError).retryAfterMs).toBe(1000);
  });

  it('the daily quota (ban until Beijing midnight, or a daily message) is QuotaExhaustedError, never slept on', () => {
    const untilMidnight = Math.ceil((quotaResetAt(NOW).getTime() - NOW) / 1000);
    const long = errorFromAe({ code: 7, msg: 'App Call Limited', sub_code: 'accesscontrol.limited-by-app-access-count', sub_msg: `This ban will last for ${untilMidnight} more seconds` }, at);
    expect(long).toBeInstanceOf(QuotaExhaustedError);
    expect((long as QuotaExhaustedError).resetsAt?.toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(errorFromAe({ type: 'ISV', code: 'ApiCallLimit', msg: 'The daily call quota of this app is exhausted' }, at)).toBeInstanceOf(QuotaExhaustedError);
    expect(long.retryable).toBe(false);
  });

  it('quota resets at 24:00 Beijing time (16:00 UTC)', () => {
    expect(quotaResetAt(Date.UTC(2026, 10, 1, 15, 59)).toISOString()).toBe('2026-11-01T16:00:00.000Z');
    expect(quotaResetAt(Date.UTC(2026, 10, 1, 16, 0)).toISOString()).toBe('2026-11-02T16:00:00.000Z');
  });

  it('ISP/SYSTEM errors are retryable unavailability; ISV validation is a rejection; both layers are checked', () => {
    const isp = errorFromAe({ type: 'ISP', code: 'ServiceUnavailable', msg: 'busy' }, at);
    expect(isp).toMatchObject({ code: 'MARKETPLACE_UNAVAILABLE', retryable: true });
    const isv = errorFromAe({ code: 15, msg: 'Remote service error', sub_code: 'isv.param-error', sub_msg: 'bad weight' }, at);
    expect(isv).toBeInstanceOf(MarketplaceError);
    expect(isv).toMatchObject({ code: 'MARKETPLACE_REJECTED', retryable: false, errors: [{ code: 'isv.param-error', message: 'bad weight' }] });
    const inner = errorOf({ aliexpress_solution_product_list_get_response: { result: { success: false, error_code: 16001, error_message: 'invalid status' }, request_id: 'x' } });
    expect(inner).toMatchObject({ code: '16001', msg: 'invalid status', request_id: 'x' });
    expect(errorFromAe({ code: 15, sub_code: 'isv.product-not-exist', sub_msg: 'gone' }, at)).toBeInstanceOf(NotFoundError);
    expect(errorOf({ access_token: 'a', code: '0' })).toBeUndefined();
    expect(errorOf({ type: 'ISV', code: 'IllegalRefreshToken', message: 'expired' })).toMatchObject({ code: 'IllegalRefreshToken' });
  });

  it('reads are retried after HTTP 5xx and ISP errors, each attempt re-signed', async () => {
    const seen: Seen[] = [];
    let n = 0;
    intercept('/sync', () => (n++ === 0 ? [503, 'unavailable'] : n === 2 ? [200, { error_response: { type: 'ISP', code: 'ServiceUnavailable', msg: 'busy' } }] : [200, fixture('order_info_get.json')]), seen, 3);
    expect((await wireAdapter().orders.get('3041234567890123')).id).toBe('3041234567890123');
    expect(seen).toHaveLength(3);
    expect(seen.every((x) => x.signOk)).toBe(true);
  });

  it('IllegalAccessToken is AUTH_EXPIRED (refresh then replay)', () => {
    expect(errorFromAe(errorOf(fixture('error_illegal_access_token.json'))!, at)).toMatchObject({ code: 'AUTH_EXPIRED' });
  });
});

describe('order not found (by code and message)', () => {
  const answer = (result: Record<string, unknown>) => ({ aliexpress_solution_order_info_get_response: { result, request_id: 'nf' } });

  it('a result error naming a missing order is a NotFoundError, with or without success=false', async () => {
    for (const result of [
      { error_code: '16009999', error_message: 'order not found', success: false },
      { error_code: 'ORDER_NOT_FOUND', error_message: 'query failed' },
      { error_code: '15', error_message: 'The order does not exist' },
    ]) {
      const seen: Seen[] = [];
      intercept('/sync', answer(result), seen);
      const err = await wireAdapter().orders.get('3041234567890123').catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotFoundError);
      expect(err).toMatchObject({ code: 'NOT_FOUND', operation: 'aliexpress.solution.order.info.get', requestId: 'nf' });
    }
  });

  it('any other result error is not mistaken for a missing order', async () => {
    const seen: Seen[] = [];
    intercept('/sync', answer({ error_code: 'isv.permission-denied', error_message: 'no permission for this seller' }), seen);
    const err = await wireAdapter().orders.get('3041234567890123').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MarketplaceError);
    expect(err).not.toBeInstanceOf(NotFoundError);
    expect(err).toMatchObject({ errors: [{ code: 'isv.permission-denied' }] });
  });

  it('the sandbox answers an unknown order the documented way; the adapter reports NotFoundError', async () => {
    const s = await aeSandbox();
    try {
      await expect(s.adapter.orders.get('3999999999999999')).rejects.toBeInstanceOf(NotFoundError);
    } finally {
      await s.close();
    }
  });
});
