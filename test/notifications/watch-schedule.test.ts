/**
 * Issue 22.1: a change the marketplace's feed shows at time t, whose push was dropped, reaches the
 * handler by the first safety-net poll at or after t, and polls start one interval apart (start to
 * start): a slow poll does not push the next one back. Runs on a virtual clock (no real timing).
 */
import { describe, expect, it } from 'vitest';
import type { OrderListQuery } from '../../src/adapter.js';
import { AbortedError } from '../../src/errors/classes.js';
import type { Clock } from '../../src/http/clock.js';
import { SteppedClock } from '../unit/hub/support/stepped-clock.js';
import { Hub, memoryCheckpoints } from '../../src/hub/index.js';
import { FakeAdapter } from '../unit/hub/support/fake-adapter.js';

const MIN = 60_000;
const T0 = Date.parse('2026-03-01T12:00:00Z');


/**
 * An account whose feed lags LAG behind (declared, like Amazon's) and whose every listing page
 * takes READ of marketplace time; no push ever arrives (all dropped).
 */
async function run(opts: { lag: number; read: number; interval: number; changes: number[]; endAt: number }) {
  const clock = new SteppedClock(T0);
  const fake = new FakeAdapter({ orderFeedLagMs: opts.lag, pageSize: 50 });
  Object.defineProperty(fake, 'now', { get: () => clock.t, set: () => undefined });
  const polls: Array<{ at: number; until: number }> = [];
  const list = fake.orders.list;
  (fake.orders as { list: typeof list }).list = (q: OrderListQuery, o) => {
    polls.push({ at: clock.t, until: new Date(q.until as string | Date).getTime() });
    return list(q, o);
  };
  fake.beforePage = () => clock.sleep(opts.read);
  const handled = new Map<string, number>();
  const ac = new AbortController();
  const done = new Hub({ accounts: { f: fake } }).orders.watch({
    sources: [], signal: ac.signal, clock,
    poll: { checkpoints: memoryCheckpoints(), since: new Date(T0 - 60 * MIN), intervalMs: opts.interval },
    handle: (o) => void (handled.has(o.id) || handled.set(o.id, clock.t)),
  });
  for (const [i, c] of [...opts.changes].sort((a, b) => a - b).entries()) {
    await clock.advanceTo(c);
    fake.putOrder(`C${i}`, c);
  }
  await clock.advanceTo(opts.endAt);
  ac.abort();
  await clock.advanceTo(opts.endAt + opts.read); // a read in flight ends (the listing sees the abort)
  await done;
  return { polls, handled };
}

describe('order watch: the safety-net poll recovers a dropped push within one interval', () => {
  it('polls start one interval apart (start to start) however long a poll takes, each window ending at now − lag', async () => {
    const interval = 5 * MIN;
    const r = await run({ lag: 2 * MIN, read: 40_000, interval, changes: [], endAt: T0 + 4 * interval - 1 });
    expect(r.polls.map((p) => p.at - T0)).toEqual([0, 1, 2, 3].map((k) => k * interval));
    for (const p of r.polls) expect(p.until).toBe(p.at - 2 * MIN);
  });

  it('a change visible in the feed at t (updated at t − lag) is handled by t + interval (+ the one read that lists it)', async () => {
    const interval = 5 * MIN;
    const lag = 2 * MIN;
    const read = 40_000;
    // Worst cases: just after a window's end (now − lag at a poll start), plus points in between.
    const changes = [1, 2, 3].flatMap((k) => [T0 + k * interval - lag + 1, T0 + k * interval - lag + 150_000, T0 + k * interval + 10_000]);
    const r = await run({ lag, read, interval, changes, endAt: T0 + 6 * interval });
    expect(r.handled.size).toBe(changes.length);
    for (const [i, c] of [...changes].sort((a, b) => a - b).entries()) {
      const visible = c + lag;
      const at = r.handled.get(`C${i}`)!;
      // Handled by the first poll starting at or after `visible`, once its page is read.
      expect(at - visible).toBeLessThanOrEqual(interval + read);
      const poll = r.polls.find((p) => p.until >= c)!;
      expect(poll.at).toBeGreaterThanOrEqual(visible);
      expect(poll.at - visible).toBeLessThan(interval);
    }
  });

  it('without a declared feed lag the window ends at the poll start', async () => {
    const r = await run({ lag: 0, read: 1000, interval: MIN, changes: [T0 + 30_000], endAt: T0 + 2 * MIN + 1 });
    // Never inside the current second: the bound is the poll start's second, minus 1 ms.
    expect(r.polls.slice(0, 2)).toEqual([{ at: T0, until: T0 - 1 }, { at: T0 + MIN, until: T0 + MIN - 1 }]);
    expect(r.handled.get('C0')).toBe(T0 + MIN + 1000);
  });
});

describe('order watch: long intervals', () => {
  it('a poll interval beyond the longest timer (24.8 days) is slept in naps a timer can hold, not as a 1 ms timer', async () => {
    const asked: number[] = [];
    let t = T0;
    const ac = new AbortController();
    const clock: Clock = {
      now: () => t,
      sleep: async (ms, signal) => {
        asked.push(ms);
        t += ms;
        if (asked.length >= 3) ac.abort(); // two naps of the first wait, then stop
        if (signal?.aborted) throw new AbortedError({});
      },
    };
    const fake = new FakeAdapter({ orderFeedLagMs: 0 });
    Object.defineProperty(fake, 'now', { get: () => t, set: () => undefined });
    const interval = 40 * 86_400_000;
    await new Hub({ accounts: { f: fake } }).orders.watch({
      signal: ac.signal, clock, handle: () => {},
      poll: { checkpoints: memoryCheckpoints(), since: new Date(T0 - MIN), intervalMs: interval },
    });
    expect(asked.slice(0, 2)).toEqual([2 ** 31 - 1, interval - (2 ** 31 - 1)]);
  });
});
