import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { adapter, API, api, fixture, LISTING_DEFAULTS, mockToken } from './helpers.js';

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

const ITEM_404 = { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: 'SKU MUG-BLUE is not available in the system' }] };
const { sku: _sku, marketplaceId: _mp, format: _fmt, ...OFFER_FIELDS } = OFFER;
/** What the seller set elsewhere (Seller Hub, another tool): an upsert must not erase it. */
const ELSEWHERE_ITEM = {
  sku: 'MUG-BLUE', locale: 'en_GB', groupIds: ['G1'], inventoryItemGroupKeys: ['G1'],
  product: { title: 'Old title', epid: '4023', videoIds: ['v-1'], aspects: { Material: ['Stoneware'] } },
  condition: 'NEW', conditionDescriptors: [{ name: '27501', values: ['275010'] }],
  availability: { shipToLocationAvailability: { quantity: 3 }, pickupAtLocationAvailability: [{ merchantLocationKey: 'shop-1', quantity: 1, availabilityType: 'IN_STOCK' }] },
};
const ELSEWHERE_OFFER = {
  offerId: '5000000123', sku: 'MUG-BLUE', marketplaceId: 'EBAY_GB', format: 'FIXED_PRICE', status: 'PUBLISHED', listing: { listingId: '380000000777', listingStatus: 'ACTIVE' },
  availableQuantity: 3, categoryId: '20625', listingDescription: 'Old', quantityLimitPerBuyer: 2, storeCategoryNames: ['/Kitchen/Mugs'], tax: { vatPercentage: 20, applyTax: true },
  regulatory: { energyEfficiencyLabel: { imageURL: 'https://img.example.com/e.png' } },
  listingPolicies: { fulfillmentPolicyId: 'F-0', paymentPolicyId: 'P-0', returnPolicyId: 'R-0', bestOfferTerms: { bestOfferEnabled: true, autoAcceptPrice: { value: '18.00', currency: 'GBP' } } },
  pricingSummary: { price: { value: '21.00', currency: 'GBP' }, originalRetailPrice: { value: '25.00', currency: 'GBP' } },
};

