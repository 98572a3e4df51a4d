import { afterEach, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { imageUrl, shopSandbox, type SandboxSetup, TestClock } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

function bigListing(url: string, sku: string, variants: number): ListingInput {
  return {
    sku, title: 'Sticker pack', description: 'Many designs', price: { amount: '2.50', currency: 'SGD' }, quantity: 0, images: [imageUrl(url, sku)],
    package: { weight: { value: 10, unit: 'g' } }, marketplace: { shopee: { categoryId: 100001 } },
    optionNames: ['design', 'size'],
    variants: Array.from({ length: variants }, (_, i) => ({ sku: `${sku}-${i}`, options: { design: `D${Math.floor(i / 2)}`, size: i % 2 ? 'L' : 'S' }, quantity: 1 })),
  };
}

describe('inventory.set', () => {
  it('batches models of one item into ≤50 per update_stock call, latest value wins, reserved stock respected', async () => {
    s = await shopSandbox({ clock: new TestClock(Date.now()) });
    await s.adapter.listings.upsert(bigListing(s.url, 'STK', 50));
    await s.adapter.listings.upsert({ ...bigListing(s.url, 'MONO', 0), optionNames: [], variants: [], quantity: 3 });
    s.world.setReserved('STK-7', 4);
    const before = s.sb.requests.shopee!.length;
    const updates = [
      ...Array.from({ length: 50 }, (_, i) => ({ sku: `STK-${i}`, quantity: 10 + i })),
      { sku: 'STK-3', quantity: 99 },
      { sku: 'STK-7', quantity: 1 },
      { sku: 'MONO', quantity: 12, price: { amount: 300, currency: 'SGD' } },
      { sku: 'GHOST', quantity: 1 },
    ];
    const res = await s.adapter.inventory.set(updates);
    expect(res).toHaveLength(52);
    expect(res.find((r) => r.sku === 'STK-3')).toEqual({ sku: 'STK-3', ok: true, appliedQuantity: 99 });
    expect(res.find((r) => r.sku === 'STK-7')).toMatchObject({ ok: true, appliedQuantity: 4, warning: expect.stringMatching(/reserved/) });
    expect(res.find((r) => r.sku === 'MONO')).toEqual({ sku: 'MONO', ok: true, appliedQuantity: 12 });
    expect(res.find((r) => r.sku === 'GHOST')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const item = s.world.itemsBySku('STK')[0]!;
    expect(item.models.find((m) => m.model_sku === 'STK-3')!.stock).toBe(99);
    expect(item.models.find((m) => m.model_sku === 'STK-7')!.stock).toBe(4);
    expect(s.world.itemsBySku('MONO')[0]).toMatchObject({ stock: 12, price: 3 });
    const writes = s.sb.requests.shopee!.slice(before).filter((r) => /update_stock|update_price/.test(r.path)).map((r) => r.path.split('/').pop());
    // STK's 50 models in one call; STK-7, refused for its reserved stock, once more raised; MONO's stock and price (items run side by side).
    expect(writes.sort()).toEqual(['update_price', 'update_stock', 'update_stock', 'update_stock']);
  });

  it('a model Shopee still refuses after the raise is reported; the rest of the batch goes through', async () => {
    let stockWrites = 0;
    s = await shopSandbox({ adapter: { hooks: { onRequest: (e) => void (e.operation === 'update_stock' && stockWrites++) } } });
    await s.adapter.listings.upsert(bigListing(s.url, 'PK', 4));
    // Reserved stock grows between our read and the second write (another order comes in): Shopee refuses that model again.
    const item = s.world.itemsBySku('PK')[0]!;
    Object.defineProperty(item.models[1]!, 'reserved', { get: () => (stockWrites >= 2 ? 50 : 10), configurable: true });
    const res = await s.adapter.inventory.set([{ sku: 'PK-0', quantity: 5 }, { sku: 'PK-1', quantity: 5 }, { sku: 'PK-2', quantity: 5 }]);
    expect(res.map((r) => r.ok)).toEqual([true, false, true]);
    expect(res[1]).toMatchObject({ warning: 'stock cannot go below reserved stock', error: { code: 'MARKETPLACE_REJECTED' } });
    expect(item.models.map((m) => m.stock)).toEqual([5, 1, 5, 1]);
    expect(stockWrites).toBe(2);
  });
});
