import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixture } from './helpers.js';
import { intercept, wireAdapter, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

/** Planted buyer data: unique strings that must never come back out of the adapter. */
const CANARY = {
  contact: 'Zqcanary Ybuyer', street: '77 Canarywharf Lane', street2: 'Flat Kq9', phone: '+34 699 111 222', first: 'Zqcanary', last: 'Wxcanarylast',
  login: 'es-canary-login-77',
};

function detailWithCanaries() {
  const d = structuredClone(fixture('order_info_get.json'));
  const data = d.aliexpress_solution_order_info_get_response.result.data;
  data.receipt_address = { ...data.receipt_address, contact_person: CANARY.contact, detail_address: CANARY.street, address2: CANARY.street2, mobile_no: CANARY.phone };
  data.buyer_info = { ...data.buyer_info, first_name: CANARY.first, last_name: CANARY.last, login_id: CANARY.login };
  data.buyerloginid = CANARY.login;
  return d;
}

describe('buyer PII is registered for redaction (planted canaries)', () => {
  it('an error that echoes the buyer\'s name parts, address, phone or login id carries none of them, nor do hook events', async () => {
    const events: unknown[] = [];
    const hooks = { onRequest: (e: unknown) => events.push(e), onResponse: (e: unknown) => events.push(e), onError: (e: unknown) => events.push(e), onRetry: (e: unknown) => events.push(e) };
    const seen: Seen[] = [];
    let n = 0;
    const echo = Object.values(CANARY).join(' | ');
    intercept('/sync', () => [200, n++ === 0 ? detailWithCanaries() : { error_response: { type: 'ISV', code: 'isv.param-error', msg: `bad address for ${echo}`, sub_msg: `buyer ${CANARY.last} (${CANARY.login})` } }], seen, 2);
    const a = wireAdapter({ hooks });
    const order = await a.orders.get('3041234567890123', { includePii: true });
    expect(order.shippingAddress?.name).toBe(CANARY.contact);
    const err = (await a.orders.get('3041234567890123').then(() => undefined, (e: unknown) => e)) as Error & { toJSON(): unknown };
    expect(err).toBeInstanceOf(Error);
    const texts = [String(err.message), JSON.stringify(err.toJSON()), String(err.stack), JSON.stringify(events)];
    for (const t of texts) for (const v of Object.values(CANARY)) expect(t).not.toContain(v);
  });
});

describe('buyer identity in order lists', () => {
  it('buyer_login_id and buyer_signer_fullname of listed orders are redacted from later errors', async () => {
    const list = structuredClone(fixture('order_get.json'));
    const dto = list.aliexpress_solution_order_get_response.result.target_list.order_dto[0];
    dto.buyer_login_id = 'us-canary-list-88';
    dto.buyer_signer_fullname = 'Qqlistcanary Fullname';
    const seen: Seen[] = [];
    let n = 0;
    intercept('/sync', () => [200, n++ === 0 ? list : { error_response: { type: 'ISV', code: 'isv.param-error', msg: 'buyer us-canary-list-88 / Qqlistcanary Fullname' } }], seen, 2);
    const a = wireAdapter();
    await a.orders.list({ updatedSince: new Date(Date.UTC(2026, 10, 1, 11)), statuses: ['unshipped'] }).toArray({ max: 5 });
    const err = (await a.orders.get('1').then(() => undefined, (e: unknown) => e)) as Error & { toJSON(): unknown };
    for (const t of [err.message, JSON.stringify(err.toJSON())]) for (const v of ['us-canary-list-88', 'Qqlistcanary Fullname']) expect(t).not.toContain(v);
  });
});
