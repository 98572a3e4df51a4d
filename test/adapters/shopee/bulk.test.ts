import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { fileImageCache, shopee } from '../../../adapters/shopee/index.js';
import { imageUrl, PARTNER, shopSandbox, SHOP_ID, TIME_SCALE, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
let dir: string | undefined;
afterEach(async () => {
  await s?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  s = undefined;
  dir = undefined;
});

const listing = (url: string, sku: string, over: Partial<ListingInput> = {}): ListingInput => ({
  sku, title: `Bulk ${sku}`, price: { amount: '5.00', currency: 'SGD' }, quantity: 2, images: [imageUrl(url, 'shared')],
  package: { weight: { value: 0.1, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001 } }, ...over,
});

describe('listings.bulkUpsert', () => {
  it('gives exactly one result per SKU, in order, and keeps going past failures', async () => {
    s = await shopSandbox();
    const onProgress = vi.fn();
    const url = s.url;
    const batch: ListingInput[] = [
      listing(url, 'B-1'),
      listing(url, 'B-2', { marketplace: { shopee: { categoryId: 100002 } } }), // Shopee: mandatory attribute missing
      listing(url, 'B-3', { price: { amount: '5.00', currency: 'EUR' } }), // wrong currency: refused before add_item
      { sku: 'B-4', title: '' } as unknown as ListingInput, // invalid input: ValidationError
      listing(url, 'B-5'),
    ];
    const results = await s.adapter.listings.bulkUpsert(batch, { onProgress, idempotencyKey: 'bulk-1' });
    expect(results.map((r) => [r.sku, r.ok, r.ok ? r.result.status : r.error.code])).toEqual([
      ['B-1', true, 'active'], ['B-2', true, 'invalid'], ['B-3', true, 'invalid'], ['B-4', false, 'VALIDATION'], ['B-5', true, 'active'],
    ]);
    expect(onProgress).toHaveBeenLastCalledWith({ done: 5, failed: 1, total: 5, sku: expect.any(String) });
    // One shared image, uploaded once for the whole batch.
    expect(s.world.counters.uploads).toBe(1);
    expect(s.world.counters.addItem).toBe(2);
  });

  it('a re-run with a file image cache does not upload again', async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'xborder-img-'));
    const cache = path.join(dir, 'images.json');
    s = await shopSandbox({ adapter: { imageCache: fileImageCache(cache) } });
    await s.adapter.listings.upsert(listing(s.url, 'RUN-1'));
    expect(s.world.counters.uploads).toBe(1);
    // "Next run": a new adapter instance, same cache file.
    const again = shopee({
      region: 'SG', partnerId: PARTNER.partnerId, partnerKey: PARTNER.partnerKey, shopId: SHOP_ID, tokens: s.store, endpoint: s.url, logisticIds: [18025],
      timeScale: TIME_SCALE, imageCache: fileImageCache(cache),
    });
    await again.listings.upsert(listing(s.url, 'RUN-2'));
    expect(s.world.counters.uploads).toBe(1);
    expect(s.world.itemsBySku('RUN-2')[0]!.image_id_list).toEqual(s.world.itemsBySku('RUN-1')[0]!.image_id_list);
  });
});
