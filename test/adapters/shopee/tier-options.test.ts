import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { samplePng } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { cnscSandbox, CNSC_SG_SHOP, imageUrl, shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'tier-options-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-tieropts-00000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const TS = NOW / 1000;
const ITEM = 3000999002;
const ok = (response?: unknown) => ({ error: '', message: '', request_id: 'r', ...(response ? { response } : {}) });
const signed = (path: string) => (q: Record<string, any>) => signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: TS });

function adapter() {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-tieropts-000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), logisticIds: [18025], fetchImage: async (u) => samplePng(u) });
}

const tee = (variants: ListingInput['variants'], images = ['https://img.example/tee.png']): ListingInput => ({
  sku: 'TEE', title: 'Tee', price: { amount: '10.00', currency: 'SGD' }, quantity: 0, images, package: { weight: { value: 200, unit: 'g' } },
  marketplace: { shopee: { categoryId: 100001 } }, optionNames: ['color'], variants,
});

describe('a variant with a new option value (nock-pinned)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());

  it('update_tier_variation appends the option (existing models keep their tier_index, option images kept), then add_model uses the new index', async () => {
    const order: string[] = [];
    nock(HOST).get('/api/v2/product/search_item').query(true).reply(200, ok({ item_id_list: [ITEM] }));
    nock(HOST).get('/api/v2/product/get_item_base_info').query(true)
      .reply(200, ok({ item_list: [{ item_id: ITEM, item_sku: 'TEE', item_status: 'NORMAL', has_model: true, create_time: TS - 86400, image: { image_id_list: ['img-1'] } }] }));
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-1' } }));
    nock(HOST).post('/api/v2/product/update_item').query(true).reply(200, ok({ item_id: ITEM }));
    nock(HOST).get('/api/v2/product/get_model_list').query((q) => q.item_id === String(ITEM)).reply(200, ok({
      tier_variation: [{ name: 'color', option_list: [{ option: 'Red', image: { image_id: 'img-red', image_url: 'https://cf.shopee.sg/file/img-red' } }, { option: 'Blue' }] }],
      model: [{ model_id: 11, model_sku: 'TEE-R', tier_index: [0] }, { model_id: 12, model_sku: 'TEE-B', tier_index: [1] }],
    }));
    nock(HOST).post('/api/v2/product/update_price').query(true).reply(200, ok({ success_list: [{ model_id: 11 }, { model_id: 12 }], failure_list: [] }));
    nock(HOST).post('/api/v2/product/update_stock').query(true).reply(200, ok({ success_list: [{ model_id: 11 }, { model_id: 12 }], failure_list: [] }));
    const tiers = nock(HOST).post('/api/v2/product/update_tier_variation', {
      item_id: ITEM,
      standardise_tier_variation: [{
        variation_id: 0, variation_group_id: 0, variation_name: 'color',
        variation_option_list: [
          { variation_option_id: 0, variation_option_name: 'Red', image_id: 'img-red' },
          { variation_option_id: 0, variation_option_name: 'Blue' },
          { variation_option_id: 0, variation_option_name: 'Green' },
        ],
      }],
      model_list: [{ model_id: 11, tier_index: [0] }, { model_id: 12, tier_index: [1] }],
    }).query(signed('/api/v2/product/update_tier_variation')).matchHeader('content-type', /application\/json/).reply(200, () => {
      order.push('update_tier_variation');
      return ok();
    });
    const add = nock(HOST).post('/api/v2/product/add_model', {
      item_id: ITEM, model_list: [{ tier_index: [2], original_price: 10, model_sku: 'TEE-G', seller_stock: [{ stock: 1 }] }],
    }).query(signed('/api/v2/product/add_model')).reply(200, () => {
      order.push('add_model');
      return ok({ model: [{ model_id: 13, model_sku: 'TEE-G', tier_index: [2] }] });
    });
    const r = await adapter().listings.upsert(tee([
      { sku: 'TEE-R', options: { color: 'Red' }, quantity: 2 },
      { sku: 'TEE-B', options: { color: 'Blue' }, quantity: 4 },
      { sku: 'TEE-G', options: { color: 'Green' }, quantity: 1 },
    ]));
    tiers.done();
    add.done();
    expect(order).toEqual(['update_tier_variation', 'add_model']);
    expect(nock.pendingMocks()).toEqual([]);
    expect(r).toMatchObject({ action: 'updated', issues: [] });
  });

  it('a refused update_tier_variation is a listing issue and no add_model is sent', async () => {
    nock(HOST).get('/api/v2/product/search_item').query(true).reply(200, ok({ item_id_list: [ITEM] }));
    nock(HOST).get('/api/v2/product/get_item_base_info').query(true)
      .reply(200, ok({ item_list: [{ item_id: ITEM, item_sku: 'TEE', item_status: 'NORMAL', has_model: true, create_time: TS - 86400, image: { image_id_list: ['img-1'] } }] }));
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-1' } }));
    nock(HOST).post('/api/v2/product/update_item').query(true).reply(200, ok({ item_id: ITEM }));
    nock(HOST).get('/api/v2/product/get_model_list').query(true).reply(200, ok({ tier_variation: [{ name: 'color', option_list: [{ option: 'Red' }] }], model: [{ model_id: 11, model_sku: 'TEE-R', tier_index: [0] }] }));
    nock(HOST).post('/api/v2/product/update_price').query(true).reply(200, ok({ success_list: [{ model_id: 11 }], failure_list: [] }));
    nock(HOST).post('/api/v2/product/update_stock').query(true).reply(200, ok({ success_list: [{ model_id: 11 }], failure_list: [] }));
    // A documented update_tier_variation refusal (v2.product.update_tier_variation error_list).
    nock(HOST).post('/api/v2/product/update_tier_variation').query(true)
      .reply(200, { error: 'error_cannt_change_tier_variation_in_promotion', message: 'Structure of tier_variation cannot be edited when item is under promotion.', request_id: 'x' });
    const r = await adapter().listings.upsert(tee([{ sku: 'TEE-R', options: { color: 'Red' }, quantity: 2 }, { sku: 'TEE-G', options: { color: 'Green' }, quantity: 1 }]));
    expect(nock.pendingMocks()).toEqual([]);
    expect(r.status).toBe('invalid');
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', attributes: ['tier_variation'], message: expect.stringContaining('under promotion') })]);
  });
});

