import type { Clock } from '../http/clock.js';

/** setTimeout runs a longer delay after 1 ms (Node.js timers docs): longer waits are several naps. */
const MAX_TIMER_MS = 2 ** 31 - 1;

async function naps(clock: Clock, ms: number, signal: AbortSignal): Promise<void> {
  for (let left = ms; left > 0; left -= MAX_TIMER_MS) await clock.sleep(Math.min(left, MAX_TIMER_MS), signal);
}

/**
 * The clock of one account's safety-net poll. Only the poll's between-window sleep uses it, and
 * it sleeps start to start: `sleep(interval)` ends `interval` after the previous window started
 * (the end of the previous sleep, or construction), not after it ended, so a slow window never
 * pushes the next one back and a change the feed shows at t is listed by a window starting by
 * t + interval (issue 22.1). A push without an order id (or a failed targeted read) wakes the
 * poll at once; the next scheduled one is then an interval after that.
 */
export class WakeableClock implements Clock {
  private readonly wakers = new Set<() => void>();
  /** When the current (or last) window started. */
  private startedAt: number;

  constructor(private readonly base: Clock) {
    this.startedAt = base.now();
  }

  now(): number {
    return this.base.now();
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    const ac = new AbortController();
    const onAbort = () => ac.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const wake = () => ac.abort('wake');
    this.wakers.add(wake);
    // A window that took longer than the interval is followed by the next one at once.
    const left = Math.max(0, this.startedAt + ms - this.base.now());
    return naps(this.base, left, ac.signal).catch((e) => {
      if (signal?.aborted) throw e;
    }).then(() => {
      this.startedAt = this.base.now();
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
