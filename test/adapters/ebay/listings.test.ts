import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapter, api, fixture, mockToken } from './helpers.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const I = '/sell/inventory/v1';
const LISTING = {
  sku: 'MUG-BLUE', title: 'Blue ceramic mug', description: 'Stoneware, 350 ml', brand: 'Acme', price: { amount: '19.99', currency: 'GBP' }, quantity: 7,
  identifiers: { ean: '4006381333931' }, images: ['https://img.example.com/mug.jpg'], attributes: { Colour: 'Blue' },
  package: { weight: { value: 0.4, unit: 'kg' as const } },
};
const ITEM = {
  product: { title: 'Blue ceramic mug', description: 'Stoneware, 350 ml', aspects: { Colour: ['Blue'], Brand: ['Acme'] }, brand: 'Acme', ean: ['4006381333931'], imageUrls: ['https://img.example.com/mug.jpg'] },
  condition: 'NEW',
  availability: { shipToLocationAvailability: { quantity: 7 } },
  packageWeightAndSize: { weight: { value: 0.4, unit: 'KILOGRAM' } },
};
const OFFER = {
  sku: 'MUG-BLUE', marketplaceId: 'EBAY_GB', format: 'FIXED_PRICE', availableQuantity: 7, categoryId: '20625', listingDescription: 'Stoneware, 350 ml', listingDuration: 'GTC',
  listingPolicies: { fulfillmentPolicyId: 'F-1', paymentPolicyId: 'P-1', returnPolicyId: 'R-1' }, merchantLocationKey: 'wh-1',
  pricingSummary: { price: { value: '19.99', currency: 'GBP' } },
};
const LANG = { 'content-language': 'en-GB' };

