import nock from 'nock';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors/classes.js';
import { packageReferenceIdFor } from '../../../adapters/amazon/fulfilment.js';
import { adapter, fixture, mockLwa, REQUEST_ID, sp } from './helpers.js';

const DE = 'A1PA6795UKMFR9';
const READ = { includedData: 'FULFILLMENT,PACKAGES' };

/** The official example order, moved to Amazon.de and not shipped yet. */
function openOrder() {
  const o = structuredClone(fixture('searchOrders.example.json').orders[0]);
  o.salesChannel = { channelName: 'AMAZON', marketplaceId: DE, marketplaceName: 'Amazon.de' };
  o.fulfillment.fulfillmentStatus = 'UNSHIPPED';
  o.packages = [];
  for (const it of o.orderItems) {
    it.fulfillment = { quantityFulfilled: 0, quantityUnfulfilled: it.quantityOrdered };
    delete it.cancellation;
  }
  return o;
}
const ORDER_ID = '123-4567890-1234567';
const PATH = `/orders/v0/orders/${ORDER_ID}/shipmentConfirmation`;

function shippedCopy(ref: string) {
  const o = openOrder();
  o.fulfillment.fulfillmentStatus = 'PARTIALLY_SHIPPED';
  o.orderItems[0].fulfillment = { quantityFulfilled: 1, quantityUnfulfilled: 1 };
  o.packages = [{ packageReferenceId: ref, carrier: 'DHL', trackingNumber: 'JJD000390007', packageStatus: { status: 'SHIPPED' }, packageItems: [{ orderItemId: '12345678901234', quantity: 1 }] }];
  return o;
}

const request = (carrier = 'dhl express') => ({
  orderId: ORDER_ID,
  shippedAt: '2025-01-10T09:00:00Z',
  packages: [{ lines: [{ lineId: '12345678901234', quantity: 1 }], carrier, service: 'Paket', trackingNumber: 'JJD000390007' }],
});

beforeAll(() => nock.disableNetConnect());
beforeEach(() => void mockLwa());
afterEach(() => nock.cleanAll());

