/** The push engine: batching, priority, coalescing, the stale-quantity invariant, retries, lag. */
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MarketplaceError, ValidationError } from '../../../src/errors/classes.js';
import { createInventorySync, inventorySync, MemoryPushJournal, StockLedger, type PushEvent } from '../../../src/inventory/index.js';
import { memoryMarketplace, order, type MemoryMarketplace } from './doubles.js';
import { VirtualClock } from './virtual-clock.js';

const adapters = (m: Record<string, MemoryMarketplace>) => Object.fromEntries(Object.entries(m).map(([k, v]) => [k, v.adapter]));

function stocked(skus: Record<string, number>, store = 'amz:DE') {
  const ledger = new StockLedger();
  for (const [sku, qty] of Object.entries(skus)) {
    ledger.setOnHand(`WH-${sku}`, qty);
    ledger.map(store, sku, { sku: `WH-${sku}` });
  }
  return ledger;
}

describe('pushes', () => {
  it('go in batches of inventoryBatchSize, zero-outs first, and only what changed', async () => {
    const ledger = stocked({ A: 5, B: 0, C: 3, D: 0, E: 1 });
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'], batchSize: 2 });
    const report = await inventorySync({ ledger, accounts: adapters({ amz }) });
    expect(amz.calls.map((c) => c.map((u) => `${u.sku}=${u.quantity}`))).toEqual([['B=0', 'D=0'], ['A=5', 'C=3'], ['E=1']]);
    expect(report.pushes).toMatchObject({ calls: 3, items: 5, confirmed: 5, failed: 0 });
    // A second run finds nothing to do; a restock pushes just that SKU.
    await inventorySync({ ledger, accounts: adapters({ amz }) });
    expect(amz.calls).toHaveLength(3);
    ledger.setOnHand('WH-B', 4);
    await inventorySync({ ledger, accounts: adapters({ amz }) });
    expect(amz.calls.at(-1)).toEqual([{ sku: 'B', quantity: 4, store: 'DE' }]);
  });

  it('send zero-outs in calls of their own, ahead of a large batch', async () => {
    const ledger = stocked({ A: 5, B: 0, C: 2 });
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'], batchSize: 100 });
    await inventorySync({ ledger, accounts: adapters({ amz }) });
    expect(amz.calls.map((c) => c.map((u) => `${u.sku}=${u.quantity}`))).toEqual([['B=0'], ['A=5', 'C=2']]);
  });

  it('coalesce per account while a call is in flight: the latest value wins', async () => {
    const ledger = stocked({ A: 10, B: 10 });
    let engine!: ReturnType<typeof createInventorySync>;
    const amz = memoryMarketplace({
      marketplace: 'amazon', stores: ['DE'], batchSize: 1,
      during: (_u, call) => {
        if (call !== 1) return;
        for (let i = 1; i <= 3; i++) void engine.ingest('amz', order({ id: `O${i}`, store: 'DE', lines: [{ sku: 'B', quantity: 1 }] }));
      },
    });
    engine = createInventorySync({ ledger, accounts: adapters({ amz }) }).start();
    await engine.idle();
    await engine.stop();
    expect(amz.calls.map((c) => `${c[0]!.sku}=${c[0]!.quantity}`)).toEqual(['A=10', 'B=7']);
  });

  it('never sends a quantity computed before the latest order import of its account', async () => {
    const ledger = stocked({ A: 5, B: 5, C: 5, D: 5 });
    let engine!: ReturnType<typeof createInventorySync>;
    const sentStale: string[] = [];
    const amz = memoryMarketplace({
      marketplace: 'amazon', stores: ['DE'], batchSize: 1,
      during: (updates, call) => {
        for (const u of updates) if (ledger.quote({ account: 'amz', store: 'DE', sku: u.sku })!.quantity !== u.quantity) sentStale.push(u.sku);
        // An Amazon sale of D is imported while the first call is in flight: B and C were quoted before it.
        if (call === 1) void engine.ingest('amz', order({ id: 'O1', store: 'DE', lines: [{ sku: 'D', quantity: 2 }] }));
      },
    });
    engine = createInventorySync({ ledger, accounts: adapters({ amz }) }).start();
    await engine.idle();
    const report = await engine.stop();
    expect(sentStale).toEqual([]);
    expect(report.pushes.discardedStale).toBe(2);
    expect(amz.calls.map((c) => `${c[0]!.sku}=${c[0]!.quantity}`)).toEqual(['A=5', 'B=5', 'C=5', 'D=3']);
  });

  it('a quote goes stale on any later change it read or any later import of its account', () => {
    const ledger = stocked({ A: 5, B: 5 });
    const qa = ledger.quote({ account: 'amz', store: 'DE', sku: 'A' })!;
    ledger.setOnHand('WH-B', 1);
    expect(ledger.isStale(qa)).toBe(false);
    ledger.applyOrder('amz', order({ id: 'O1', store: 'DE', lines: [{ sku: 'B', quantity: 1 }] }));
    expect(ledger.isStale(qa)).toBe(true);
    const qb = ledger.quote({ account: 'amz', store: 'DE', sku: 'A' })!;
    ledger.applyOrder('other', order({ id: 'O2', store: 'X', lines: [{ sku: 'Z', quantity: 1 }] }));
    expect(ledger.isStale(qb)).toBe(false);
    ledger.policy('amz:DE', { cap: 1 });
    expect(ledger.isStale(qb)).toBe(true);
  });

  it('retry retryable failures within limits and report the rest', async () => {
    const ledger = stocked({ A: 1, B: 2, C: 3 });
    const journal = new MemoryPushJournal();
    const events: PushEvent[] = [];
    const amz = memoryMarketplace({
      marketplace: 'amazon', stores: ['DE'], batchSize: 3,
      fault: (u, call) => {
        if (u.sku === 'A' && call === 1) return { sku: 'A', ok: false, error: new MarketplaceError({ code: 'MARKETPLACE_UNAVAILABLE', message: 'busy', retryable: true }) };
        if (u.sku === 'B') return { sku: 'B', ok: false, error: new ValidationError({ message: 'bad sku', path: 'sku' }) };
        return undefined;
      },
    });
    const report = await inventorySync({ ledger, accounts: adapters({ amz }), retryDelayMs: 0, journal, onPush: (e) => events.push(e) });
    expect(amz.shown.get('DE|A')).toBe(1);
    expect(report.pushes).toMatchObject({ confirmed: 2, retried: 1, failed: 1 });
    expect(report.failures).toMatchObject([{ account: 'amz', sku: 'B', code: 'VALIDATION' }]);
    expect(report.ok).toBe(false);
    expect(events[0]!.items.map((i) => [i.sku, i.ok, i.retry ?? false])).toEqual([['A', false, true], ['B', false, false], ['C', true, false]]);
    expect(journal.entries.map((e) => e.t)).toEqual(['push', 'result', 'push', 'result']);
  });

  it('a thrown call is retried up to maxAttempts, then reported', async () => {
    const ledger = stocked({ A: 1 });
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'], fault: () => new MarketplaceError({ code: 'MARKETPLACE_UNAVAILABLE', message: '503', retryable: true }) });
    const report = await inventorySync({ ledger, accounts: adapters({ amz }), retryDelayMs: 0, maxAttempts: 3 });
    expect(amz.calls).toHaveLength(3);
    expect(report.pushes).toMatchObject({ retried: 2, failed: 1 });
    // The failed value stays marked in flight, so the next start pushes it again.
    expect(ledger.confirmed({ account: 'amz', store: 'DE', sku: 'A' })?.pending).toBe(1);
  });

  it('after a crash mid-push, the next start re-sends in-flight quantities even if "unchanged"', async () => {
    const ledger = stocked({ A: 4 });
    ledger.confirm({ account: 'amz', store: 'DE', sku: 'A' }, 4);
    ledger.markSending({ account: 'amz', store: 'DE', sku: 'A' }, 4);
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'] });
    await inventorySync({ ledger, accounts: adapters({ amz }) });
    expect(amz.calls).toEqual([[{ sku: 'A', quantity: 4, store: 'DE' }]]);
  });

  it('journals to a JSONL file', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xb-inv-')), 'push.jsonl');
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'] });
    await inventorySync({ ledger: stocked({ A: 2 }), accounts: adapters({ amz }), journal: file });
    const lines = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.t)).toEqual(['push', 'result']);
    expect(lines[0].items).toMatchObject([{ sku: 'A', quantity: 2, store: 'DE' }]);
  });

  it('validates options, naming the field', async () => {
    await expect(inventorySync({ ledger: {} as StockLedger, accounts: {} })).rejects.toMatchObject({ code: 'VALIDATION', path: 'options.ledger' });
    await expect(inventorySync({ ledger: new StockLedger(), accounts: {}, follow: true })).rejects.toMatchObject({ path: 'signal' });
    expect(() => createInventorySync({ ledger: new StockLedger(), accounts: { 'a:b': memoryMarketplace({ marketplace: 'x', stores: ['S'] }).adapter } })).toThrow(ValidationError);
    expect(() => createInventorySync({ ledger: new StockLedger(), accounts: { a: {} as never } })).toThrow(expect.objectContaining({ path: 'options.accounts.a' }));
  });
});

