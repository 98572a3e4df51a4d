import { afterEach, describe, expect, it, vi } from 'vitest';
import { AbortedError } from '../../../src/errors/index.js';
import { abortableSleep } from '../../../src/http/clock.js';

afterEach(() => vi.useRealTimers());

describe('abortableSleep (the system clock)', () => {
  it('waits the whole delay when it exceeds the 2^31 − 1 ms a setTimeout can hold (Node runs those after 1 ms)', async () => {
    vi.useFakeTimers();
    const year = 365 * 24 * 3_600_000;
    let done = false;
    const slept = abortableSleep(year).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2 ** 31);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(year - 2 ** 31 - 1);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await slept;
    expect(done).toBe(true);
  });

  it('an abort during a later nap still rejects with AbortedError', async () => {
    vi.useFakeTimers();
    const ac = new AbortController();
    const slept = abortableSleep(2 ** 32, ac.signal).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(2 ** 31 + 5);
    ac.abort();
    expect(await slept).toBeInstanceOf(AbortedError);
  });
});
