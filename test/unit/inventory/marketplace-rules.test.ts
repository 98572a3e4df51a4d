/** Each marketplace's meaning of "quantity", as declared in the adapter capabilities. */
import { describe, expect, it } from 'vitest';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace, order } from './doubles.js';

async function run(ledger: StockLedger, accounts: Record<string, ReturnType<typeof memoryMarketplace>>, fn?: (e: ReturnType<typeof createInventorySync>) => Promise<void>) {
  const engine = createInventorySync({ ledger, accounts: Object.fromEntries(Object.entries(accounts).map(([k, v]) => [k, v.adapter])), retryDelayMs: 0 }).start();
  await engine.idle();
  await fn?.(engine);
  await engine.idle();
  return engine.stop();
}

describe('Shopee: stock includes its own unpaid-order reservations', () => {
  it('adds back the shop’s unpaid units so the push never goes below Shopee’s reserved stock', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-TEE', 10);
    ledger.map('shp:SG', 'SG-TEE', { sku: 'WH-TEE' });
    ledger.map('amz:DE', 'TEE', { sku: 'WH-TEE' });
    const shp = memoryMarketplace({ marketplace: 'shopee', stores: ['SG'], quantity: { includesReserved: true } });
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'] });
    await run(ledger, { shp, amz }, async (engine) => {
      // Unpaid on Shopee: reserved in the ledger (amz drops to 7) and in Shopee's own figure (stays 10).
      shp.reserved.set('SG|SG-TEE', 3);
      await engine.ingest('shp', order({ id: 'S1', store: 'SG', status: 'pending', holds: ['unpaid'], updatedAt: 1, lines: [{ sku: 'SG-TEE', quantity: 3 }] }));
      await engine.idle();
      expect([shp.shown.get('SG|SG-TEE'), amz.shown.get('DE|TEE')]).toEqual([10, 7]);
      // Another store sells 6: Shopee gets 1 available + its 3 reserved = 4, not below reserved.
      await engine.ingest('amz', order({ id: 'A1', store: 'DE', updatedAt: 2, lines: [{ sku: 'TEE', quantity: 6 }] }));
      await engine.idle();
      expect([shp.shown.get('SG|SG-TEE'), shp.show('SG', 'SG-TEE'), amz.shown.get('DE|TEE')]).toEqual([4, 1, 1]);
      // Paid: Shopee releases its reservation and deducts stock; our figure no longer adds it back.
      shp.reserved.set('SG|SG-TEE', 0);
      await engine.ingest('shp', order({ id: 'S1', store: 'SG', status: 'unshipped', updatedAt: 3, lines: [{ sku: 'SG-TEE', quantity: 3 }] }));
    });
    expect(shp.shown.get('SG|SG-TEE')).toBe(1);
  });

  it('reports Shopee clamping a push to reserved stock the ledger has not seen yet', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-TEE', 2);
    ledger.map('shp:SG', 'SG-TEE', { sku: 'WH-TEE' });
    const shp = memoryMarketplace({ marketplace: 'shopee', stores: ['SG'], quantity: { includesReserved: true } });
    shp.reserved.set('SG|SG-TEE', 5);
    const report = await run(ledger, { shp });
    expect(shp.shown.get('SG|SG-TEE')).toBe(5);
    expect(ledger.confirmed({ account: 'shp', store: 'SG', sku: 'SG-TEE' })?.qty).toBe(5);
    expect(report.warnings).toMatchObject([{ account: 'shp', sku: 'SG-TEE', message: 'not below reserved stock 5' }]);
  });
});

describe('Amazon MFN: one pool per region shared by the account’s stores; FBA is read-only', () => {
  it('pushes one quantity per SKU for the account, the strictest store policy winning', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-TEE', 10);
    ledger.map('amzEU:DE', 'TEE', { sku: 'WH-TEE' });
    ledger.map('amzEU:FR', 'TEE', { sku: 'WH-TEE' });
    ledger.map('amzEU:DE', 'TEE-FBA', { sku: 'WH-TEE', fulfilledBy: 'marketplace' });
    ledger.policy('amzEU:FR', { safetyStock: 2 });
    const eu = memoryMarketplace({ marketplace: 'amazon', stores: ['DE', 'FR'], quantity: { sharedAcrossStores: true } });
    const report = await run(ledger, { amzEU: eu }, async (engine) => {
      expect(eu.calls).toEqual([[{ sku: 'TEE', quantity: 8 }]]);
      // A French sale comes out of the same regional pool that Germany shows.
      await engine.ingest('amzEU', order({ id: 'F1', store: 'FR', lines: [{ sku: 'TEE', quantity: 3 }] }));
    });
    expect(eu.calls.at(-1)).toEqual([{ sku: 'TEE', quantity: 5 }]);
    expect(eu.calls.flat().some((u) => u.sku === 'TEE-FBA' || u.store !== undefined)).toBe(false);
    expect(report.stores['amzEU:DE']!.confirmed).toBe(2);
    expect(report.stores['amzEU:FR']!.confirmed).toBe(2);
  });

  it('an order on a store without its own mapping uses the pooled mapping of a sibling store', () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-TEE', 10);
    ledger.map('amzEU:DE', 'TEE', { sku: 'WH-TEE' });
    ledger.applyOrder('amzEU', order({ id: 'F1', store: 'FR', lines: [{ sku: 'TEE', quantity: 2 }] }));
    expect(ledger.reserved('WH-TEE')).toBe(2);
    expect(ledger.exceptions()).toEqual([]);
  });
});

describe('eBay / AliExpress: one quantity per SKU across sites', () => {
  it('collapses sites to a single update per SKU', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-MUG', 4);
    for (const site of ['EBAY_US', 'EBAY_GB', 'EBAY_DE']) ledger.map(`eby:${site}`, 'MUG', { sku: 'WH-MUG' });
    const eby = memoryMarketplace({ marketplace: 'ebay', stores: ['EBAY_US', 'EBAY_GB', 'EBAY_DE'], quantity: { sharedAcrossStores: true } });
    await run(ledger, { eby });
    expect(eby.calls).toEqual([[{ sku: 'MUG', quantity: 4 }]]);
  });

  it('pushes per store (with its id) when the account does not pool', async () => {
    const ledger = new StockLedger();
    ledger.setOnHand('WH-MUG', 4);
    ledger.map('shp:SG', 'MUG', { sku: 'WH-MUG' });
    ledger.map('shp:MY', 'MUG', { sku: 'WH-MUG' });
    ledger.policy('shp:MY', { cap: 1 });
    const shp = memoryMarketplace({ marketplace: 'shopee', stores: ['SG', 'MY'], batchSize: 10 });
    await run(ledger, { shp });
    // Same SKU twice never shares one call (results are matched by SKU).
    expect(shp.calls).toEqual([[{ sku: 'MUG', quantity: 4, store: 'SG' }], [{ sku: 'MUG', quantity: 1, store: 'MY' }]]);
  });
});
