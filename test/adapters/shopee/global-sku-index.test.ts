import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConflictError } from '../../../src/errors/index.js';
import { startSandbox, type RunningSandbox } from '../../../src/sandbox/index.js';
import type { SkuIndexStore } from '../../../adapters/shopee/sku-catalog.js';
import { fileSkuIndexStore, shopee } from '../../../adapters/shopee/index.js';
import { shopeeSandbox, type ShopeeSandboxState } from '../../../adapters/shopee/sandbox/index.js';
import type { SandboxGlobalItem } from '../../../adapters/shopee/sandbox/state.js';
import { tokenKey } from '../../../adapters/shopee/tokens.js';
import { imageUrl, PARTNER, TestClock, TIME_SCALE, TestTokenStore } from './helpers.js';

const MERCHANT = 1000000;
/** A first full scan of 2,500 global items is ~180 loopback calls: room for a loaded CI machine. */
const SCAN_TIMEOUT_MS = 60_000;
const SG_SHOP = 601306294;

interface Setup { sb: RunningSandbox; world: ShopeeSandboxState; url: string; tokens: TestTokenStore; clock: TestClock }
let s: Setup | undefined;
let dir: string | undefined;
afterEach(async () => {
  await s?.sb.close();
  s = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

async function merchantSandbox(): Promise<Setup> {
  const module = shopeeSandbox({ merchants: [{ merchantId: MERCHANT, shopIds: [SG_SHOP], currency: 'CNY' }], shops: [{ shopId: SG_SHOP, region: 'SG' }] });
  const clock = new TestClock(Date.now());
  const sb = await startSandbox({ marketplaces: { shopee: module }, timeScale: TIME_SCALE, clock });
  const world = module.state;
  const pair = world.grant(PARTNER.partnerId, [{ kind: 'merchant', id: MERCHANT }, { kind: 'shop', id: SG_SHOP }]);
  const tokens = new TestTokenStore({
    [tokenKey(PARTNER.partnerId, { kind: 'merchant', id: MERCHANT })]: { ...pair, version: 1 },
    [tokenKey(PARTNER.partnerId, { kind: 'shop', id: SG_SHOP })]: { ...pair, version: 1 },
  });
  return { sb, world, url: sb.urls.shopee!, tokens, clock };
}

function adapter(setup: Setup, over: { skuIndex?: SkuIndexStore; retries?: number } = {}) {
  return shopee({
    region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, merchantId: MERCHANT, shopIds: [SG_SHOP], merchantCurrency: 'CNY',
    tokens: setup.tokens, endpoint: setup.url, logisticIds: [18025], timeScale: TIME_SCALE, clock: setup.clock,
    retry: { retries: over.retries ?? 3, baseDelayMs: 1, maxDelayMs: 5 }, publishPoll: { intervalMs: 5, attempts: 20 },
    ...(over.skuIndex ? { skuIndex: over.skuIndex } : {}),
  });
}

/** A large merchant: `n` global items, every 100th (and the last 20) with two global models. */
function seedMerchant(world: ShopeeSandboxState, n: number): void {
  const now = world.nowSeconds() - 86400;
  const withModels = (i: number) => i % 100 === 0 || i >= n - 20;
  for (let i = 0; i < n; i++) {
    const id = 700_000 + i;
    const g: SandboxGlobalItem = {
      merchantId: MERCHANT, global_item_id: id, global_item_name: `Global ${i}`, description: 'd', global_item_sku: `GBIG-${i}`, category_id: 100001,
      price: 10, stock: 5, reserved: 0, image_id_list: ['img'], update_time: now + i, published: [],
      models: !withModels(i) ? [] : [0, 1].map((k) => ({ global_model_id: id * 10 + k, global_model_sku: `GBIG-${i}-${k ? 'L' : 'S'}`, tier_index: [k], price: 10, stock: 1, reserved: 0 })),
    };
    world.globalItems.set(id, g);
  }
}

const listing = (url: string, sku: string) => ({
  sku, title: `Listing ${sku}`, price: { amount: '59.90', currency: 'CNY' }, quantity: 4, images: [imageUrl(url, sku)], handlingTimeDays: 3,
  package: { weight: { value: 0.2, unit: 'kg' as const } }, marketplace: { shopee: { categoryId: 100001 } },
});
const calls = (setup: Setup, api: string) => setup.sb.requests.shopee!.filter((r) => r.path.endsWith(`/${api}`)).length;
const globalsBySku = (world: ShopeeSandboxState, sku: string) => [...world.globalItems.values()].filter((g) => g.global_item_sku === sku);

describe('CNSC global SKU lookups use the persistent index (issue 15.5)', () => {
  it('a global item beyond the first 2,000 is found and updated, never created twice', async () => {
    s = await merchantSandbox();
    seedMerchant(s.world, 2500);
    const r = await adapter(s).listings.upsert(listing(s.url, 'GBIG-2400'), { store: String(SG_SHOP) });
    expect(r).toMatchObject({ action: 'updated', marketplaceId: String(700_000 + 2400) });
    expect(s.world.counters.addGlobalItem).toBe(0);
    expect(globalsBySku(s.world, 'GBIG-2400')).toHaveLength(1);
  }, SCAN_TIMEOUT_MS);

  it('inventory.set finds a global model however deep in the merchant catalogue', async () => {
    s = await merchantSandbox();
    seedMerchant(s.world, 2500);
    const [res] = await adapter(s).inventory.set([{ sku: 'GBIG-2490-L', quantity: 7 }]);
    expect(res).toMatchObject({ sku: 'GBIG-2490-L', ok: true });
    expect(s.world.globalItems.get(700_000 + 2490)!.models[1]!.stock).toBe(7);
  }, SCAN_TIMEOUT_MS);

  it('the index persists: a new process refreshes it by update time instead of rescanning the merchant', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-global-skus-'));
    s = await merchantSandbox();
    seedMerchant(s.world, 300);
    await adapter(s, { skuIndex: fileSkuIndexStore(dir) }).inventory.set([{ sku: 'GBIG-290-S', quantity: 2 }]);
    const fullScan = calls(s, 'get_global_item_info');
    expect(fullScan).toBeGreaterThanOrEqual(15);
    const changed = s.world.globalItems.get(700_100)!;
    changed.models[0]!.global_model_sku = 'GBIG-100-RENAMED';
    changed.update_time = s.world.nowSeconds();
    const [res] = await adapter(s, { skuIndex: fileSkuIndexStore(dir) }).inventory.set([{ sku: 'GBIG-100-RENAMED', quantity: 3 }]);
    expect(res).toMatchObject({ ok: true });
    expect(changed.models[0]!.stock).toBe(3);
    // Only the global items updated since the last sync (the changed one, plus the overlap window) were read again.
    expect(calls(s, 'get_global_item_info') - fullScan).toBeLessThanOrEqual(2);
  });

  it('a lookup that cannot complete fails closed: a clear error and no add_global_item', async () => {
    s = await merchantSandbox();
    seedMerchant(s.world, 50);
    s.sb.faults.set({ rate5xx: 1, match: /get_global_item_list/ });
    const err = await adapter(s, { retries: 1 }).listings.upsert(listing(s.url, 'NEW-G1'), { store: String(SG_SHOP) }).catch((e) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect(err.message).toMatch(/Could not complete the lookup of SKU NEW-G1.*nothing was created/);
    expect(s.world.counters.addGlobalItem).toBe(0);
  });

  it('a deleted global item drops out of the index: the SKU is created again, once', async () => {
    s = await merchantSandbox();
    seedMerchant(s.world, 30);
    const a = adapter(s);
    await a.inventory.set([{ sku: 'GBIG-5', quantity: 1 }]);
    s.world.globalItems.delete(700_005);
    const r = await a.listings.upsert(listing(s.url, 'GBIG-5'), { store: String(SG_SHOP) });
    expect(r).toMatchObject({ action: 'created' });
    expect(s.world.counters.addGlobalItem).toBe(1);
  });
});
