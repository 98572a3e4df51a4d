/**
 * Issue 26.5 finding: on per-item APIs (Shopee update_stock, Amazon patchListingsItem, eBay offer
 * lookups) a call's time grows with its items, so a zero-out that arrives while a 20-item batch is
 * in flight waited the whole batch. The pusher sizes batches by the measured cost per item so a
 * call stays short, and a zero-out goes out within one short call.
 */
import { describe, expect, it } from 'vitest';
import { CallCost } from '../../../src/inventory/call-cost.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace } from './doubles.js';
import { VirtualClock } from './virtual-clock.js';

const PER_ITEM_MS = 2_000;

describe('batch sizing by call cost', () => {
  it('a zero-out waits at most one short call, not a 20-item batch of a per-item API', async () => {
    const clock = new VirtualClock(0);
    const m = memoryMarketplace({ marketplace: 'shopee', stores: ['SG'], batchSize: 50 });
    const set = m.adapter.inventory.set.bind(m.adapter.inventory);
    const sizes: number[] = [];
    m.adapter.inventory.set = async (updates, opts) => {
      sizes.push(updates.length);
      await clock.sleep(PER_ITEM_MS * updates.length, opts?.signal); // one call per item behind the adapter
      return set(updates, opts);
    };
    const ledger = new StockLedger({ now: () => clock.now() });
    const skus = Array.from({ length: 21 }, (_, i) => `S${i}`);
    for (const k of skus) {
      ledger.setOnHand(k, 5);
      ledger.map('sg:SG', k, { sku: k });
    }
    const engine = createInventorySync({ ledger, accounts: { sg: m.adapter }, clock }).start();
    await clock.run();
    expect(m.show('SG', 'S20')).toBe(5);
    // Restock 20 SKUs (20 increases queued), then S20 sells out in the warehouse 3 s later.
    for (const k of skus.slice(0, 20)) ledger.setOnHand(k, 9);
    await clock.run(clock.now() + 3_000); // the first increase went alone (2 s); the other 19 are in flight now
    const soldOutAt = clock.now();
    ledger.setOnHand('S20', 0);
    let zeroAt: number | undefined;
    while (zeroAt === undefined && clock.now() < soldOutAt + 120_000) {
      await clock.run(clock.now() + 500);
      if (m.show('SG', 'S20') === 0) zeroAt = clock.now();
    }
    await clock.run();
    await engine.stop();
    expect(skus.slice(0, 20).map((k) => m.show('SG', k))).toEqual(Array(20).fill(9));
    // Without sizing: the 20-item call in flight (40 s) delays the zero-out; with it, one short call.
    expect(zeroAt! - soldOutAt).toBeLessThanOrEqual(12_000);
    expect(Math.max(...sizes.slice(1))).toBeLessThan(20);
  });
});

describe('CallCost', () => {
  it('a bulk API (a feed: 60 s however many items) keeps full batches', () => {
    const c = new CallCost();
    c.learn(1, 60_000);
    c.learn(25, 61_000);
    expect(c.batchLimit(50)).toBe(50);
  });

  it('a per-item API (2 s an item) gets batches adding about 10 s; unknown cost keeps the adapter batch', () => {
    const c = new CallCost();
    expect(c.batchLimit(50)).toBe(50);
    c.learn(21, 42_000);
    expect(c.batchLimit(50)).toBe(50); // no one-item call yet: the fixed cost is unknown
    c.learn(1, 2_000);
    expect(c.batchLimit(50)).toBe(5);
    c.learn(5, 10_000);
    expect(c.batchLimit(50)).toBe(5);
  });
});
