import nock from 'nock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import type { ListingInput } from '../../../src/model/listing.js';
import { shopee } from '../../../adapters/shopee/index.js';
import { seedOrder, shopeeSandbox, type ShopeeSandboxState } from '../../../adapters/shopee/sandbox/index.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { imageUrl, PARTNER, signedQuery, TestClock, TIME_SCALE, TestTokenStore } from './helpers.js';

const MERCHANT = 1000000;
const SG_SHOP = 601306294;
const MY_SHOP = 601306295;

describe('CNSC merchant account: global products and publish tasks', () => {
  let sb: RunningSandbox;
  let world: ShopeeSandboxState;
  let adapter: ReturnType<typeof shopee>;
  let url: string;

  beforeAll(async () => {
    const module = shopeeSandbox({
      merchants: [{ merchantId: MERCHANT, shopIds: [SG_SHOP, MY_SHOP], currency: 'CNY' }],
      shops: [{ shopId: SG_SHOP, region: 'SG' }, { shopId: MY_SHOP, region: 'MY' }],
      publishDelayMs: 30,
    });
    // One test clock for both sides: the 5 s wait before global tiers moves it instead of sleeping.
    const clock = new TestClock(Date.now());
    sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: TIME_SCALE, clock });
    world = module.state;
    url = sb.urls.shopee!;
    adapter = shopee({
      region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, merchantId: MERCHANT, shopIds: [SG_SHOP, { shopId: MY_SHOP, region: 'MY' }],
      merchantCurrency: 'CNY', tokens: new TestTokenStore(), endpoint: url, logisticIds: [18025], timeScale: TIME_SCALE,
      retry: { baseDelayMs: 1, maxDelayMs: 5 }, publishPoll: { intervalMs: 10, attempts: 50 }, clock,
    });
  });
  afterAll(() => sb.close());

  const listing = (sku: string, over: Partial<ListingInput> = {}): ListingInput => ({
    sku, title: 'Ceramic Mug', description: 'Stoneware mug, 350 ml', price: { amount: '59.90', currency: 'CNY' }, quantity: 0, images: [imageUrl(url, sku)],
    package: { weight: { value: 0.4, unit: 'kg' } }, handlingTimeDays: 3, marketplace: { shopee: { categoryId: 100001 } },
    optionNames: ['color'],
    variants: [{ sku: `${sku}-W`, options: { color: 'White' }, quantity: 8 }, { sku: `${sku}-B`, options: { color: 'Black' }, quantity: 4, price: { amount: '62.00', currency: 'CNY' } }],
    ...over,
  });

  it('authorizes the main account: one code, a pair stored for the merchant and each shop', async () => {
    const code = world.issueCode(PARTNER.partnerId, { mainAccountId: MERCHANT });
    expect(await adapter.auth.exchangeCode(code, { mainAccountId: MERCHANT })).toMatchObject({ shopIds: [SG_SHOP, MY_SHOP], merchantIds: [MERCHANT] });
  });

  it('lists through add_global_item + global tiers + a publish task per shop; never product/add_item', async () => {
    const r = await adapter.listings.upsert(listing('MUG-1'));
    expect(r).toMatchObject({ sku: 'MUG-1', store: String(SG_SHOP), status: 'active', action: 'created', issues: [] });
    const g = [...world.globalItems.values()].find((x) => x.global_item_sku === 'MUG-1')!;
    expect(r.marketplaceId).toBe(String(g.global_item_id));
    expect(g.models.map((m) => [m.global_model_sku, m.price, m.stock])).toEqual([['MUG-1-W', 59.9, 8], ['MUG-1-B', 62, 4]]);
    expect(g.published.map((p) => [p.shopId, p.region])).toEqual([[SG_SHOP, 'SG'], [MY_SHOP, 'MY']]);
    const published = (r.raw as { published: Array<{ status: string; publishTaskId?: string }> }).published;
    expect(published.map((p) => p.status)).toEqual(['published', 'published']);
    // Task ids are int64 beyond 2^53: kept exact (read losslessly), then polled with the same digits.
    expect(published.map((p) => p.publishTaskId)).toEqual([...world.publishTasks.keys()]);
    expect(BigInt(published[0]!.publishTaskId!) > BigInt(Number.MAX_SAFE_INTEGER)).toBe(true);
    expect(world.counters).toMatchObject({ addItem: 0, addGlobalItem: 1, publish: 2 });
    // The published shop items carry the SKU.
    expect(world.itemsBySku('MUG-1').map((i) => i.shopId).sort()).toEqual([SG_SHOP, MY_SHOP].sort());
  });

  it('a second upsert updates the global item (global price/stock APIs) and does not publish again', async () => {
    const r = await adapter.listings.upsert(listing('MUG-1', { title: 'Ceramic Mug 350ml' }));
    expect(r).toMatchObject({ action: 'updated', status: 'active' });
    expect(world.counters).toMatchObject({ addGlobalItem: 1, publish: 2 });
    expect([...world.globalItems.values()][0]!.global_item_name).toBe('Ceramic Mug 350ml');
  });

  it('inventory.set goes through global update_stock and respects reserved stock', async () => {
    world.setReserved('MUG-1-B', 5);
    const res = await adapter.inventory.set([{ sku: 'MUG-1-W', quantity: 11 }, { sku: 'MUG-1-B', quantity: 2 }, { sku: 'NOT-LISTED', quantity: 1 }]);
    expect(res[0]).toEqual({ sku: 'MUG-1-W', ok: true, appliedQuantity: 11 });
    expect(res[1]).toMatchObject({ sku: 'MUG-1-B', ok: true, appliedQuantity: 5 });
    expect(res[1]!.warning).toMatch(/5 unit\(s\) reserved/);
    expect(res[2]).toMatchObject({ sku: 'NOT-LISTED', ok: false });
    expect(res[2]!.error?.code).toBe('NOT_FOUND');
    const g = [...world.globalItems.values()][0]!;
    expect(g.models.map((m) => m.stock)).toEqual([11, 5]);
  });

  it('refuses a global price outside the merchant currency, before any call', async () => {
    const r = await adapter.listings.upsert(listing('MUG-2', { price: { amount: '12.90', currency: 'SGD' }, variants: [], optionNames: [] }));
    expect(r.status).toBe('invalid');
    expect(r.issues[0]!.message).toMatch(/prices in CNY/);
  });

  it('orders come from every shop of the merchant', async () => {
    const a = seedOrder(world, { shopId: SG_SHOP, createdAt: Date.now() - 60_000 });
    const b = seedOrder(world, { shopId: MY_SHOP, createdAt: Date.now() - 60_000, lines: [{ price: 25.5 }] });
    const orders = await adapter.orders.list({ updatedSince: new Date(Date.now() - 3600_000) }).toArray({ max: 50 });
    expect(orders.map((o) => [o.id, o.store])).toEqual([[a.wire.order_sn, String(SG_SHOP)], [b.wire.order_sn, String(MY_SHOP)]]);
    expect(orders[1]!.lines[0]!.unitPrice).toEqual({ amount: 2550, currency: 'MYR' });
  });
});

