import { afterEach, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonConfigInput, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';

/** Amazon rules the sandbox models (each cited in adapters/amazon/sandbox/**), driven through the adapter. */
const DE = 'A1PA6795UKMFR9';
let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(extra: Partial<AmazonConfigInput> = {}) {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox() }, timeScale: 1000 });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  const make = (more: Partial<AmazonConfigInput> = {}) => amazon({
    marketplaces: ['DE'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`,
    timeScale: 1000, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 }, cancelBatchMs: 20, ...extra, ...more,
  });
  const spCalls = () => sandbox!.requests.amazon!.filter((r) => !r.path.startsWith('/auth/') && !r.path.startsWith('/_sandbox/'));
  return { state, a: make(), make, spCalls };
}

const channelOf = (state: AmazonSandboxState, sku: string) => state.listing('A2EXAMPLE', sku)!.attributes.fulfillment_availability;
const fbaTee = (sku: string, extra: object = {}) => ({
  sku, title: `FBA ${sku}`, brand: 'Acme', price: { amount: '21.99', currency: 'EUR' }, quantity: 9, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } }, ...extra,
});

describe('FBA listings stay FBA', () => {
  it('the sandbox itself: a DEFAULT write converts a seeded FBA SKU to merchant-fulfilled, as Amazon does', async () => {
    const { state } = await setup();
    expect(channelOf(state, 'SANDBOX-FBA-1')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    const { applyChannelRule } = await import('../../../adapters/amazon/sandbox/listing-rules.js');
    const before = state.listing('A2EXAMPLE', 'SANDBOX-FBA-1')!.attributes;
    expect(applyChannelRule(before, { ...before, fulfillment_availability: [{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }] }).fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }]);
  });

  it('upsert of an existing FBA SKU keeps its channel and reports that the quantity was not sent', async () => {
    const { a, state } = await setup();
    const r = await a.listings.upsert(fbaTee('SANDBOX-FBA-1'));
    expect(channelOf(state, 'SANDBOX-FBA-1')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    expect(r.issues).toContainEqual(expect.objectContaining({ code: 'FBA_QUANTITY_READ_ONLY', severity: 'warning', sku: 'SANDBOX-FBA-1' }));
  });

  it('the JSON_LISTINGS_FEED path keeps FBA SKUs FBA (channel learnt from the listings report)', async () => {
    const { make, state } = await setup();
    const a = make({ bulkThreshold: 2 });
    const results = await a.listings.bulkUpsert([fbaTee('SANDBOX-FBA-1'), fbaTee('SANDBOX-FBA-2'), fbaTee('NEW-MFN-1')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(channelOf(state, 'SANDBOX-FBA-1')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    expect(channelOf(state, 'SANDBOX-FBA-2')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    expect(channelOf(state, 'NEW-MFN-1')).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 9 }]);
  });

  it('inventory.set and listings.update never write a quantity to an FBA SKU: NOT_SUPPORTED per SKU', async () => {
    const { a, state } = await setup();
    const r = await a.inventory.set([{ sku: 'SANDBOX-FBA-1', quantity: 4 }, { sku: 'SANDBOX-FBA-2', quantity: 2, price: { amount: 2599, currency: 'EUR' } }]);
    expect(r[0]).toMatchObject({ sku: 'SANDBOX-FBA-1', ok: false, error: { code: 'NOT_SUPPORTED' } });
    expect(r[1]).toMatchObject({ sku: 'SANDBOX-FBA-2', ok: true, warning: expect.stringMatching(/read-only/) });
    await expect(a.listings.update('SANDBOX-FBA-1', { quantity: 3 })).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(channelOf(state, 'SANDBOX-FBA-1')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    expect(channelOf(state, 'SANDBOX-FBA-2')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
  });

  it('a new listing the caller marks fulfilment: amazon is created on the region’s FBA channel', async () => {
    const { a, state } = await setup();
    await a.listings.upsert(fbaTee('NEW-FBA-1', { marketplace: { amazon: { productType: 'SHIRT', fulfilment: 'amazon' } } }));
    expect(channelOf(state, 'NEW-FBA-1')).toEqual([{ fulfillment_channel_code: 'AMAZON_EU' }]);
    await expect(a.listings.upsert(fbaTee('X', { marketplace: { amazon: { fulfilment: 'robots' } } }))).rejects.toMatchObject({ code: 'VALIDATION', path: 'listing.marketplace.amazon.fulfilment' });
  });
});

describe('price changes keep the rest of the offer', () => {
  it('a consumer price change leaves the B2B offer, discounted price and seller-allowed bounds intact', async () => {
    const { a, state } = await setup();
    const l = state.listing('A2EXAMPLE', 'SANDBOX-FBA-1')!;
    l.attributes.purchasable_offer = [
      { audience: 'ALL', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 19.99 }] }], discounted_price: [{ schedule: [{ start_at: '2026-12-01', end_at: '2026-12-31', value_with_tax: 15 }] }], minimum_seller_allowed_price: [{ schedule: [{ value_with_tax: 12 }] }], maximum_seller_allowed_price: [{ schedule: [{ value_with_tax: 30 }] }] },
      { audience: 'B2B', currency: 'EUR', marketplace_id: DE, our_price: [{ schedule: [{ value_with_tax: 17 }] }], quantity_discount_plan: [{ schedule: [{ discount_type: 'fixed', levels: [{ lower_bound: 10, value: 16 }] }] }] },
    ];
    const b2b = structuredClone(l.attributes.purchasable_offer[1]);
    const rest = { ...l.attributes.purchasable_offer[0] };
    await a.listings.upsert(fbaTee('SANDBOX-FBA-1', { price: { amount: '18.49', currency: 'EUR' } }));
    await a.inventory.set([{ sku: 'SANDBOX-FBA-1', price: { amount: 1799, currency: 'EUR' } }]);
    const offers = state.listing('A2EXAMPLE', 'SANDBOX-FBA-1')!.attributes.purchasable_offer!;
    expect(offers).toHaveLength(2);
    expect(offers[1]).toEqual(b2b);
    expect(offers[0]).toEqual({ ...rest, our_price: [{ schedule: [{ value_with_tax: 17.99 }] }] });
  });
});

describe('cancellations never refund more than asked', () => {
  it('the sandbox refunds the entire order for a Failure acknowledgement once units shipped; the adapter refuses to send one', async () => {
    const { a, state } = await setup();
    const [o] = state.seedOrders(1, { marketplaces: ['DE'], quantity: 2 });
    const lineId = o!.orderItems[0]!.orderItemId;
    await a.fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId, quantity: 1 }], carrier: 'DHL', trackingNumber: 'JJD0001' }] });
    await new Promise((r) => setTimeout(r, 30)); // the sandbox's read lag (5 s Amazon-time at ×1000)
    await expect(a.orders.cancel(o!.orderId, { reason: 'out_of_stock' })).rejects.toMatchObject({ code: 'VALIDATION', path: 'orderId' });
    expect(state.orderFeedDocuments).toEqual([]);

    // What Amazon does with such an acknowledgement when a client sends it anyway.
    const { cancellationDocument } = await import('../../../adapters/amazon/mappers/cancel-feed.js');
    const xml = cancellationDocument({ sellerId: 'A2EXAMPLE', messages: [{ messageId: 1, orderId: o!.orderId, orderItemIds: [lineId], reason: 'out_of_stock' }] });
    const doc = await a.raw.createFeedDocument({ body: { contentType: 'text/xml; charset=UTF-8' } });
    await fetch(doc.data.url, { method: 'PUT', body: xml, headers: { 'content-type': 'text/xml; charset=UTF-8' } });
    await a.raw.createFeed({ body: { feedType: 'POST_ORDER_ACKNOWLEDGEMENT_DATA', marketplaceIds: [DE], inputFeedDocumentId: doc.data.feedDocumentId } });
    await new Promise((r) => setTimeout(r, 120)); // 60 s of processing at ×1000
    state.tick();
    expect(state.refunds.get(o!.orderId)).toBe('ENTIRE_ORDER_INCLUDING_SHIPPED');
  });

  it('the sandbox accepts only Amazon’s carrier codes, spelled exactly, and says which field is wrong', async () => {
    const { a, state } = await setup();
    const [o] = state.seedOrders(1, { marketplaces: ['DE'] });
    const res = await a.raw.confirmShipment({ params: { orderId: o!.orderId }, body: { marketplaceId: DE, packageDetail: { packageReferenceId: '1', carrierCode: 'Yamato Transport', trackingNumber: 'Y1', shipDate: new Date().toISOString(), orderItems: [{ orderItemId: o!.orderItems[0]!.orderItemId, quantity: 1 }] } } }).catch((e) => e);
    expect(res).toMatchObject({ status: 400, errors: [expect.objectContaining({ code: 'InvalidInput', field: 'packageDetail.carrierCode' })] });
    const s = await a.fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.orderItems[0]!.orderItemId, quantity: 1 }], carrier: 'Yamato Transport', trackingNumber: 'Y1' }] });
    expect(s.packages[0]!.carrier).toEqual({ code: 'YAMATO', marketplaceCode: 'YamatoTransport', name: 'Yamato Transport' });
  });

  it('two cancellations in one interval share one feed; its processing report is read back per order', async () => {
    const { make, state } = await setup();
    const a = make({ cancelBatchMs: 50_000 }); // Amazon-time: 50 ms at ×1000
    const [o1, o2] = state.seedOrders(2, { marketplaces: ['DE'] });
    const [r1, r2] = await Promise.all([a.orders.cancel(o1!.orderId, { reason: 'out_of_stock' }), a.orders.cancel(o2!.orderId, { reason: 'buyer_request' })]);
    expect(r1.reference).toBe(r2.reference);
    expect([...state.feeds.values()].filter((f) => f.feedType === 'POST_ORDER_ACKNOWLEDGEMENT_DATA')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 120)); // 60 s of processing at ×1000
    expect(await a.orders.cancellation(o1!.orderId)).toEqual({ orderId: o1!.orderId, state: 'accepted', feedId: r1.reference });
    expect(await a.orders.cancellation(o2!.orderId)).toEqual({ orderId: o2!.orderId, state: 'accepted', feedId: r1.reference });
  });
});
