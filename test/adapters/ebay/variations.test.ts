import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ebay, SANDBOX_CREDENTIALS } from '../../../adapters/ebay/index.js';
import { adapter, api, fixture, mockToken } from './helpers.js';
import { useEbaySandbox } from './sandbox-support.js';

const I = '/sell/inventory/v1';
const NOT_FOUND = { errors: [{ errorId: 25702, domain: 'API_INVENTORY', category: 'REQUEST', message: 'not available' }] };
const family = (currency = 'GBP') => ({
  sku: 'TEE', title: 'Organic tee', description: 'Cotton', brand: 'Acme', price: { amount: '15.00', currency }, quantity: 0, optionNames: ['Colour', 'Size'],
  variants: [
    { sku: 'TEE-RED-M', options: { Colour: 'Red', Size: 'M' }, quantity: 3 },
    { sku: 'TEE-BLUE-M', options: { Colour: 'Blue', Size: 'M' }, quantity: 5, price: { amount: '16.00', currency } },
    { sku: 'TEE-BLUE-L', options: { Colour: 'Blue', Size: 'L' }, quantity: 0 },
  ],
});

describe('variation families (inventory item group), nock-pinned', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('items per variant, the group with variesBy, offers per variant, then publishOfferByInventoryItemGroup', async () => {
    mockToken();
    const items: Record<string, unknown> = {};
    for (const sku of ['TEE-RED-M', 'TEE-BLUE-M', 'TEE-BLUE-L']) {
      api().get(`${I}/inventory_item/${sku}`).reply(404, NOT_FOUND);
      api().put(`${I}/inventory_item/${sku}`).matchHeader('content-language', 'en-GB').reply(204, (_u, b) => ((items[sku] = b), ''));
      api().get(`${I}/offer`).query({ sku, marketplace_id: 'EBAY_GB' }).reply(404, fixture('error-offer-not-found.json'));
      api().post(`${I}/offer`, (b) => b.sku === sku).reply(201, { offerId: `O-${sku}` });
    }
    api().get(`${I}/inventory_item_group/TEE`).reply(404, { errors: [{ errorId: 25705, domain: 'API_INVENTORY', category: 'REQUEST', message: 'The Inventory Item Group named TEE could not be found' }] });
    api().put(`${I}/inventory_item_group/TEE`, {
      title: 'Organic tee', description: 'Cotton', aspects: { Brand: ['Acme'] }, variantSKUs: ['TEE-RED-M', 'TEE-BLUE-M', 'TEE-BLUE-L'],
      variesBy: { specifications: [{ name: 'Colour', values: ['Red', 'Blue'] }, { name: 'Size', values: ['M', 'L'] }] },
    }).matchHeader('content-language', 'en-GB').reply(204);
    api().post(`${I}/offer/publish_by_inventory_item_group`, { inventoryItemGroupKey: 'TEE', marketplaceId: 'EBAY_GB' }).reply(200, { listingId: '380000000900' });
    const r = await adapter().listings.upsert(family());
    expect(r).toEqual({ sku: 'TEE', store: 'EBAY_GB', status: 'active', marketplaceId: '380000000900', issues: [], action: 'created', raw: { inventoryItemGroupKey: 'TEE', offers: { 'TEE-RED-M': 'O-TEE-RED-M', 'TEE-BLUE-M': 'O-TEE-BLUE-M', 'TEE-BLUE-L': 'O-TEE-BLUE-L' } } });
    expect(items['TEE-BLUE-M']).toMatchObject({ product: { aspects: { Colour: ['Blue'], Size: ['M'], Brand: ['Acme'] } }, availability: { shipToLocationAvailability: { quantity: 5 } } });
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('variation families on the sandbox', () => {
  const { account, clientId, clientSecret, refreshToken, listingDefaults } = SANDBOX_CREDENTIALS;
  const env = useEbaySandbox();

  it('a colour × size family lists on EBAY_US and EBAY_GB, and stock changes per variant and site', async () => {
    const a = ebay({ account, marketplaces: ['EBAY_US', 'EBAY_GB'], credentials: { clientId, clientSecret, refreshToken }, listingDefaults: { EBAY_US: listingDefaults, EBAY_GB: listingDefaults }, endpoint: env.sandbox.urls.ebay!, timeScale: 100 });
    const us = await a.listings.upsert(family('USD'), { store: 'EBAY_US', idempotencyKey: 'family-us' });
    const gb = await a.listings.upsert(family('GBP'), { store: 'EBAY_GB' });
    expect(us.status).toBe('active');
    expect(new Set(Object.values((us.raw as { offers: Record<string, string> }).offers)).size).toBe(3);
    expect(gb).toMatchObject({ status: 'active', raw: { inventoryItemGroupKey: 'TEE-GB' } });
    expect(env.state.groups.get('TEE-GB')!.variantSKUs).toEqual(['TEE-RED-M-GB', 'TEE-BLUE-M-GB', 'TEE-BLUE-L-GB']);
    const offer = (sku: string, site: string) => env.state.offerOf(sku, site)!;
    // One listing per site, shared by its variants.
    expect(new Set(['TEE-RED-M', 'TEE-BLUE-M', 'TEE-BLUE-L'].map((s) => offer(s, 'EBAY_US').listing!.listingId)).size).toBe(1);
    expect(offer('TEE-BLUE-M-GB', 'EBAY_GB').listing!.listingId).toBe(gb.marketplaceId);
    expect(env.state.listedQuantity(offer('TEE-BLUE-M', 'EBAY_US').offerId)).toBe(5);
    await a.inventory.set([{ sku: 'TEE-BLUE-M', quantity: 1, store: 'EBAY_GB' }, { sku: 'TEE-RED-M', quantity: 9 }]);
    expect(env.state.listedQuantity(offer('TEE-BLUE-M-GB', 'EBAY_GB').offerId)).toBe(1);
    expect(env.state.listedQuantity(offer('TEE-BLUE-M', 'EBAY_US').offerId)).toBe(5);
    expect(env.state.listedQuantity(offer('TEE-RED-M', 'EBAY_US').offerId)).toBe(9);
    expect(env.state.listedQuantity(offer('TEE-RED-M-GB', 'EBAY_GB').offerId)).toBe(9);
    // A second upsert revises the live family without publishing it again.
    const again = await a.listings.upsert(family('GBP'), { store: 'EBAY_GB' });
    expect(again).toMatchObject({ status: 'active', action: 'updated', marketplaceId: gb.marketplaceId });
  });
});
