/** Shopee CNSC (merchant) accounts read the global attribute tree (issue #21 step 4). */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cnscSandbox } from './helpers.js';
import { cnscAdapter, fx, HOST, MERCHANT, query, SHOP } from './cnsc-requirements-support.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('Shopee requirements on a CNSC merchant account', () => {
  it('reads v2.global_product.get_attribute_tree merchant-signed; mandatory_region naming the shop region makes an attribute required', async () => {
    const tree = fx('attribute_tree.100017.json');
    // Occasion: not mandatory everywhere, mandatory for SG (attribute_info.mandatory_region, specs/shopee/v2.global_product.get_attribute_tree.json).
    const occasion = tree.response.list[0].attribute_tree.find((a: { attribute_id: number }) => a.attribute_id === 100999);
    occasion.attribute_info.mandatory_region = ['SG', 'MY'];
    const pattern = tree.response.list[0].attribute_tree.find((a: { attribute_id: number }) => a.attribute_id === 100037);
    pattern.attribute_info.mandatory_region = ['BR'];
    const shop = { shopId: SHOP };
    const scopes = [
      nock(HOST).get('/api/v2/global_product/get_attribute_tree').query(query('/api/v2/global_product/get_attribute_tree', { merchantId: MERCHANT }, { category_id_list: '100017' })).reply(200, tree),
      // Item limits and brands of a global category come from the global calls too (requirements-global-limits.test.ts).
      nock(HOST).get('/api/v2/global_product/get_global_item_limit').query(query('/api/v2/global_product/get_global_item_limit', { merchantId: MERCHANT }, { category_id: '100017' })).reply(200, fx('global_item_limit.100017.json')),
      nock(HOST).get('/api/v2/global_product/get_brand_list').query(query('/api/v2/global_product/get_brand_list', { merchantId: MERCHANT }, { offset: '0', page_size: '100', category_id: '100017', status: '1' })).reply(200, fx('global_brand_list.100017.page1.json')),
      nock(HOST).get('/api/v2/global_product/get_brand_list').query(query('/api/v2/global_product/get_brand_list', { merchantId: MERCHANT }, { offset: '100', page_size: '100', category_id: '100017', status: '1' })).reply(200, fx('global_brand_list.100017.page2.json')),
      nock(HOST).get('/api/v2/logistics/get_channel_list').query(query('/api/v2/logistics/get_channel_list', shop)).reply(200, fx('channel_list.json')),
    ];
    const a = cnscAdapter();
    const req = await a.listings.requirements({ category: 100017 });
    for (const s of scopes) expect(s.isDone()).toBe(true);
    const byId = (id: string) => req.fields.find((f) => f.attributeId === id);
    expect(byId('100134')).toMatchObject({ attribute: 'Material', required: true });
    expect(byId('100999')).toMatchObject({ attribute: 'Occasion', required: true });
    expect(byId('100037')).toMatchObject({ attribute: 'Pattern', required: false });
  });
});

describe('Shopee sandbox: the global attribute tree for CNSC accounts', () => {
  it('serves v2.global_product.get_attribute_tree to the merchant; preflight sees the mandatory Material', async () => {
    const s = await cnscSandbox();
    nock.enableNetConnect('127.0.0.1');
    try {
      const req = await s.adapter.listings.requirements({ category: 100002 });
      expect(req.fields.find((f) => f.attributeId === '1001')).toMatchObject({ attribute: 'Material', required: true });
      await expect(s.adapter.listings.requirements({ category: 424242, refresh: true })).rejects.toMatchObject({ message: expect.stringContaining('Invalid category ID 424242') });
    } finally {
      nock.disableNetConnect();
      await s.close();
    }
  });
});