describe('merchant-level signing', () => {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => nock.cleanAll());

  it('signs partner_id + path + timestamp + access_token + merchant_id and sends merchant_id, not shop_id', async () => {
    const now = Date.UTC(2026, 0, 5);
    const token = 'merchant-access-token-0000000000';
    const store = new TestTokenStore({ [tokenKey(2001887, { kind: 'merchant', id: MERCHANT })]: { accessToken: token, refreshToken: 'r'.repeat(32), expiresAt: now + 3600_000, version: 1 } });
    const a = shopee({ region: 'SG', partnerId: 2001887, partnerKey: 'merchant-key', merchantId: MERCHANT, shopIds: [SG_SHOP], tokens: store, clock: new TestClock(now) });
    const scope = nock('https://partner.shopeemobile.com')
      .get('/api/v2/global_product/get_global_item_list')
      .query((q) => q.shop_id === undefined && q.page_size === '50' && signedQuery(q, { partnerId: 2001887, path: '/api/v2/global_product/get_global_item_list', partnerKey: 'merchant-key', accessToken: token, merchantId: MERCHANT, timestamp: now / 1000 }))
      .reply(200, { error: '', message: '', request_id: 'm', response: { global_item_list: [], has_next_page: false } });
    const r = await a.raw.merchant!.get_global_item_list({ query: { page_size: 50 } });
    expect(r.data.response.global_item_list).toEqual([]);
    scope.done();
  });
});
