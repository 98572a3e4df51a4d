import type { RatePlan } from '../http/rate-plan.js';
import type { SandboxClock } from './clock.js';

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
    // A small tolerance absorbs timer jitter between a client that waited exactly and our clock.
    if (tokens >= 0.98) {
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
