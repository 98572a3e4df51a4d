/**
 * Issue 26.3, the case no ledger rule can see (increase-gate.ts rule 5): a store's own sale that is
 * not imported yet, while a figure computed from the ledger goes out. Where the adapter reads live
 * quantities (`inventory.get`), the pusher reads right before the write and takes those units off.
 */
import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../src/errors/classes.js';
import { createInventorySync, StockLedger } from '../../../src/inventory/index.js';
import { memoryMarketplace, order, type DoubleOptions } from './doubles.js';
import { VirtualClock } from './virtual-clock.js';

const T0 = Date.UTC(2026, 2, 2);

function world(readable: DoubleOptions['readable'], readBeforePush?: boolean) {
  const clock = new VirtualClock(T0);
  const ledger = new StockLedger({ now: () => clock.now() });
  ledger.setOnHand('WH-X', 5);
  ledger.map('a:S1', 'X', { sku: 'WH-X' });
  ledger.map('b:S1', 'X', { sku: 'WH-X' });
  const a = memoryMarketplace({ marketplace: 'amazon', account: 'a', stores: ['S1'], clock, latencyMs: 200, readable });
  const b = memoryMarketplace({ marketplace: 'ebay', account: 'b', stores: ['S1'], clock, latencyMs: 200 });
  const warnings: string[] = [];
  const engine = createInventorySync({ ledger, clock, accounts: { a: a.adapter, b: b.adapter }, ...(readBeforePush === undefined ? {} : { readBeforePush }) }).start();
  return { clock, ledger, a, b, engine, warnings };
}

/** A shows 5; A sells 2 (not imported); B's sale of 1 is imported: the ledger says 4 for A, a decrease from 5. */
async function ownSaleUnimported(w: ReturnType<typeof world>) {
  await w.clock.run();
  expect(w.a.show('S1', 'X')).toBe(5);
  await w.clock.run(T0 + 10_000);
  expect(w.a.sell('S1', 'X', 2)).toBe(true);
  await w.clock.run(T0 + 20_000);
  expect(w.b.sell('S1', 'X', 1)).toBe(true);
  await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 20_000, lines: [{ sku: 'X', quantity: 1 }] }));
  await w.clock.run(T0 + 30_000);
}

describe('a read right before the write (issue 26.3, increase-gate.ts rule 5)', () => {
  it("a decrease computed while A's own sale is not imported goes out less that sale: A never shows more than the stock left", async () => {
    const w = world(true);
    await ownSaleUnimported(w);
    // Stock left: 5 − 2 − 1 = 2. The ledger's 4 would offer A's two sold units again.
    expect(w.a.show('S1', 'X')).toBe(2);
    expect(w.a.reads.at(-1)).toEqual([{ sku: 'X', store: 'S1' }]);
    // A's sale is imported later: the ledger agrees with what A shows.
    await w.engine.ingest('a', order({ id: 'A1', store: 'S1', updatedAt: T0 + 10_000, lines: [{ sku: 'X', quantity: 2 }] }));
    await w.clock.run(T0 + 40_000);
    expect([w.a.show('S1', 'X'), w.b.show('S1', 'X')]).toEqual([2, 2]);
    const report = await w.engine.stop();
    expect(report.pushes.readCorrections).toBe(1);
    expect(report.pushes.readFailures).toBe(0);
  });

  it('without the read (readBeforePush: false) the same decrease raises A over its own unimported sale', async () => {
    const w = world(true, false);
    await ownSaleUnimported(w);
    expect(w.a.show('S1', 'X')).toBe(4); // 2 above the stock left: what the read closes
    expect(w.a.reads).toEqual([]);
    await w.engine.stop();
  });

  it('zero-outs and never-confirmed targets are not read; a failed read sends the computed figure and says so', async () => {
    let fail = false;
    const w = world(() => {
      if (fail) throw new AuthError({ code: 'AUTH_FAILED', message: 'access token expired', retryable: false });
    });
    await w.clock.run();
    expect(w.a.reads).toEqual([]); // the first push had nothing to compare with
    fail = true;
    await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 1_000, lines: [{ sku: 'X', quantity: 1 }] }));
    await w.clock.run(T0 + 10_000);
    expect(w.a.show('S1', 'X')).toBe(4);
    expect(w.a.reads).toHaveLength(1);
    fail = false;
    await w.engine.ingest('b', order({ id: 'B2', store: 'S1', updatedAt: T0 + 11_000, lines: [{ sku: 'X', quantity: 4 }] }));
    await w.clock.run(T0 + 20_000);
    expect(w.a.show('S1', 'X')).toBe(0);
    expect(w.a.reads).toHaveLength(1); // a zero-out cannot raise a store: no read
    const report = await w.engine.stop();
    expect(report.pushes).toMatchObject({ reads: 1, readFailures: 1, readCorrections: 0 });
    expect(report.warnings.map((x) => x.message)).toContain('live quantity read failed, computed figures sent: access token expired');
  });

  it('a push lowered by a read is checked again once the feeds pass the read, and healed if it under-offered', async () => {
    const w = world(true);
    await w.clock.run();
    await w.clock.run(T0 + 10_000);
    // The store's figure drops by 2 without a sale the feed will ever deliver (a marketplace-side hold).
    w.a.shown.set('S1|X', 3);
    await w.engine.ingest('b', order({ id: 'B1', store: 'S1', updatedAt: T0 + 10_000, lines: [{ sku: 'X', quantity: 1 }] }));
    await w.clock.run(T0 + 20_000);
    expect(w.a.show('S1', 'X')).toBe(2); // 4 − (5 − 3): the read cannot tell a hold from a sale
    w.engine.caughtUp('a', T0 + 25_000);
    w.engine.caughtUp('b', T0 + 25_000);
    await w.clock.run(T0 + 30_000);
    // Both feeds are past the read and nothing was sold on A: the ledger's 4 is exact. It is an
    // increase over what A showed since its last push, so it waits for the feeds to pass it too.
    w.engine.caughtUp('a', T0 + 35_000);
    w.engine.caughtUp('b', T0 + 35_000);
    await w.clock.run(T0 + 40_000);
    expect([w.a.show('S1', 'X'), w.b.show('S1', 'X')]).toEqual([4, 4]);
    await w.engine.stop();
  });
});
