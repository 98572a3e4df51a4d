import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { fixture, signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'ship-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-ship-00000000000000';
const NOW = Date.UTC(2026, 3, 9, 6, 0, 0);
const SN = '2404098R48U37H';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const q = (path: string, extra: (x: Record<string, any>) => boolean) => (x: Record<string, any>) =>
  signedQuery(x, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: NOW / 1000 }) && extra(x);

describe('ship on the wire (documented samples)', () => {
  it('get_order_detail → get_shipping_parameter → ship_order (pickup) → get_tracking_number; no package_number on an unsplit order', async () => {
    const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 } });
    const a = shopee({ region: 'VN', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), escrow: false });
    const detail = fixture('get_order_detail.vnd.json');
    Object.assign(detail.response.order_list[0], { order_status: 'READY_TO_SHIP' });
    detail.response.order_list[0].package_list[0].logistics_status = 'LOGISTICS_READY';
    const params = fixture('get_shipping_parameter.json');
    // The sample lists pickup_time_id as needed but no slots; give the first address one.
    params.response.pickup.address_list[0].time_slot_list = [{ date: 1712714400, time_text: '', pickup_time_id: '1712714400', flags: ['recommended'] }];
    const scopes = [
      nock(HOST).get('/api/v2/order/get_order_detail').query(q('/api/v2/order/get_order_detail', (x) => x.order_sn_list === SN)).reply(200, detail),
      nock(HOST).get('/api/v2/logistics/get_shipping_parameter').query(q('/api/v2/logistics/get_shipping_parameter', (x) => x.order_sn === SN && x.package_number === undefined)).reply(200, params),
      nock(HOST).post('/api/v2/logistics/ship_order', { order_sn: SN, pickup: { address_id: 123, pickup_time_id: '1712714400' } })
        .query(q('/api/v2/logistics/ship_order', () => true)).reply(200, { error: '', message: '', request_id: 's-1' }),
      nock(HOST).get('/api/v2/logistics/get_tracking_number').query(q('/api/v2/logistics/get_tracking_number', (x) => x.order_sn === SN && x.package_number === undefined)).reply(200, fixture('get_tracking_number.json')),
    ];
    const shipment = await a.fulfilment.ship({ orderId: SN, packages: [{ lines: [{ lineId: '23620853561:221404189791', quantity: 1 }] }] });
    for (const s of scopes) s.done();
    expect(shipment).toEqual({
      orderId: SN, marketplace: 'shopee', status: 'shipped', outcome: 'confirmed', warnings: [], shippedAt: undefined,
      packages: [{
        lines: [{ lineId: '23620853561:221404189791', quantity: 1 }], packageId: 'OFG166300791210964', trackingNumber: 'MY200448706479IT',
        carrier: { code: '5_DAY_DELIVERY_SPX', marketplaceCode: '18080', name: '5-Day Delivery (SPX)' },
      }],
    });
  });
});
