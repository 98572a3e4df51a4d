import nock from 'nock';
import { afterEach, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, shopSandbox, signedQuery, TestClock, type SandboxSetup, TestTokenStore } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
  nock.cleanAll();
});

const lineOf = (o: ReturnType<typeof seedOrder>, i = 0) => {
  const l = (o.wire.item_list as Array<{ item_id: number; model_id: number }>)[i]!;
  return `${l.item_id}:${l.model_id}`;
};

describe('seller cancellation (cancel_order)', () => {
  it('cancels a whole order as out of stock (item_list required by Shopee)', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world, { lines: [{ price: 10 }, { price: 4, quantity: 2 }] });
    expect(await s.adapter.orders.cancel(o.wire.order_sn, { reason: 'out_of_stock' })).toMatchObject({ orderId: o.wire.order_sn, outcome: 'accepted' });
    const after = await s.adapter.orders.get(o.wire.order_sn);
    expect(after).toMatchObject({ status: 'cancelled', marketplaceStatus: 'CANCELLED', extra: { cancelBy: 'seller', cancelReason: 'OUT_OF_STOCK' } });
  });

  it('cancels part of an order with partial_cancel_item_list', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world, { lines: [{ price: 10 }, { price: 4, quantity: 3 }] });
    await s.adapter.orders.cancel(o.wire.order_sn, { reason: 'out_of_stock', lines: [{ lineId: lineOf(o, 1), quantity: 2 }] });
    const after = await s.adapter.orders.get(o.wire.order_sn);
    expect(after.marketplaceStatus).toBe('READY_TO_SHIP');
    expect(after.lines.map((l) => l.cancelledQuantity)).toEqual([0, 2]);
  });

  it('maps reasons to Shopee\'s list and refuses the ones it does not have', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world);
    await expect(s.adapter.orders.cancel(o.wire.order_sn, { reason: 'pricing_error' })).rejects.toBeInstanceOf(ValidationError);
    await expect(s.adapter.orders.cancel(o.wire.order_sn, { reason: 'address_problem' })).rejects.toThrow(/UNDELIVERABLE_AREA \(TW\/MY\)/);
    await s.adapter.orders.cancel(o.wire.order_sn, { reason: 'other', shopeeReason: 'COD_NOT_SUPPORTED' });
    expect(s.world.orders.get(o.wire.order_sn)!.wire.cancel_reason).toBe('COD_NOT_SUPPORTED');
  });

  it('pins the cancel_order request', async () => {
    nock.disableNetConnect();
    const now = Date.UTC(2026, 2, 1);
    const store = new TestTokenStore({ [tokenKey(1, { kind: 'shop', id: 9 })]: { accessToken: 'cancel-token-000000000000', refreshToken: 'x'.repeat(32), expiresAt: now + 3600_000, version: 1 } });
    const a = shopee({ region: 'VN', partnerId: 1, partnerKey: 'cancel-key', shopId: 9, tokens: store, clock: new TestClock(now), escrow: false });
    const detail = fixture('get_order_detail.vnd.json');
    detail.response.order_list[0].order_status = 'READY_TO_SHIP';
    nock('https://partner.shopeemobile.com').get('/api/v2/order/get_order_detail').query(true).reply(200, detail);
    const scope = nock('https://partner.shopeemobile.com')
      .post('/api/v2/order/cancel_order', { order_sn: '2404098R48U37H', cancel_reason: 'CUSTOMER_REQUEST' })
      .query((q) => signedQuery(q, { partnerId: 1, path: '/api/v2/order/cancel_order', partnerKey: 'cancel-key', accessToken: 'cancel-token-000000000000', shopId: 9, timestamp: now / 1000 }))
      .reply(200, { error: '', message: '', request_id: 'c', response: { update_time: 1772323200 } });
    expect(await a.orders.cancel('2404098R48U37H', { reason: 'buyer_request' })).toEqual({ orderId: '2404098R48U37H', outcome: 'accepted', reference: '1772323200' });
    scope.done();
    nock.enableNetConnect();
  });
});

describe('buyer cancellation (handle_buyer_cancellation)', () => {
  it('accepts a buyer request: IN_CANCEL → CANCELLED', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world);
    s.world.requestBuyerCancellation(o.wire.order_sn, 'Change of mind');
    const before = await s.adapter.orders.get(o.wire.order_sn);
    expect(before).toMatchObject({ marketplaceStatus: 'IN_CANCEL', shippable: false, holds: ['pending_buyer_cancellation'], extra: { buyerCancelReason: 'Change of mind' } });
    expect(await s.adapter.orders.respondToCancellation(o.wire.order_sn, 'accept')).toMatchObject({ decision: 'accept', outcome: 'accepted' });
    expect((await s.adapter.orders.get(o.wire.order_sn)).status).toBe('cancelled');
  });

  it('rejects a buyer request: the order is shippable again', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world);
    s.world.requestBuyerCancellation(o.wire.order_sn);
    await s.adapter.orders.respondToCancellation(o.wire.order_sn, 'reject');
    expect(await s.adapter.orders.get(o.wire.order_sn)).toMatchObject({ marketplaceStatus: 'READY_TO_SHIP', shippable: true, holds: [] });
  });

  it('refuses to answer when there is no buyer request', async () => {
    s = await shopSandbox();
    const o = seedOrder(s.world);
    await expect(s.adapter.orders.respondToCancellation(o.wire.order_sn, 'accept')).rejects.toThrow(/only IN_CANCEL orders/);
  });
});
