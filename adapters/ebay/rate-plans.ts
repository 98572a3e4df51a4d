import type { RatePlan } from '../../src/http/rate-plan.js';

/**
 * eBay documents daily call limits per API and app, not per-second rates (research B4; the
 * Inventory and Fulfillment figures are from copies of the API Call Limits page, unconfirmed).
 * A daily quota becomes a bucket refilling at quota/86 400 per second that holds one hour of
 * calls, so ordinary bursts never wait and a runaway loop is paced instead of burning the day.
 * eBay's own refusal once the day is spent maps to QuotaExhaustedError (errors.ts).
 */
export const DAILY_LIMITS = {
  inventory: 2_000_000,
  fulfillment: 100_000,
  /** refresh_token grants per app per day (oauth-rate-limits). */
  token: 50_000,
} as const;

export type EbayApi = keyof typeof DAILY_LIMITS;

export function dailyPlan(perDay: number): RatePlan {
  return { perSecond: perDay / 86_400, burst: Math.max(1, Math.floor(perDay / 24)) };
}

export const RATE_PLANS: Record<EbayApi, RatePlan> = {
  inventory: dailyPlan(DAILY_LIMITS.inventory),
  fulfillment: dailyPlan(DAILY_LIMITS.fulfillment),
  token: dailyPlan(DAILY_LIMITS.token),
};
