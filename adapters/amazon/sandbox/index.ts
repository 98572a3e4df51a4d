import type { SandboxContext, SandboxModule } from '../../../src/sandbox/module.js';
import type { Router } from '../../../src/sandbox/router.js';
import { installFeeds } from './feeds.js';
import { installLwa } from './guard.js';
import { installListings } from './listings.js';
import { installNotifications } from './notifications.js';
import type { NotificationsSandboxOptions } from './notifications-world.js';
import { installOrders } from './orders.js';
import { installReports } from './reports.js';
import { installDefinitions } from './requirements.js';
import { internalError, quotaExceeded } from './responses.js';
import { AmazonSandboxState } from './state.js';
import { amazonBuyer } from './buyers.js';

export { AmazonSandboxState, type SeedOrdersOptions } from './state.js';
export type { OrderDoc } from './order-doc.js';
// Returns reports and the adjustment feed (specs/amazon/reports_2021-06-30.json, feeds_2021-06-30.json).
export { fbaCustomerReturn, fbaReturnsOf, type FbaReturnInput, type SandboxFbaReturn } from './returns-fba.js';
export { adjustmentsOf, type SandboxAdjustment } from './returns-adjustments.js';
export { deliverMfnReturn, mfnReturnRequest, mfnReturnsOf, shipMfnReturn, type MfnReturnInput, type SandboxMfnReturn } from './returns-mfn.js';
export { notificationsOf, SANDBOX_APPLICATION_ID, type NotificationsWorld, type NotificationFaults, type NotificationsSandboxOptions } from './notifications-world.js';

/** Credentials the sandbox accepts by default (the quickstart and tests use them). */
export const SANDBOX_CREDENTIALS = {
  sellerId: 'A2EXAMPLE',
  clientId: 'amzn1.application-oa2-client.xborder-sandbox',
  clientSecret: 'xborder-sandbox-client-secret-0001',
  refreshToken: 'Atzr|xborder-sandbox-refresh-token-0001',
} as const;

export interface AmazonSandboxOptions {
  clientId?: string;
  clientSecret?: string;
  sellers?: Array<{ sellerId: string; refreshToken: string }>;
  /** LWA access token lifetime (Amazon: 3600 s). Not time-scaled: clients cache by expires_in. */
  tokenTtlSeconds?: number;
  /** Enforce the usage plans per seller (default true). */
  rateLimits?: boolean;
  /** Amazon-time delays, divided by the sandbox's time scale. */
  listingLiveAfterMs?: number;
  feedProcessingMs?: number;
  readLagMs?: number;
  /**
   * FBA SKUs in the seed (default SANDBOX-FBA-1 and SANDBOX-FBA-2 on Amazon.de and .fr): their
   * fulfillment_availability carries an Amazon channel code, as in
   * specs/amazon/listings-feed-schema-v2.example.json (`AMAZON_NA`).
   */
  fbaSkus?: string[];
  /** Amazon-time a report takes to generate (default 30 s, divided by the time scale; states per specs/amazon/reports_2021-06-30.json processingStatus). */
  reportProcessingMs?: number;
  /** Product type definitions to enforce (getDefinitionsProductType `schema` documents, specs/amazon/definitionsProductTypes_2020-09-01.json), by product type. */
  productTypes?: Record<string, { properties?: Record<string, unknown>; required?: string[]; additionalProperties?: boolean }>;
  /** Notifications API + the SQS endpoint (`${url}/sqs`) ORDER_CHANGE is published to, with delivery faults. */
  notifications?: NotificationsSandboxOptions;
}

/**
 * The Amazon module of the embedded sandbox: LWA, Listings Items, Feeds (with pre-signed document
 * URLs it serves itself), Orders 2026-01-01 and v0 confirmShipment, usage plans enforced per seller
 * with Amazon's 429 body. Mount with startSandbox({ marketplaces: { amazon: amazonSandbox() } }).
 */
export function amazonSandbox(opts: AmazonSandboxOptions = {}): SandboxModule<AmazonSandboxState> {
  const state = new AmazonSandboxState({ clientId: opts.clientId ?? SANDBOX_CREDENTIALS.clientId, clientSecret: opts.clientSecret ?? SANDBOX_CREDENTIALS.clientSecret });
  state.productTypes = { ...opts.productTypes };
  for (const s of opts.sellers ?? [{ sellerId: SANDBOX_CREDENTIALS.sellerId, refreshToken: SANDBOX_CREDENTIALS.refreshToken }]) state.sellers.set(s.sellerId, s);
  const guard = { tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600, rateLimits: opts.rateLimits ?? true };
  const timing = { liveAfterMs: opts.listingLiveAfterMs ?? 30_000, feedProcessingMs: opts.feedProcessingMs ?? 60_000, readLagMs: opts.readLagMs ?? 5_000 };
  return {
    name: 'amazon',
    state,
    buyer: amazonBuyer(state),
    install(router: Router, ctx: SandboxContext) {
      state.ctx = ctx;
      state.seedFbaListings(opts.fbaSkus ?? ['SANDBOX-FBA-1', 'SANDBOX-FBA-2'], { marketplaceIds: ['A1PA6795UKMFR9', 'A13V1IB3VIYZZH'] });
      installLwa(router, state, ctx, guard);
      installListings(router, state, ctx, { ...guard, liveAfterMs: timing.liveAfterMs });
      installFeeds(router, state, ctx, { ...guard, ...timing });
      installOrders(router, state, ctx, { ...guard, readLagMs: timing.readLagMs });
      installReports(router, state, ctx, { ...guard, reportProcessingMs: opts.reportProcessingMs ?? 30_000 });
      installDefinitions(router, state, ctx, guard);
      installNotifications(router, state, ctx, guard, opts.notifications);
    },
    throttled: () => quotaExceeded(),
    serverError: internalError,
  };
}
