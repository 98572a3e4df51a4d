/**
 * inventory.set call cost on the wire (issue 26): SKU locations come from the shop's SKU index, so a
 * push is one update_stock per item (≤50 models each, specs/shopee/v2.product.update_stock.json);
 * reserved figures are read only when Shopee refuses a model for them; an item answered
 * error_item_not_found is looked up once more and sent once more.
 */
import nock from 'nock';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { shopee } from '../../../adapters/shopee/index.js';
import { MemorySkuIndexStore, type SkuIndexSnapshot } from '../../../adapters/shopee/sku-catalog.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { okEnvelope, shopQuery, TestClock, TestTokenStore } from './helpers.js';

const HOST = 'https://partner.shopeemobile.com';
const PID = 2001887;
const KEY = 'stock-test-partner-key';
const SHOP = 14701711;
const TOKEN = 'access-token-stock-000000000000';
const NOW = Date.UTC(2026, 11, 5, 5, 0, 0);
const P = '/api/v2/product';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

const q = shopQuery({ partnerId: PID, partnerKey: KEY, accessToken: TOKEN, shopId: SHOP, timestamp: NOW / 1000 });
const ok = okEnvelope;
const stocked = (list: Array<[number, number]>) => ok({ failure_list: [], success_list: list.map(([model_id, stock]) => ({ model_id, location_id: '', stock })) });
const stockBody = (itemId: number, list: Array<[number, number]>) => ({ item_id: itemId, stock_list: list.map(([model_id, stock]) => ({ model_id, seller_stock: [{ stock }] })) });
const updateStock = (itemId: number, list: Array<[number, number]>) => nock(HOST).post(`${P}/update_stock`, stockBody(itemId, list)).query(q(`${P}/update_stock`));

/** The shop's persistent SKU index as a previous process left it. */
const SNAPSHOT: SkuIndexSnapshot = {
  syncedTo: NOW / 1000 - 3600,
  skus: { MONO: { itemId: 100, modelId: 0, hasModel: false }, 'TEE-S': { itemId: 200, modelId: 21, hasModel: true }, 'TEE-M': { itemId: 200, modelId: 22, hasModel: true } },
};

async function adapterWith(snapshot?: SkuIndexSnapshot) {
  const skuIndex = new MemorySkuIndexStore();
  if (snapshot) await skuIndex.save(`shopee:${PID}:shop:${SHOP}`, structuredClone(snapshot));
  const tokens = new TestTokenStore({ [tokenKey(PID, { kind: 'shop', id: SHOP })]: { accessToken: TOKEN, refreshToken: 'r'.repeat(32), expiresAt: NOW + 3600_000, version: 1 } });
  return shopee({ region: 'SG', partnerId: PID, partnerKey: KEY, shopId: SHOP, tokens, clock: new TestClock(NOW), skuIndex, retry: { baseDelayMs: 1, maxDelayMs: 2 } });
}

const PUSH = [{ sku: 'MONO', quantity: 4 }, { sku: 'TEE-S', quantity: 2 }, { sku: 'TEE-M', quantity: 0 }];
const DONE = [{ sku: 'MONO', ok: true, appliedQuantity: 4 }, { sku: 'TEE-S', ok: true, appliedQuantity: 2 }, { sku: 'TEE-M', ok: true, appliedQuantity: 0 }];

