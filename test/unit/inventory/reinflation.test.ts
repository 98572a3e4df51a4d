/**
 * Issue 26.3: a push never re-inflates a store. A sale on store A that is not imported yet, then a
 * restock elsewhere: the recomputed (higher) quantity for A would overwrite the sale A already
 * subtracted. Decreases go out at once; A's increase waits until A's orders are imported past it.
 */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MarketplaceError } from '../../../src/errors/classes.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace, order } from './doubles.js';
import { VirtualClock } from './virtual-clock.js';

const T0 = Date.UTC(2026, 2, 2);

function world() {
  const clock = new VirtualClock(T0);
  const ledger = new StockLedger({ now: () => clock.now() });
  ledger.setOnHand('WH-X', 5);
  ledger.map('a:S1', 'X', { sku: 'WH-X' });
  ledger.map('b:S1', 'X', { sku: 'WH-X' });
  const a = memoryMarketplace({ marketplace: 'amazon', account: 'a', stores: ['S1'], clock, latencyMs: 200 });
  const b = memoryMarketplace({ marketplace: 'ebay', account: 'b', stores: ['S1'], clock, latencyMs: 200 });
  const engine = createInventorySync({ ledger, clock, accounts: { a: a.adapter, b: b.adapter } }).start();
  return { clock, ledger, a, b, engine };
}

describe('no push re-inflates a store (issue 26.3)', () => {
  it('a sale on A not yet imported plus a restock elsewhere never raises A above its true stock', async () => {
    const { clock, ledger, a, b, engine } = world();
    await clock.run();
    engine.caughtUp('a', clock.now());
    engine.caughtUp('b', clock.now());
    expect([a.show('S1', 'X'), b.show('S1', 'X')]).toEqual([5, 5]);
    let onHand = 5;
    let sold = 0;
    const trueStock = () => onHand - sold;
    const shownOk = () => expect(a.show('S1', 'X')).toBeLessThanOrEqual(trueStock());

    await clock.run(T0 + 10_000);
    expect(a.sell('S1', 'X', 1)).toBe(true); // A decrements its own figure; not imported yet
    sold++;
    await clock.run(T0 + 20_000);
    ledger.adjustOnHand('WH-X', 3); // a receipt at the warehouse
    onHand += 3;
    await clock.run(T0 + 60_000);
    shownOk();
    expect(a.show('S1', 'X')).toBe(4);
    // A's feed reports up to a point before the restock: still held (the sale could be later).
    engine.caughtUp('a', T0 + 15_000);
    await clock.run(T0 + 70_000);
    shownOk();
    // The feed imports the sale and passes the restock: A gets the recomputed figure, 5 + 3 − 1.
    await engine.ingest('a', order({ id: 'A1', store: 'S1', updatedAt: T0 + 10_000, lines: [{ sku: 'X', quantity: 1 }] }));
    engine.caughtUp('a', T0 + 75_000);
    await clock.run(T0 + 80_000);
    expect(a.show('S1', 'X')).toBe(4); // B's feed is not past the restock yet: a sale there could be missing
    engine.caughtUp('b', T0 + 75_000);
    await clock.run(T0 + 90_000);
    shownOk();
    expect(a.show('S1', 'X')).toBe(7);
    const report = await engine.stop();
    expect(report.pushes.heldIncreases).toBeGreaterThan(0);
  });

  it('decreases go out at once while an increase waits', async () => {
    const { clock, ledger, a, b, engine } = world();
    await clock.run();
    engine.caughtUp('a', clock.now());
    engine.caughtUp('b', clock.now());
    await clock.run(T0 + 10_000);
    ledger.adjustOnHand('WH-X', 2); // 7: an increase for both, held
    await clock.run(T0 + 20_000);
    expect([a.show('S1', 'X'), b.show('S1', 'X')]).toEqual([5, 5]);
    // A sale on B is imported: 6 < 5? no — the figure is still an increase over 5 for A; B sold its own.
    b.sell('S1', 'X', 4);
    await engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 20_000, lines: [{ sku: 'X', quantity: 4 }] }));
    await clock.run(T0 + 30_000);
    // 7 − 4 = 3: a decrease for A, pushed at once though neither feed moved. For B, which shows
    // 5 − 4 = 1 after its own sale, 3 is an increase: it waits for the feeds to pass the restock.
    expect([a.show('S1', 'X'), b.show('S1', 'X')]).toEqual([3, 1]);
    engine.caughtUp('a', T0 + 25_000);
    engine.caughtUp('b', T0 + 25_000);
    await clock.run(T0 + 40_000);
    expect([a.show('S1', 'X'), b.show('S1', 'X')]).toEqual([3, 3]);
    await engine.stop();
  });

  it('an engine never told where a feed stands pushes increases at once (standalone use)', async () => {
    const clock = new VirtualClock(T0);
    const ledger = new StockLedger({ now: () => clock.now() });
    ledger.setOnHand('WH-X', 5);
    ledger.map('a:S1', 'X', { sku: 'WH-X' });
    const a = memoryMarketplace({ marketplace: 'amazon', account: 'a', stores: ['S1'], clock });
    const engine = createInventorySync({ ledger, clock, accounts: { a: a.adapter } }).start();
    await clock.run();
    ledger.adjustOnHand('WH-X', 1);
    await clock.run();
    expect(a.show('S1', 'X')).toBe(6);
    await engine.stop();
  });
});

