import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aliexpress, tokenKey } from '../../../adapters/aliexpress/index.js';
import { MemoryTokenStore } from '../../../src/state/token-store.js';
import { fixture, TestClock } from './helpers.js';
import { APP_KEY, NOW, REFRESH, SECRET, SELLER, TOKEN, intercept, type Seen } from './wire.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('AliExpress upsert sends neutral attributes of the category by id', () => {
  it('maps attributes.material to attribute_list {name id, value id}; unknown ones stay merchant attributes', async () => {
    const seen: Seen[] = [];
    intercept('/sync', (s) => {
      switch (s.query.method) {
        case 'aliexpress.solution.sku.attribute.query': return [200, fixture('requirements/sku_attribute_query.json')];
        case 'aliexpress.photobank.redefining.uploadimageforsdk': return [200, { aliexpress_photobank_redefining_uploadimageforsdk_response: { result: { success: true, photobank_url: 'https://ae01.alicdn.com/kf/Stee.jpg' } } }];
        case 'aliexpress.solution.product.list.get': return [200, { aliexpress_solution_product_list_get_response: { result: { success: true, product_count: 0, aeop_a_e_product_display_d_t_o_list: {} } } }];
        default: return [200, { aliexpress_solution_product_post_response: { result: { product_id: 1005000000000777 } } }];
      }
    }, seen, 7);
    const a = aliexpress({
      appKey: APP_KEY, appSecret: SECRET, sellerId: SELLER, clock: new TestClock(NOW), retry: { baseDelayMs: 1, maxDelayMs: 2 }, consistency: { windowMs: 0, intervalMs: 0 },
      tokens: new MemoryTokenStore({ [tokenKey(APP_KEY, SELLER)]: { accessToken: TOKEN, refreshToken: REFRESH, expiresAt: NOW + 86_400_000, version: 1 } }),
      listingDefaults: { categoryId: 200000001, freightTemplateId: 1000, servicePolicyId: 0 }, fetchImage: async () => Buffer.from('img'),
    });
    const r = await a.listings.upsert({
      sku: 'TEE-9', title: 'Tee', price: { amount: '9.99', currency: 'USD' }, quantity: 2, images: ['https://img.example.com/tee.jpg'],
      package: { weight: { value: 0.2, unit: 'kg' }, dimensions: { length: 30, width: 20, height: 3, unit: 'cm' } },
      attributes: { Material: 'cotton', 'Sleeve Length(cm)': 'Short', fit: 'Slim', size: 'XXL' },
    });
    expect(r).toMatchObject({ status: 'accepted', action: 'created', marketplaceId: '1005000000000777' });
    const post = seen.find((s) => s.query.method === 'aliexpress.solution.product.post')!;
    const body = JSON.parse(post.body.post_product_request!) as { attribute_list: unknown[] };
    expect(body.attribute_list).toEqual([
      { aliexpress_attribute_name_id: 10, aliexpress_attribute_value_id: 47 },
      { aliexpress_attribute_name_id: 200000463, aliexpress_attribute_value_id: 200001500 },
      { aliexpress_attribute_name_id: 2, aliexpress_attribute_value_id: 201512802 },
      // No id for "fit" in the category, and "XXL" is not one of Size's values: the merchant's own attributes (attribute_list case 4).
      { attribute_name: 'fit', attribute_value: 'Slim' },
      { attribute_name: 'size', attribute_value: 'XXL' },
    ]);
  });
});