describe('fulfilment.ship (v0 confirmShipment)', () => {
  it('confirms one package with a packageReferenceId derived from the idempotency key', async () => {
    const ref = packageReferenceIdFor('ship-1');
    expect(ref).toMatch(/^[1-9]\d*$/);
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() }, REQUEST_ID);
    const post = sp()
      .post(PATH, {
        marketplaceId: DE,
        packageDetail: { packageReferenceId: ref, carrierCode: 'DHL', shippingMethod: 'Paket', trackingNumber: 'JJD000390007', shipDate: '2025-01-10T09:00:00.000Z', orderItems: [{ orderItemId: '12345678901234', quantity: 1 }] },
      })
      .reply(204, '', REQUEST_ID);
    const s = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-1' });
    post.done();
    expect(s).toEqual({
      orderId: ORDER_ID, marketplace: 'amazon', shippedAt: '2025-01-10T09:00:00.000Z', status: 'shipped', outcome: 'confirmed', warnings: [],
      packages: [{ lines: [{ lineId: '12345678901234', quantity: 1 }], carrier: { code: 'DHL', marketplaceCode: 'DHL', name: 'dhl express' }, service: 'Paket', trackingNumber: 'JJD000390007', packageId: ref }],
    });
  });

  it('an unknown carrier goes out as Other + carrierName, with a warning', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    const post = sp().post(PATH, (b) => b.packageDetail.carrierCode === 'Other' && b.packageDetail.carrierName === 'Speedy Couriers Ltd').reply(204);
    const s = await adapter().fulfilment.ship(request('Speedy Couriers Ltd'), { idempotencyKey: 'ship-2' });
    post.done();
    expect(s.packages[0]!.carrier).toEqual({ code: 'SPEEDY_COURIERS_LTD', marketplaceCode: 'Other', name: 'Speedy Couriers Ltd' });
    expect(s.warnings[0]).toMatch(/Valid Tracking Rate/);
  });

  it('refuses an order that is not shippable unless forced', async () => {
    const held = openOrder();
    held.orderItems[0].cancellation = { cancellationRequest: { requester: 'BUYER', cancelReason: 'Changed mind' } };
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).times(2).reply(200, { order: held });
    const a = adapter();
    const err = await a.fulfilment.ship(request(), { idempotencyKey: 'ship-3' }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/pending_buyer_cancellation/);
    const post = sp().post(PATH).reply(204);
    await a.fulfilment.ship({ ...request(), force: true }, { idempotencyKey: 'ship-3b' });
    post.done();
  });

  it('the same idempotency key twice makes one confirmation; the second answer comes from the journal', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().post(PATH).once().reply(204);
    const a = adapter();
    const first = await a.fulfilment.ship(request(), { idempotencyKey: 'ship-4' });
    const second = await a.fulfilment.ship(request(), { idempotencyKey: 'ship-4' });
    expect(second).toEqual({ ...first, outcome: 'already_done' });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('5xx, then a stale read, then the package shows up: no second confirmation', async () => {
    const ref = packageReferenceIdFor('ship-5');
    let posts = 0;
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().post(PATH).times(5).reply(() => (++posts, [500, { errors: [{ code: 'InternalFailure', message: 'We encountered an internal error.' }] }]));
    // Right after the write, reads still show the old order; then it catches up.
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: shippedCopy(ref) });
    // A window far longer than the reads need: a loaded machine must not close it before the second read.
    const s = await adapter({ consistency: { windowMs: 5_000, intervalMs: 10 } }).fulfilment.ship(request(), { idempotencyKey: 'ship-5' });
    expect(posts).toBe(1);
    expect(s).toMatchObject({ outcome: 'confirmed', status: 'shipped' });
  });

  it('5xx and the order moved without our package: outcome unknown, never a second confirmation', async () => {
    let posts = 0;
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().post(PATH).times(5).reply(() => (++posts, [503, {}]));
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).times(20).reply(200, { order: shippedCopy('999') });
    const s = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-6' });
    expect(posts).toBe(1);
    expect(s).toMatchObject({ outcome: 'unknown', status: 'pending' });
    expect(s.warnings.join(' ')).toMatch(/could not tell/);
  });

  it('5xx and the order cannot be read back: outcome unknown', async () => {
    let posts = 0;
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().post(PATH).times(5).reply(() => (++posts, [500, {}]));
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).times(50).reply(500, {});
    const s = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-7' });
    expect(posts).toBe(1);
    expect(s.outcome).toBe('unknown');
  });

  it('when the whole consistency window shows nothing happened, the confirmation is replayed once', async () => {
    let posts = 0;
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    sp().post(PATH).reply(() => (++posts, [502, {}]));
    sp().post(PATH).reply(() => (++posts, [204, '']));
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).times(20).reply(200, { order: openOrder() });
    const s = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-8' });
    expect(posts).toBe(2);
    expect(s.outcome).toBe('confirmed');
  });

  it('multi-package: one confirmation per package, each with its own reference', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    const refs: string[] = [];
    sp().post(PATH, (b) => (refs.push(b.packageDetail.packageReferenceId), true)).times(2).reply(204);
    const s = await adapter().fulfilment.ship({
      orderId: ORDER_ID,
      packages: [
        { lines: [{ lineId: '12345678901234', quantity: 2 }], carrier: 'UPS', trackingNumber: '1Z1' },
        { lines: [{ lineId: '12345678901235', quantity: 1 }], carrier: 'Royal Mail', trackingNumber: 'RM1' },
      ],
    }, { idempotencyKey: 'ship-9' });
    expect(refs).toEqual([packageReferenceIdFor('ship-9#1'), packageReferenceIdFor('ship-9#2')]);
    expect(s.packages.map((p) => p.carrier?.marketplaceCode)).toEqual(['UPS', 'Royal Mail']);
  });

  it('a 400 from confirmShipment is a MarketplaceError with Amazon’s entries, never retried', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() });
    const post = sp().post(PATH).once().reply(400, fixture('confirmShipment.400.json'), REQUEST_ID);
    const err = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-10' }).catch((e) => e);
    post.done();
    expect(err).toMatchObject({ code: 'MARKETPLACE_REJECTED', status: 400, requestId: 'req-1234', errors: [{ code: 'Invalid Input', message: 'Invalid Input' }] });
  });

  it('sends transparencyCodes per order item when the caller gives them; a carrier Amazon does not list goes as Other with a warning', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() }, REQUEST_ID);
    const post = sp()
      .post(PATH, {
        marketplaceId: DE,
        packageDetail: {
          packageReferenceId: packageReferenceIdFor('ship-t'), carrierCode: 'Other', carrierName: 'Yun Express', trackingNumber: 'YT0000000000000001', shipDate: '2025-01-10T09:00:00.000Z',
          orderItems: [{ orderItemId: '12345678901234', quantity: 1, transparencyCodes: ['AZ:ABCDEFGHIJKLMNOPQRSTUVWXYZ012'] }],
        },
      })
      .reply(204, '', REQUEST_ID);
    const s = await adapter().fulfilment.ship({
      orderId: ORDER_ID, shippedAt: '2025-01-10T09:00:00Z',
      packages: [{ lines: [{ lineId: '12345678901234', quantity: 1, transparencyCodes: ['AZ:ABCDEFGHIJKLMNOPQRSTUVWXYZ012'] }], carrier: 'Yun Express', trackingNumber: 'YT0000000000000001' }],
    }, { idempotencyKey: 'ship-t' });
    post.done();
    expect(s.packages[0]!.carrier).toEqual({ code: 'YUNEXPRESS', marketplaceCode: 'Other', name: 'Yun Express' });
    expect(s.warnings).toEqual([expect.stringMatching(/not in Amazon's carrier-code list for DE/)]);
  });

  it('a bad transparencyCodes value is a ValidationError naming its path', async () => {
    const err = await adapter().fulfilment.ship({ ...request(), packages: [{ ...request().packages[0]!, lines: [{ lineId: '12345678901234', quantity: 1, transparencyCodes: [''] }] }] }).catch((e) => e);
    expect(err).toMatchObject({ code: 'VALIDATION', path: 'request.packages[0].lines[0].transparencyCodes[0]' });
  });

  it('an InvalidInput from confirmShipment keeps Amazon’s entries and names the field', async () => {
    sp().get(`/orders/2026-01-01/orders/${ORDER_ID}`).query(READ).reply(200, { order: openOrder() }, REQUEST_ID);
    sp().post(PATH).reply(400, { errors: [{ code: 'InvalidInput', message: 'Invalid Input', details: "carrierCode 'Dhl' is not an accepted value" }, { code: 'InvalidInput', message: 'shipDate must be ISO 8601' }] }, REQUEST_ID);
    const err = await adapter().fulfilment.ship(request(), { idempotencyKey: 'ship-bad' }).catch((e) => e);
    expect(err.errors).toEqual([
      { code: 'InvalidInput', message: 'Invalid Input', details: "carrierCode 'Dhl' is not an accepted value", field: 'packageDetail.carrierCode' },
      { code: 'InvalidInput', message: 'shipDate must be ISO 8601', field: 'packageDetail.shipDate' },
    ]);
  });
});
