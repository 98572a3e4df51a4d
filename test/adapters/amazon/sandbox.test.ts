import { afterEach, describe, expect, it } from 'vitest';
import { amazon, amazonSandbox, SANDBOX_CREDENTIALS, type AmazonSandboxState } from '../../../adapters/amazon/index.js';
import { ManualClock, startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import type { AmazonConfigInput } from '../../../adapters/amazon/index.js';

let sandbox: RunningSandbox | undefined;
afterEach(async () => {
  await sandbox?.close();
  sandbox = undefined;
});

async function setup(opts: { timeScale?: number; clock?: ManualClock; sandbox?: Parameters<typeof amazonSandbox>[0] } = {}, extra: Partial<AmazonConfigInput> = {}) {
  sandbox = await startSandbox({ marketplaces: { amazon: amazonSandbox(opts.sandbox) }, timeScale: opts.timeScale ?? 100, ...(opts.clock ? { clock: opts.clock } : {}) });
  const url = sandbox.urls.amazon!;
  const state = sandbox.state.amazon as AmazonSandboxState;
  const make = (more: Partial<AmazonConfigInput> = {}) => amazon({
    marketplaces: ['DE', 'FR'], sellerId: SANDBOX_CREDENTIALS.sellerId, credentials: SANDBOX_CREDENTIALS, endpoint: url, tokenEndpoint: `${url}/auth/o2/token`,
    timeScale: opts.timeScale ?? 100, retry: { retries: 4, baseDelayMs: 5, maxDelayMs: 50 }, cancelBatchMs: 20, ...extra, ...more,
  });
  return { url, state, a: make(), make };
}

const tee = (sku: string, extra: object = {}) => ({
  sku, title: `Tee ${sku}`, brand: 'Acme', price: { amount: '19.99', currency: 'EUR' }, quantity: 4, identifiers: { ean: '4006381333931' }, marketplace: { amazon: { productType: 'SHIRT' } }, ...extra,
});

async function token(url: string, refreshToken: string = SANDBOX_CREDENTIALS.refreshToken): Promise<string> {
  const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: SANDBOX_CREDENTIALS.clientId, client_secret: SANDBOX_CREDENTIALS.clientSecret });
  const res = await fetch(`${url}/auth/o2/token`, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  return ((await res.json()) as { access_token: string }).access_token;
}

