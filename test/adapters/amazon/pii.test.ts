import nock from 'nock';
import { afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { adapter, fixture, mockLwa, REQUEST_ID, sp } from './helpers.js';

/** Issue 12.4: buyer PII Amazon sent us never reaches an error message, toJSON() or an onError hook. */
const DE = 'A1PA6795UKMFR9';
const CANARY = { name: 'Zebulon Canaryfield', line1: '42 Canary Wharf Lane', line2: 'Flat 7b Canarytower', phone: '+44 7700 900123', email: 'zebulon.canary@marketplace.amazon.co.uk' };

beforeAll(() => nock.disableNetConnect());
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

it('an echoed buyer name, address line, phone or e-mail is redacted everywhere an error goes', async () => {
  const order = structuredClone(fixture('searchOrders.example.json').orders[0]);
  order.orderId = '305-0000000-0000042';
  order.salesChannel = { channelName: 'AMAZON', marketplaceId: DE };
  order.fulfillment.fulfillmentStatus = 'UNSHIPPED';
  for (const it of order.orderItems) it.fulfillment = { quantityFulfilled: 0, quantityUnfulfilled: it.quantityOrdered };
  order.buyer = { buyerName: CANARY.name, buyerEmail: CANARY.email };
  order.recipient = { deliveryAddress: { name: CANARY.name, addressLine1: CANARY.line1, addressLine2: CANARY.line2, city: 'London', postalCode: 'E14 5AB', countryCode: 'GB', phone: CANARY.phone } };
  const hooked: unknown[] = [];
  const a = adapter({ hooks: { onError: (e) => void hooked.push(e) } });
  sp().get(`/orders/2026-01-01/orders/${order.orderId}`).query(true).reply(200, { order }, REQUEST_ID);
  const got = await a.orders.get(order.orderId, { includePii: true });
  expect(got.shippingAddress?.lines).toEqual([CANARY.line1, CANARY.line2]);

  // Amazon echoes the buyer's data back in an error (e.g. an address it refuses).
  const echo = `Address '${CANARY.line1}, ${CANARY.line2}' of ${CANARY.name} (${CANARY.phone}, ${CANARY.email}) is not deliverable`;
  sp().get(`/orders/2026-01-01/orders/${order.orderId}`).query(true).reply(200, { order }, REQUEST_ID);
  sp().post(`/orders/v0/orders/${order.orderId}/shipmentConfirmation`).reply(400, { errors: [{ code: 'InvalidInput', message: echo, details: echo }] }, REQUEST_ID);
  const err = await a.fulfilment.ship({ orderId: order.orderId, packages: [{ lines: [{ lineId: order.orderItems[0].orderItemId, quantity: 1 }], carrier: 'DHL', trackingNumber: 'JJD1' }] }, { idempotencyKey: 'pii-1' }).catch((e) => e);
  const surfaces = [err.message, JSON.stringify(err.toJSON()), JSON.stringify(err.errors), JSON.stringify(hooked)];
  for (const text of surfaces) for (const canary of Object.values(CANARY)) expect(text).not.toContain(canary);
  expect(hooked.length).toBeGreaterThan(0);
});
