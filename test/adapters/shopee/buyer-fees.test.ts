import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import type { Order } from '../../../src/model/order.js';
import { fixture, shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'buyer-fee-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-buyerfee-00000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const SN = '2611207PQRSTUV';
const VND = fixture('get_order_detail.vnd.json').response.order_list[0];
const money = (amount: number) => ({ amount, currency: 'SGD' });

/** items + shipping − discounts + tax + fees: what the buyer was charged. */
const adds = (o: Order) => {
  const t = o.totals;
  return (t.items?.amount ?? 0) + (t.shipping?.amount ?? 0) - (t.discounts?.amount ?? 0) + (t.tax?.amount ?? 0) + (t.fees?.amount ?? 0);
};

function adapter() {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-buyerfee-0000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), retry: { retries: 0 } });
}

const detail = {
  ...VND, order_sn: SN, currency: 'SGD', region: 'SG', order_status: 'READY_TO_SHIP', total_amount: 23.1, package_list: [],
  item_list: [{ ...VND.item_list[0], item_id: 801, model_id: 0, model_sku: '', item_sku: 'LAMP', model_quantity_purchased: 1, model_original_price: 20, model_discounted_price: 20, promotion_type: '' }],
};

/** Field names from specs/shopee/v2.payment.get_escrow_detail.json (buyer_payment_info, order_income). */
const escrow = {
  order_sn: SN, buyer_user_name: 'b***r',
  buyer_payment_info: { buyer_total_amount: 23.1, merchant_subtotal: 20, shipping_fee: 2.5, seller_voucher: -1, shopee_voucher: 0, shopee_coins_redeemed: 0, buyer_service_fee: 1.2, initial_buyer_txn_fee: 0.4, insurance_premium: 0, buyer_tax_amount: 0 },
  order_income: { escrow_amount: 17.05, buyer_total_amount: 23.1, buyer_paid_shipping_fee: 2.5, voucher_from_seller: 1, items: [{ item_id: 801, model_id: 0, original_price: 20, discounted_price: 20, quantity_purchased: 1, activity_type: '' }] },
};

describe('buyer-paid fees (issue 15.4)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());

  it('buyer_service_fee and initial_buyer_txn_fee land in totals.fees, so the totals add up to charged (nock-pinned)', async () => {
    const signed = (path: string) => (q: Record<string, any>) => signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: Math.floor(NOW / 1000) });
    nock(HOST).get('/api/v2/order/get_order_detail').query((q) => signed('/api/v2/order/get_order_detail')(q) && q.order_sn_list === SN).reply(200, { error: '', response: { order_list: [detail] } });
    const batch = nock(HOST).post('/api/v2/payment/get_escrow_detail_batch', { order_sn_list: [SN] }).query(signed('/api/v2/payment/get_escrow_detail_batch'))
      .reply(200, { error: '', request_id: 'r1', response: [{ escrow_detail: escrow }] });
    const o = await adapter().orders.get(SN);
    batch.done();
    expect(o.totals).toEqual({ charged: money(2310), items: money(2000), shipping: money(250), discounts: money(100), fees: money(160), proceeds: money(1705) });
    expect(adds(o)).toBe(o.totals.charged!.amount);
    expect(o.extra).not.toHaveProperty('buyerFees');
  });
});

describe('buyer-paid fees on the sandbox', () => {
  let s: SandboxSetup;
  afterEach(() => s.close());

  it('an order with a buyer service fee and transaction fee: items + shipping − discounts + tax + fees = charged', async () => {
    s = await shopSandbox();
    seedOrder(s.world, { createdAt: Date.now() - 60_000, shippingFee: 2.5, sellerVoucher: 1, buyerServiceFee: 0.8, buyerTxnFee: 0.35, lines: [{ sku: 'MUG', price: 12, discountedPrice: 9.6, quantity: 2 }] });
    const [o] = await s.adapter.orders.list({ updatedSince: new Date(Date.now() - 3600_000) }).toArray({ max: 5 });
    // 24.00 − 4.80 line discounts − 1.00 voucher + 2.50 shipping + 1.15 fees = 21.85.
    expect(o!.totals).toMatchObject({ items: money(2400), discounts: money(580), shipping: money(250), fees: money(115), charged: money(2185) });
    expect(adds(o!)).toBe(o!.totals.charged!.amount);
  });
});