describe('Amazon sandbox', () => {
  it('enforces the usage plan per seller with Amazon’s 429 body', async () => {
    const { url } = await setup({ timeScale: 1, sandbox: { sellers: [{ sellerId: 'A2EXAMPLE', refreshToken: SANDBOX_CREDENTIALS.refreshToken }, { sellerId: 'B2OTHER', refreshToken: 'Atzr|other-seller-token' }] } });
    const [ta, tb] = [await token(url), await token(url, 'Atzr|other-seller-token')];
    const create = (t: string) => fetch(`${url}/feeds/2021-06-30/documents`, { method: 'POST', body: JSON.stringify({ contentType: 'text/xml; charset=UTF-8' }), headers: { 'x-amz-access-token': t, 'content-type': 'application/json' } });
    const statuses: number[] = [];
    let last: Response | undefined;
    for (let i = 0; i < 16; i++) statuses.push((last = await create(ta)).status);
    expect(statuses.slice(0, 15).every((s) => s === 201)).toBe(true);
    expect(last!.status).toBe(429);
    expect(await last!.json()).toEqual({ errors: [{ code: 'QuotaExceeded', message: 'You exceeded your quota for the requested resource.' }] });
    expect(last!.headers.get('x-amzn-requestid')).toBeTruthy();
    expect((await create(tb)).status).toBe(201);
  });

  it('the adapter paces itself with the same plan data: no 429 reaches the caller', async () => {
    const { a } = await setup({ timeScale: 50 });
    await a.listings.upsert(tee('P-1'));
    const results = await Promise.all(Array.from({ length: 30 }, () => a.listings.get('P-1')));
    expect(results.every((r) => r.sku === 'P-1')).toBe(true);
  });

  it('replays once with a fresh token after the sandbox expires the old one', async () => {
    const { a, state } = await setup();
    await a.listings.get('NONE');
    state.expireTokens();
    expect((await a.listings.get('NONE')).status).toBe('not_found');
    expect(state.lwaRequests).toBe(2);
  });

  it('ACCEPTED is not live: get reports pending, then active', async () => {
    const clock = new ManualClock(Date.now());
    const { a } = await setup({ clock, timeScale: 1 });
    expect(await a.listings.upsert(tee('LIVE-1'))).toMatchObject({ status: 'accepted', action: 'created' });
    expect((await a.listings.get('LIVE-1')).status).toBe('pending');
    clock.advance(31_000);
    expect(await a.listings.get('LIVE-1')).toMatchObject({ status: 'active', marketplaceId: expect.stringMatching(/^B0/) });
  });

  it('PATCH keeps what was edited in Seller Central', async () => {
    const { a, state } = await setup();
    await a.listings.upsert(tee('EDIT-1'));
    state.listing('A2EXAMPLE', 'EDIT-1')!.attributes.generic_keyword = [{ value: 'set by hand', marketplace_id: 'A1PA6795UKMFR9' }];
    await a.listings.upsert(tee('EDIT-1', { price: { amount: '17.99', currency: 'EUR' } }));
    const attrs = state.listing('A2EXAMPLE', 'EDIT-1')!.attributes;
    expect(attrs.generic_keyword).toEqual([{ value: 'set by hand', marketplace_id: 'A1PA6795UKMFR9' }]);
    expect(attrs.purchasable_offer).toEqual([{ audience: 'ALL', currency: 'EUR', marketplace_id: 'A1PA6795UKMFR9', our_price: [{ schedule: [{ value_with_tax: 17.99 }] }] }]);
  });

  it('bulk: splits into feeds, keeps families together, one result per SKU', async () => {
    const { state, make } = await setup();
    const a = make({ bulkThreshold: 3, maxMessagesPerFeed: 3, feedPoll: { initialMs: 1000, factor: 1.5, maxMs: 5000 } });
    const family = { ...tee('FAM'), optionNames: ['size'], variants: [{ sku: 'FAM-S', options: { size: 'S' }, identifiers: { ean: '4006381333948' } }, { sku: 'FAM-M', options: { size: 'M' }, identifiers: { ean: '4006381333955' } }] };
    const results = await a.listings.bulkUpsert([tee('B-1'), tee('B-2', { brand: undefined }), family, tee('B-3')], { assumeNew: true });
    expect(results.map((r) => [r.sku, r.ok])).toEqual([['B-1', true], ['B-2', false], ['FAM', true], ['FAM-S', true], ['FAM-M', true], ['B-3', true]]);
    // [B-1, B-2] [FAM, FAM-S, FAM-M] [B-3]: at most 3 messages per feed, the family in one feed.
    expect([...state.feeds.values()].map((f) => f.feedType)).toEqual(['JSON_LISTINGS_FEED', 'JSON_LISTINGS_FEED', 'JSON_LISTINGS_FEED']);
    expect(state.listing('A2EXAMPLE', 'FAM-M')!.attributes.child_parent_sku_relationship).toEqual([{ child_relationship_type: 'variation', parent_sku: 'FAM', marketplace_id: 'A1PA6795UKMFR9' }]);
  });

  it('inventory.set: a PATCH feed above the threshold; FBA stock is read-only', async () => {
    const { a, state, make } = await setup();
    for (const s of ['I-1', 'I-2', 'I-3']) await a.listings.upsert(tee(s));
    state.listing('A2EXAMPLE', 'I-3')!.attributes.fulfillment_availability = [{ fulfillment_channel_code: 'AMAZON_EU' }];
    const bulk = make({ bulkThreshold: 2, feedPoll: { initialMs: 1000 } });
    const r = await bulk.inventory.set([{ sku: 'I-1', quantity: 9 }, { sku: 'I-2', quantity: 1 }, { sku: 'I-2', quantity: 3, price: { amount: 1500, currency: 'EUR' } }, { sku: 'I-3', quantity: 5 }, { sku: 'NOPE', quantity: 1 }]);
    expect(r.map((x) => [x.sku, x.ok, x.error?.code])).toEqual([['I-1', true, undefined], ['I-2', true, undefined], ['I-3', false, 'NOT_SUPPORTED'], ['NOPE', false, 'NOT_FOUND']]);
    expect(state.listing('A2EXAMPLE', 'I-2')!.attributes.fulfillment_availability).toEqual([{ fulfillment_channel_code: 'DEFAULT', quantity: 3 }]);
    expect(state.listing('A2EXAMPLE', 'I-2')!.attributes.purchasable_offer![0]).toMatchObject({ our_price: [{ schedule: [{ value_with_tax: 15 }] }] });
    expect([...state.feeds.values()].some((f) => f.feedType === 'JSON_LISTINGS_FEED')).toBe(true);
  });

  it('orders: one searchOrders feed across stores, tagged by store; a buyer cancellation request is a hold', async () => {
    const { a, state } = await setup();
    const seeded = state.seedOrders(6, { marketplaces: ['DE', 'FR', 'IT'], buyerCancellationIndex: 1 });
    const orders = await a.orders.list({ updatedSince: new Date(Date.now() - 86_400_000) }).toArray({ max: 50 });
    expect(orders.map((o) => o.store).sort()).toEqual(['DE', 'DE', 'FR', 'FR']);
    const held = orders.find((o) => o.id === seeded[1]!.orderId)!;
    expect(held).toMatchObject({ holds: ['pending_buyer_cancellation'], shippable: false });
    expect(orders.find((o) => o.id === seeded[0]!.orderId)!.buyer).toBeUndefined();
  });

  it('cancel goes through the order-acknowledgement feed and the order ends cancelled', async () => {
    const clock = new ManualClock(Date.now());
    const { a, state } = await setup({ clock, timeScale: 1 });
    const [o] = state.seedOrders(1, { marketplaces: ['DE'] });
    const r = await a.orders.cancel(o!.orderId, { reason: 'out_of_stock' });
    expect(r.outcome).toBe('submitted');
    clock.advance(70_000);
    expect((await a.orders.get(o!.orderId)).status).toBe('cancelled');
    expect(state.orderFeedDocuments[0]).toContain('<CancelReason>NoInventory</CancelReason>');
  });

  it('a reset after confirmShipment went through: verified by re-reading, never confirmed twice', async () => {
    const { a, state } = await setup();
    const [o] = state.seedOrders(1, { marketplaces: ['DE'] });
    sandbox!.faults.set({ resetAfterRate: 1, maxFaults: 1, match: /^POST \/orders\/v0\// });
    const s = await a.fulfilment.ship({ orderId: o!.orderId, packages: [{ lines: [{ lineId: o!.orderItems[0]!.orderItemId, quantity: 1 }], carrier: 'DPD', trackingNumber: '0123456789' }] }, { idempotencyKey: 'reset-1' });
    expect(s.outcome).toBe('confirmed');
    expect(state.shipmentsFor(o!.orderId)).toBe(1);
  });
});