describe('what a store can be showing bounds every push (increase-gate.ts)', () => {
  /** Truth = warehouse − every sale placed, imported or not. */
  function tracked() {
    const w = world();
    let onHand = 5;
    let sold = 0;
    return {
      ...w,
      sell(m: typeof w.a, n: number) {
        expect(m.sell('S1', 'X', n)).toBe(true);
        sold += n;
      },
      restock(n: number) {
        w.ledger.adjustOnHand('WH-X', n);
        onHand += n;
      },
      notAbove() {
        for (const m of [w.a, w.b]) expect(m.show('S1', 'X')).toBeLessThanOrEqual(Math.max(onHand - sold, 0));
      },
    };
  }

  it("a held increase, A's own imported sale and another store's unimported sale never raise A above the stock left", async () => {
    const w = tracked();
    await w.clock.run();
    w.engine.caughtUp('a', w.clock.now());
    w.engine.caughtUp('b', w.clock.now());
    await w.clock.run(T0 + 10_000);
    w.restock(2); // 7: an increase for both stores, held (no feed is past it yet)
    await w.clock.run(T0 + 15_000);
    w.sell(w.b, 1); // B sold: not imported yet (stock left 6)
    await w.clock.run(T0 + 20_000);
    w.sell(w.a, 2); // A shows 3 (stock left 4) and this sale is imported at once
    await w.engine.ingest('a', order({ id: 'A1', store: 'S1', updatedAt: T0 + 20_000, lines: [{ sku: 'X', quantity: 2 }] }));
    await w.clock.run(T0 + 40_000);
    // The ledger says 5 for A (7 − 2): not above the 5 A last confirmed, but above the 3 it shows.
    expect(w.a.show('S1', 'X')).toBe(3);
    w.notAbove();
    // B's feed imports its sale and both feeds pass the restock: A gets the stock left.
    await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 15_000, lines: [{ sku: 'X', quantity: 1 }] }));
    w.engine.caughtUp('a', T0 + 45_000);
    w.engine.caughtUp('b', T0 + 45_000);
    await w.clock.run(T0 + 60_000);
    w.notAbove();
    expect([w.a.show('S1', 'X'), w.b.show('S1', 'X')]).toEqual([4, 4]);
    await w.engine.stop();
  });

  it("an increase waits for every account's feed, not only the store's own", async () => {
    const w = tracked();
    await w.clock.run();
    w.engine.caughtUp('a', w.clock.now());
    w.engine.caughtUp('b', w.clock.now());
    await w.clock.run(T0 + 10_000);
    w.sell(w.b, 1); // not imported (stock left 4)
    await w.clock.run(T0 + 20_000);
    w.restock(2); // ledger 7, stock left 6
    w.engine.caughtUp('a', T0 + 30_000); // A's own feed is past the restock; B's is not
    await w.clock.run(T0 + 40_000);
    expect(w.a.show('S1', 'X')).toBe(5);
    w.notAbove();
    await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 10_000, lines: [{ sku: 'X', quantity: 1 }] }));
    w.engine.caughtUp('b', T0 + 35_000);
    await w.clock.run(T0 + 60_000);
    expect([w.a.show('S1', 'X'), w.b.show('S1', 'X')]).toEqual([6, 6]);
    await w.engine.stop();
  });

  it('a figure the marketplace reported after the last push lowers what may be sent (Amazon MFN quantity change)', async () => {
    const w = tracked();
    await w.clock.run();
    w.engine.caughtUp('a', w.clock.now());
    w.engine.caughtUp('b', w.clock.now());
    await w.clock.run(T0 + 10_000);
    w.sell(w.a, 2); // A shows 3, not imported; stock left 3
    w.engine.observed('a', { store: 'S1', sku: 'X', quantity: 3, at: w.clock.now() });
    await w.clock.run(T0 + 20_000);
    w.sell(w.b, 1); // stock left 2; B's sale is imported: the ledger says 4 for A
    await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 20_000, lines: [{ sku: 'X', quantity: 1 }] }));
    await w.clock.run(T0 + 40_000);
    expect(w.a.show('S1', 'X')).toBe(3); // 4 would offer A's two sold units again: held
    await w.engine.ingest('a', order({ id: 'A1', store: 'S1', updatedAt: T0 + 10_000, lines: [{ sku: 'X', quantity: 2 }] }));
    await w.clock.run(T0 + 60_000);
    expect([w.a.show('S1', 'X'), w.b.show('S1', 'X')]).toEqual([2, 2]);
    w.notAbove();
    await w.engine.stop();
  });
});

