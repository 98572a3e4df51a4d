import type { SandboxContext, SandboxModule } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { installToken } from './guard.js';
import { installInventory } from './inventory.js';
import { installOrders } from './orders.js';
import { installNotifications } from './notifications.js';
import { installCancellations } from './cancellations.js';
import { installReturns } from './returns.js';
import { installRequirements } from './requirements.js';
import { internalError, tooManyRequests } from './responses.js';
import { EbaySandboxState } from './state.js';
import { ebayBuyer } from './buyers.js';

export { openReturn, shipReturn, requestCancellation, type OpenReturnInput } from './returns-buyer.js';
export { postOrder, type SandboxReturn, type SandboxCancel } from './returns-state.js';
export { emitNotification, setNotificationFaults } from './notifications-emit.js';
export type { NotificationFaultPlan, NotificationStats } from './notifications-state.js';
export { EbaySandboxState, SANDBOX_IOSS, DAILY_REVISION_LIMIT, type SeedOrdersOptions, type WireOrderDoc, type SandboxFulfillment, type SandboxOffer } from './state.js';

/**
 * Credentials the sandbox accepts by default (quickstart, tests), plus the listing defaults
 * (policies, location, category) its publishOffer accepts. Demo values only.
 */
export const SANDBOX_CREDENTIALS = {
  account: 'xborder_sandbox_seller',
  clientId: 'xborder-sandbox-PRD-0a1b2c3d4-e5f6a7b8',
  clientSecret: 'PRD-xborder-sandbox-client-secret-0001',
  refreshToken: 'v^1.1#i^1#xborder-sandbox-refresh-token-0001',
  listingDefaults: { fulfillmentPolicyId: '6196932000', paymentPolicyId: '6196933000', returnPolicyId: '6196934000', merchantLocationKey: 'sandbox-warehouse-1', categoryId: '9355' },
} as const;

export interface EbaySandboxOptions {
  clientId?: string;
  clientSecret?: string;
  users?: Array<{ userId: string; refreshToken: string }>;
  /** User access token lifetime (eBay: 7200 s). Not time-scaled: clients cache by expires_in. */
  tokenTtlSeconds?: number;
  /** Enforce the adapter's daily plans per user (default true). */
  rateLimits?: boolean;
  /** Expired tokens on Inventory calls answer 403 errorId 1100 instead of 401 (guard.ts). */
  expiredTokenAs403?: boolean;
}

/**
 * The eBay module of the embedded sandbox: OAuth refresh_token grant (Basic client auth), the
 * Fulfillment API (getOrders with filter/limit/offset, getOrder, shipping fulfillments) and the
 * Inventory API (inventory items, offers, publish, bulk price/quantity) with eBay's error envelope.
 * Mount with startSandbox({ marketplaces: { ebay: ebaySandbox() } }).
 */
export function ebaySandbox(opts: EbaySandboxOptions = {}): SandboxModule<EbaySandboxState> {
  const state = new EbaySandboxState({ clientId: opts.clientId ?? SANDBOX_CREDENTIALS.clientId, clientSecret: opts.clientSecret ?? SANDBOX_CREDENTIALS.clientSecret });
  for (const u of opts.users ?? [{ userId: SANDBOX_CREDENTIALS.account, refreshToken: SANDBOX_CREDENTIALS.refreshToken }]) state.users.set(u.userId, u);
  const guard = { tokenTtlSeconds: opts.tokenTtlSeconds ?? 7200, rateLimits: opts.rateLimits ?? true, expiredAs403: opts.expiredTokenAs403 ?? false };
  return {
    name: 'ebay',
    state,
    buyer: ebayBuyer(state),
    install(router: Router, ctx: SandboxContext) {
      state.ctx = ctx;
      installToken(router, state, ctx, guard);
      installOrders(router, state, ctx, guard);
      installInventory(router, state, ctx, guard);
      installNotifications(router, state, ctx, guard.rateLimits);
      installReturns(router, state, ctx, guard);
      installCancellations(router, state, ctx, guard);
      installRequirements(router, state, ctx);
    },
    throttled: (retryAfterMs) => tooManyRequests(retryAfterMs),
    serverError: internalError,
  };
}