describe('listings.upsert (inventory item + offer + publish)', () => {
  it('creates item and offer, then publishes', async () => {
    mockToken();
    api().put(`${I}/inventory_item/MUG-BLUE`, ITEM).matchHeader('content-language', 'en-GB').reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(404, fixture('error-offer-not-found.json'));
    api().post(`${I}/offer`, OFFER).matchHeader('content-language', LANG['content-language']).reply(201, { offerId: '5000000123' });
    api().post(`${I}/offer/5000000123/publish`).reply(200, { listingId: '380000000777', warnings: [] });
    const r = await adapter().listings.upsert(LISTING);
    expect(r).toEqual({ sku: 'MUG-BLUE', store: 'EBAY_GB', status: 'active', marketplaceId: '380000000777', issues: [], action: 'created', raw: { offerId: '5000000123' } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('updates the existing offer instead of creating a second one', async () => {
    mockToken();
    api().put(`${I}/inventory_item/MUG-BLUE`, ITEM).reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, { offers: [{ offerId: '5000000123', sku: 'MUG-BLUE', marketplaceId: 'EBAY_GB', status: 'PUBLISHED', listing: { listingId: '380000000777', listingStatus: 'ACTIVE' } }], total: 1 });
    api().put(`${I}/offer/5000000123`, OFFER).matchHeader('content-language', 'en-GB').reply(200, {});
    api().post(`${I}/offer/5000000123/publish`).reply(200, { listingId: '380000000777' });
    const r = await adapter().listings.upsert(LISTING);
    expect(r.action).toBe('updated');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('returns publish errors as listing issues', async () => {
    mockToken();
    api().put(`${I}/inventory_item/MUG-BLUE`).reply(204);
    api().get(`${I}/offer`).query(true).reply(404, fixture('error-offer-not-found.json'));
    api().post(`${I}/offer`).reply(201, { offerId: '5000000123' });
    api().post(`${I}/offer/5000000123/publish`).reply(400, fixture('error-publish-missing-brand.json'));
    const r = await adapter().listings.upsert(LISTING);
    expect(r.status).toBe('invalid');
    expect(r.issues).toEqual([{ code: '25002', message: 'A user error has occurred. The item specific Brand is missing.', severity: 'error', attributes: ['Brand'], categories: [], sku: 'MUG-BLUE' }]);
  });

  it('reports missing policies / category before any call', async () => {
    const r = await adapter({ listingDefaults: {} }).listings.upsert(LISTING);
    expect(r.status).toBe('invalid');
    expect(r.issues.map((i) => i.code)).toEqual(['MISSING_LISTING_DEFAULTS', 'MISSING_CATEGORY']);
  });
});

describe('listings.get / update / delete', () => {
  it('reads the item and its offer on the store', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(200, { sku: 'MUG-BLUE', locale: 'en_GB', product: { title: 'Blue ceramic mug' } });
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, { offers: [{ offerId: '5000000123', marketplaceId: 'EBAY_GB', status: 'PUBLISHED', listing: { listingId: '380000000777', listingStatus: 'ACTIVE' } }] });
    const r = await adapter().listings.get('MUG-BLUE');
    expect(r).toMatchObject({ sku: 'MUG-BLUE', store: 'EBAY_GB', status: 'active', marketplaceId: '380000000777', action: 'read' });
  });

  it('a missing SKU is not_found', async () => {
    mockToken();
    api().get(`${I}/inventory_item/NOPE`).reply(404, { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: 'SKU NOPE is not available in the system' }] });
    expect((await adapter().listings.get('NOPE')).status).toBe('not_found');
  });

  it('update sends quantity per SKU and price per offer in one bulk request', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, { offers: [{ offerId: '5000000123', marketplaceId: 'EBAY_GB' }] });
    api().post(`${I}/bulk_update_price_quantity`, { requests: [{ sku: 'MUG-BLUE', shipToLocationAvailability: { quantity: 3 }, offers: [{ offerId: '5000000123', price: { value: '17.50', currency: 'GBP' } }] }] })
      .reply(200, { responses: [{ sku: 'MUG-BLUE', statusCode: 200 }, { offerId: '5000000123', sku: 'MUG-BLUE', statusCode: 200 }] });
    const r = await adapter().listings.update('MUG-BLUE', { price: { amount: 1750, currency: 'GBP' }, quantity: 3 });
    expect(r).toMatchObject({ status: 'accepted', action: 'updated', issues: [] });
  });

  it('delete removes the inventory item', async () => {
    mockToken();
    api().delete(`${I}/inventory_item/MUG-BLUE`).reply(204);
    expect(await adapter().listings.delete('MUG-BLUE')).toMatchObject({ status: 'deleted', action: 'deleted' });
  });
});

describe('inventory.set (bulkUpdatePriceQuantity, 25 per call)', () => {
  it('splits 30 SKUs into 25 + 5, latest value wins, per-item failures stay per item', async () => {
    mockToken();
    const skus = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);
    const bodies: unknown[] = [];
    api().post(`${I}/bulk_update_price_quantity`).times(2).reply(207, (_uri, body) => {
      bodies.push(body);
      const reqs = (body as { requests: Array<{ sku: string }> }).requests;
      return { responses: reqs.map((r) => (r.sku === 'SKU-29' ? { sku: r.sku, statusCode: 404, errors: [{ errorId: 25702, message: 'SKU SKU-29 is not available in the system' }] } : { sku: r.sku, statusCode: 200 })) };
    });
    const updates = [...skus.map((sku) => ({ sku, quantity: 1 })), { sku: 'SKU-0', quantity: 9 }];
    const results = await adapter().inventory.set(updates);
    expect(bodies.map((b) => (b as { requests: unknown[] }).requests.length)).toEqual([25, 5]);
    expect((bodies[0] as { requests: unknown[] }).requests[0]).toEqual({ sku: 'SKU-0', shipToLocationAvailability: { quantity: 9 } });
    expect(results).toHaveLength(30);
    expect(results[0]).toEqual({ sku: 'SKU-0', ok: true, appliedQuantity: 9 });
    expect(results[29]).toMatchObject({ sku: 'SKU-29', ok: false });
    expect(results[29]!.error?.code).toBe('NOT_FOUND');
  });
});

