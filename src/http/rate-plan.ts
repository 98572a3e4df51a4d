/**
 * A documented rate limit as data: a token bucket refilling `perSecond` tokens up to `burst`.
 * Adapters declare one per operation group; the sandbox enforces the same data.
 */
export interface RatePlan {
  perSecond: number;
  burst: number;
}

/** Convenience for plans documented as "N per minute" or "N per day". */
export const perMinute = (n: number, burst = 1): RatePlan => ({ perSecond: n / 60, burst });

/** Plans may be time-scaled (sandbox demos/benchmarks run faster than real quotas). */
export function scalePlan(plan: RatePlan, timeScale: number): RatePlan {
  return { perSecond: plan.perSecond * timeScale, burst: plan.burst };
}
