import type { RatePlan } from '../http/rate-plan.js';
import type { SandboxClock } from './clock.js';

/** Network and timer jitter the marketplace side tolerates between paced requests. */
const JITTER_MS = 15;

/**
 * Non-blocking token buckets, the marketplace's side of a rate plan: a request either takes a
 * token or is refused with how long until the next one. Fed the same plan data as the adapters.
 */
export class SandboxLimits {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  /** Every refusal, for tests and benchmarks. */
  throttled = 0;

  constructor(private readonly clock: SandboxClock, private readonly timeScale = 1) {}

  take(key: string, plan: RatePlan): { ok: true } | { ok: false; retryAfterMs: number } {
    const rate = plan.perSecond * this.timeScale;
    const now = this.clock.now();
    const b = this.buckets.get(key) ?? { tokens: plan.burst, at: now };
    const tokens = Math.min(plan.burst, b.tokens + (Math.max(0, now - b.at) / 1000) * rate);
    // Requests paced exactly by a client reach us with network/timer jitter; absorb JITTER_MS of it
    // (negligible at real rates, a few tokens when quotas are time-scaled). The long-run rate is
    // unchanged: the bucket only goes that far into debt.
    if (tokens >= 1 - Math.min(plan.burst / 2, Math.max(0.02, (rate * JITTER_MS) / 1000))) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      return { ok: true };
    }
    this.buckets.set(key, { tokens, at: now });
    this.throttled++;
    return { ok: false, retryAfterMs: Math.ceil(((1 - tokens) / rate) * 1000) };
  }

  reset(): void {
    this.buckets.clear();
    this.throttled = 0;
  }
}
