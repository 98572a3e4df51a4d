import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { samplePng } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import type { Region } from '../../../adapters/shopee/regions.js';
import { fixture, signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'listings-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-listings-0000000000';
const NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
const TS = Math.floor(NOW / 1000);
const ITEM_ID = 3000142341;

function adapter(region: Region = 'SG') {
  const store = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'refresh-token-listings-000000000', expiresAt: NOW + 3600_000, version: 1 } });
  const fetched: string[] = [];
  const a = shopee({
    region, partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens: store, clock: new TestClock(NOW), logisticIds: [18025],
    fetchImage: async (url) => (fetched.push(url), samplePng(url)),
  });
  return Object.assign(a, { fetched });
}

const shopQuery = (path: string, extra: (q: Record<string, any>) => boolean = () => true, timestamp = TS) => (q: Record<string, any>) =>
  signedQuery(q, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp }) && extra(q);
const publicQuery = (path: string) => (q: Record<string, any>) => signedQuery(q, { partnerId: PID, path, partnerKey: KEY, timestamp: TS }) && q.access_token === undefined;

const ok = (response?: unknown) => ({ error: '', message: '', request_id: 'req-1', ...(response ? { response } : {}) });

function upload(imageId: string) {
  return nock(HOST)
    .post('/api/v2/media_space/upload_image', (body: string) => {
      // nock hands binary bodies over hex-encoded.
      const text = /^[0-9a-f]+$/.test(body) ? Buffer.from(body, 'hex').toString('latin1') : body;
      return text.includes('name="image"; filename="image.png"') && text.includes('Content-Type: image/png') && text.includes('name="scene"\r\n\r\nnormal');
    })
    .query(publicQuery('/api/v2/media_space/upload_image'))
    .matchHeader('content-type', /^multipart\/form-data; boundary=/)
    .reply(200, ok({ image_info: { image_id: imageId, image_url_list: [{ image_url_region: 'SG', image_url: `https://cf.shopee.sg/file/${imageId}` }] } }));
}

/** search_item; a miss is then checked against the shop's complete SKU index (get_item_list, empty shop here). */
const search = (sku: string, ids: number[] = []) => {
  const scope = nock(HOST).get('/api/v2/product/search_item').query(shopQuery('/api/v2/product/search_item', (q) => q.item_sku === sku && q.page_size === '50')).reply(200, ok({ item_id_list: ids, total_count: ids.length }));
  if (!ids.length) {
    scope.get('/api/v2/product/get_item_list').query((q) => q.offset === '0' && q.page_size === '100' && Array.isArray(q.item_status) && q.item_status.includes('SELLER_DELETE'))
      .reply(200, ok({ item: [], total_count: 0, has_next_page: false }));
  }
  return scope;
};

/** The shop's channels and the category's days-to-ship rule, read once per adapter before a create (listing-rules.test.ts covers them). */
const channels = () => nock(HOST).get('/api/v2/logistics/get_channel_list').query(shopQuery('/api/v2/logistics/get_channel_list'))
  .reply(200, ok({ logistics_channel_list: [{ logistics_channel_id: 18025, logistics_channel_name: 'Standard Delivery', enabled: true, fee_type: 'FIXED_DEFAULT_PRICE', size_list: [] }] }));
const dtsLimit = () => nock(HOST).get('/api/v2/product/get_item_limit').query(shopQuery('/api/v2/product/get_item_limit', (q) => q.category_id === '100001'))
  .reply(200, ok({ dts_limit: { days_to_ship_limit: { min_limit: 7, max_limit: 15 }, non_pre_order_days_to_ship: 2 } }));

const listing = (sku: string, over: Partial<ListingInput> = {}): ListingInput => ({
  sku, title: 'Cotton Tee', description: 'Soft cotton tee', bullets: ['100% cotton'], brand: 'Acme', price: { amount: '12.99', currency: 'SGD' }, quantity: 7,
  images: ['https://img.example/tee.png'], identifiers: { ean: '4006381333931' }, package: { weight: { value: 250, unit: 'g' }, dimensions: { length: 20.2, width: 15, height: 2, unit: 'cm' } },
  handlingTimeDays: 2, marketplace: { shopee: { categoryId: 100001, brandId: 7788, attributes: [{ attribute_id: 4990, attribute_value_list: [{ value_id: 32142 }] }] } },
  ...over,
});

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

