import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const VND = fixture('get_order_detail.vnd.json').response.order_list[0];
// Canaries: values that must never leave in an error or a hook event once Shopee sent them to us.
const USER = 'canary_buyer_u7q2';
const ESCROW_USER = 'canary_escrow_buyer_k3';
const NAME = 'Canary Recipient Zed';
const PHONE = '6598761234';
const STREET = '42 Canary Wharf Lane #07-11';

function adapter(onError: (e: unknown) => void) {
  const store = new TestTokenStore({ [tokenKey(9, { kind: 'shop', id: 8 })]: { accessToken: 'pii-access-token-0000000000', refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'VN', partnerId: 9, partnerKey: 'pii-partner-key', shopId: 8, tokens: store, clock: new TestClock(NOW), hooks: { onError }, retry: { retries: 0 } });
}

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Shopee buyer PII is registered for redaction', () => {
  it('buyer username (order and escrow), recipient name, phone and address never reach errors or onError, even without includePii', async () => {
    const record = { ...VND, order_sn: 'PII1', buyer_username: USER, recipient_address: { ...VND.recipient_address, name: NAME, phone: PHONE, full_address: STREET } };
    nock(HOST).get('/api/v2/order/get_order_detail').query(true).reply(200, { error: '', response: { order_list: [record] } });
    nock(HOST).post('/api/v2/payment/get_escrow_detail_batch').query(true)
      .reply(200, { error: '', response: [{ escrow_detail: { order_sn: 'PII1', buyer_user_name: ESCROW_USER, order_income: { items: [] } } }] });
    const events: unknown[] = [];
    const a = adapter((e) => events.push(e));
    const order = await a.orders.get('PII1');
    expect(order.buyer).toBeUndefined();
    // Shopee echoes buyer data in a refusal (e.g. a cancellation message): it must come out redacted.
    const echo = `Order of ${USER} (${ESCROW_USER}) to ${NAME}, ${STREET}, tel ${PHONE} cannot be cancelled`;
    nock(HOST).get('/api/v2/order/get_order_detail').query(true).reply(200, { error: '', response: { order_list: [record] } });
    nock(HOST).post('/api/v2/payment/get_escrow_detail_batch').query(true).reply(200, { error: '', response: [] });
    nock(HOST).post('/api/v2/order/cancel_order').query(true).reply(200, { error: 'order.error_limit', message: echo, request_id: 'c1' });
    const err = await a.orders.cancel('PII1', { reason: 'buyer_request' }).catch((e) => e);
    const leaked = JSON.stringify([err.message, err.toJSON(), events]);
    expect(err.code).toBe('MARKETPLACE_REJECTED');
    for (const canary of [USER, ESCROW_USER, NAME, PHONE, STREET]) expect(leaked).not.toContain(canary);
  });
});
