import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { samplePng } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { cnscSandbox, CNSC_SG_SHOP, imageUrl, shopSandbox, signedQuery, TestClock, TestTokenStore, type SandboxSetup } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'listing-rules-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-rules-0000000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const TS = NOW / 1000;
const ITEM = 3000999003;
const ok = (response?: unknown) => ({ error: '', message: '', request_id: 'r', ...(response ? { response } : {}) });
const signed = (path: string, extra: (q: Record<string, any>) => boolean = () => true) => (q: Record<string, any>) =>
  signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: TS }) && extra(q);

function adapter() {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-rules-000000000000', expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), logisticIds: [18025], fetchImage: async (u) => samplePng(u) });
}

/** Channel shapes of specs/shopee/v2.logistics.get_channel_list.json (fee_type, size_list, block_seller_cover_shipping_fee). */
const CHANNELS = [
  { logistics_channel_id: 18025, logistics_channel_name: 'Standard Delivery', enabled: true, fee_type: 'FIXED_DEFAULT_PRICE', size_list: [], block_seller_cover_shipping_fee: false, weight_limit: { item_max_weight: 30, item_min_weight: 0 } },
  { logistics_channel_id: 18036, logistics_channel_name: 'Bulky Delivery', enabled: true, fee_type: 'SIZE_SELECTION', size_list: [{ size_id: '1', name: 'S', default_price: 5 }, { size_id: '2', name: 'M', default_price: 9 }], block_seller_cover_shipping_fee: false },
  { logistics_channel_id: 18099, logistics_channel_name: 'Seller Own Fleet', enabled: true, fee_type: 'CUSTOM_PRICE', size_list: [], block_seller_cover_shipping_fee: true },
];
/** dts_limit of specs/shopee/v2.product.get_item_limit.json for the category. */
const LIMIT = { dts_limit: { days_to_ship_limit: { min_limit: 7, max_limit: 15 }, non_pre_order_days_to_ship: 3 } };

const lamp = (shopee: NonNullable<ListingInput['marketplace']>['shopee'], handlingTimeDays?: number): ListingInput => ({
  sku: 'LAMP', title: 'Desk lamp', price: { amount: '30.00', currency: 'SGD' }, quantity: 5, images: ['https://img.example/lamp.png'],
  package: { weight: { value: 1.2, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001, ...shopee } }, ...(handlingTimeDays !== undefined ? { handlingTimeDays } : {}),
});

function lookupMisses() {
  nock(HOST).get('/api/v2/product/search_item').query(true).reply(200, ok({ item_id_list: [] }));
  nock(HOST).get('/api/v2/product/get_item_list').query(true).reply(200, ok({ item: [], has_next_page: false }));
}
const channelList = () => nock(HOST).get('/api/v2/logistics/get_channel_list').query(signed('/api/v2/logistics/get_channel_list')).reply(200, ok({ logistics_channel_list: CHANNELS }));
const itemLimit = () => nock(HOST).get('/api/v2/product/get_item_limit').query(signed('/api/v2/product/get_item_limit', (q) => q.category_id === '100001')).reply(200, ok(LIMIT));

