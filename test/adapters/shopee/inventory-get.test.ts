/**
 * inventory.get on the wire (issue 26.3): SKU locations from the shop's SKU index, then seller_stock
 * (the figure update_stock writes) from get_item_base_info, ≤50 item ids per call, and one
 * get_model_list per item with models (specs/shopee/v2.product.get_item_base_info.json,
 * v2.product.get_model_list.json).
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { MemorySkuIndexStore, type SkuIndexSnapshot } from '../../../adapters/shopee/sku-catalog.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { okEnvelope, shopQuery, signedQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'stock-read-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-read-0000000000000';
const NOW = Date.UTC(2026, 11, 5, 6, 0, 0);
const P = '/api/v2/product';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const q = shopQuery({ partnerId: PID, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: NOW / 1000 });
const ok = okEnvelope;
const stockV2 = (seller: number, reserved = 0) => ({ summary_info: { total_reserved_stock: reserved, total_available_stock: seller - reserved }, seller_stock: [{ location_id: '', stock: seller, if_saleable: true }], shopee_stock: [{ location_id: '', stock: 7 }] });
const baseInfo = (ids: number[], items: object[]) =>
  nock(HOST).get(`${P}/get_item_base_info`).query(q(`${P}/get_item_base_info`, (x) => x.item_id_list === ids.join(','))).reply(200, ok({ item_list: items }));
const modelList = (itemId: number) => nock(HOST).get(`${P}/get_model_list`).query(q(`${P}/get_model_list`, (x) => x.item_id === String(itemId)));
const plainItem = (id: number, sku: string, stock: number, extra: object = {}) => ({ item_id: id, item_sku: sku, item_status: 'NORMAL', has_model: false, stock_info_v2: stockV2(stock), ...extra });

/** 60 single items (M-0..M-59 on items 1000..1059) and two items with models (TEE on 200, CAP on 300). */
const SNAPSHOT: SkuIndexSnapshot = {
  syncedTo: NOW / 1000 - 60,
  skus: {
    ...Object.fromEntries(Array.from({ length: 60 }, (_, i) => [`M-${i}`, { itemId: 1000 + i, modelId: 0, hasModel: false }])),
    TEE: { itemId: 200, modelId: 0, hasModel: true }, 'TEE-S': { itemId: 200, modelId: 21, hasModel: true }, 'TEE-M': { itemId: 200, modelId: 22, hasModel: true },
    'CAP-X': { itemId: 300, modelId: 31, hasModel: true },
  },
};

async function adapterWith(snapshot: SkuIndexSnapshot = SNAPSHOT, extra: object = {}) {
  const skuIndex = new MemorySkuIndexStore();
  await skuIndex.save(`shopee:${PID}:shop:${SHOP}`, structuredClone(snapshot));
  const tokens = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens, clock: new TestClock(NOW), skuIndex, retry: { baseDelayMs: 1, maxDelayMs: 2 }, ...extra });
}

