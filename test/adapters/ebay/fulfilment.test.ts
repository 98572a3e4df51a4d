import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError, ValidationError } from '../../../src/errors/classes.js';
import { adapter, API, api, fixture, mockToken, ORDERS, TAX } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const ID = '12-03456-78901';
const LINE = '10045678901234';
const BODY = { lineItems: [{ lineItemId: LINE, quantity: 2 }], shippedDate: '2026-11-21T09:00:00.000Z', shippingCarrierCode: 'RoyalMail', trackingNumber: 'RM123456789GB' };
const REQ = { orderId: ID, shippedAt: '2026-11-21T09:00:00.000Z', packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: 'Royal Mail', trackingNumber: 'RM123456789GB' }] };
const LOCATION = { Location: `${API}${ORDERS}/${ID}/shipping_fulfillment/9876543210` };

describe('fulfilment.ship (createShippingFulfillment)', () => {
  it('posts the exact body and takes the fulfillment id from Location', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    api().post(`${ORDERS}/${ID}/shipping_fulfillment`, BODY).matchHeader('content-type', /application\/json/).reply(201, '', LOCATION);
    const s = await adapter().fulfilment.ship(REQ);
    expect(s).toEqual({
      orderId: ID, marketplace: 'ebay', shippedAt: '2026-11-21T09:00:00.000Z', status: 'shipped', outcome: 'confirmed', warnings: [],
      packages: [{ lines: [{ lineId: LINE, quantity: 2 }], carrier: { code: 'ROYAL_MAIL', marketplaceCode: 'RoyalMail' }, trackingNumber: 'RM123456789GB', packageId: '9876543210' }],
    });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('after an ambiguous failure, re-reads the fulfillments and does not replay when the package is there', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    const post = api().post(`${ORDERS}/${ID}/shipping_fulfillment`, BODY).reply(500, { errors: [{ errorId: 32000, domain: 'API_FULFILLMENT', category: 'APPLICATION', message: 'There was a problem with an eBay internal system or process.' }] });
    api().get(`${ORDERS}/${ID}/shipping_fulfillment`).reply(200, fixture('fulfillments.json'));
    const s = await adapter().fulfilment.ship(REQ);
    expect(post.isDone()).toBe(true);
    expect(s.outcome).toBe('confirmed');
    expect(s.packages[0]!.packageId).toBe('9876543210');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('replays once verification proves the package was not recorded', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    api().post(`${ORDERS}/${ID}/shipping_fulfillment`, BODY).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const reads = api().get(`${ORDERS}/${ID}/shipping_fulfillment`).times(20).reply(200, fixture('fulfillments-empty.json'));
    const replay = api().post(`${ORDERS}/${ID}/shipping_fulfillment`, BODY).reply(201, '', LOCATION);
    const s = await adapter().fulfilment.ship(REQ);
    expect(replay.isDone()).toBe(true);
    expect(reads.pendingMocks().length).toBeLessThan(20);
    expect(s.packages[0]!.packageId).toBe('9876543210');
  });

  it('the same idempotency key ships once', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    const post = api().post(`${ORDERS}/${ID}/shipping_fulfillment`, BODY).once().reply(201, '', LOCATION);
    const a = adapter();
    const first = await a.fulfilment.ship(REQ, { idempotencyKey: 'ship-1' });
    const second = await a.fulfilment.ship(REQ, { idempotencyKey: 'ship-1' });
    expect(post.isDone()).toBe(true);
    expect(second.outcome).toBe('already_done');
    expect(second.packages).toEqual(first.packages);
  });

  it('refuses an order that is not shippable and unknown lines, before writing', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, { ...fixture('order-gb.json'), orderFulfillmentStatus: 'FULFILLED' });
    await expect(adapter().fulfilment.ship(REQ)).rejects.toBeInstanceOf(ConflictError);
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    const bad = { ...REQ, packages: [{ ...REQ.packages[0]!, lines: [{ lineId: 'nope', quantity: 1 }] }] };
    await expect(adapter().fulfilment.ship(bad)).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('carrier and tracking number (eBay ShippingCarrierCodeType, alphanumeric tracking)', () => {
  it('maps a unified carrier to its eBay value and strips spaces and hyphens from the tracking number', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    const post = api().post(`${ORDERS}/${ID}/shipping_fulfillment`, { ...BODY, shippingCarrierCode: 'DeutschePost', trackingNumber: 'RR123456785DE' }).reply(201, '', LOCATION);
    const s = await adapter().fulfilment.ship({ ...REQ, packages: [{ ...REQ.packages[0]!, carrier: 'DEUTSCHE_POST', trackingNumber: 'RR 1234-5678 5DE' }] });
    expect(post.isDone()).toBe(true);
    expect(s.packages[0]!.carrier).toEqual({ code: 'DEUTSCHE_POST', marketplaceCode: 'DeutschePost' });
    expect(s.packages[0]!.trackingNumber).toBe('RR123456785DE');
  });

  it('accepts eBay enumeration values as written, in any case', async () => {
    mockToken();
    api().get(`${ORDERS}/${ID}`).query(TAX).reply(200, fixture('order-gb.json'));
    api().post(`${ORDERS}/${ID}/shipping_fulfillment`, { ...BODY, shippingCarrierCode: 'FedEx' }).reply(201, '', LOCATION);
    const s = await adapter().fulfilment.ship({ ...REQ, packages: [{ ...REQ.packages[0]!, carrier: 'fedex' }] });
    expect(s.packages[0]!.carrier).toEqual({ code: 'FEDEX', marketplaceCode: 'FedEx' });
  });

  it('refuses an unknown carrier before any call, naming close matches', async () => {
    const err = await adapter().fulfilment.ship({ ...REQ, packages: [{ ...REQ.packages[0]!, carrier: 'Royal Mial' }] }).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.path).toBe('request.packages[0].carrier');
    expect(err.message).toContain('RoyalMail');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('refuses a unified carrier eBay has no value for, and a tracking number with other characters', async () => {
    const evri = await adapter().fulfilment.ship({ ...REQ, packages: [{ ...REQ.packages[0]!, carrier: 'EVRI' }] }).catch((e) => e);
    expect(evri).toBeInstanceOf(ValidationError);
    expect(evri.message).toContain('EVRI has no value');
    const slash = await adapter().fulfilment.ship({ ...REQ, packages: [{ ...REQ.packages[0]!, trackingNumber: 'RM123/456' }] }).catch((e) => e);
    expect(slash).toBeInstanceOf(ValidationError);
    expect(slash.path).toBe('request.packages[0].trackingNumber');
  });
});
