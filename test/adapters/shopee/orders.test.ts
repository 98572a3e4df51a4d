import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'orders-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-orders-000000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const DAY = 86_400_000;
const BASE_FIELDS = 'item_list,total_amount,package_list,pay_time,cancel_by,cancel_reason,buyer_cancel_reason,fulfillment_flag,shipping_carrier,split_up';
const VND = fixture('get_order_detail.vnd.json').response.order_list[0];

/** Without escrow reads: these tests pin the order list/detail flow (escrow.test.ts pins the escrow calls). */
function adapter(region: 'SG' | 'VN' = 'SG', hooks = {}) {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-orders-00000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region, partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), hooks, escrow: false });
}

const signed = (path: string, extra: (q: Record<string, any>) => boolean) => (q: Record<string, any>) =>
  signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: Math.floor(NOW / 1000) }) && extra(q);

function listPage(from: number, to: number, cursor: string | undefined, sns: string[], next?: string) {
  return nock(HOST)
    .get('/api/v2/order/get_order_list')
    .query(signed('/api/v2/order/get_order_list', (q) =>
      q.time_range_field === 'create_time' && q.time_from === String(from) && q.time_to === String(to) && q.page_size === '100'
      && q.response_optional_fields === 'order_status' && q.cursor === cursor && q.order_status === undefined))
    .reply(200, { error: '', message: '', request_id: 'l', response: { more: !!next, next_cursor: next ?? '', order_list: sns.map((order_sn) => ({ order_sn, order_status: 'READY_TO_SHIP' })) } });
}

function details(sns: string[], records: unknown[], fields = BASE_FIELDS) {
  return nock(HOST)
    .get('/api/v2/order/get_order_detail')
    .query(signed('/api/v2/order/get_order_detail', (q) => q.order_sn_list === sns.join(',') && q.response_optional_fields === fields))
    .reply(200, { error: '', message: '', request_id: 'd', response: { order_list: records } });
}

