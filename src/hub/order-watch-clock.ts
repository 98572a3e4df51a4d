import type { Clock } from '../http/clock.js';

/**
 * A clock whose sleeps can be cut short: a push without an order id (or a failed targeted read)
 * wakes the account's poll at once instead of waiting for the next interval. Only the poll's
 * between-window sleep uses this clock.
 */
export class WakeableClock implements Clock {
  private readonly wakers = new Set<() => void>();

  constructor(private readonly base: Clock) {}

  now(): number {
    return this.base.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const ac = new AbortController();
    const onAbort = () => ac.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const wake = () => ac.abort('wake');
    this.wakers.add(wake);
    return this.base.sleep(ms, ac.signal).catch((e) => {
      if (signal?.aborted) throw e;
    }).finally(() => {
      this.wakers.delete(wake);
      signal?.removeEventListener('abort', onAbort);
    });
  }

  /** Ends the current sleep, if any; a poll running now is not repeated. */
  wake(): void {
    for (const w of [...this.wakers]) w();
  }
}