describe('signal listeners on long runs (issue 26.4)', () => {
  it('retries of many failing targets hold one listener on the engine signal, none after stop', async () => {
    const clock = new VirtualClock(T0);
    const ledger = new StockLedger({ now: () => clock.now() });
    for (let i = 0; i < 40; i++) {
      ledger.setOnHand(`WH-${i}`, 3);
      ledger.map('a:S1', `S${i}`, { sku: `WH-${i}` });
    }
    let seen: AbortSignal | undefined;
    let peak = 0;
    const a = memoryMarketplace({
      marketplace: 'amazon', account: 'a', stores: ['S1'], clock, batchSize: 1, rate: { perSecond: 2, burst: 1 },
      fault: (u, call) => (call % 3 ? { sku: u.sku, ok: false, error: new MarketplaceError({ code: 'MARKETPLACE_UNAVAILABLE', message: 'busy', retryable: true }) } : undefined),
    });
    const set = a.adapter.inventory.set.bind(a.adapter.inventory);
    a.adapter.inventory.set = (updates, opts) => {
      seen = opts?.signal;
      if (seen) peak = Math.max(peak, getEventListeners(seen, 'abort').length);
      return set(updates, opts);
    };
    const engine = createInventorySync({ ledger, clock, accounts: { a: a.adapter }, maxAttempts: 10, retryDelayMs: 5_000 }).start();
    for (let t = 1; t <= 20; t++) {
      await clock.run(T0 + t * 60_000);
      if (seen) peak = Math.max(peak, getEventListeners(seen, 'abort').length);
    }
    await engine.stop();
    expect(seen).toBeDefined();
    // The pusher's retry timer and the limiter: one each, not one per waiting target.
    expect(peak).toBeLessThanOrEqual(3);
    expect(getEventListeners(seen!, 'abort').length).toBe(0);
  });
});