describe('listing fields the channel and category require (nock-pinned)', () => {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)/);
  });
  afterEach(() => nock.cleanAll());

  it('maps size_id, shipping_fee and is_free per channel and a pre-order inside the category range into add_item', async () => {
    lookupMisses();
    const channels = channelList();
    const limit = itemLimit();
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-lamp' } }));
    let sent: any;
    const add = nock(HOST).post('/api/v2/product/add_item', (b) => (sent = b) !== undefined).query(signed('/api/v2/product/add_item')).reply(200, ok({ item_id: ITEM }));
    const r = await adapter().listings.upsert(lamp({
      logisticIds: [18025, 18036, 18099],
      logistics: [{ logisticId: 18025, isFree: true }, { logisticId: 18036, sizeId: 2 }, { logisticId: 18099, shippingFee: { amount: '4.50', currency: 'SGD' } }],
    }, 10));
    channels.done();
    limit.done();
    add.done();
    expect(sent.logistic_info).toEqual([
      { logistic_id: 18025, enabled: true, is_free: true },
      { logistic_id: 18036, enabled: true, size_id: 2 },
      { logistic_id: 18099, enabled: true, shipping_fee: 4.5 },
    ]);
    expect(sent.pre_order).toEqual({ is_pre_order: true, days_to_ship: 10 });
    expect(r).toMatchObject({ action: 'created', status: 'active' });
  });

  it('a handling time within the non-pre-order days ships as a normal item with the category days_to_ship', async () => {
    lookupMisses();
    channelList();
    itemLimit();
    nock(HOST).post('/api/v2/media_space/upload_image').query(true).reply(200, ok({ image_info: { image_id: 'img-lamp' } }));
    const add = nock(HOST).post('/api/v2/product/add_item', (b) => b.pre_order?.is_pre_order === false && b.pre_order.days_to_ship === 3 && b.logistic_info.length === 1).query(true).reply(200, ok({ item_id: ITEM }));
    await adapter().listings.upsert(lamp({}, 2));
    add.done();
  });

  it.each([
    ['a SIZE_SELECTION channel without sizeId', lamp({ logisticIds: [18036] }), 'listing.marketplace.shopee.logistics', /18036.*SIZE_SELECTION.*sizeId.*1, 2/],
    ['a sizeId the channel does not offer', lamp({ logistics: [{ logisticId: 18036, sizeId: 7 }] }), 'listing.marketplace.shopee.logistics[0].sizeId', /size 7.*1, 2/],
    ['a CUSTOM_PRICE channel without shippingFee', lamp({ logistics: [{ logisticId: 18099 }] }), 'listing.marketplace.shopee.logistics[0].shippingFee', /18099.*CUSTOM_PRICE.*shippingFee/],
    ['isFree on a channel that blocks seller-covered shipping', lamp({ logistics: [{ logisticId: 18099, shippingFee: { amount: '4.50', currency: 'SGD' }, isFree: true }] }), 'listing.marketplace.shopee.logistics[0].isFree', /18099.*block_seller_cover_shipping_fee/],
    ['a channel the shop does not have', lamp({ logisticIds: [55555] }), 'listing.marketplace.shopee.logisticIds', /55555/],
    ['a package heavier than the channel takes', { ...lamp({}), package: { weight: { value: 31, unit: 'kg' } } } as ListingInput, 'listing.package.weight', /31 kg.*18025.*at most 30 kg/],
  ])('%s is a ValidationError naming the field, before add_item', async (_name, input, path, message) => {
    lookupMisses();
    channelList();
    const err = await adapter().listings.upsert(input).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path });
    expect(err.message).toMatch(message);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('validate() reports the same rules as issues naming the field (no write)', async () => {
    channelList();
    itemLimit();
    const r = await adapter().listings.validate(lamp({ logisticIds: [18036] }, 10));
    expect(r).toMatchObject({ status: 'invalid', action: 'validated' });
    expect(r.issues).toEqual([expect.objectContaining({ code: 'SHIPPING_RULE', severity: 'error', attributes: ['listing.marketplace.shopee.logistics'], message: expect.stringMatching(/SIZE_SELECTION/) })]);
    expect(nock.pendingMocks()).toEqual([expect.stringContaining('get_item_limit')]);
  });

  it.each([
    ['above the category maximum', 20, /20 days.*7 to 15/],
    ['between the non-pre-order days and the pre-order minimum', 5, /5 days.*3 days or less.*7 to 15/],
  ])('a handling time %s is a ValidationError on handlingTimeDays, before add_item', async (_name, days, message) => {
    lookupMisses();
    channelList();
    itemLimit();
    const err = await adapter().listings.upsert(lamp({}, days)).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path: 'listing.handlingTimeDays' });
    expect(err.message).toMatch(message);
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe('the sandbox enforces the documented channel and days-to-ship rules', () => {
  let s: SandboxSetup;
  afterEach(() => s.close());

  it('get_channel_list and get_item_limit answer; add_item refuses what the docs refuse', async () => {
    s = await shopSandbox();
    const raw = s.adapter.raw.shop();
    const channels = (await raw.get_channel_list({})).data.response.logistics_channel_list;
    expect(channels.map((c) => [c.logistics_channel_id, c.fee_type])).toEqual(expect.arrayContaining([[18025, 'FIXED_DEFAULT_PRICE'], [18036, 'SIZE_SELECTION'], [18099, 'CUSTOM_PRICE']]));
    expect((await raw.get_item_limit({ query: { category_id: 100001 } })).data.response.dts_limit).toEqual({ days_to_ship_limit: { min_limit: 7, max_limit: 15 }, non_pre_order_days_to_ship: 3 });
    s.world.images.set('img-x', 'x');
    const body = (over: Record<string, unknown>) => ({
      body: { item_name: 'Lamp', description: 'd', original_price: 30, weight: 1.2, category_id: 100001, image: { image_id_list: ['img-x'] }, seller_stock: [{ stock: 1 }], logistic_info: [{ logistic_id: 18025, enabled: true }], ...over },
    }) as never;
    const refused = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 18036, enabled: true }] })))).toMatch(/^error_invalid_logistic_info: invalid logistic info , .*size_id/);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 18036, enabled: true, size_id: 9 }] })))).toMatch(/^error_invalid_logistic_info: invalid logistic info , .*size_id/);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 18099, enabled: true }] })))).toMatch(/^error_invalid_logistic_info: invalid logistic info , .*shipping_fee/);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 18099, enabled: true, shipping_fee: 4, is_free: true }] })))).toMatch(/^error_invalid_logistic_info: .*is_free/);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 55555, enabled: true }] })))).toMatch(/^error_invalid_logistic_info: /);
    expect(await refused(raw.add_item(body({ weight: 31 })))).toMatch(/^error_invalid_logistic_info: .*weight/);
    expect(await refused(raw.add_item(body({ pre_order: { is_pre_order: true, days_to_ship: 20 } })))).toMatch(/^error_param_dts_exceeds_max_limit: Days_to_ship exceeds max limit/);
    expect(await refused(raw.add_item(body({ pre_order: { is_pre_order: true, days_to_ship: 5 } })))).toMatch(/^error_invalid_days_to_ship: Invalid days_to_ship/);
    expect(await refused(raw.add_item(body({ pre_order: { is_pre_order: false, days_to_ship: 5 } })))).toMatch(/^error_invalid_days_to_ship: Invalid days_to_ship/);
    expect(await refused(raw.add_item(body({ category_id: 100002, attribute_list: [{ attribute_id: 1001, attribute_value_list: [{ value_id: 1 }] }], pre_order: { is_pre_order: true, days_to_ship: 10 } })))).toMatch(/^error_param_category_not_support_pre_order: Category does not support pre-order/);
    expect(s.world.counters.addItem).toBe(0);
    expect(await refused(raw.add_item(body({ logistic_info: [{ logistic_id: 18036, enabled: true, size_id: 2 }, { logistic_id: 18099, enabled: true, shipping_fee: 4 }], pre_order: { is_pre_order: true, days_to_ship: 10 } })))).toBe('accepted');
  });

  it('the adapter lists with the per-channel fields on the sandbox, and update_item is held to the same rules', async () => {
    s = await shopSandbox();
    const input = (days: number): ListingInput => ({
      ...lamp({ logisticIds: [18025, 18036], logistics: [{ logisticId: 18036, sizeId: 1 }] }, days), images: [imageUrl(s.url, 'lamp')],
    });
    expect(await s.adapter.listings.upsert(input(8))).toMatchObject({ action: 'created', status: 'active' });
    const item = [...s.world.items.values()].find((i) => i.item_sku === 'LAMP')!;
    expect(item.logistic_info).toEqual([{ logistic_id: 18025, enabled: true }, { logistic_id: 18036, enabled: true, size_id: 1 }]);
    expect(item.pre_order).toEqual({ is_pre_order: true, days_to_ship: 8 });
    const err = await s.adapter.listings.upsert(input(30)).catch((e) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).toMatchObject({ path: 'listing.handlingTimeDays' });
    expect(item.pre_order).toEqual({ is_pre_order: true, days_to_ship: 8 });
  });
});