const record = (sn: string, over: Record<string, unknown> = {}) => ({ ...VND, order_sn: sn, ...over });
const sgd = (sn: string) => record(sn, {
  currency: 'SGD', region: 'SG', order_status: 'READY_TO_SHIP', total_amount: 27.89,
  item_list: [{ ...VND.item_list[0], model_original_price: 12.9, model_discounted_price: 12.9, model_quantity_purchased: 2 }],
  package_list: [{ ...VND.package_list[0], logistics_status: 'LOGISTICS_READY' }],
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('orders.list', () => {
  it('splits 40 days into 3 windows of at most 15 days, follows cursor/more, reads details', async () => {
    const s = (ms: number) => Math.floor(ms / 1000);
    const w1 = [s(NOW - 40 * DAY), s(NOW - 25 * DAY) - 1];
    const w2 = [s(NOW - 25 * DAY), s(NOW - 10 * DAY) - 1];
    const w3 = [s(NOW - 10 * DAY), s(NOW)];
    const scopes = [
      listPage(w1[0]!, w1[1]!, undefined, ['A1', 'A2'], '2'), details(['A1', 'A2'], [sgd('A1'), sgd('A2')]),
      listPage(w1[0]!, w1[1]!, '2', ['A3'], undefined), details(['A3'], [sgd('A3')]),
      listPage(w2[0]!, w2[1]!, undefined, [], undefined),
      listPage(w3[0]!, w3[1]!, undefined, ['C1'], undefined), details(['C1'], [sgd('C1')]),
    ];
    const orders = await adapter().orders.list({ createdSince: new Date(NOW - 40 * DAY), until: new Date(NOW) }).toArray({ max: 100 });
    expect(orders.map((o) => o.id)).toEqual(['A1', 'A2', 'A3', 'C1']);
    for (const sc of scopes) sc.done();
    // SGD floats → integer cents, exactly.
    expect(orders[0]!.lines[0]!.unitPrice).toEqual({ amount: 1290, currency: 'SGD' });
    expect(orders[0]!.totals.charged).toEqual({ amount: 2789, currency: 'SGD' });
    expect(orders[0]).toMatchObject({ status: 'unshipped', shippable: true, holds: [] });
  });

  it('maps the documented get_order_detail sample exactly (VND, exponent 0)', async () => {
    const [from, to] = [Math.floor((NOW - DAY) / 1000), Math.floor(NOW / 1000)];
    nock(HOST).get('/api/v2/order/get_order_list').query(signed('/api/v2/order/get_order_list', (q) => q.time_range_field === 'update_time' && q.time_from === String(from) && q.time_to === String(to)))
      .reply(200, fixture('get_order_list.json'));
    const sns = (fixture('get_order_list.json').response.order_list as Array<{ order_sn: string }>).map((o) => o.order_sn);
    details(sns, [record(sns[0]!)]);
    const page = adapter('VN').orders.list({ updatedSince: new Date(NOW - DAY) }).pages()[Symbol.asyncIterator]();
    const first = (await page.next()).value!;
    const iso = (sec: number) => new Date(sec * 1000).toISOString();
    expect(first.items).toEqual([{
      id: sns[0], marketplace: 'shopee', account: String(SHOP), store: String(SHOP), status: 'delivered', marketplaceStatus: 'COMPLETED', holds: [], shippable: false,
      createdAt: { utc: iso(1712601591), raw: '1712601591' }, updatedAt: { utc: iso(1713139948), raw: '1713139948' }, shipBy: { latest: { utc: iso(1712671200), raw: '1712671200' } },
      fulfilledBy: 'merchant',
      lines: [{
        lineId: '23620853561:221404189791', sku: 'QAZ-SADOER-05', title: VND.item_list[0].item_name,
        variantIds: { item_id: '23620853561', model_id: '221404189791', order_item_id: '23620853561', promotion_group_id: '0' },
        quantity: 1, shippedQuantity: 1, cancelledQuantity: 0, returnedQuantity: 0, unitPrice: { amount: 300000, currency: 'VND' }, taxInclusive: true,
        discounts: [{ kind: 'flash_sale', amount: { amount: 252000, currency: 'VND' } }],
      }],
      taxes: [],
      totals: { charged: { amount: 32119, currency: 'VND' }, items: { amount: 300000, currency: 'VND' }, discounts: { amount: 252000, currency: 'VND' } },
      currencies: { buyer: 'VND' },
      extra: {
        region: 'VN', cod: true, daysToShip: 2, payTime: 1712817766, shippingCarrier: 'Giao Hàng Nhanh',
        packages: [{ packageNumber: 'OFG166300791210964', logisticsStatus: 'LOGISTICS_DELIVERY_DONE', logisticsChannelId: 18080, shippingCarrier: '5-Day Delivery (SPX)', lines: [{ lineId: '23620853561:221404189791', quantity: 1 }] }],
        cancelBy: undefined, cancelReason: undefined, buyerCancelReason: undefined, bookingSn: undefined, prices: 'order_detail',
      },
    }]);
    // The page says where to continue: same window, Shopee's next_cursor.
    expect(first.resume).toMatchObject({ strategy: 'cursor-more', window: 0, cursor: '20' });
  });

  it('reads details in batches of 50 and asks for PII only when told to', async () => {
    const sns = Array.from({ length: 100 }, (_, i) => `S${String(i).padStart(3, '0')}`);
    const [from, to] = [Math.floor((NOW - DAY) / 1000), Math.floor(NOW / 1000)];
    nock(HOST).get('/api/v2/order/get_order_list').query(signed('/api/v2/order/get_order_list', (q) => q.time_from === String(from) && q.time_to === String(to)))
      .reply(200, { error: '', response: { more: false, order_list: sns.map((order_sn) => ({ order_sn })) } });
    const pii = `${BASE_FIELDS},buyer_username,recipient_address`;
    const a = details(sns.slice(0, 50), sns.slice(0, 50).map((sn) => record(sn)), pii);
    const b = details(sns.slice(50), sns.slice(50).map((sn) => record(sn)), pii);
    const orders = await adapter('VN').orders.list({ updatedSince: new Date(NOW - DAY), includePii: true }).toArray({ max: 1000 });
    a.done();
    b.done();
    expect(orders).toHaveLength(100);
    expect(orders[0]!.buyer).toEqual({ name: 'xt4fdsf96j' });
    expect(orders[0]!.shippingAddress).toEqual({ name: 'P******n', lines: ['Ấp******'], city: 'Huyện Phước Long', district: 'Xã Phong Thạnh Tây B', region: 'Bạc Liêu', postalCode: undefined, country: 'VN', phone: '******64' });
  });

  it('quarantines a malformed record without failing its page', async () => {
    const onQuarantine = vi.fn();
    nock(HOST).get('/api/v2/order/get_order_list').query(true).reply(200, { error: '', response: { more: false, order_list: [{ order_sn: 'OK1' }, { order_sn: 'BAD' }] } });
    details(['OK1', 'BAD'], [record('OK1'), record('BAD', { create_time: 'yesterday' })]);
    const pages = [];
    for await (const p of adapter('VN', { onQuarantine }).orders.list({ updatedSince: new Date(NOW - DAY) }).pages()) pages.push(p);
    expect(pages[0]!.items.map((o) => o.id)).toEqual(['OK1']);
    expect(pages[0]!.quarantined).toEqual([{ index: 1, recordId: 'BAD', issues: [{ path: 'create_time', message: expect.any(String) }] }]);
    expect(onQuarantine).toHaveBeenCalledWith(expect.objectContaining({ operation: 'get_order_detail', recordId: 'BAD' }));
  });

  it('sends a single status filter to Shopee and filters several locally', async () => {
    nock(HOST).get('/api/v2/order/get_order_list').query((q) => q.order_status === 'CANCELLED').reply(200, { error: '', response: { more: false, order_list: [] } });
    await adapter().orders.list({ updatedSince: new Date(NOW - DAY), statuses: ['cancelled'] }).toArray({ max: 10 });
    nock(HOST).get('/api/v2/order/get_order_list').query((q) => q.order_status === undefined).reply(200, { error: '', response: { more: false, order_list: [{ order_sn: 'X1' }, { order_sn: 'X2' }] } });
    details(['X1', 'X2'], [record('X1', { order_status: 'READY_TO_SHIP' }), record('X2', { order_status: 'COMPLETED' })]);
    const kept = await adapter().orders.list({ updatedSince: new Date(NOW - DAY), statuses: ['unshipped', 'pending'] }).toArray({ max: 10 });
    expect(kept.map((o) => o.id)).toEqual(['X1']);
  });

  it('surfaces Shopee\'s 15-day refusal and refuses a query without a start', async () => {
    nock(HOST).get('/api/v2/order/get_order_list').query(true).reply(200, fixture('get_order_list.error.json'));
    const err = await adapter().orders.list({ updatedSince: new Date(NOW - DAY) }).toArray({ max: 1 }).catch((e) => e);
    expect(err).toMatchObject({ code: 'MARKETPLACE_REJECTED', marketplaceCode: 'order.order_list_invalid_time', requestId: '2ca3ed1fe1fab0d1e12e5e1efa90e4ac' });
    expect(() => adapter().orders.list({})).toThrow(ValidationError);
  });
});