describe('listings on a shop (product/*)', () => {
  it('uploads images once, looks the SKU up, then add_item with the exact body', async () => {
    const a = adapter();
    const scopes = [
      search('TEE-1'),
      channels(),
      dtsLimit(),
      upload('img-tee'),
      nock(HOST).post('/api/v2/product/add_item', {
        item_name: 'Cotton Tee', description: 'Soft cotton tee\n- 100% cotton', item_sku: 'TEE-1', category_id: 100001, original_price: 12.99, weight: 0.25,
        logistic_info: [{ logistic_id: 18025, enabled: true }], image: { image_id_list: ['img-tee'] }, condition: 'NEW', item_status: 'NORMAL', seller_stock: [{ stock: 7 }],
        dimension: { package_length: 21, package_width: 15, package_height: 2 }, attribute_list: [{ attribute_id: 4990, attribute_value_list: [{ value_id: 32142 }] }],
        brand: { brand_id: 7788, original_brand_name: 'Acme' }, pre_order: { is_pre_order: false, days_to_ship: 2 }, gtin_code: '4006381333931',
      }).query(shopQuery('/api/v2/product/add_item')).reply(200, { ...fixture('add_item.json'), error: '' }), // the doc sample writes "-" for empty strings
    ];
    expect(await a.listings.upsert(listing('TEE-1'))).toEqual({ sku: 'TEE-1', store: String(SHOP), status: 'active', marketplaceId: String(ITEM_ID), issues: [], action: 'created' });
    for (const s of scopes) s.done();
    // A second listing with the same image (same URL, same bytes) reuses the image_id.
    search('TEE-2');
    nock(HOST).post('/api/v2/product/add_item', (b) => b.item_sku === 'TEE-2' && b.image.image_id_list[0] === 'img-tee').query(true).reply(200, ok({ item_id: ITEM_ID + 1 }));
    expect((await a.listings.upsert(listing('TEE-2'))).marketplaceId).toBe(String(ITEM_ID + 1));
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('creates variants with init_tier_variation (custom standardise tiers, model SKUs, prices, stock)', async () => {
    const a = adapter();
    search('TEE-V');
    channels();
    dtsLimit();
    upload('img-main');
    upload('img-red');
    nock(HOST).post('/api/v2/product/add_item', (b) => b.item_sku === 'TEE-V' && b.seller_stock[0].stock === 0).query(true).reply(200, ok({ item_id: ITEM_ID }));
    const init = nock(HOST).post('/api/v2/product/init_tier_variation', {
      item_id: ITEM_ID,
      standardise_tier_variation: [
        { variation_id: 0, variation_group_id: 0, variation_name: 'color', variation_option_list: [{ variation_option_id: 0, variation_option_name: 'Red', image_id: 'img-red' }, { variation_option_id: 0, variation_option_name: 'Blue' }] },
        { variation_id: 0, variation_group_id: 0, variation_name: 'size', variation_option_list: [{ variation_option_id: 0, variation_option_name: 'M' }, { variation_option_id: 0, variation_option_name: 'L' }] },
      ],
      model: [
        { tier_index: [0, 0], original_price: 12.99, model_sku: 'TEE-V-RM', seller_stock: [{ stock: 3 }] },
        { tier_index: [0, 1], original_price: 13.5, model_sku: 'TEE-V-RL', seller_stock: [{ stock: 0 }] },
        { tier_index: [1, 0], original_price: 12.99, model_sku: 'TEE-V-BM', seller_stock: [{ stock: 5 }] },
      ],
      // Signed 5 s after add_item: the documented wait before variants (the test clock moves, nothing sleeps).
    }).query(shopQuery('/api/v2/product/init_tier_variation', undefined, TS + 5)).reply(200, ok({ item_id: ITEM_ID, model: [{ model_id: 91, model_sku: 'TEE-V-RM', tier_index: [0, 0] }, { model_id: 92, model_sku: 'TEE-V-RL', tier_index: [0, 1] }, { model_id: 93, model_sku: 'TEE-V-BM', tier_index: [1, 0] }] }));
    const r = await a.listings.upsert(listing('TEE-V', {
      optionNames: ['color', 'size'],
      variants: [
        { sku: 'TEE-V-RM', options: { color: 'Red', size: 'M' }, quantity: 3, images: ['https://img.example/red.png'] },
        { sku: 'TEE-V-RL', options: { color: 'Red', size: 'L' }, price: { amount: '13.50', currency: 'SGD' } },
        { sku: 'TEE-V-BM', options: { color: 'Blue', size: 'M' }, quantity: 5 },
      ],
    }));
    init.done();
    expect(r).toMatchObject({ status: 'active', action: 'created', issues: [] });
    // Model-level update goes to the model id learnt from init_tier_variation.
    const price = nock(HOST).post('/api/v2/product/update_price', { item_id: ITEM_ID, price_list: [{ model_id: 92, original_price: 14 }] }).query(shopQuery('/api/v2/product/update_price', undefined, TS + 5)).reply(200, ok({ success_list: [{ model_id: 92, original_price: 14 }], failure_list: [] }));
    const stock = nock(HOST).post('/api/v2/product/update_stock', { item_id: ITEM_ID, stock_list: [{ model_id: 92, seller_stock: [{ stock: 9 }] }] }).query(true).reply(200, ok({ success_list: [{ model_id: 92, stock: 9 }], failure_list: [] }));
    expect(await a.listings.update('TEE-V-RL', { price: { amount: 1400, currency: 'SGD' }, quantity: 9 })).toMatchObject({ status: 'active', issues: [], action: 'updated' });
    price.done();
    stock.done();
  });

  it('sends IDR prices as integers and refuses decimals before any call', async () => {
    const a = adapter('ID');
    search('IDR-1');
    channels();
    dtsLimit();
    upload('img-idr');
    const add = nock(HOST).post('/api/v2/product/add_item', (b) => b.original_price === 150000 && Number.isInteger(b.original_price)).query(true).reply(200, ok({ item_id: ITEM_ID }));
    await a.listings.upsert(listing('IDR-1', { price: { amount: '150000', currency: 'IDR' } }));
    add.done();
    search('IDR-2');
    const bad = await a.listings.upsert(listing('IDR-2', { price: { amount: '150000.50', currency: 'IDR' } }));
    expect(bad.status).toBe('invalid');
    expect(bad.issues[0]).toMatchObject({ code: 'INVALID_PRICE', severity: 'error', attributes: ['price'] });
    expect(bad.issues[0]!.message).toMatch(/whole numbers only/);
    const wrongCurrency = await a.listings.validate(listing('IDR-3'));
    expect(wrongCurrency.issues.map((i) => i.code)).toEqual(['INVALID_PRICE']);
  });

  it('updates an existing SKU instead of creating a duplicate', async () => {
    const a = adapter();
    search('TEE-1', [ITEM_ID]);
    nock(HOST).get('/api/v2/product/get_item_base_info').query(shopQuery('/api/v2/product/get_item_base_info', (q) => q.item_id_list === String(ITEM_ID)))
      .reply(200, ok({ item_list: [{ item_id: ITEM_ID, item_sku: 'TEE-1', item_status: 'NORMAL', has_model: false, image: { image_id_list: ['img-tee'] } }] }));
    upload('img-tee');
    dtsLimit();
    const update = nock(HOST).post('/api/v2/product/update_item', (b) => b.item_id === ITEM_ID && b.item_name === 'Cotton Tee' && b.image === undefined && b.pre_order.days_to_ship === 2).query(true).reply(200, ok({}));
    nock(HOST).post('/api/v2/product/update_price', { item_id: ITEM_ID, price_list: [{ model_id: 0, original_price: 12.99 }] }).query(true).reply(200, ok({ success_list: [{ model_id: 0 }], failure_list: [] }));
    nock(HOST).post('/api/v2/product/update_stock', { item_id: ITEM_ID, stock_list: [{ model_id: 0, seller_stock: [{ stock: 7 }] }] }).query(true)
      .reply(200, ok({ success_list: [], failure_list: [{ model_id: 0, failed_reason: 'Can not update item with stock less than reserved stock' }] }));
    const r = await a.listings.upsert(listing('TEE-1'));
    update.done();
    expect(r).toMatchObject({ action: 'updated', marketplaceId: String(ITEM_ID), status: 'invalid' });
    expect(r.issues).toEqual([{ code: 'STOCK_FAILED', message: 'model 0: Can not update item with stock less than reserved stock', severity: 'error', attributes: ['stock'], categories: [] }]);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('reports Shopee\'s refusal of add_item as listing issues', async () => {
    const a = adapter();
    search('BAD-1');
    channels();
    dtsLimit();
    upload('img-bad');
    nock(HOST).post('/api/v2/product/add_item').query(true).reply(200, { error: 'error_less_required_attribute', message: 'Mandatory attribute information required', request_id: 'r-9' });
    const r = await a.listings.upsert(listing('BAD-1'));
    expect(r).toEqual({ sku: 'BAD-1', store: String(SHOP), status: 'invalid', action: 'validated', issues: [{ code: 'error_less_required_attribute', message: 'Mandatory attribute information required', severity: 'error', attributes: [], categories: [] }] });
  });

  it('get() reads get_item_base_info; an unknown SKU is not_found', async () => {
    const a = adapter();
    search('TEE-1', [ITEM_ID]);
    nock(HOST).get('/api/v2/product/get_item_base_info').query(true).times(2).reply(200, ok({ item_list: [{ item_id: ITEM_ID, item_sku: 'TEE-1', item_status: 'UNLIST', has_model: false }] }));
    expect(await a.listings.get('TEE-1')).toMatchObject({ sku: 'TEE-1', status: 'inactive', marketplaceId: String(ITEM_ID), action: 'read' });
    search('NOPE');
    nock(HOST).get('/api/v2/product/get_item_list').query(true).reply(200, ok({ item: [], has_next_page: false }));
    expect(await a.listings.get('NOPE')).toMatchObject({ status: 'not_found' });
  });
});