describe('Shopee inventory.get', () => {
  it('63 SKUs on 62 items: exactly 2 get_item_base_info (50 + 10 ids) and one get_model_list per item with models; seller_stock answered', async () => {
    const a = await adapterWith();
    const ids = Array.from({ length: 60 }, (_, i) => 1000 + i);
    const scopes = [
      baseInfo(ids.slice(0, 50), ids.slice(0, 50).map((id) => plainItem(id, `M-${id - 1000}`, id - 1000))),
      baseInfo(ids.slice(50), ids.slice(50).map((id) => plainItem(id, `M-${id - 1000}`, id - 1000))),
      modelList(200).reply(200, ok({ tier_variation: [], model: [
        // seller_stock includes the reserved stock: 5 set, 2 reserved → 5 (not total_available_stock 3, not shopee_stock 7).
        { model_id: 21, model_sku: 'TEE-S', tier_index: [0], stock_info_v2: stockV2(5, 2) },
        { model_id: 22, model_sku: 'TEE-M', tier_index: [1], stock_info_v2: stockV2(0) },
        { model_id: 23, model_sku: 'TEE-L', tier_index: [2], stock_info_v2: stockV2(9) },
      ] })),
      modelList(300).reply(200, ok({ tier_variation: [], model: [{ model_id: 31, model_sku: 'CAP-X', tier_index: [0], stock_info_v2: stockV2(4) }] })),
    ];
    const refs = [{ sku: 'TEE-S' }, ...Array.from({ length: 60 }, (_, i) => ({ sku: `M-${i}` })), { sku: 'CAP-X' }, { sku: 'TEE-M' }];
    const levels = await a.inventory.get(refs);
    expect(levels).toEqual([{ sku: 'TEE-S', quantity: 5 }, ...Array.from({ length: 60 }, (_, i) => ({ sku: `M-${i}`, quantity: i })), { sku: 'CAP-X', quantity: 4 }, { sku: 'TEE-M', quantity: 0 }]);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('unknown, stale, deleted and parent SKUs are left out; a store named on the ref is echoed, duplicates answered once', async () => {
    const a = await adapterWith();
    const scopes = [
      // GHOST is not in the saved index: one incremental sync (items updated since it, less the overlap) decides.
      nock(HOST).get(`${P}/get_item_list`).query(q(`${P}/get_item_list`, (x) => x.update_time_from === String(NOW / 1000 - 60 - 120))).reply(200, ok({ item: [], total_count: 0, has_next_page: false })),
      baseInfo([1000, 1001, 1002], [
        plainItem(1000, 'M-0', 3),
        plainItem(1001, 'OTHER', 8), // the index is stale: item 1001 carries another SKU now
        plainItem(1002, 'M-2', 6, { item_status: 'SELLER_DELETE' }),
      ]),
      modelList(200).reply(200, { error: 'error_item_not_found', message: 'Item_id is not found.', request_id: 'r-2' }),
    ];
    const levels = await a.inventory.get([{ sku: 'M-0', store: String(SHOP) }, { sku: 'GHOST' }, { sku: 'M-1' }, { sku: 'M-2' }, { sku: 'TEE' }, { sku: 'TEE-S' }, { sku: 'M-0', store: String(SHOP) }]);
    expect(levels).toEqual([{ sku: 'M-0', store: String(SHOP), quantity: 3 }]);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a shop with several warehouses answers the stock of the location inventory.set writes', async () => {
    const a = await adapterWith(SNAPSHOT, { stockLocations: { [String(SHOP)]: 'SGZ' } });
    const scope = baseInfo([1000], [plainItem(1000, 'M-0', 0, { stock_info_v2: { seller_stock: [{ location_id: 'SGA', stock: 20 }, { location_id: 'SGZ', stock: 3 }] } })]);
    expect(await a.inventory.get([{ sku: 'M-0' }])).toEqual([{ sku: 'M-0', quantity: 3 }]);
    scope.done();
  });

  it('an error answer throws the typed error (nothing partial)', async () => {
    const a = await adapterWith();
    const failing = nock(HOST).get(`${P}/get_item_base_info`).query(q(`${P}/get_item_base_info`)).reply(200, { error: 'error_param', message: 'parameter invalid', request_id: 'r-3' });
    const err = await a.inventory.get([{ sku: 'M-0' }]).catch((e) => e);
    expect(err).toMatchObject({ code: 'MARKETPLACE_REJECTED', marketplace: 'shopee', operation: 'get_item_base_info', errors: [{ code: 'error_param', message: 'parameter invalid' }] });
    failing.done();
  });

  it('honours the signal: aborted before, nothing goes out; aborted in flight, the call stops with ABORTED', async () => {
    const a = await adapterWith();
    const before = new AbortController();
    before.abort();
    await expect(a.inventory.get([{ sku: 'M-0' }], { signal: before.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    await expect(a.inventory.get([{ sku: 'TEE' }], { signal: before.signal })).rejects.toMatchObject({ code: 'ABORTED' }); // needs no call at all
    const during = new AbortController();
    const scope = nock(HOST).get(`${P}/get_item_base_info`).query(q(`${P}/get_item_base_info`)).reply(() => {
      during.abort();
      return new Promise<never>(() => undefined); // never answers: only the abort ends the call
    });
    await expect(a.inventory.get([{ sku: 'M-0' }], { signal: during.signal })).rejects.toMatchObject({ code: 'ABORTED' });
    scope.done();
  });

  it('bad refs are a ValidationError naming the ref before any call; no refs, no call', async () => {
    const a = await adapterWith();
    await expect(a.inventory.get([{ sku: 'M-0' }, { sku: '' }])).rejects.toMatchObject({ code: 'VALIDATION', path: expect.stringContaining('refs[1]') });
    await expect(a.inventory.get([{ sku: 'M-0', store: '999' }])).rejects.toMatchObject({ code: 'VALIDATION', path: 'refs[0].store' });
    expect(await a.inventory.get([])).toEqual([]);
  });
});

describe('Shopee inventory.get on a CNSC merchant (global products)', () => {
  const M = 1000000;
  const SG = 601306294;
  const MY = 601306295;
  const G = '/api/v2/global_product';
  const mq = (path: string, extra: (x: Record<string, any>) => boolean = () => true) => (x: Record<string, any>) =>
    signedQuery(x, { partnerId: PID, path, partnerKey: KEY, accessToken: TOKEN, merchantId: M, timestamp: NOW / 1000 }) && extra(x);
  const info = (ids: string) => nock(HOST).get(`${G}/get_global_item_info`).query(mq(`${G}/get_global_item_info`, (x) => x.global_item_id_list === ids));
  const seller = (normal: number, reserved = 0) => [{ stock_type: 2, stock_location_id: '', normal_stock: normal, reserved_stock: reserved }, { stock_type: 1, normal_stock: 40, reserved_stock: 0 }];

  async function merchant() {
    const skuIndex = new MemorySkuIndexStore();
    await skuIndex.save(`shopee:${PID}:merchant:${M}`, { syncedTo: NOW / 1000 - 60, skus: { BOWL: { itemId: 801, modelId: 0, hasModel: false }, GONE: { itemId: 803, modelId: 0, hasModel: false }, 'GMUG-W': { itemId: 802, modelId: 8021, hasModel: true } } });
    const tokens = new TestTokenStore(Object.fromEntries([{ kind: 'merchant' as const, id: M }, { kind: 'shop' as const, id: SG }, { kind: 'shop' as const, id: MY }].map((o) => [tokenKey(PID, o), { accessToken: TOKEN, refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 }])));
    return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, merchantId: M, shopIds: [SG, { shopId: MY, region: 'MY' }], merchantCurrency: 'CNY', tokens, clock: new TestClock(NOW), skuIndex, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
  }

  it('seller-on-hand normal_stock (stock_type 2) per global item or model, read once for all shops; a list refused for a deleted item is read item by item, the refused one left out', async () => {
    const a = await merchant();
    const scopes = [
      // The global index confirms each SKU not yet in memory with an incremental sync (global-index.ts locate), as for inventory.set.
      nock(HOST).get(`${G}/get_global_item_list`).query(mq(`${G}/get_global_item_list`, (x) => x.update_time_from === String(NOW / 1000 - 60 - 120)))
        .reply(200, ok({ global_item_list: [], total_count: 0, has_next_page: false })),
      nock(HOST).get(`${G}/get_global_item_list`).query(mq(`${G}/get_global_item_list`, (x) => x.update_time_from === String(NOW / 1000 - 120))).times(2)
        .reply(200, ok({ global_item_list: [], total_count: 0, has_next_page: false })),
      // "You can only query global product with normal status, otherwise api will return error" (get_global_item_info global_item_status).
      info('801,803').reply(200, { error: 'error_invalid_global_item_id', message: 'Invalid global_item_id.', request_id: 'r-4' }),
      info('801').reply(200, ok({ global_item_list: [{ global_item_id: 801, global_item_sku: 'BOWL', has_model: false, stock_info: seller(6, 1) }] })),
      info('803').reply(200, { error: 'error_invalid_global_item_id', message: 'Invalid global_item_id.', request_id: 'r-5' }),
      nock(HOST).get(`${G}/get_global_model_list`).query(mq(`${G}/get_global_model_list`, (x) => x.global_item_id === '802'))
        .reply(200, ok({ tier_variation: [], global_model: [{ global_model_id: 8021, global_model_sku: 'GMUG-W', tier_index: [0], stock_info: seller(3) }] })),
    ];
    // One global figure for every shop: GMUG-W named on both shops is read once.
    const refs = [{ sku: 'BOWL' }, { sku: 'GONE' }, { sku: 'GMUG-W', store: String(SG) }, { sku: 'GMUG-W', store: String(MY) }];
    expect(await a.inventory.get(refs)).toEqual([{ sku: 'BOWL', quantity: 6 }, { sku: 'GMUG-W', store: String(SG), quantity: 3 }, { sku: 'GMUG-W', store: String(MY), quantity: 3 }]);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });
});