describe('the last-unit race', () => {
  it('records the oversell and zeroes every other store in the next push; lag is reported per store', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 0, 1));
    const ledger = new StockLedger({ now: () => clock.now() });
    ledger.setOnHand('WH-X', 1);
    ledger.setOnHand('WH-Y', 5);
    const m = {
      amz: memoryMarketplace({ marketplace: 'amazon', stores: ['DE'], clock, latencyMs: 300 }),
      shp: memoryMarketplace({ marketplace: 'shopee', stores: ['SG'], clock, latencyMs: 200, quantity: { includesReserved: true } }),
      eby: memoryMarketplace({ marketplace: 'ebay', stores: ['US'], clock, latencyMs: 500, quantity: { sharedAcrossStores: true } }),
    };
    for (const [acc, store] of [['amz', 'DE'], ['shp', 'SG'], ['eby', 'US']] as const) {
      ledger.map(`${acc}:${store}`, 'X', { sku: 'WH-X' });
      ledger.map(`${acc}:${store}`, 'Y', { sku: 'WH-Y' });
    }
    const engine = createInventorySync({ ledger, accounts: adapters(m), clock }).start();
    await clock.run();
    expect([m.amz.show('DE', 'X'), m.shp.show('SG', 'X'), m.eby.show(undefined, 'X')]).toEqual([1, 1, 1]);
    const pushed = m.eby.calls.length;
    // Both sell the last X within one interval, before either order is imported.
    expect(m.amz.sell('DE', 'X', 1) && m.shp.sell('SG', 'X', 1)).toBe(true);
    await engine.ingest('amz', order({ id: 'A1', store: 'DE', updatedAt: clock.now(), lines: [{ sku: 'X', quantity: 1 }] }));
    await engine.ingest('shp', order({ id: 'S1', store: 'SG', updatedAt: clock.now(), lines: [{ sku: 'X', quantity: 1 }] }));
    await clock.run();
    const report = await engine.stop();
    expect(report.oversells).toMatchObject([{ kind: 'oversell', sku: 'WH-X', account: 'shp', orderId: 'S1', shortBy: 1, units: 1 }]);
    expect(ledger.exceptions({ kind: 'oversell', open: true })).toHaveLength(1);
    expect(m.eby.calls[pushed]).toEqual([{ sku: 'X', quantity: 0 }]);
    expect([m.amz.show('DE', 'X'), m.shp.show('SG', 'X'), m.eby.show(undefined, 'X')]).toEqual([0, 0, 0]);
    expect(report.stores['eby:US']!.lagMs).toMatchObject({ count: 2, max: 500 });
    expect(report.stores['amz:DE']!.lagMs.max).toBe(300);
    expect(report.zeroOutMs).toMatchObject({ count: 2, max: 500 });
  });
});

