import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors/index.js';
import { fileSkuIndexStore, shopee } from '../../../adapters/shopee/index.js';
import type { SandboxItem } from '../../../adapters/shopee/sandbox/state.js';
import { imageUrl, PARTNER, shopSandbox, SHOP_ID, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
let dir: string | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** A large shop: `n` items, every 100th (and the last 20) with two models; search_item lags so only the index can find them. */
const withModels = (i: number, n: number) => i % 100 === 0 || i >= n - 20;

function seedShop(setup: SandboxSetup, n: number): void {
  const now = setup.world.nowSeconds() - 86400;
  for (let i = 0; i < n; i++) {
    const id = 900_000 + i;
    const item: SandboxItem = {
      shopId: SHOP_ID, item_id: id, item_name: `Item ${i}`, description: 'd', item_sku: `BIG-${i}`, category_id: 100001, price: 10, stock: 5, reserved: 0, item_status: 'NORMAL',
      image_id_list: ['img'], attribute_list: [], weight: 0.2, create_time: now, update_time: now + i, searchableAt: Number.MAX_SAFE_INTEGER,
      tiers: withModels(i, n) ? [{ name: 'size', options: ['S', 'L'] }] : [],
      models: !withModels(i, n) ? [] : [0, 1].map((k) => ({ model_id: id * 10 + k, model_sku: `BIG-${i}-${k ? 'L' : 'S'}`, tier_index: [k], price: 10, stock: 1, reserved: 0 })),
    };
    setup.world.items.set(id, item);
  }
}

const listing = (url: string, sku: string) => ({
  sku, title: `Listing ${sku}`, price: { amount: '9.90', currency: 'SGD' }, quantity: 4, images: [imageUrl(url, sku)],
  package: { weight: { value: 0.2, unit: 'kg' as const } }, marketplace: { shopee: { categoryId: 100001 } },
});
const calls = (setup: SandboxSetup, api: string) => setup.sb.requests.shopee!.filter((r) => r.path.endsWith(`/${api}`)).length;

describe('SKU lookups in a large shop', () => {
  it('an item beyond the first 2,000 is found and updated, never created twice', async () => {
    s = await shopSandbox();
    seedShop(s, 2500);
    const r = await s.adapter.listings.upsert(listing(s.url, 'BIG-2400'));
    expect(r).toMatchObject({ action: 'updated', marketplaceId: String(900_000 + 2400) });
    expect(s.world.counters.addItem).toBe(0);
    expect(s.world.itemsBySku('BIG-2400')).toHaveLength(1);
  });

  it('inventory.set finds every model, however deep in the shop', async () => {
    s = await shopSandbox();
    seedShop(s, 2500);
    const [res] = await s.adapter.inventory.set([{ sku: 'BIG-2490-L', quantity: 7 }]);
    expect(res).toMatchObject({ sku: 'BIG-2490-L', ok: true });
    expect(s.world.items.get(900_000 + 2490)!.models[1]!.stock).toBe(7);
  });

  it('the index persists: a new process refreshes it by update time instead of rescanning the shop', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-skus-'));
    s = await shopSandbox({ adapter: { skuIndex: fileSkuIndexStore(dir) } });
    seedShop(s, 300);
    await s.adapter.inventory.set([{ sku: 'BIG-290-S', quantity: 2 }]);
    const fullScan = calls(s, 'get_item_base_info');
    expect(fullScan).toBeGreaterThanOrEqual(6);
    // A restart, and one item changed meanwhile.
    const changed = s.world.items.get(900_100)!;
    changed.models[0]!.model_sku = 'BIG-100-RENAMED';
    changed.update_time = s.world.nowSeconds();
    const fresh = shopee({
      region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: s.store, endpoint: s.url, timeScale: 1000,
      skuIndex: fileSkuIndexStore(dir), retry: { baseDelayMs: 1, maxDelayMs: 5 },
    });
    const [res] = await fresh.inventory.set([{ sku: 'BIG-100-RENAMED', quantity: 3 }]);
    expect(res).toMatchObject({ ok: true });
    expect(changed.models[0]!.stock).toBe(3);
    // Only the items updated since the last sync were read again (the changed one, plus the overlap window).
    expect(calls(s, 'get_item_base_info') - fullScan).toBeLessThanOrEqual(2);
  });

  it('a lookup that cannot complete fails closed: a clear error and no add_item', async () => {
    s = await shopSandbox({ adapter: { retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 } } });
    seedShop(s, 50);
    s.sb.faults.set({ rate5xx: 1, match: /get_item_list/ });
    const err = await s.adapter.listings.upsert(listing(s.url, 'NEW-1')).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/Could not complete the lookup of SKU NEW-1.*nothing was created/);
    expect(s.world.counters.addItem).toBe(0);
  });
});
