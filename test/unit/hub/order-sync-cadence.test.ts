/**
 * Issue 26.1: no lock-step polling. Each account runs its own loop on the injected clock, so an
 * account throttled to one call per three minutes never delays another account's import.
 */
import { describe, expect, it } from 'vitest';
import { SteppedClock } from './support/stepped-clock.js';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');


describe('hub.orders.sync follow mode: one loop per account', () => {
  it('an account throttled to one call per 3 minutes does not delay another account\'s import', async () => {
    const clock = new SteppedClock(T0);
    const slow = new FakeAdapter({ marketplace: 'fakezon', account: 'A1', stores: [store('DE', 'EUR')], pageSize: 50 });
    const fast = new FakeAdapter({ marketplace: 'fakepee', account: 'S1', stores: [store('SG', 'SGD')], pageSize: 50 });
    for (const a of [slow, fast]) Object.defineProperty(a, 'now', { get: () => clock.t, set: () => undefined });
    // Amazon's order search after its burst: every call waits for the next token, 3 minutes apart.
    let nextToken = T0;
    slow.beforePage = async () => {
      const wait = Math.max(0, nextToken - clock.t);
      nextToken = Math.max(nextToken, clock.t) + 3 * MIN;
      await clock.sleep(wait);
    };
    const hub = new Hub({ accounts: { slow, fast } });
    const placed = new Map<string, number>();
    const importedAfter = new Map<string, number>();
    const windows = { slow: 0, fast: 0 };
    const ctl = new AbortController();
    const run = hub.orders.sync({
      checkpoints: memoryCheckpoints(), follow: true, intervalMs: 20_000, lagMs: 0, overlapMs: MIN, clock, signal: ctl.signal, since: new Date(T0 - MIN),
      handle: (o) => void (placed.has(o.id) && !importedAfter.has(o.id) && importedAfter.set(o.id, clock.t - placed.get(o.id)!)),
      onEvent: (e) => void (e.type === 'window-end' && windows[e.account as 'slow' | 'fast']++),
    });
    // A sale on each store every minute for 15 minutes.
    for (let m = 1; m <= 15; m++) {
      await clock.advanceTo(T0 + m * MIN);
      for (const [a, key] of [[fast, 'F'], [slow, 'A']] as const) {
        const id = `${key}${m}`;
        a.putOrder(id, clock.t);
        placed.set(id, clock.t);
      }
    }
    await clock.advanceTo(T0 + 16 * MIN);
    ctl.abort();
    await clock.advanceTo(T0 + 40 * MIN);
    const report = await run;
    expect(report.ok).toBe(true);
    // The fast account kept its own cadence: a window every ~20 s while the slow one managed a few.
    expect(windows.slow).toBeLessThanOrEqual(8);
    expect(windows.fast).toBeGreaterThanOrEqual(40);
    // Every sale on the fast store was imported within one of its own intervals (virtual time).
    const fastDelays = [...importedAfter].filter(([id]) => id.startsWith('F')).map(([, d]) => d);
    expect(fastDelays).toHaveLength(15);
    expect(Math.max(...fastDelays)).toBeLessThanOrEqual(20_000);
  });
});
