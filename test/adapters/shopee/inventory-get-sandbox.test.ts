/**
 * inventory.get against the embedded sandbox (issue 26.3): read right after set(q) it answers q;
 * a buyer order of n lowers it to q − n (a paid order takes its units out of seller_stock); an unpaid
 * order holds its units as reserved stock inside seller_stock, so the figure set takes stays q until
 * the buyer pays (adapters/shopee/sandbox/buyers.ts cites the rules).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { payOrder, shopeeBuyer } from '../../../adapters/shopee/sandbox/buyers.js';
import type { SandboxGlobalItem, SandboxItem } from '../../../adapters/shopee/sandbox/state.js';
import { CNSC_MERCHANT, CNSC_SG_SHOP, cnscSandbox, SHOP_ID, shopSandbox, TestClock } from './helpers.js';

let s: { close(): Promise<void> } | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

function seed(setup: Awaited<ReturnType<typeof shopSandbox>>): void {
  const at = setup.world.nowSeconds() - 3600;
  const base = { shopId: SHOP_ID, item_name: 'Mug', description: 'd', category_id: 100001, price: 9.9, stock: 0, reserved: 0, item_status: 'NORMAL', image_id_list: ['img'], attribute_list: [], weight: 0.3, create_time: at, update_time: at, searchableAt: 0 };
  const mug: SandboxItem = { ...base, item_id: 501, item_sku: 'MUG', tiers: [], models: [] };
  const tee: SandboxItem = {
    ...base, item_id: 502, item_sku: 'TEE', tiers: [{ name: 'size', options: ['S', 'M'] }],
    models: [{ model_id: 5021, model_sku: 'TEE-S', tier_index: [0], price: 12, stock: 0, reserved: 0 }, { model_id: 5022, model_sku: 'TEE-M', tier_index: [1], price: 12, stock: 0, reserved: 0 }],
  };
  setup.world.items.set(mug.item_id, mug);
  setup.world.items.set(tee.item_id, tee);
}

describe('Shopee inventory.get on the sandbox', () => {
  it('set(q), a buyer order of n, then get → q − n; an unpaid order lowers it only once paid', async () => {
    const sb = await shopSandbox({ clock: new TestClock(Date.now()) });
    s = sb;
    seed(sb);
    const store = String(SHOP_ID);
    expect((await sb.adapter.inventory.set([{ sku: 'MUG', quantity: 7 }, { sku: 'TEE-S', quantity: 5 }, { sku: 'TEE-M', quantity: 4 }])).every((r) => r.ok)).toBe(true);
    const refs = [{ sku: 'MUG', store }, { sku: 'TEE-S', store }, { sku: 'TEE-M', store }, { sku: 'GHOST', store }];
    expect(await sb.adapter.inventory.get(refs)).toEqual([{ sku: 'MUG', store, quantity: 7 }, { sku: 'TEE-S', store, quantity: 5 }, { sku: 'TEE-M', store, quantity: 4 }]);

    const buyer = shopeeBuyer(sb.world);
    expect(buyer.order({ store, sku: 'MUG', quantity: 2 })).toMatchObject({ placed: true });
    expect(buyer.order({ store, sku: 'TEE-S', quantity: 3 })).toMatchObject({ placed: true });
    const unpaid = buyer.order({ store, sku: 'TEE-M', quantity: 1, paid: false });
    expect(unpaid).toMatchObject({ placed: true });
    const before = sb.sb.requests.shopee!.length;
    expect(await sb.adapter.inventory.get(refs.slice(0, 3))).toEqual([{ sku: 'MUG', store, quantity: 5 }, { sku: 'TEE-S', store, quantity: 2 }, { sku: 'TEE-M', store, quantity: 4 }]);
    // Warm index and no unknown SKU (one would cost an index sync, as for set): one get_item_base_info for the item without models, one get_model_list for TEE.
    expect(sb.sb.requests.shopee!.slice(before).map((r) => r.path.split('/').pop()).sort()).toEqual(['get_item_base_info', 'get_model_list']);
    // The unpaid order's unit is reserved inside seller_stock: buyers see 3, and set may not go below 1.
    expect(buyer.shown(store, 'TEE-M')).toBe(3);
    // Paid later: the unit leaves seller_stock at payment.
    payOrder(sb.world, (unpaid as { orderId: string }).orderId);
    expect(await sb.adapter.inventory.get([{ sku: 'TEE-M', store }])).toEqual([{ sku: 'TEE-M', store, quantity: 3 }]);
    expect(buyer.shown(store, 'TEE-M')).toBe(3);
  });
});

describe('Shopee inventory.get on a CNSC merchant', () => {
  it('answers the global seller stock global update_stock writes, read right after set', async () => {
    const cn = await cnscSandbox();
    s = cn;
    const at = cn.world.nowSeconds() - 3600;
    const base = { merchantId: CNSC_MERCHANT, description: 'd', category_id: 100001, price: 30, stock: 0, reserved: 0, image_id_list: ['img'], update_time: at, published: [] };
    const mono: SandboxGlobalItem = { ...base, global_item_id: 801, global_item_name: 'Bowl', global_item_sku: 'BOWL', models: [] };
    const mug: SandboxGlobalItem = {
      ...base, global_item_id: 802, global_item_name: 'Mug', global_item_sku: 'GMUG', tiers: [{ name: 'colour', options: ['W', 'B'] }],
      models: [{ global_model_id: 8021, global_model_sku: 'GMUG-W', tier_index: [0], price: 30, stock: 0, reserved: 0 }, { global_model_id: 8022, global_model_sku: 'GMUG-B', tier_index: [1], price: 30, stock: 0, reserved: 2 }],
    };
    cn.world.globalItems.set(mono.global_item_id, mono);
    cn.world.globalItems.set(mug.global_item_id, mug);
    expect((await cn.adapter.inventory.set([{ sku: 'BOWL', quantity: 6 }, { sku: 'GMUG-W', quantity: 3 }, { sku: 'GMUG-B', quantity: 5 }])).every((r) => r.ok)).toBe(true);
    const store = String(CNSC_SG_SHOP);
    // GMUG-B: 5 set with 2 reserved → 5 (normal_stock includes the reserved stock).
    expect(await cn.adapter.inventory.get([{ sku: 'BOWL', store }, { sku: 'GMUG-W' }, { sku: 'GMUG-B' }, { sku: 'NOPE' }])).toEqual([
      { sku: 'BOWL', store, quantity: 6 }, { sku: 'GMUG-W', quantity: 3 }, { sku: 'GMUG-B', quantity: 5 },
    ]);
  });
});
