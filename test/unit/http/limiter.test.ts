import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AbortedError, RateLimitError } from '../../../src/errors/index.js';
import { Limiter } from '../../../src/http/limiter.js';
import { backoffDelay, retryDelay } from '../../../src/http/retry.js';

describe('Limiter (token bucket on p-queue)', () => {
  beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
  afterEach(() => vi.useRealTimers());

  it('lets a burst through at once, then paces at the rate', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 2, burst: 3 };
    const done: number[] = [];
    const start = Date.now();
    const all = Array.from({ length: 7 }, () => limiter.acquire('k', plan).then(() => done.push(Date.now() - start)));
    await vi.advanceTimersByTimeAsync(5000);
    await Promise.all(all);
    // 3 at t=0 (burst), then one every 500 ms.
    expect(done).toEqual([0, 0, 0, 500, 1000, 1500, 2000]);
  });

  it('adopts a rate announced by the server', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 1, burst: 1 };
    await limiter.acquire('k', plan);
    limiter.updateRate('k', 10);
    const t0 = Date.now();
    const p = limiter.acquire('k', plan);
    await vi.advanceTimersByTimeAsync(100);
    await p;
    expect(Date.now() - t0).toBe(100);
  });

  it('buckets are independent per key and shared within a key', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 1, burst: 1 };
    await limiter.acquire('seller:orders', plan);
    const other = limiter.acquire('seller2:orders', plan);
    await vi.advanceTimersByTimeAsync(0);
    await expect(other).resolves.toBe(0);
    let shared = false;
    const same = limiter.acquire('seller:orders', plan).then(() => (shared = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(shared).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await same;
    expect(shared).toBe(true);
  });

  it('throws RateLimitError instead of waiting past the deadline', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 0.1, burst: 1 };
    await limiter.acquire('k', plan);
    await expect(limiter.acquire('k', plan, { deadline: Date.now() + 1000 })).rejects.toBeInstanceOf(RateLimitError);
  });

  it('aborts a limiter wait', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 0.1, burst: 1 };
    await limiter.acquire('k', plan);
    const ac = new AbortController();
    const p = limiter.acquire('k', plan, { signal: ac.signal });
    const assertion = expect(p).rejects.toBeInstanceOf(AbortedError);
    await vi.advanceTimersByTimeAsync(100);
    ac.abort();
    await vi.advanceTimersByTimeAsync(1);
    await assertion;
  });

  it('penalize after a 429 empties the bucket: no burst, the next token one interval later (Retry-After is the retry\'s wait, see limiter-429.test.ts)', async () => {
    const limiter = new Limiter();
    const plan = { perSecond: 10, burst: 5 };
    await limiter.penalize('k', plan, 2000);
    const t0 = Date.now();
    const p = limiter.acquire('k', plan).then(() => Date.now() - t0);
    await vi.advanceTimersByTimeAsync(3000);
    expect(await p).toBe(100);
  });
});

describe('retry delays', () => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it('full jitter stays within [0, min(max, base·2^(n−1))]', () => {
    for (let n = 1; n <= 8; n++) {
      const ceiling = Math.min(1000, 100 * 2 ** (n - 1));
      expect(backoffDelay(n, policy, () => 0)).toBe(0);
      expect(backoffDelay(n, policy, () => 0.999999)).toBe(ceiling - 1);
    }
  });
  it('Retry-After wins when it is longer than the jittered backoff', () => {
    const err = new RateLimitError({ message: 'slow down', retryAfterMs: 5000 });
    expect(retryDelay(err, 1, policy, () => 0.5)).toBe(5000);
  });
});
