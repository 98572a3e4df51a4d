import type { Capabilities, MarketplaceAdapter } from '../../src/adapter.js';
import { systemClock } from '../../src/http/clock.js';
import { Limiter } from '../../src/http/limiter.js';
import type { RawClient } from '../../src/http/operation.js';
import { Pipeline } from '../../src/http/pipeline.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { LwaAuth } from './auth.js';
import { DEFAULTS, resolveConfig, type AmazonConfigInput } from './config.js';
import { AmazonContext, type AmazonStore } from './context.js';
import { amazonRateFromHeaders, amazonRequestId, mapAmazonError } from './errors.js';
import { fulfilmentService, type AmazonFulfilmentService } from './fulfilment.js';
import { inventoryService } from './inventory.js';
import { MemoryListingMemory } from './listing-memory.js';
import { routeGrantless } from './notifications/grantless.js';
import { NOTIFICATIONS_SCOPE } from './notifications/operations.js';
import { notificationsService, type AmazonNotificationsService } from './notifications/service.js';
import { listingsService } from './listings.js';
import { amazonRequirements } from './requirements/service.js';
import { MemoryRequirementsCache } from '../../src/requirements/cache.js';
import type { RequirementsCache } from '../../src/requirements/types.js';
import type { AmazonRegion } from './marketplaces.js';
import { ops, type AmazonOperations } from './operations.js';
import { ORDER_LAG_MS, ordersService, type AmazonOrdersService } from './orders.js';
import { AMAZON_RETURNS_CAPABILITIES, amazonReturnsService, type AmazonReturnsService } from './returns/service.js';

export type AmazonRawClient = RawClient<AmazonOperations>;

export interface AmazonAdapter extends MarketplaceAdapter<AmazonRawClient> {
  readonly marketplace: 'amazon';
  readonly region: AmazonRegion;
  readonly stores: readonly AmazonStore[];
  readonly listings: ReturnType<typeof listingsService>;
  readonly fulfilment: AmazonFulfilmentService;
  readonly orders: AmazonOrdersService;
  /** Notifications API: SQS destination + subscriptions (consume them with AmazonSqsSource). */
  readonly notifications: AmazonNotificationsService;
  /** Returns read from the MFN and FBA returns reports; refunds of MFN orders by feed (returns/service.ts). */
  readonly returns: AmazonReturnsService;
}

/**
 * One seller account on Amazon (one SP-API region): its stores are marketplaces, listings act on a
 * store, orders/stock/fulfilment on the account. Every store draws on the same rate-limit buckets.
 * Returns: read-only reports plus refunds of merchant-fulfilled orders by feed. Amazon offers no
 * API to approve or reject a return request or to issue a return label (returns/service.ts cites
 * selling-partner-api-models#3959), so capabilities.returns says approve/reject false.
 */
export function amazon<const M extends string = string>(config: AmazonConfigInput<M> & { requirementsCache?: RequirementsCache }): AmazonAdapter {
  // Product type definitions are cached here (memory unless a FileRequirementsCache is given); not a config field.
  const requirementsCache = (config as { requirementsCache?: RequirementsCache } | null)?.requirementsCache ?? new MemoryRequirementsCache();
  const { requirementsCache: _rc, ...plainConfig } = (config ?? {}) as AmazonConfigInput<M> & { requirementsCache?: RequirementsCache };
  const resolved = resolveConfig(config === null || config === undefined || typeof config !== 'object' ? config : (plainConfig as AmazonConfigInput<M>));
  const { parsed } = resolved;
  const clock = config.clock ?? systemClock;
  const journal = config.journal ?? new MemoryIntentJournal();
  let pipeline: Pipeline | undefined;
  const lwa = { credentials: parsed.credentials, tokenEndpoint: resolved.tokenEndpoint, pipeline: () => pipeline!, clock, tokenStore: config.tokenStore };
  // Grantless Notifications operations take the app's client_credentials token (notifications/grantless.ts).
  const auth = routeGrantless(new LwaAuth(lwa), new LwaAuth({ ...lwa, scope: NOTIFICATIONS_SCOPE }));
  pipeline = new Pipeline({
    marketplace: 'amazon',
    account: parsed.sellerId,
    baseUrl: resolved.baseUrl,
    auth,
    mapError: mapAmazonError,
    requestIdOf: amazonRequestId,
    rateFromHeaders: amazonRateFromHeaders,
    hooks: config.hooks,
    limiter: new Limiter(config.limiterStore, clock),
    clock,
    journal,
    retry: config.retry,
    random: config.random,
    transport: config.transport,
    timeoutMs: parsed.timeoutMs,
    timeScale: parsed.timeScale,
    consistency: config.consistency ?? scaledWindow(DEFAULTS.consistency, parsed.timeScale),
  });
  const ctx = new AmazonContext(resolved, pipeline, config.listingMemory ?? new MemoryListingMemory(), journal, clock, pipeline.config.consistency!, {
    ...DEFAULTS.feedPoll,
    ...config.feedPoll,
  });
  const raw = Object.fromEntries(Object.entries(ops).map(([name, operation]) => [name, (parts: object, opts?: object) => ctx.call(operation as never, (parts ?? {}) as never, opts)])) as unknown as AmazonRawClient;
  const capabilities: Capabilities = {
    partialShipment: true,
    multiPackage: true,
    marketplaceIssuedTracking: false,
    // No documented per-line cancellation path (orders.ts): line cancels throw NotSupportedError.
    cancellation: { order: true, lines: false },
    bulkListingThreshold: parsed.bulkThreshold,
    quantity: { sharedAcrossStores: true, includesReserved: false, marketplaceFulfilledReadOnly: true },
    inventoryBatchSize: parsed.maxMessagesPerFeed,
    returns: AMAZON_RETURNS_CAPABILITIES,
    // searchOrders: lastUpdatedBefore/createdBefore "at least two minutes before the time of the request" (specs/amazon/orders_2026-01-01.json#/paths/~1orders~12026-01-01~1orders/get).
    orderFeedLagMs: ORDER_LAG_MS,
  };
  return {
    marketplace: 'amazon',
    account: parsed.sellerId,
    region: resolved.region,
    stores: ctx.stores,
    capabilities,
    listings: listingsService(ctx, amazonRequirements(ctx, requirementsCache)),
    orders: ordersService(ctx),
    inventory: inventoryService(ctx),
    fulfilment: fulfilmentService(ctx),
    notifications: notificationsService(ctx),
    returns: amazonReturnsService(ctx),
    raw,
  };
}

function scaledWindow(w: { windowMs: number; intervalMs: number }, timeScale: number) {
  return { windowMs: w.windowMs / timeScale, intervalMs: w.intervalMs / timeScale };
}
