/**
 * Issue 26.5: an account whose order search allows one call per three minutes (Amazon's
 * searchOrders after its burst). Each window freezes its bound before it reads; when the read then
 * waits three minutes for the quota, every order placed meanwhile waits for the window after. The
 * loop waits out the refill before the next window instead, so its bound is fresh when it reads.
 */
import { describe, expect, it } from 'vitest';
import { Hub, memoryCheckpoints } from '../../../src/hub/index.js';
import { VirtualClock } from '../inventory/virtual-clock.js';
import { FakeAdapter, store } from './support/fake-adapter.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');

describe('order sync on a quota of one search per three minutes', () => {
  it('imports every order within one quota period once the period is learned, not two', async () => {
    const clock = new VirtualClock(T0);
    const slow = new FakeAdapter({ marketplace: 'fakezon', account: 'A1', stores: [store('DE', 'EUR')], pageSize: 50, orderFeedLagMs: 0 });
    Object.defineProperty(slow, 'now', { get: () => clock.now(), set: () => undefined });
    let nextToken = T0;
    slow.beforePage = async () => {
      const wait = Math.max(0, nextToken - clock.now());
      nextToken = Math.max(nextToken, clock.now()) + 3 * MIN;
      await clock.sleep(wait);
    };
    const placed = new Map<string, number>();
    const delay = new Map<string, number>();
    const ctl = new AbortController();
    const run = new Hub({ accounts: { slow } }).orders.sync({
      checkpoints: memoryCheckpoints(), follow: true, signal: ctl.signal, clock, intervalMs: 20_000, overlapMs: MIN, since: new Date(T0 - MIN),
      handle: (o) => void (placed.has(o.id) && !delay.has(o.id) && delay.set(o.id, clock.now() - placed.get(o.id)!)),
    });
    for (let m = 1; m <= 30; m++) {
      await clock.run(T0 + m * MIN);
      slow.putOrder(`A${m}`, clock.now());
      placed.set(`A${m}`, clock.now());
    }
    await clock.run(T0 + 40 * MIN);
    ctl.abort();
    await clock.run(T0 + 60 * MIN);
    await run;
    expect(delay.size).toBe(30);
    // Once the quota period is learned (the first reads), no order waits more than one period
    // (plus the second a window's bound stays behind: it never ends inside the current second).
    const steady = [...delay].filter(([id]) => Number(id.slice(1)) > 6).map(([, d]) => d);
    expect(Math.max(...steady)).toBeLessThanOrEqual(3 * MIN + 1000);
  });
});
