import type { RatePlan } from '../../src/http/rate-plan.js';

/**
 * Shopee publishes no numeric limits (research A5: limits exist per partner, per shop and per
 * API; throttling reported above ~100 req/s). These conservative plans keep one shop well below
 * that; `error_rate_limit` still backs off and the limiter is penalized. The sandbox enforces
 * the same data.
 */
export const RATE_PLANS = {
  auth: { perSecond: 2, burst: 5 },
  media: { perSecond: 5, burst: 10 },
  product: { perSecond: 10, burst: 20 },
  global_product: { perSecond: 10, burst: 20 },
  merchant: { perSecond: 5, burst: 10 },
  order: { perSecond: 10, burst: 20 },
  logistics: { perSecond: 10, burst: 20 },
  payment: { perSecond: 10, burst: 20 },
  push: { perSecond: 2, burst: 5 },
} as const satisfies Record<string, RatePlan>;

export type RateGroup = keyof typeof RATE_PLANS;

/** The group of an API path (/api/v2/<module>/<api>). */
export function groupOfPath(path: string): RateGroup {
  const module = path.split('/')[3] ?? '';
  if (module === 'auth' || module === 'public' || module === 'shop') return 'auth';
  if (module === 'media_space') return 'media';
  return (module in RATE_PLANS ? module : 'product') as RateGroup;
}
