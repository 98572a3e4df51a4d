/**
 * Discrete-event clock: `sleep` parks a timer, `run` lets every pending promise chain settle and
 * then jumps to the next timer. A simulated day runs in well under a second, deterministically,
 * with the real Limiter and the real engine on top.
 */
import { AbortedError } from '../../../src/errors/classes.js';
import type { Clock } from '../../../src/http/clock.js';

interface Timer {
  at: number;
  n: number;
  fire(): void;
}

export class VirtualClock implements Clock {
  private readonly timers: Timer[] = [];
  private n = 0;
  constructor(private t = 0) {}

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(new AbortedError({ cause: signal.reason }));
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = this.timers.indexOf(timer);
        if (i >= 0) this.timers.splice(i, 1);
        reject(new AbortedError({ cause: signal?.reason }));
      };
      const timer: Timer = {
        at: this.t + Math.max(0, ms),
        n: this.n++,
        fire: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
      };
      this.timers.push(timer);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Advances through timers due up to `until` (all of them when omitted), settling in between. */
  async run(until = Infinity): Promise<void> {
    for (;;) {
      await settle();
      let next: Timer | undefined;
      for (const t of this.timers) if (!next || t.at < next.at || (t.at === next.at && t.n < next.n)) next = t;
      if (!next || next.at > until) break;
      this.timers.splice(this.timers.indexOf(next), 1);
      this.t = Math.max(this.t, next.at);
      next.fire();
    }
    if (until !== Infinity) this.t = Math.max(this.t, until);
    await settle();
  }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) await new Promise<void>((r) => setImmediate(r));
}