describe('new option values on the sandbox', () => {
  let s: SandboxSetup;
  afterEach(() => s.close());

  it('the adapter extends the tier, then adds the model; existing models keep their indexes', async () => {
    const clock = new TestClock(Date.now());
    s = await shopSandbox({ clock });
    const base = (variants: ListingInput['variants']) => tee(variants, [imageUrl(s.url, 'tee')]);
    await s.adapter.listings.upsert(base([{ sku: 'S-R', options: { color: 'Red' }, quantity: 1 }, { sku: 'S-B', options: { color: 'Blue' }, quantity: 2 }]));
    const item = [...s.world.items.values()].find((i) => i.item_sku === 'TEE')!;
    const again = await s.adapter.listings.upsert(base([
      { sku: 'S-R', options: { color: 'Red' }, quantity: 1 }, { sku: 'S-B', options: { color: 'Blue' }, quantity: 2 }, { sku: 'S-G', options: { color: 'Green' }, quantity: 3 },
    ]));
    expect(again).toMatchObject({ action: 'updated', issues: [] });
    expect(item.tiers).toEqual([{ name: 'color', options: ['Red', 'Blue', 'Green'] }]);
    expect(item.models.map((m) => [m.model_sku, m.tier_index, m.stock])).toEqual([['S-R', [0], 1], ['S-B', [1], 2], ['S-G', [2], 3]]);
  });

  it('models the documented refusals: add_model outside the tier list, update_tier_variation changing the level or dropping every model', async () => {
    const clock = new TestClock(Date.now());
    s = await shopSandbox({ clock });
    await s.adapter.listings.upsert(tee([{ sku: 'S-R', options: { color: 'Red' }, quantity: 1 }], [imageUrl(s.url, 'tee')]));
    const item = [...s.world.items.values()].find((i) => i.item_sku === 'TEE')!;
    const raw = s.adapter.raw.shop();
    const modelId = item.models[0]!.model_id;
    const refused = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);
    expect(await refused(raw.add_model({ body: { item_id: item.item_id, model_list: [{ tier_index: [1], original_price: 10, model_sku: 'S-G', seller_stock: [{ stock: 1 }] }] } })))
      .toMatch(/error_param: .*Model tier_index error/);
    const tier = (options: string[]) => ({ variation_id: 0, variation_name: 'color', variation_option_list: options.map((o) => ({ variation_option_id: 0, variation_option_name: o })) });
    expect(await refused(raw.update_tier_variation({ body: { item_id: item.item_id, standardise_tier_variation: [tier(['Red']), tier(['S'])], model_list: [{ model_id: modelId, tier_index: [0, 0] }] } })))
      .toMatch(/error_param: .*Canot change the level of tier-variation/);
    expect(await refused(raw.update_tier_variation({ body: { item_id: item.item_id, standardise_tier_variation: [tier(['Red'])], model_list: [] } })))
      .toMatch(/error_busi_cannot_delete_all_model: .*Cannot delete all models/);
    expect(await refused(raw.update_tier_variation({ body: { item_id: item.item_id, standardise_tier_variation: [tier(['Red'])], model_list: [{ model_id: modelId, tier_index: [1] }] } })))
      .toMatch(/error_param: .*Model tier_index error/);
    expect(await refused(raw.update_tier_variation({ body: { item_id: item.item_id, standardise_tier_variation: [tier(['Red'])], model_list: [{ model_id: 999, tier_index: [0] }] } })))
      .toMatch(/error_wrong_modelid: .*model_id:999/);
    expect(item.tiers).toEqual([{ name: 'color', options: ['Red'] }]);
  });
});

