import { readFileSync } from 'node:fs';
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { MemoryRequirementsCache, type OfflineValidationResult } from '../../../src/requirements/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'requirements-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-reqs-00000000000000';
const NOW = Date.UTC(2026, 11, 5, 3, 0, 0);
const TS = NOW / 1000;
const fx = (name: string) => JSON.parse(readFileSync(new URL(`../../fixtures/shopee/requirements/${name}`, import.meta.url), 'utf8'));
const signed = (path: string, expected: Record<string, string> = {}) => (q: Record<string, any>) => {
  const { partner_id, timestamp, access_token, shop_id, sign, ...rest } = q;
  return signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: TS }) && JSON.stringify(rest) === JSON.stringify(expected);
};

function adapter(cache = new MemoryRequirementsCache()) {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-reqs-00000000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), logisticIds: [18025, 18028], retry: { retries: 0 }, requirementsCache: cache });
}

function mockCategory() {
  return [
    nock(HOST).get('/api/v2/product/get_attribute_tree').query(signed('/api/v2/product/get_attribute_tree', { category_id_list: '100017' })).reply(200, fx('attribute_tree.100017.json')),
    nock(HOST).get('/api/v2/product/get_item_limit').query(signed('/api/v2/product/get_item_limit', { category_id: '100017' })).reply(200, fx('item_limit.100017.json')),
    nock(HOST).get('/api/v2/product/get_brand_list').query(signed('/api/v2/product/get_brand_list', { offset: '0', page_size: '100', category_id: '100017', status: '1' })).reply(200, fx('brand_list.100017.page1.json')),
    nock(HOST).get('/api/v2/product/get_brand_list').query(signed('/api/v2/product/get_brand_list', { offset: '100', page_size: '100', category_id: '100017', status: '1' })).reply(200, fx('brand_list.100017.page2.json')),
    nock(HOST).get('/api/v2/logistics/get_channel_list').query(signed('/api/v2/logistics/get_channel_list')).reply(200, fx('channel_list.json')),
  ];
}

const linen = { attribute_id: 100134, attribute_value_list: [{ value_id: 1003, original_value_name: 'Linen' }] };
const dress = (over: Partial<ListingInput> = {}): ListingInput => ({
  sku: 'DRESS-1', title: 'Summer linen midi dress', description: 'A light linen dress for warm days, fully lined.', brand: 'Acme',
  images: ['https://img.example/d1.jpg'], price: { amount: '39.90', currency: 'SGD' }, quantity: 4, package: { weight: { value: 400, unit: 'g' } },
  attributes: { pattern: 'Plain' }, marketplace: { shopee: { categoryId: 100017, attributes: [linen] } }, ...over,
});

