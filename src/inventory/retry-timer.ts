/**
 * A pusher's retries waiting for their backoff: one timer per pusher, not one sleep (and abort
 * listener) per waiting target, sleeping until the earliest is due (issue 26.4).
 */
import type { Clock } from '../http/clock.js';
import { targetKey, type Target } from './availability.js';

export class RetryTimer {
  private readonly due = new Map<string, { target: Target; attempt: number; at: number }>();
  private timer?: Promise<void>;

  /**
   * `fire`: re-queues one due target (called for each, then `fired` once per wake-up);
   * `settled`: the timer stopped (nothing waits, or the signal aborted).
   */
  constructor(
    private readonly clock: Clock,
    private readonly signal: AbortSignal,
    private readonly on: { fire(target: Target, attempt: number): void; fired(): void; settled(): void },
  ) {}

  get size(): number {
    return this.due.size;
  }

  /** Retries `target` (its `attempt`-th) after `delayMs`; a later schedule of the same target replaces it. */
  schedule(target: Target, attempt: number, delayMs: number): void {
    this.due.set(targetKey(target), { target, attempt, at: this.clock.now() + delayMs });
    this.timer ??= this.run().finally(() => {
      this.timer = undefined;
      this.on.settled();
    });
  }

  private async run(): Promise<void> {
    while (this.due.size && !this.signal.aborted) {
      let next = Infinity;
      for (const r of this.due.values()) next = Math.min(next, r.at);
      try {
        await this.clock.sleep(Math.max(0, next - this.clock.now()), this.signal);
      } catch {
        break;
      }
      const now = this.clock.now();
      for (const [key, r] of this.due) {
        if (r.at > now) continue;
        this.due.delete(key);
        this.on.fire(r.target, r.attempt);
      }
      this.on.fired();
    }
    if (this.signal.aborted) this.due.clear();
  }
}
