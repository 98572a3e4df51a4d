/** Issue 26.4: however many calls wait on one long-lived AbortSignal, the limiter holds one listener. */
import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { AbortedError } from '../../../src/errors/index.js';
import { Limiter } from '../../../src/http/limiter.js';
import { VirtualClock } from '../inventory/virtual-clock.js';

const listeners = (s: AbortSignal) => getEventListeners(s, 'abort').length;

describe('Limiter abort listeners', () => {
  it('50 queued callers on one signal add one listener, removed once they are served', async () => {
    const clock = new VirtualClock(0);
    const limiter = new Limiter(undefined, clock);
    const ac = new AbortController();
    const plan = { perSecond: 10, burst: 1 };
    let peak = 0;
    const all = Array.from({ length: 50 }, () => limiter.acquire('k', plan, { signal: ac.signal }).then(() => (peak = Math.max(peak, listeners(ac.signal)))));
    peak = Math.max(peak, listeners(ac.signal));
    await clock.run();
    await Promise.all(all);
    expect(peak).toBeLessThanOrEqual(1);
    expect(listeners(ac.signal)).toBe(0);
  });

  it('a long run of acquire/abort cycles leaves no listener behind', async () => {
    const clock = new VirtualClock(0);
    const limiter = new Limiter(undefined, clock);
    const engine = new AbortController();
    const plan = { perSecond: 100, burst: 2 };
    for (let round = 0; round < 200; round++) {
      const call = new AbortController();
      const signal = AbortSignal.any([engine.signal, call.signal]);
      const ps = Array.from({ length: 5 }, () => limiter.acquire('k', plan, { signal }).catch((e: unknown) => e));
      if (round % 3 === 0) call.abort();
      await clock.run();
      const out = await Promise.all(ps);
      if (round % 3 === 0) expect(out.some((e) => e instanceof AbortedError)).toBe(true);
      expect(listeners(signal)).toBe(0);
    }
    expect(listeners(engine.signal)).toBe(0);
  });

  it('an aborted waiter leaves the queue at once and stops the lane timer when it was the last', async () => {
    const clock = new VirtualClock(0);
    const limiter = new Limiter(undefined, clock);
    const plan = { perSecond: 0.001, burst: 1 };
    await limiter.acquire('k', plan);
    const ac = new AbortController();
    const p = limiter.acquire('k', plan, { signal: ac.signal });
    const assertion = expect(p).rejects.toBeInstanceOf(AbortedError);
    await clock.run(10);
    ac.abort();
    await assertion;
    // No timer left parked for the ~1000 s wait: the lane stopped sleeping.
    await clock.run();
    expect(clock.now()).toBe(10);
  });
});