describe('listings.upsert (inventory item + offer + publish)', () => {
  it('creates item and offer, then publishes', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(404, ITEM_404);
    api().put(`${I}/inventory_item/MUG-BLUE`, ITEM).matchHeader('content-language', 'en-GB').reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(404, fixture('error-offer-not-found.json'));
    api().post(`${I}/offer`, OFFER).matchHeader('content-language', LANG['content-language']).reply(201, { offerId: '5000000123' });
    api().post(`${I}/offer/5000000123/publish`).reply(200, { listingId: '380000000777', warnings: [] });
    const r = await adapter().listings.upsert(LISTING);
    expect(r).toEqual({ sku: 'MUG-BLUE', store: 'EBAY_GB', status: 'active', marketplaceId: '380000000777', issues: [], action: 'created', raw: { offerId: '5000000123', sellerSku: 'MUG-BLUE' } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('merges into what eBay holds (complete replacements), treats 204 as success and does not re-publish a live offer', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(200, ELSEWHERE_ITEM);
    const { sku: _a, locale: _b, groupIds: _c, inventoryItemGroupKeys: _d, ...kept } = ELSEWHERE_ITEM;
    const mergedItem = {
      ...kept, ...ITEM,
      product: { ...ELSEWHERE_ITEM.product, ...ITEM.product },
      availability: { ...ELSEWHERE_ITEM.availability, shipToLocationAvailability: { quantity: 7 } },
    };
    api().put(`${I}/inventory_item/MUG-BLUE`, mergedItem).reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, { offers: [ELSEWHERE_OFFER], total: 1 });
    const { offerId: _o, sku: _s, marketplaceId: _m, format: _f, status: _st, listing: _l, ...offerKept } = ELSEWHERE_OFFER;
    const mergedOffer = {
      ...offerKept, ...OFFER_FIELDS,
      listingPolicies: { ...ELSEWHERE_OFFER.listingPolicies, ...OFFER_FIELDS.listingPolicies },
      pricingSummary: { ...ELSEWHERE_OFFER.pricingSummary, price: { value: '19.99', currency: 'GBP' } },
    };
    api().put(`${I}/offer/5000000123`, mergedOffer).matchHeader('content-language', 'en-GB').reply(204);
    const r = await adapter().listings.upsert(LISTING);
    expect(r).toMatchObject({ status: 'active', action: 'updated', marketplaceId: '380000000777', issues: [] });
    expect(nock.pendingMocks()).toEqual([]); // and no publishOffer call went out (nock refuses unmatched requests)
  });

  it('publishes an existing offer that is not live yet', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(404, ITEM_404);
    api().put(`${I}/inventory_item/MUG-BLUE`, ITEM).reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, { offers: [{ offerId: '5000000123', sku: 'MUG-BLUE', marketplaceId: 'EBAY_GB', format: 'FIXED_PRICE', status: 'UNPUBLISHED' }], total: 1 });
    api().put(`${I}/offer/5000000123`, OFFER_FIELDS).reply(200, {});
    api().post(`${I}/offer/5000000123/publish`).reply(200, { listingId: '380000000777' });
    const r = await adapter().listings.upsert(LISTING);
    expect(r.action).toBe('updated');
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('lists a unified SKU under its own seller SKU on a second site', async () => {
    mockToken();
    const US = { fulfillmentPolicyId: 'F-2', paymentPolicyId: 'P-2', returnPolicyId: 'R-2', merchantLocationKey: 'wh-1', categoryId: '20625' };
    api().get(`${I}/inventory_item/MUG-BLUE-US`).reply(404, ITEM_404);
    api().put(`${I}/inventory_item/MUG-BLUE-US`).matchHeader('content-language', 'en-US').reply(204);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE-US', marketplace_id: 'EBAY_US' }).reply(404, fixture('error-offer-not-found.json'));
    api().post(`${I}/offer`, (b) => b.sku === 'MUG-BLUE-US' && b.marketplaceId === 'EBAY_US').reply(201, { offerId: '5000000999' });
    api().post(`${I}/offer/5000000999/publish`).reply(200, { listingId: '110000000001' });
    const r = await adapter({ listingDefaults: { EBAY_GB: LISTING_DEFAULTS, EBAY_US: US } }).listings.upsert({ ...LISTING, price: { amount: '24.99', currency: 'USD' } }, { store: 'EBAY_US' });
    expect(r).toMatchObject({ sku: 'MUG-BLUE', store: 'EBAY_US', status: 'active', raw: { offerId: '5000000999', sellerSku: 'MUG-BLUE-US' } });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('returns publish errors as listing issues', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(404, ITEM_404);
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

const PUBLISHED = { offers: [{ offerId: '5000000123', sku: 'MUG-BLUE', marketplaceId: 'EBAY_GB', status: 'PUBLISHED', listing: { listingId: '380000000777', listingStatus: 'ACTIVE' } }] };

describe('listings.get / update / delete', () => {
  it('reads the item and its offer on the store', async () => {
    mockToken();
    api().get(`${I}/inventory_item/MUG-BLUE`).reply(200, { sku: 'MUG-BLUE', locale: 'en_GB', product: { title: 'Blue ceramic mug' } });
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, PUBLISHED);
    const r = await adapter().listings.get('MUG-BLUE');
    expect(r).toMatchObject({ sku: 'MUG-BLUE', store: 'EBAY_GB', status: 'active', marketplaceId: '380000000777', action: 'read' });
  });

  it('a missing SKU is not_found', async () => {
    mockToken();
    api().get(`${I}/inventory_item/NOPE`).reply(404, { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: 'SKU NOPE is not available in the system' }] });
    expect((await adapter().listings.get('NOPE')).status).toBe('not_found');
  });

  it('update sets quantity at item and offer level and the price, in one bulk request', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, PUBLISHED);
    api().post(`${I}/bulk_update_price_quantity`, { requests: [{ sku: 'MUG-BLUE', shipToLocationAvailability: { quantity: 3 }, offers: [{ offerId: '5000000123', availableQuantity: 3, price: { value: '17.50', currency: 'GBP' } }] }] })
      .reply(200, { responses: [{ sku: 'MUG-BLUE', statusCode: 200 }, { offerId: '5000000123', sku: 'MUG-BLUE', statusCode: 200 }] });
    const r = await adapter().listings.update('MUG-BLUE', { price: { amount: 1750, currency: 'GBP' }, quantity: 3 });
    expect(r).toMatchObject({ status: 'accepted', action: 'updated', issues: [] });
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('delete withdraws only this site\'s offer; the inventory item needs deleteInventoryItem', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, PUBLISHED);
    api().delete(`${I}/offer/5000000123`).reply(204);
    const a = adapter();
    expect(await a.listings.delete('MUG-BLUE')).toMatchObject({ status: 'deleted', action: 'deleted' });
    api().delete(`${I}/inventory_item/MUG-BLUE-US`).reply(204);
    expect(await (a.listings.delete as (s: string, o: object) => Promise<unknown>)('MUG-BLUE', { store: 'EBAY_US', deleteInventoryItem: true })).toMatchObject({ status: 'deleted', store: 'EBAY_US' });
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('inventory.set (bulkUpdatePriceQuantity, 25 per call)', () => {
  it('splits 30 SKUs into 25 + 5, sets item and offer quantity, latest value wins, per-item failures stay per item', async () => {
    mockToken();
    const skus = Array.from({ length: 30 }, (_, i) => `SKU-${i}`);
    api().get(`${I}/offer`).query(true).times(30).reply((uri) => {
      const sku = new URL(uri, API).searchParams.get('sku')!;
      return [200, { offers: [{ offerId: `O-${sku}`, sku, marketplaceId: 'EBAY_GB', status: 'PUBLISHED' }] }];
    });
    const bodies: unknown[] = [];
    api().post(`${I}/bulk_update_price_quantity`).times(2).reply(207, (_uri, body) => {
      bodies.push(body);
      const reqs = (body as { requests: Array<{ sku: string }> }).requests;
      return { responses: reqs.flatMap((r): object[] => (r.sku === 'SKU-29' ? [{ sku: r.sku, statusCode: 404, errors: [{ errorId: 25702, message: 'SKU SKU-29 is not available in the system' }] }] : [{ sku: r.sku, statusCode: 200 }, { sku: r.sku, offerId: `O-${r.sku}`, statusCode: 200 }])) };
    });
    const updates = [...skus.map((sku) => ({ sku, quantity: 1 })), { sku: 'SKU-0', quantity: 9 }];
    const results = await adapter({ marketplaces: ['EBAY_GB'] }).inventory.set(updates);
    expect(bodies.map((b) => (b as { requests: unknown[] }).requests.length)).toEqual([25, 5]);
    expect((bodies[0] as { requests: unknown[] }).requests[0]).toEqual({ sku: 'SKU-0', shipToLocationAvailability: { quantity: 9 }, offers: [{ offerId: 'O-SKU-0', availableQuantity: 9 }] });
    expect(results).toHaveLength(30);
    expect(results[0]).toEqual({ sku: 'SKU-0', ok: true, appliedQuantity: 9 });
    expect(results[29]).toMatchObject({ sku: 'SKU-29', ok: false });
    expect(results[29]!.error?.code).toBe('NOT_FOUND');
  });

  it('a store-less quantity reaches every site the SKU is listed on (each with its seller SKU)', async () => {
    mockToken();
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE', marketplace_id: 'EBAY_GB' }).reply(200, PUBLISHED);
    api().get(`${I}/offer`).query({ sku: 'MUG-BLUE-US', marketplace_id: 'EBAY_US' }).reply(200, { offers: [{ offerId: '5000000999', sku: 'MUG-BLUE-US', marketplaceId: 'EBAY_US', status: 'PUBLISHED' }] });
    api().post(`${I}/bulk_update_price_quantity`, { requests: [
      { sku: 'MUG-BLUE', shipToLocationAvailability: { quantity: 0 }, offers: [{ offerId: '5000000123', availableQuantity: 0 }] },
      { sku: 'MUG-BLUE-US', shipToLocationAvailability: { quantity: 0 }, offers: [{ offerId: '5000000999', availableQuantity: 0 }] },
    ] }).reply(200, { responses: [{ sku: 'MUG-BLUE', statusCode: 200 }, { sku: 'MUG-BLUE-US', statusCode: 200 }] });
    expect(await adapter().inventory.set([{ sku: 'MUG-BLUE', quantity: 0 }])).toEqual([{ sku: 'MUG-BLUE', ok: true, appliedQuantity: 0 }]);
    expect(nock.pendingMocks()).toEqual([]);
  });
});