describe('Shopee inventory.set: one update_stock per item', () => {
  it('with the persistent SKU index, 3 SKUs on 2 items are exactly 2 update_stock calls, push after push', async () => {
    const a = await adapterWith(SNAPSHOT);
    for (let round = 0; round < 2; round++) {
      const scopes = [updateStock(100, [[0, 4]]).reply(200, stocked([[0, 4]])), updateStock(200, [[21, 2], [22, 0]]).reply(200, stocked([[21, 2], [22, 0]]))];
      expect(await a.inventory.set(PUSH)).toEqual(DONE);
      for (const s of scopes) s.done();
      expect(nock.pendingMocks()).toEqual([]);
    }
  });

  it('items go out side by side: the second item is sent before the first one answers', async () => {
    const a = await adapterWith(SNAPSHOT);
    let second!: () => void;
    const secondArrived = new Promise<void>((resolve) => (second = resolve));
    // Item 100 answers only once item 200's call has arrived: one item at a time would never finish.
    updateStock(100, [[0, 4]]).reply(async () => {
      await secondArrived;
      return [200, stocked([[0, 4]])];
    });
    updateStock(200, [[21, 2], [22, 0]]).reply(() => {
      second();
      return [200, stocked([[21, 2], [22, 0]])];
    });
    expect(await a.inventory.set(PUSH)).toEqual(DONE);
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('without an index yet: one index sync for all SKUs (no search_item per SKU), then one update_stock per item', async () => {
    const a = await adapterWith();
    const scopes = [
      nock(HOST).get(`${P}/get_item_list`).query(q(`${P}/get_item_list`, (x) => x.offset === '0' && x.page_size === '100'))
        .reply(200, ok({ item: [{ item_id: 100, item_status: 'NORMAL' }, { item_id: 200, item_status: 'NORMAL' }], total_count: 2, has_next_page: false })),
      nock(HOST).get(`${P}/get_item_base_info`).query(q(`${P}/get_item_base_info`, (x) => x.item_id_list === '100,200'))
        .reply(200, ok({ item_list: [{ item_id: 100, item_sku: 'MONO', item_status: 'NORMAL', has_model: false }, { item_id: 200, item_sku: 'TEE', item_status: 'NORMAL', has_model: true }] })),
      nock(HOST).get(`${P}/get_model_list`).query(q(`${P}/get_model_list`, (x) => x.item_id === '200'))
        .reply(200, ok({ tier_variation: [], model: [{ model_id: 21, model_sku: 'TEE-S', tier_index: [0] }, { model_id: 22, model_sku: 'TEE-M', tier_index: [1] }] })),
      updateStock(100, [[0, 4]]).reply(200, stocked([[0, 4]])),
      updateStock(200, [[21, 2], [22, 0]]).reply(200, stocked([[21, 2], [22, 0]])),
    ];
    expect(await a.inventory.set(PUSH)).toEqual(DONE);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('a stale location (item deleted, SKU relisted): error_item_not_found → exactly one lookup → the SKU is sent once more', async () => {
    const a = await adapterWith(SNAPSHOT);
    const scopes = [
      updateStock(100, [[0, 4]]).reply(200, { error: 'error_item_not_found', message: 'Item_id is not found.', request_id: 'r-2' }),
      updateStock(200, [[21, 2], [22, 0]]).reply(200, stocked([[21, 2], [22, 0]])),
      nock(HOST).get(`${P}/search_item`).query(q(`${P}/search_item`, (x) => x.item_sku === 'MONO')).reply(200, ok({ item_id_list: [300], total_count: 1 })),
      nock(HOST).get(`${P}/get_item_base_info`).query(q(`${P}/get_item_base_info`, (x) => x.item_id_list === '300'))
        .reply(200, ok({ item_list: [{ item_id: 300, item_sku: 'MONO', item_status: 'NORMAL', has_model: false }] })),
      updateStock(300, [[0, 4]]).reply(200, stocked([[0, 4]])),
    ];
    expect(await a.inventory.set(PUSH)).toEqual(DONE);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
    // The new location is kept: the next push goes straight to item 300.
    const next = updateStock(300, [[0, 3]]).reply(200, stocked([[0, 3]]));
    expect(await a.inventory.set([{ sku: 'MONO', quantity: 3 }])).toEqual([{ sku: 'MONO', ok: true, appliedQuantity: 3 }]);
    next.done();
  });

  it('stock below the reserved stock: refused, the reserved figure read once, the model sent again raised (reported)', async () => {
    const a = await adapterWith(SNAPSHOT);
    const scopes = [
      updateStock(200, [[21, 2], [22, 0]]).reply(200, ok({
        failure_list: [{ model_id: 22, failed_reason: 'Can not update item with stock less than reserved stock' }], success_list: [{ model_id: 21, location_id: '', stock: 2 }],
      })),
      nock(HOST).get(`${P}/get_model_list`).query(q(`${P}/get_model_list`, (x) => x.item_id === '200')).reply(200, ok({ tier_variation: [], model: [
        { model_id: 21, model_sku: 'TEE-S', tier_index: [0], stock_info_v2: { summary_info: { total_reserved_stock: 0 } } },
        { model_id: 22, model_sku: 'TEE-M', tier_index: [1], stock_info_v2: { summary_info: { total_reserved_stock: 3 }, shopee_stock: [{ stock: 1 }] } },
      ] })),
      updateStock(200, [[22, 2]]).reply(200, stocked([[22, 2]])),
    ];
    const res = await a.inventory.set(PUSH.slice(1));
    expect(res).toEqual([
      { sku: 'TEE-S', ok: true, appliedQuantity: 2 },
      { sku: 'TEE-M', ok: true, appliedQuantity: 2, warning: 'Shopee keeps 2 unit(s) reserved; stock set to 2 instead of 0' },
    ]);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });

  it('an unknown SKU and a refused item fail alone, each with its cause; the other item goes through', async () => {
    const a = await adapterWith({ ...SNAPSHOT, syncedTo: NOW / 1000 - 60 });
    const scopes = [
      // GHOST is not in the saved index: one incremental sync (items updated since it, less the overlap) decides.
      nock(HOST).get(`${P}/get_item_list`).query(q(`${P}/get_item_list`, (x) => x.update_time_from === String(NOW / 1000 - 60 - 120))).reply(200, ok({ item: [], total_count: 0, has_next_page: false })),
      updateStock(100, [[0, 4]]).reply(200, { error: 'error_item_uneditable', message: "Can't edit this item. item status can not support editing.", request_id: 'r-3' }),
      updateStock(200, [[21, 2], [22, 0]]).reply(200, stocked([[21, 2], [22, 0]])),
    ];
    const res = await a.inventory.set([...PUSH, { sku: 'GHOST', quantity: 1 }]);
    expect(res.map((r) => [r.sku, r.ok, r.error?.code])).toEqual([['MONO', false, 'MARKETPLACE_REJECTED'], ['TEE-S', true, undefined], ['TEE-M', true, undefined], ['GHOST', false, 'NOT_FOUND']]);
    expect(res[0]!.error!.errors).toEqual([{ code: 'error_item_uneditable', message: "Can't edit this item. item status can not support editing." }]);
    for (const s of scopes) s.done();
    expect(nock.pendingMocks()).toEqual([]);
  });
});
