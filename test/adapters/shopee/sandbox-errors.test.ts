/**
 * Sandbox fidelity (DESIGN.md §7): the simulator answers a missing item with the code each endpoint
 * documents, so the adapter's handling of the real code is what these tests exercise.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { ListingInput } from '../../../src/model/listing.js';
import { cnscSandbox, imageUrl, shopSandbox, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const refused = (p: Promise<unknown>) => p.then(() => 'accepted', (e: Error) => e.message);

const mono = (url: string, sku: string): ListingInput => ({
  sku, title: 'Sticker', description: 'One design', price: { amount: '2.50', currency: 'SGD' }, quantity: 3, images: [imageUrl(url, sku)],
  package: { weight: { value: 10, unit: 'g' } }, marketplace: { shopee: { categoryId: 100001 } },
});

describe('Shopee sandbox errors are the documented ones', () => {
  it('update_stock on a deleted item answers error_item_not_found; the stale SKU location is looked up once more and the relisted item gets the stock', async () => {
    const failures: Array<{ operation: string; codes: string[] }> = [];
    s = await shopSandbox({ adapter: { hooks: { onError: (e) => void failures.push({ operation: e.operation, codes: ((e.error as { errors?: Array<{ code: string }> }).errors ?? []).map((x) => x.code) }) } } });
    await s.adapter.listings.upsert(mono(s.url, 'MONO'));
    expect((await s.adapter.inventory.set([{ sku: 'MONO', quantity: 4 }]))[0]).toMatchObject({ ok: true, appliedQuantity: 4 });
    // The seller deletes the item in Seller Center and lists the SKU again as a new item.
    const old = s.world.itemsBySku('MONO')[0]!;
    old.item_status = 'DELETED';
    const relisted = { ...structuredClone(old), item_id: s.world.nextId(), item_status: 'NORMAL', stock: 0 };
    s.world.items.set(relisted.item_id, relisted);

    const res = await s.adapter.inventory.set([{ sku: 'MONO', quantity: 7 }]);
    expect(res).toEqual([{ sku: 'MONO', ok: true, appliedQuantity: 7 }]);
    expect(s.world.items.get(relisted.item_id)!.stock).toBe(7);
    expect(old.stock).toBe(4);
    // "error_item_not_found: Item_id is not found." (specs/shopee/v2.product.update_stock.json error_list)
    expect(failures).toContainEqual({ operation: 'update_stock', codes: ['error_item_not_found'] });
  });

  it('update_item / delete_item / get_model_list / update_price on a missing item: error_item_not_found (each endpoint\'s error_list)', async () => {
    s = await shopSandbox();
    const raw = s.adapter.raw.shop();
    const gone = /^error_item_not_found: Item_id is not found\./;
    expect(await refused(raw.update_item({ body: { item_id: 42, item_name: 'x' } as never }))).toMatch(gone);
    expect(await refused(raw.delete_item({ body: { item_id: 42 } }))).toMatch(gone);
    expect(await refused(raw.get_model_list({ query: { item_id: 42 } }))).toMatch(gone);
    expect(await refused(raw.update_price({ body: { item_id: 42, price_list: [{ model_id: 0, original_price: 3 }] } }))).toMatch(gone);
  });

  it('global_product: an unknown item is error_busi_global_item_not_found, an unknown model error_busi_global_model_not_found', async () => {
    const { sb, world, adapter: a, close } = await cnscSandbox();
    try {
      const raw = a.raw.merchant!;
      expect(await refused(raw.get_global_model_list({ query: { global_item_id: 42 } }))).toMatch(/^error_busi_global_item_not_found: Global item not found\./);
      await a.listings.upsert({
        sku: 'MUG', title: 'Mug', price: { amount: '59.90', currency: 'CNY' }, quantity: 1, images: [imageUrl(sb.urls.shopee!, 'mug')], handlingTimeDays: 3,
        package: { weight: { value: 0.4, unit: 'kg' } }, marketplace: { shopee: { categoryId: 100001 } }, optionNames: ['color'], variants: [{ sku: 'MUG-W', options: { color: 'White' }, quantity: 1 }],
      });
      const g = [...world.globalItems.values()].find((x) => x.global_item_sku === 'MUG')!;
      expect(await refused(raw.update_stock({ body: { global_item_id: g.global_item_id, stock_list: [{ global_model_id: 7, seller_stock: [{ stock: 1 }] }] } }))).toMatch(/^error_busi_global_model_not_found: Global model no found\./);
    } finally {
      await close();
    }
  });
});
