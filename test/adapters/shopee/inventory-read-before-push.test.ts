/**
 * Issue 26.3 on the Shopee simulator: inventory sync reads the shop's live seller_stock
 * (inventory.get) right before a push, so a buyer's sale not imported yet is never offered again.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { shopeeBuyer } from '../../../adapters/shopee/sandbox/buyers.js';
import type { SandboxItem } from '../../../adapters/shopee/sandbox/state.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { SHOP_ID, shopSandbox, TestClock, type SandboxSetup } from './helpers.js';

let s: SandboxSetup | undefined;
afterEach(async () => {
  await s?.close();
  s = undefined;
});

const STORE = String(SHOP_ID);

/** Shopee shows 5; a buyer pays for 2 (not imported); the warehouse loses 1: the ledger computes 4, a decrease from 5. */
async function scenario(readBeforePush: boolean, paid = true) {
  s = await shopSandbox({ clock: new TestClock(Date.now()) });
  const at = s.world.nowSeconds() - 3600;
  const mug: SandboxItem = {
    shopId: SHOP_ID, item_id: 601, item_name: 'Mug', description: 'd', item_sku: 'MUG', category_id: 100001, price: 9.9, stock: 0, reserved: 0, item_status: 'NORMAL',
    image_id_list: ['img'], attribute_list: [], weight: 0.3, create_time: at, update_time: at, searchableAt: 0, tiers: [], models: [],
  };
  s.world.items.set(mug.item_id, mug);
  const buyer = shopeeBuyer(s.world);
  const ledger = new StockLedger();
  ledger.setOnHand('WH-MUG', 5);
  ledger.map(`shopee:${STORE}`, 'MUG', { sku: 'WH-MUG' });
  const engine = createInventorySync({ ledger, accounts: { shopee: s.adapter }, retryDelayMs: 50, readBeforePush }).start();
  await engine.idle();
  expect(buyer.shown(STORE, 'MUG')).toBe(5);
  expect(buyer.order({ store: STORE, sku: 'MUG', quantity: 2, paid })).toMatchObject({ placed: true });
  ledger.setOnHand('WH-MUG', 4);
  await engine.idle();
  const report = await engine.stop();
  return { shown: buyer.shown(STORE, 'MUG'), stock: mug.stock, report };
}

describe('inventory sync reads Shopee before a push', () => {
  it('the decrease goes out less the unimported sale: Shopee shows the 2 units really left', async () => {
    const { shown, report } = await scenario(true);
    expect(shown).toBe(2);
    expect(report.pushes).toMatchObject({ readCorrections: 1, readFailures: 0 });
  });

  it('without the read the same push offers the sold units again', async () => {
    const { shown } = await scenario(false);
    expect(shown).toBe(4);
  });

  it('an unpaid sale not imported holds its units inside seller_stock: nothing to take off, buyers still see only the 2 left', async () => {
    const { shown, stock, report } = await scenario(true, false);
    expect(stock).toBe(4);
    expect(shown).toBe(2);
    expect(report.pushes).toMatchObject({ readCorrections: 0, readFailures: 0 });
  });
});