describe('follow mode', () => {
  it('imports a feed, picks up another process’s ledger edits, and stops on abort', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'xb-follow-')), 'stock.json');
    const { openLedger } = await import('../../../src/inventory/index.js');
    const cli = openLedger(file);
    cli.setOnHand('WH-A', 5);
    cli.map('amz:DE', 'A', { sku: 'WH-A' });
    cli.map('amz:FR', 'A', { sku: 'WH-A' });
    await cli.flush();
    const amz = memoryMarketplace({ marketplace: 'amazon', stores: ['DE'] });
    const controller = new AbortController();
    async function* feed() {
      yield { account: 'amz', order: order({ id: 'O1', store: 'DE', lines: [{ sku: 'A', quantity: 2 }] }) };
      yield { account: 'amz', order: { id: 'broken' } };
    }
    const running = inventorySync({ ledger: openLedger(file), accounts: adapters({ amz }), orders: feed(), follow: true, signal: controller.signal, intervalMs: 20 });
    await waitFor(() => amz.shown.get('DE|A') === 3);
    cli.setOnHand('WH-A', 9); // `xborder stock set` in another process
    await cli.flush();
    await waitFor(() => amz.shown.get('DE|A') === 7);
    controller.abort();
    const report = await running;
    expect(report).toMatchObject({ aborted: true, ordersApplied: 1, ordersIgnored: 1 });
    expect(report.warnings.map((w) => w.message)).toEqual([
      'account "amz" has no store "FR"',
      expect.stringMatching(/^order skipped: .*order\.store/),
    ]);
  });
});

async function waitFor(cond: () => boolean, ms = 3000): Promise<void> {
  const until = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
