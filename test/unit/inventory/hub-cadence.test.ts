/**
 * Issue 26.1 through hub.inventory.sync: each account polls in its own loop on the engine's
 * injected clock; an account throttled to one call per three minutes never delays another's
 * import, and a committed window lets that account's held increases go (issue 26.3).
 */
import { describe, expect, it } from 'vitest';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import { StockLedger } from '../../../src/inventory/index.js';
import { FakeAdapter, store } from '../hub/support/fake-adapter.js';
import { VirtualClock } from './virtual-clock.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

describe('hub.inventory.sync follow mode', () => {
  it('a throttled account does not delay another account\'s import; every sleep is on the injected clock', async () => {
    const clock = new VirtualClock(T0);
    const slow = new FakeAdapter({ marketplace: 'fakezon', account: 'A1', stores: [store('DE', 'EUR')], pageSize: 50 });
    const fast = new FakeAdapter({ marketplace: 'fakepee', account: 'S1', stores: [store('SG', 'SGD')], pageSize: 50 });
    for (const a of [slow, fast]) Object.defineProperty(a, 'now', { get: () => clock.now(), set: () => undefined });
    let nextToken = T0;
    slow.beforePage = async () => {
      const wait = Math.max(0, nextToken - clock.now());
      nextToken = Math.max(nextToken, clock.now()) + 3 * MIN;
      await clock.sleep(wait);
    };
    const ledger = new StockLedger({ now: () => clock.now() });
    ledger.setOnHand('WH-1', 1000);
    ledger.map('slow:DE', 'SKU-1', { sku: 'WH-1' });
    ledger.map('fast:SG', 'SKU-1', { sku: 'WH-1' });
    const placed = new Map<string, number>();
    const importedAfter = new Map<string, number>();
    const ctl = new AbortController();
    const run = new Hub({ accounts: { slow, fast } }).inventory.sync({
      ledger, clock: { now: () => clock.now(), sleep: (ms, signal) => clock.sleep(ms, signal) }, follow: true, signal: ctl.signal, intervalMs: 60_000, checkpoints: memoryCheckpoints(),
      orders: { intervalMs: 20_000, lagMs: 0, overlapMs: MIN, since: new Date(T0 - MIN) },
      handle: (o) => void (placed.has(o.id) && !importedAfter.has(o.id) && importedAfter.set(o.id, clock.now() - placed.get(o.id)!)),
    });
    for (let m = 1; m <= 15; m++) {
      await clock.run(T0 + m * MIN);
      for (const [a, key] of [[fast, 'F'], [slow, 'A']] as const) {
        const id = `${key}${m}`;
        a.putOrder(id, clock.now());
        placed.set(id, clock.now());
      }
    }
    await clock.run(T0 + 16 * MIN);
    ctl.abort();
    await clock.run(T0 + 40 * MIN);
    const report = await run;
    const fastDelays = [...importedAfter].filter(([id]) => id.startsWith('F')).map(([, d]) => d);
    expect(fastDelays).toHaveLength(15);
    expect(Math.max(...fastDelays)).toBeLessThanOrEqual(20_000);
    expect(report.orders?.accounts.find((a) => a.account === 'fast')!.windows).toBeGreaterThanOrEqual(40);
    // The fast store's sales are reserved in the ledger (counts, not timings).
    expect(ledger.reserved('WH-1')).toBeGreaterThanOrEqual(15);
  });
});
