import { AbortedError } from '../../../../src/errors/classes.js';
import type { Clock } from '../../../../src/http/clock.js';

/** Lets pending promise chains run (a bounded number of macrotask turns). */
export const settle = async () => {
  for (let i = 0; i < 30; i++) await new Promise((r) => setImmediate(r));
};

/** Sleeps resolve only when the test moves time past them, earliest first. */
export class SteppedClock implements Clock {
  private timers: Array<{ at: number; resolve(): void }> = [];
  constructor(public t: number) {}
  now = () => this.t;
  sleep = (ms: number, signal?: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new AbortedError({}));
      const timer = { at: this.t + ms, resolve };
      this.timers.push(timer);
      signal?.addEventListener('abort', () => {
        this.timers = this.timers.filter((x) => x !== timer);
        reject(new AbortedError({}));
      }, { once: true });
    });

  /** Moves to `target`, waking sleepers in time order and letting each run before the next. */
  async advanceTo(target: number): Promise<void> {
    for (;;) {
      await settle();
      const due = this.timers.filter((x) => x.at <= target).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((x) => x !== due);
      this.t = Math.max(this.t, due.at);
      due.resolve();
    }
    this.t = target;
    await settle();
  }
}