describe('CNSC: publish tasks carry the same per-channel fields, checked per target shop', () => {
  it('a SIZE_SELECTION channel without sizeId fails before add_global_item; with it the publish task gets size_id', async () => {
    const { sb, world, adapter: a } = await cnscSandbox();
    const SG = CNSC_SG_SHOP;
    try {
      const mug = (logistics: Array<{ logisticId: number; sizeId?: number }>): ListingInput => ({
        sku: 'MUG', title: 'Mug', price: { amount: '59.90', currency: 'CNY' }, quantity: 3, images: [imageUrl(sb.urls.shopee!, 'mug')], handlingTimeDays: 3,
        package: { weight: { value: 0.4, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001, logistics } },
      });
      const err = await a.listings.upsert(mug([{ logisticId: 18036 }]), { store: String(SG) }).catch((e) => e);
      expect(err).toBeInstanceOf(ValidationError);
      expect(err).toMatchObject({ path: 'listing.marketplace.shopee.logistics[0].sizeId' });
      expect(world.counters.addGlobalItem).toBe(0);
      expect(await a.listings.upsert(mug([{ logisticId: 18036, sizeId: 1 }]), { store: String(SG) })).toMatchObject({ action: 'created', status: 'active' });
      expect([...world.publishTasks.values()].map((t) => t.logistic)).toEqual([[{ logistic_id: 18025, enabled: true }, { logistic_id: 18036, enabled: true, size_id: 1 }]]);
    } finally {
      await sb.close();
    }
  });
});
