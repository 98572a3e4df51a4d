import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebay, SANDBOX_CREDENTIALS } from '../../../adapters/ebay/index.js';
import { adapter, API, api, fixture, mockToken } from './helpers.js';
import { useEbaySandbox } from './sandbox-support.js';

const I = '/sell/inventory/v1';
const listing = (i: number, currency = 'GBP') => ({ sku: `B-${i}`, title: `Bulk ${i}`, brand: 'Acme', price: { amount: '3.50', currency }, quantity: i % 4 });

describe('bulk listing path, nock-pinned', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('26 SKUs: bulk get, bulk create/replace, bulk create offer, bulk publish, 25 per call; per-item refusals stay per SKU', async () => {
    mockToken();
    const sizes: Record<string, number[]> = {};
    const seen = (op: string, body: { requests: unknown[] }) => (sizes[op] ??= []).push(body.requests.length);
    const bodies: Record<string, any> = {};
    api().post(`${I}/bulk_get_inventory_item`).times(2).reply(207, (_u, b: any) => (seen('get', b), { responses: b.requests.map((r: any) => ({ sku: r.sku, statusCode: 404, errors: [{ errorId: 25702, message: 'not available' }] })) }));
    api().post(`${I}/bulk_create_or_replace_inventory_item`).matchHeader('content-language', 'en-GB').times(2).reply(200, (_u, b: any) => (seen('items', b), (bodies.items ??= b), { responses: b.requests.map((r: any) => ({ sku: r.sku, locale: r.locale, statusCode: 201 })) }));
    api().get(`${I}/offer`).query(true).times(26).reply(404, fixture('error-offer-not-found.json'));
    api().post(`${I}/bulk_create_offer`).matchHeader('content-language', 'en-GB').times(2).reply(200, (_u, b: any) => (seen('offers', b), (bodies.offers ??= b), { responses: b.requests.map((r: any) => ({ sku: r.sku, marketplaceId: r.marketplaceId, format: r.format, offerId: `O-${r.sku}`, statusCode: 200 })) }));
    api().post(`${I}/bulk_publish_offer`).times(2).reply(207, (_u, b: any) => (seen('publish', b), {
      responses: b.requests.map((r: any) => (r.offerId === 'O-B-7' ? { offerId: r.offerId, statusCode: 400, errors: [{ errorId: 25002, message: 'A user error has occurred. The item specific Brand is missing.', parameters: [{ name: '0', value: 'Brand' }] }] } : { offerId: r.offerId, listingId: `L-${r.offerId}`, statusCode: 200 })),
    }));
    const progress: number[] = [];
    const results = await adapter({ marketplaces: ['EBAY_GB'] }).listings.bulkUpsert(Array.from({ length: 26 }, (_, i) => listing(i)), { onProgress: (e) => progress.push(e.done) });
    expect(sizes).toEqual({ get: [25, 1], items: [25, 1], offers: [25, 1], publish: [25, 1] });
    expect(bodies.items.requests[1]).toEqual({ sku: 'B-1', locale: 'en_GB', product: { title: 'Bulk 1', aspects: { Brand: ['Acme'] }, brand: 'Acme' }, condition: 'NEW', availability: { shipToLocationAvailability: { quantity: 1 } } });
    expect(bodies.offers.requests[1]).toMatchObject({ sku: 'B-1', marketplaceId: 'EBAY_GB', format: 'FIXED_PRICE', availableQuantity: 1, listingDescription: 'Bulk 1', pricingSummary: { price: { value: '3.50', currency: 'GBP' } } });
    expect(results.map((r) => r.sku)).toEqual(Array.from({ length: 26 }, (_, i) => `B-${i}`));
    expect(results[0]).toEqual({ sku: 'B-0', ok: true, result: { sku: 'B-0', store: 'EBAY_GB', status: 'active', marketplaceId: 'L-O-B-0', issues: [], action: 'created', raw: { offerId: 'O-B-0', sellerSku: 'B-0' } } });
    expect(results[7]).toMatchObject({ ok: true, result: { status: 'invalid', issues: [{ code: '25002', attributes: ['Brand'] }] } });
    expect(progress).toHaveLength(26);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('bulk listing path on the sandbox', () => {
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  const env = useEbaySandbox();

  it('200 SKUs end with one result each; a second run updates without a second offer or publish', async () => {
    const a = ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: env.sandbox.urls.ebay!, timeScale: 100 });
    const catalog = Array.from({ length: 200 }, (_, i) => (i === 13 ? { ...listing(i, 'USD'), brand: undefined } : listing(i, 'USD')));
    const first = await a.listings.bulkUpsert(catalog);
    expect(first).toHaveLength(200);
    expect(new Set(first.map((r) => r.sku)).size).toBe(200);
    expect(first.filter((r) => r.ok && r.result.status === 'active')).toHaveLength(199);
    expect(first[13]).toMatchObject({ ok: true, result: { status: 'invalid' } });
    expect([...env.state.offers.values()].filter((o) => o.sku.startsWith('B-'))).toHaveLength(200);
    const second = await a.listings.bulkUpsert(catalog.slice(0, 30).map((l) => ({ ...l, quantity: 9 })));
    expect(second.filter((r) => r.ok && r.result.action === 'updated')).toHaveLength(30);
    expect([...env.state.offers.values()].filter((o) => o.sku.startsWith('B-'))).toHaveLength(200);
    expect(env.state.listedQuantity(env.state.offerOf('B-5', 'EBAY_US')!.offerId)).toBe(9);
  }, 60_000);

  it('one caller idempotency key over several bulk calls: each call journals under its own derived key', async () => {
    const a = ebay({ account, marketplaces: ['EBAY_US'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults }, endpoint: env.sandbox.urls.ebay!, timeScale: 100 });
    const catalog = Array.from({ length: 30 }, (_, i) => ({ ...listing(i, 'USD'), sku: `K-${i}` }));
    const results = await a.listings.bulkUpsert(catalog, { idempotencyKey: 'hub-chunk-1' });
    expect(results.filter((r) => r.ok && r.result.status === 'active')).toHaveLength(30);
    expect(new Set(results.map((r) => (r.ok ? (r.result.raw as { offerId: string }).offerId : '')).filter(Boolean)).size).toBe(30);
  }, 60_000);
});

void API;