describe('CNSC: a global variant with a new option value', () => {
  it('extends the global tiers (update_tier_variation), then add_global_model; the sandbox refuses what the docs refuse', async () => {
    const { sb, world, adapter: a } = await cnscSandbox();
    const SG = CNSC_SG_SHOP;
    try {
      const mug = (variants: ListingInput['variants']): ListingInput => ({
        sku: 'MUG', title: 'Mug', price: { amount: '59.90', currency: 'CNY' }, quantity: 0, images: [imageUrl(sb.urls.shopee!, 'mug')], handlingTimeDays: 3,
        package: { weight: { value: 0.4, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001 } }, optionNames: ['color'], variants,
      });
      const white = { sku: 'MUG-W', options: { color: 'White' }, quantity: 2 };
      expect(await a.listings.upsert(mug([white]), { store: String(SG) })).toMatchObject({ action: 'created', issues: [] });
      const g = [...world.globalItems.values()].find((x) => x.global_item_sku === 'MUG')!;
      const again = await a.listings.upsert(mug([white, { sku: 'MUG-B', options: { color: 'Black' }, quantity: 4 }]), { store: String(SG) });
      expect(again).toMatchObject({ action: 'updated', issues: [] });
      expect(g.tiers).toEqual([{ name: 'color', options: ['White', 'Black'] }]);
      expect(g.models.map((m) => [m.global_model_sku, m.tier_index, m.stock])).toEqual([['MUG-W', [0], 2], ['MUG-B', [1], 4]]);
      const raw = a.raw.merchant!;
      const refused = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);
      expect(await refused(raw.add_global_model({ body: { global_item_id: g.global_item_id, global_model: [{ tier_index: [2], original_price: 10, global_model_sku: 'MUG-G' }] } }))).toMatch(/error_param: Model tier_index error/);
      const tier = (options: string[]) => [{ variation_id: 0, variation_name: 'color', variation_option_list: options.map((o) => ({ variation_option_id: 0, variation_option_name: o })) }];
      expect(await refused(raw.update_tier_variation({ body: { global_item_id: g.global_item_id, standardise_tier_variation: tier(['White', 'Black']), model_list: [] } }))).toMatch(/error_busi_global_item_model_not_allow_empty/);
      expect(await refused(raw.update_tier_variation({ body: { global_item_id: g.global_item_id, standardise_tier_variation: tier(['White', 'White']), model_list: [{ model_id: g.models[0]!.global_model_id, tier_index: [0] }] } }))).toMatch(/error_duplicated_variation_option/);
    } finally {
      await sb.close();
    }
  });
});
