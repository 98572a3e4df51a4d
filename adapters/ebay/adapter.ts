import type { Capabilities, MarketplaceAdapter } from '../../src/adapter.js';
import { systemClock } from '../../src/http/clock.js';
import { Limiter } from '../../src/http/limiter.js';
import type { RawClient } from '../../src/http/operation.js';
import { Pipeline } from '../../src/http/pipeline.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { EbayAuth } from './auth.js';
import { DEFAULTS, resolveConfig, type EbayConfigInput, type EbayStore } from './config.js';
import { EbayContext } from './context.js';
import { ebayRequestId, mapEbayError } from './errors.js';
import { fulfilmentService } from './fulfilment.js';
import { inventoryService, type EbayInventoryService } from './inventory.js';
import { listingsService, type EbayListingsService } from './listings.js';
import { ebayRequirements } from './requirements/service.js';
import { MemoryRequirementsCache } from '../../src/requirements/cache.js';
import type { RequirementsCache } from '../../src/requirements/types.js';
import type { EbayOperations } from './operations.js';
import { ordersService } from './orders.js';
import { mapPostOrderError, withIafScheme } from './returns/post-order.js';
import { EbaySigner, signedOperationIds, withDigitalSignature } from './digital-signature.js';
import { cancellationOps, fulfillmentRefundOps, returnOps } from './returns/operations.js';
import { EBAY_RETURNS_CAPABILITIES, returnsService } from './returns/service.js';
import type { ReturnsService } from '../../src/returns/types.js';
import { EbayNotifications } from './notifications/client.js';

export type EbayRawClient = RawClient<Omit<EbayOperations, 'refreshToken'>>;

export interface EbayAdapter extends MarketplaceAdapter<EbayRawClient> {
  readonly marketplace: 'ebay';
  readonly stores: readonly EbayStore[];
  /** Post-Order returns, refunds (also without a return) and buyer cancellation requests (issue 23). */
  readonly returns: ReturnsService;
  readonly listings: EbayListingsService;
  /** set, and get: the live quantities on bulkGetInventoryItem (inventory/read.ts). */
  readonly inventory: EbayInventoryService;
  /** Notification API: destinations, subscriptions, topics, public keys and the webhook verifier. */
  readonly notifications: EbayNotifications;
}

/**
 * One eBay seller account (one user token): its stores are eBay sites with their currency; orders
 * come from one feed across sites. A unified SKU is one seller SKU per site (site-skus.ts), so
 * content and quantity are per site.
 */
export function ebay<const M extends string = string>(config: EbayConfigInput<M> & { requirementsCache?: RequirementsCache }): EbayAdapter {
  // Category requirements (taxonomy aspects, condition policies) are cached here; not a config field.
  const requirementsCache = (config as { requirementsCache?: RequirementsCache } | null)?.requirementsCache ?? new MemoryRequirementsCache();
  const { requirementsCache: _rc, ...plainConfig } = (config ?? {}) as EbayConfigInput & { requirementsCache?: RequirementsCache };
  const resolved = resolveConfig(config === null || config === undefined || typeof config !== 'object' ? config : plainConfig);
  const { parsed } = resolved;
  const clock = config.clock ?? systemClock;
  const journal = config.journal ?? new MemoryIntentJournal();
  let pipeline: Pipeline | undefined;
  const auth = new EbayAuth({ credentials: parsed.credentials, tokenBaseUrl: resolved.tokenBaseUrl, scopes: resolved.scopes, pipeline: () => pipeline!, clock, tokenStore: config.tokenStore });
  const scale = parsed.timeScale;
  pipeline = new Pipeline({
    marketplace: 'ebay',
    account: parsed.account,
    baseUrl: resolved.baseUrl,
    // Post-Order paths take the same token as `IAF <token>` and answer their own error envelope (returns/post-order.ts).
    // Signs after the token (IAF scheme included); only the ops flagged `signed` (digital-signature.ts).
    auth: withDigitalSignature(withIafScheme(auth), parsed.digitalSignature && new EbaySigner(parsed.digitalSignature, () => clock.now()), signedOperationIds(returnOps, cancellationOps, fulfillmentRefundOps)),
    mapError: (res, c) => mapPostOrderError(res, c) ?? mapEbayError(res, c),
    requestIdOf: ebayRequestId,
    hooks: config.hooks,
    limiter: new Limiter(config.limiterStore, clock),
    clock,
    journal,
    retry: config.retry,
    random: config.random,
    transport: config.transport,
    timeoutMs: parsed.timeoutMs,
    timeScale: scale,
    consistency: config.consistency ?? { windowMs: DEFAULTS.consistency.windowMs / scale, intervalMs: DEFAULTS.consistency.intervalMs / scale },
  });
  const ctx = new EbayContext(resolved, pipeline, journal, clock, pipeline.config.consistency!);
  const { refreshToken: _token, ...callable } = ctx.ops;
  const raw = Object.fromEntries(Object.entries(callable).map(([name, operation]) => [name, (parts: object, opts?: object) => ctx.call(operation as never, (parts ?? {}) as never, opts)])) as unknown as EbayRawClient;
  const capabilities: Capabilities = {
    partialShipment: true,
    multiPackage: true,
    marketplaceIssuedTracking: false,
    // Seller cancellation through Post-Order: whole orders only (cancellations.ts).
    cancellation: { order: true, lines: false },
    bulkListingThreshold: DEFAULTS.bulkListingThreshold,
    // One seller SKU per site (site-skus.ts): each site's listing has its own quantity.
    quantity: { sharedAcrossStores: false, includesReserved: false, marketplaceFulfilledReadOnly: false },
    inventoryBatchSize: DEFAULTS.bulkBatchSize,
    returns: EBAY_RETURNS_CAPABILITIES,
  };
  return {
    marketplace: 'ebay',
    account: parsed.account,
    stores: ctx.stores,
    capabilities,
    listings: listingsService(ctx, ebayRequirements(ctx, requirementsCache)),
    orders: ordersService(ctx),
    inventory: inventoryService(ctx),
    fulfilment: fulfilmentService(ctx),
    returns: returnsService(ctx),
    notifications: new EbayNotifications(ctx),
    raw,
  };
}
