import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { samplePng } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { imageUrl, shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'variants-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-variants-00000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const TS = NOW / 1000;
const ITEM = 3000999001;
const ok = (response?: unknown) => ({ error: '', message: '', request_id: 'r', ...(response ? { response } : {}) });
const signed = (path: string, timestamp = TS) => (q: Record<string, any>) => signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp });

function adapter() {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-variants-000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), logisticIds: [18025], fetchImage: async (u) => samplePng(u) });
}

const tee = (variants: ListingInput['variants'], images = ['https://img.example/tee.png']): ListingInput => ({
  sku: 'TEE', title: 'Tee', price: { amount: '10.00', currency: 'SGD' }, quantity: 0, images, package: { weight: { value: 200, unit: 'g' } },
  marketplace: { shopee: { categoryId: 100001 } }, optionNames: ['color'], variants,
});

describe('variants on the wire (nock-pinned)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());

  it('init_tier_variation waits 5 s after add_item and retries after the documented refusal of a not-yet-ready item', async () => {
    nock(HOST).get('/api/v2/product/search_item').query(true).reply(200, ok({ item_id_list: [] }));
    nock(HOST).get('/api/v2/product/get_item_list').query(true).reply(200, ok({ item: [], has_next_page: false }));
    nock(HOST).get('/api/v2/logistics/get_channel_list').query(true).reply(200, ok({ logistics_channel_list: [{ logistics_channel_id: 18025, enabled: true, fee_type: 'FIXED_DEFAULT_PRICE' }] }));
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-1' } }));
    nock(HOST).post('/api/v2/product/add_item').query(signed('/api/v2/product/add_item')).reply(200, ok({ item_id: ITEM }));
    const first = nock(HOST).post('/api/v2/product/init_tier_variation').query(signed('/api/v2/product/init_tier_variation', TS + 5))
      .reply(200, { error: 'error_item_not_found', message: 'Item_id is not found.', request_id: 'x' });
    const second = nock(HOST).post('/api/v2/product/init_tier_variation', (b) => b.item_id === ITEM && b.model[0].model_sku === 'TEE-R')
      .query(signed('/api/v2/product/init_tier_variation', TS + 10)).reply(200, ok({ item_id: ITEM, model: [{ model_id: 1, model_sku: 'TEE-R', tier_index: [0] }] }));
    const r = await adapter().listings.upsert(tee([{ sku: 'TEE-R', options: { color: 'Red' }, quantity: 2 }]));
    first.done();
    second.done();
    expect(r).toMatchObject({ status: 'active', action: 'created', issues: [] });
  });

  it('new variants of an item that already has tiers go through add_model with indexes into the existing options', async () => {
    nock(HOST).get('/api/v2/product/search_item').query(true).reply(200, ok({ item_id_list: [ITEM] }));
    nock(HOST).get('/api/v2/product/get_item_base_info').query(true).times(1)
      .reply(200, ok({ item_list: [{ item_id: ITEM, item_sku: 'TEE', item_status: 'NORMAL', has_model: true, create_time: TS - 86400, image: { image_id_list: ['img-1'] } }] }));
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-1' } }));
    nock(HOST).post('/api/v2/product/update_item').query(true).reply(200, ok({ item_id: ITEM }));
    nock(HOST).get('/api/v2/product/get_model_list').query((q) => q.item_id === String(ITEM))
      .reply(200, ok({ tier_variation: [{ name: 'color', option_list: [{ option: 'Red' }, { option: 'Blue' }] }], model: [{ model_id: 11, model_sku: 'TEE-R', tier_index: [0] }] }));
    nock(HOST).post('/api/v2/product/update_price', { item_id: ITEM, price_list: [{ model_id: 11, original_price: 10 }] }).query(true).reply(200, ok({ success_list: [{ model_id: 11 }], failure_list: [] }));
    nock(HOST).post('/api/v2/product/update_stock', { item_id: ITEM, stock_list: [{ model_id: 11, seller_stock: [{ stock: 2 }] }] }).query(true).reply(200, ok({ success_list: [{ model_id: 11 }], failure_list: [] }));
    const add = nock(HOST).post('/api/v2/product/add_model', {
      item_id: ITEM, model_list: [{ tier_index: [1], original_price: 11.5, model_sku: 'TEE-B', seller_stock: [{ stock: 4 }] }],
    }).query(signed('/api/v2/product/add_model')).reply(200, ok({ model: [{ model_id: 12, model_sku: 'TEE-B', tier_index: [1] }] }));
    const r = await adapter().listings.upsert(tee([
      { sku: 'TEE-R', options: { color: 'Red' }, quantity: 2 },
      { sku: 'TEE-B', options: { color: 'Blue' }, quantity: 4, price: { amount: '11.50', currency: 'SGD' } },
    ]));
    add.done();
    expect(nock.pendingMocks()).toEqual([]);
    // Options the tiers already have need no update_tier_variation (new values: tier-options.test.ts).
    expect(r).toMatchObject({ action: 'updated', issues: [] });
  });
});

describe('variants on the sandbox (5 s rule, add_model)', () => {
  let s: SandboxSetup;
  afterEach(() => s.close());

  it('creates variants after the documented wait on a shared test clock, then adds a model to the existing tiers', async () => {
    const clock = new TestClock(Date.now());
    s = await shopSandbox({ clock });
    const base = (variants: ListingInput['variants']) => ({ ...tee(variants, [imageUrl(s.url, 'tee')]), optionNames: ['color'] });
    const t0 = clock.now();
    const r = await s.adapter.listings.upsert(base([{ sku: 'S-R', options: { color: 'Red' }, quantity: 1 }]));
    expect(r).toMatchObject({ status: 'active', action: 'created', issues: [] });
    expect(clock.now() - t0).toBeGreaterThanOrEqual(5000);
    const item = [...s.world.items.values()].find((i) => i.item_sku === 'TEE')!;
    expect(item.models.map((m) => m.model_sku)).toEqual(['S-R']);
    // add_model only takes indexes into existing options: give the tier a Blue option (what update_tier_variation does).
    item.tiers[0]!.options.push('Blue');
    const again = await s.adapter.listings.upsert(base([{ sku: 'S-R', options: { color: 'Red' }, quantity: 1 }, { sku: 'S-B', options: { color: 'Blue' }, quantity: 3 }]));
    expect(again).toMatchObject({ action: 'updated', issues: [] });
    expect(item.models.map((m) => [m.model_sku, m.tier_index, m.stock])).toEqual([['S-R', [0], 1], ['S-B', [1], 3]]);
  });
});
