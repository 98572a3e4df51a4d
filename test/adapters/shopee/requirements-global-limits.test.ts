/** Shopee CNSC (merchant) accounts read item limits and brands from the global calls (issue #21). */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import type { OfflineValidationResult } from '../../../src/requirements/index.js';
import { cnscSandbox } from './helpers.js';
import { cnscAdapter, fx, HOST, MERCHANT, query, SHOP } from './cnsc-requirements-support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const merchant = { merchantId: MERCHANT };
const brandQuery = (offset: string) => ({ offset, page_size: '100', category_id: '100017', status: '1' });


describe('Shopee requirements on a CNSC merchant account: global item limits and brand list', () => {
  it('reads get_global_item_limit and global get_brand_list merchant-signed and maps global_item_* limits and brands', async () => {
    const scopes = [
      nock(HOST).get('/api/v2/global_product/get_attribute_tree').query(query('/api/v2/global_product/get_attribute_tree', merchant, { category_id_list: '100017' })).reply(200, fx('attribute_tree.100017.json')),
      nock(HOST).get('/api/v2/global_product/get_global_item_limit').query(query('/api/v2/global_product/get_global_item_limit', merchant, { category_id: '100017' })).reply(200, fx('global_item_limit.100017.json')),
      nock(HOST).get('/api/v2/global_product/get_brand_list').query(query('/api/v2/global_product/get_brand_list', merchant, brandQuery('0'))).reply(200, fx('global_brand_list.100017.page1.json')),
      nock(HOST).get('/api/v2/global_product/get_brand_list').query(query('/api/v2/global_product/get_brand_list', merchant, brandQuery('100'))).reply(200, fx('global_brand_list.100017.page2.json')),
      // Channels stay a shop matter (the shop the global item is published to).
      nock(HOST).get('/api/v2/logistics/get_channel_list').query(query('/api/v2/logistics/get_channel_list', { shopId: SHOP })).reply(200, fx('channel_list.json')),
    ];
    const req = await cnscAdapter().listings.requirements({ category: 100017 });
    for (const s of scopes) expect(s.isDone()).toBe(true);
    const at = (path: string) => req.fields.find((f) => f.path === path);
    const LIMIT = 'specs/shopee/v2.global_product.get_global_item_limit.json';
    expect(at('title')).toMatchObject({ attribute: 'global_item_name', required: true, limits: { minLength: 20, maxLength: 255 }, source: `${LIMIT}#global_item_name_length_limit` });
    expect(at('description')).toMatchObject({ required: true, limits: { minLength: 100, maxLength: 5000 }, source: `${LIMIT}#global_item_description_length_limit` });
    expect(at('images')).toMatchObject({ required: true, limits: { minCount: 3, maxCount: 9 }, source: `${LIMIT}#global_item_image_count_limit` });
    expect(at('package.weight')).toMatchObject({ required: true, unit: 'kg' });
    expect(at('brand')).toMatchObject({ required: false, allowedValues: [{ value: 'Anker' }, { value: 'Xiaomi' }, { value: 'Baseus' }], source: 'specs/shopee/v2.global_product.get_brand_list.json#is_mandatory' });
  });

  it('a mandatory global brand list makes brand required; offline validation uses the global limits', async () => {
    const page = fx('global_brand_list.100017.page2.json');
    page.response.is_mandatory = true;
    nock(HOST).get('/api/v2/global_product/get_attribute_tree').query(() => true).reply(200, fx('attribute_tree.100017.json'));
    nock(HOST).get('/api/v2/global_product/get_global_item_limit').query(() => true).reply(200, fx('global_item_limit.100017.json'));
    nock(HOST).get('/api/v2/global_product/get_brand_list').query(query('/api/v2/global_product/get_brand_list', merchant, brandQuery('0'))).reply(200, page);
    nock(HOST).get('/api/v2/logistics/get_channel_list').query(() => true).reply(200, fx('channel_list.json'));
    const a = cnscAdapter();
    const req = await a.listings.requirements({ category: 100017 });
    expect(req.fields.find((f) => f.path === 'brand')).toMatchObject({ required: true, allowedValues: [{ value: 'Baseus' }] });
    // A 15-character title passes the shop fixture's 10 minimum but not the global 20.
    const res = await a.listings.validate({
      sku: 'G-1', title: 'Short USB cable', description: 'x'.repeat(120), images: ['https://img.example.com/1.jpg', 'https://img.example.com/2.jpg', 'https://img.example.com/3.jpg'],
      price: { amount: '19.90', currency: 'CNY' }, quantity: 1, package: { weight: { value: 100, unit: 'g' } }, marketplace: { shopee: { categoryId: 100017 } },
    }, { offline: true }) as OfflineValidationResult;
    expect(res.issues.map((i) => i.path)).toContain('title');
  });
});

describe('Shopee CNSC text_length_multiplier', () => {
  it('a Chinese character counts text_length_multiplier characters against the global length limits', async () => {
    const limit = fx('global_item_limit.100017.json');
    limit.response.global_item_name_length_limit.max_limit = 30;
    nock(HOST).get('/api/v2/global_product/get_attribute_tree').query(() => true).reply(200, fx('attribute_tree.100017.json'));
    nock(HOST).get('/api/v2/global_product/get_global_item_limit').query(() => true).reply(200, limit);
    nock(HOST).get('/api/v2/global_product/get_brand_list').query(() => true).reply(200, fx('global_brand_list.100017.page2.json'));
    nock(HOST).get('/api/v2/logistics/get_channel_list').query(() => true).reply(200, fx('channel_list.json'));
    const a = cnscAdapter();
    const listing = (title: string): ListingInput => ({
      sku: 'G-CN', title, description: 'x'.repeat(120), images: ['https://img.example.com/1.jpg', 'https://img.example.com/2.jpg', 'https://img.example.com/3.jpg'],
      price: { amount: '19.90', currency: 'CNY' }, quantity: 1, package: { weight: { value: 100, unit: 'g' } }, marketplace: { shopee: { categoryId: 100017 } },
    });
    // 25 Han characters: 25 as code points, 25 × 1.43 = 35.75 by get_global_item_limit's rule, over the 30 allowed.
    const cn = (await a.listings.validate(listing('数'.repeat(25)), { offline: true })) as OfflineValidationResult;
    expect(cn.issues.filter((i) => i.path === 'title').map((i) => i.code)).toEqual(['TOO_LONG']);
    // 25 Latin characters stay within 30.
    const en = (await a.listings.validate(listing('a'.repeat(25)), { offline: true })) as OfflineValidationResult;
    expect(en.issues.filter((i) => i.path === 'title')).toEqual([]);
  });
});

describe('Shopee sandbox: global item limits and brands for CNSC accounts', () => {
  it('serves get_global_item_limit and global get_brand_list to the merchant; a CNSC requirements read returns the global limits', async () => {
    const s = await cnscSandbox();
    nock.enableNetConnect('127.0.0.1');
    try {
      const req = await s.adapter.listings.requirements({ category: 100002 });
      expect(req.fields.find((f) => f.path === 'title')).toMatchObject({ attribute: 'global_item_name', source: expect.stringContaining('get_global_item_limit.json') });
      expect(req.fields.find((f) => f.path === 'title')?.limits?.maxLength).toBeGreaterThan(0);
      expect(req.fields.find((f) => f.path === 'brand')).toMatchObject({ required: false, source: expect.stringContaining('global_product.get_brand_list.json') });
    } finally {
      nock.disableNetConnect();
      await s.close();
    }
  });
});