describe('Shopee category requirements, nock-pinned', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('reads attribute tree, item limits, every brand page and the channels (shop-signed GETs) into one Requirements, then serves it from the cache', async () => {
    mockCategory();
    const a = adapter();
    const r = await a.listings.requirements({ category: '100017' });
    expect(nock.pendingMocks()).toEqual([]);
    expect(r).toMatchObject({ marketplace: 'shopee', store: String(SHOP), kind: 'category', id: '100017', fetchedAt: new Date(NOW).toISOString() });
    const by = Object.fromEntries(r.fields.map((f) => [f.path, f]));
    expect(by.title).toMatchObject({ attribute: 'item_name', required: true, limits: { minLength: 10, maxLength: 120 } });
    expect(by.description).toMatchObject({ required: true, limits: { minLength: 20, maxLength: 3000 } });
    expect(by.images).toMatchObject({ required: true, multiple: true, limits: { minCount: 1, maxCount: 9 } });
    // Strictest window over the configured channels 18025 (≤ 30 kg) and 18028 (0.01–5 kg).
    expect(by['package.weight']).toMatchObject({ required: true, type: 'measurement', unit: 'kg', limits: { maximum: 5, minimum: 0.01 } });
    expect(by.brand).toMatchObject({ required: true, allowedValues: [{ value: 'Nike' }, { value: 'Acme' }, { value: 'Zara' }] });
    expect(by['attributes.material']).toMatchObject({ attribute: 'Material', attributeId: '100134', required: true, closed: true, multiple: false, localizedNames: { 'zh-Hans': '材质' } });
    expect(by['attributes.pattern']).toMatchObject({ required: false, multiple: false });
    expect(by['attributes.pattern']!.closed).toBeUndefined();
    expect(by['attributes.occasion']).toMatchObject({ multiple: true, closed: true, limits: { maxCount: 2 } });
    expect(await a.listings.requirements({ category: 100017 })).toEqual(r);
  });

  it('validates offline: closest allowed values, lengths, brand, channel weight, no call once cached', async () => {
    const cache = new MemoryRequirementsCache();
    mockCategory();
    const a = adapter(cache);
    await a.listings.requirements({ category: 100017 });
    nock.cleanAll();
    const ok = await a.listings.validate(dress(), { offline: true });
    expect(ok).toMatchObject({ status: 'accepted', action: 'validated', requirements: { marketplace: 'shopee', id: '100017' } });
    const bad = (await a.listings.validate(dress({ title: 'Dress', brand: undefined, marketplace: { shopee: { categoryId: 100017, attributes: [{ attribute_id: 100134, attribute_value_list: [{ value_id: 0, original_value_name: 'Linnen' }] }] } }, package: { weight: { value: 6, unit: 'kg' } } }), { offline: true })) as OfflineValidationResult;
    expect(bad.status).toBe('invalid');
    const codes = Object.fromEntries(bad.issues.map((i) => [i.path, i.code]));
    expect(codes).toMatchObject({ title: 'TOO_SHORT', brand: 'MISSING_REQUIRED', 'package.weight': 'OUT_OF_RANGE' });
    expect(bad.issues.find((i) => i.code === 'VALUE_NOT_ALLOWED')).toMatchObject({ attribute: 'Material', path: 'marketplace.Material[0]', suggestions: expect.arrayContaining(['Linen']) });
    // A neutral value the cached tree names is sent in add_item attribute_list by its value_id (requirements/attribute-list.ts).
    const neutral = (await a.listings.validate(dress({ attributes: { material: 'Linen' }, marketplace: { shopee: { categoryId: 100017 } } }), { offline: true })) as OfflineValidationResult;
    expect(neutral.issues).toEqual([]);
  });

  it('checks the description add_item will carry: bullets, else the title, stand in for a missing one', async () => {
    const cache = new MemoryRequirementsCache();
    mockCategory();
    const a = adapter(cache);
    await a.listings.requirements({ category: 100017 });
    nock.cleanAll();
    const fromBullets = await a.listings.validate(dress({ description: undefined, bullets: ['Woven linen, fully lined', 'Machine washable at 30 °C'] }), { offline: true });
    expect(fromBullets).toMatchObject({ status: 'accepted' });
    const fromTitle = (await a.listings.validate(dress({ description: undefined, title: 'Linen midi dress' }), { offline: true })) as OfflineValidationResult;
    expect(fromTitle.issues.map((i) => [i.path, i.code])).toEqual([['description', 'TOO_SHORT']]);
  });

  it('reports a listing without a category without any call', async () => {
    const r = (await adapter().listings.validate(dress({ marketplace: { shopee: {} } }), { offline: true })) as OfflineValidationResult;
    expect(r.issues).toEqual([expect.objectContaining({ code: 'MISSING_CATEGORY', path: 'marketplace.shopee.categoryId' })]);
  });

  it('category_recommend: item_name in the signed query, ids best first', async () => {
    nock(HOST).get('/api/v2/product/category_recommend').query(signed('/api/v2/product/category_recommend', { item_name: 'linen dress' }))
      .reply(200, { error: '', message: '', warning: '', request_id: 'r', response: { category_id: [100017, 100018] } });
    expect(await adapter().listings.suggestCategories('linen dress')).toEqual([100017, 100018]);
  });

  it('an unknown category surfaces Shopee\'s error_invalid_category; bad input is a ValidationError', async () => {
    nock(HOST).get('/api/v2/product/get_attribute_tree').query(true).reply(200, fx('error_invalid_category.json'));
    await expect(adapter().listings.requirements({ category: 999 })).rejects.toMatchObject({ message: expect.stringContaining('Invalid category ID 999') });
    await expect(adapter().listings.requirements({ category: 'dresses' })).rejects.toMatchObject({ name: 'ValidationError', path: 'query.category' });
  });
});
