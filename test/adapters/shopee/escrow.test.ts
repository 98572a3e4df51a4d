import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import type { Order } from '../../../src/model/order.js';
import { fixture, shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'escrow-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-escrow-000000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const BATCH = fixture('get_escrow_detail_batch.json');
const SN = BATCH.response[0].escrow_detail.order_sn as string;
const VND = fixture('get_order_detail.vnd.json').response.order_list[0];

const signed = (path: string, extra: (q: Record<string, any>) => boolean = () => true) => (q: Record<string, any>) =>
  signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: Math.floor(NOW / 1000) }) && extra(q);

function adapter() {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-escrow-00000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), retry: { retries: 0 } });
}

/** The order behind the documented escrow batch sample: its two models, SGD. */
const detailRecord = {
  ...VND, order_sn: SN, currency: 'SGD', region: 'SG', order_status: 'READY_TO_SHIP', total_amount: 48440,
  item_list: BATCH.response[0].escrow_detail.order_income.items.map((it: any) => ({
    ...VND.item_list[0], item_id: it.item_id, model_id: it.model_id, model_sku: it.model_sku, model_quantity_purchased: 1, model_original_price: 4.92, model_discounted_price: 3.99, promotion_type: 'product_promotion',
  })),
  package_list: [],
};

const money = (amount: number) => ({ amount, currency: 'SGD' });

describe('escrow detail (nock-pinned)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());

  it('get_escrow_detail_batch: POST with order_sn_list, then line prices, shipping, discounts and payout from it', async () => {
    nock(HOST).get('/api/v2/order/get_order_detail').query(signed('/api/v2/order/get_order_detail', (q) => q.order_sn_list === SN)).reply(200, { error: '', response: { order_list: [detailRecord] } });
    const batch = nock(HOST).post('/api/v2/payment/get_escrow_detail_batch', { order_sn_list: [SN] })
      .query(signed('/api/v2/payment/get_escrow_detail_batch')).matchHeader('content-type', /application\/json/).reply(200, BATCH);
    const o = await adapter().orders.get(SN);
    batch.done();
    expect(o.lines.map((l) => ({ id: l.lineId, unit: l.unitPrice, discounts: l.discounts }))).toEqual([
      { id: '28853978572:158686332931', unit: money(492), discounts: [{ kind: 'product_promotion', amount: money(93) }] },
      { id: '28853978572:158686332932', unit: money(492), discounts: [{ kind: 'product_promotion', amount: money(93) }] },
    ]);
    // buyer_payment_info: shopee_voucher -5260 and coins -900 are order-level reductions (signed negative in the sample).
    expect(o.totals).toEqual({ charged: money(4844000), items: money(984), discounts: money(186 + 526000 + 90000), shipping: money(200000), proceeds: money(3771900) });
    expect(o.extra.prices).toBe('escrow');
  });

  it('a refused batch falls back to get_escrow_detail per order; an order still refused keeps its detail prices', async () => {
    const other = { ...detailRecord, order_sn: 'OTHER1' };
    nock(HOST).get('/api/v2/order/get_order_list').query(true).reply(200, { error: '', response: { more: false, order_list: [{ order_sn: SN }, { order_sn: 'OTHER1' }] } });
    nock(HOST).get('/api/v2/order/get_order_detail').query(true).reply(200, { error: '', response: { order_list: [detailRecord, other] } });
    nock(HOST).post('/api/v2/payment/get_escrow_detail_batch', { order_sn_list: [SN, 'OTHER1'] }).query(true).reply(200, { error: 'error_data', message: 'data not exist', request_id: 'b' });
    nock(HOST).get('/api/v2/payment/get_escrow_detail').query(signed('/api/v2/payment/get_escrow_detail', (q) => q.order_sn === SN))
      .reply(200, { error: '', request_id: 'e1', response: BATCH.response[0].escrow_detail });
    nock(HOST).get('/api/v2/payment/get_escrow_detail').query(signed('/api/v2/payment/get_escrow_detail', (q) => q.order_sn === 'OTHER1'))
      .reply(200, { error: 'order_not_found', message: 'Order SN provided is invalid or does not belong to you. Please enter a valid Order SN.', request_id: 'e2' });
    const orders = await adapter().orders.list({ updatedSince: new Date(NOW - 3600_000) }).toArray({ max: 10 });
    expect(nock.pendingMocks()).toEqual([]);
    expect(orders.map((o) => [o.id, o.extra.prices, o.totals.proceeds?.amount])).toEqual([[SN, 'escrow', 3771900], ['OTHER1', 'order_detail', undefined]]);
  });
});

describe('real line prices on the sandbox (bundle deals, shipping, vouchers)', () => {
  let s: SandboxSetup;
  afterEach(() => s.close());

  const adds = (o: Order) => {
    const t = o.totals;
    return (t.items?.amount ?? 0) + (t.shipping?.amount ?? 0) - (t.discounts?.amount ?? 0) + (t.tax?.amount ?? 0);
  };

  it('a bundle line gets its price from the escrow, never 0 with a discount equal to the full price; totals add up; payout is separate', async () => {
    s = await shopSandbox();
    seedOrder(s.world, {
      createdAt: Date.now() - 60_000, shippingFee: 2.5, sellerVoucher: 1, coins: 0.5,
      lines: [
        { sku: 'MUG', price: 12, discountedPrice: 9.6, quantity: 2, bundleDeal: true },
        { sku: 'CUP', price: 5, discountedPrice: 4.5, quantity: 1 },
      ],
    });
    const [o] = await s.adapter.orders.list({ updatedSince: new Date(Date.now() - 3600_000) }).toArray({ max: 5 });
    expect(o!.lines.map((l) => [l.sku, l.unitPrice?.amount, l.discounts])).toEqual([
      ['MUG', 1200, [{ kind: 'bundle_deal', amount: money(480) }]],
      ['CUP', 500, [{ kind: 'discount', amount: money(50) }]],
    ]);
    // items 29.00 − line discounts 5.30 − voucher 1.00 − coins 0.50 + shipping 2.50 = 24.70 charged.
    expect(o!.totals).toMatchObject({ items: money(2900), discounts: money(680), shipping: money(250), charged: money(2470) });
    expect(adds(o!)).toBe(o!.totals.charged!.amount);
    // Payout: goods 23.70 − seller voucher 1.00 − commission 5 % (1.19) = 21.51: not the order total.
    expect(o!.totals.proceeds).toEqual(money(2151));
  });

  it('without the escrow (escrow: false) a bundle line keeps its list price and no invented discount', async () => {
    s = await shopSandbox({ adapter: { escrow: false } });
    seedOrder(s.world, { createdAt: Date.now() - 60_000, lines: [{ sku: 'MUG', price: 12, discountedPrice: 9.6, quantity: 2, bundleDeal: true }] });
    const [o] = await s.adapter.orders.list({ updatedSince: new Date(Date.now() - 3600_000) }).toArray({ max: 5 });
    expect(o!.lines[0]).toMatchObject({ unitPrice: money(1200), discounts: [] });
    expect(o!.extra.prices).toBe('order_detail');
  });
});
