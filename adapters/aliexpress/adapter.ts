import type { Capabilities, InventoryRef, MarketplaceAdapter, OrderListQuery, StoreOptions, BulkUpsertOptions, CancelRequest, ValidateOptions } from '../../src/adapter.js';
import { parseInput, registerSecret } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { systemClock } from '../../src/http/clock.js';
import { Limiter } from '../../src/http/limiter.js';
import type { RawClient } from '../../src/http/operation.js';
import type { ListingInput } from '../../src/model/listing.js';
import type { Money } from '../../src/model/money.js';
import type { ShipRequest } from '../../src/model/shipment.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { MemoryTokenStore, type TokenStore } from '../../src/state/token-store.js';
import { AliExpressAuth } from './auth.js';
import { AliExpressClient } from './client.js';
import { AliExpressConfigSchema, DEFAULTS, type AliExpressConfig, type ResolvedConfig } from './config.js';
import { storeOf, type AdapterContext } from './context.js';
import { AliExpressFulfilment } from './fulfilment.js';
import { AliExpressInventory, type AliExpressInventoryUpdate } from './inventory.js';
import { AliExpressStockReader } from './inventory-get.js';
import { AliExpressListings } from './listings.js';
import { sellerOps, systemOps, type SellerOps, type SystemOps } from './operations.js';
import { AliExpressOrders } from './orders.js';
import { TokenManager, tokenKey } from './tokens.js';
import { ALIEXPRESS_RETURNS_CAPABILITIES, aliexpressReturnsService } from './returns/service.js';
import { MemoryRequirementsCache } from '../../src/requirements/cache.js';
import type { RequirementsCache, RequirementsQuery } from '../../src/requirements/types.js';
import { aliexpressRequirements } from './requirements/service.js';

export interface AliExpressRaw {
  /** App-signed system operations (token create/refresh). */
  system: RawClient<SystemOps>;
  /** Seller-signed business operations. */
  seller: RawClient<SellerOps>;
}

export const capabilities: Capabilities = {
  partialShipment: true,
  multiPackage: true,
  marketplaceIssuedTracking: false,
  cancellation: { order: false, lines: false },
  bulkListingThreshold: null,
  quantity: { sharedAcrossStores: true, includesReserved: false, marketplaceFulfilledReadOnly: false },
  inventoryBatchSize: DEFAULTS.batchProducts,
  returns: ALIEXPRESS_RETURNS_CAPABILITIES,
};

const isStore = (t: unknown): t is TokenStore => typeof (t as TokenStore).compareAndSwap === 'function';

function tokenStoreOf(cfg: ResolvedConfig, key: string, now: number): TokenStore {
  if (isStore(cfg.tokens)) return cfg.tokens;
  const t = cfg.tokens;
  registerSecret(t.accessToken);
  registerSecret(t.refreshToken);
  // Unknown expiry: assumed valid; IllegalAccessToken triggers the one refresh if not.
  const expiresAt = t.expiresAt === undefined ? now + 86_400_000 : t.expiresAt instanceof Date ? t.expiresAt.getTime() : t.expiresAt;
  return new MemoryTokenStore({ [key]: { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt, version: 1 } });
}

/** The AliExpress Open Platform adapter (IOP gateway api-sg) for one seller account. */
export function aliexpress(config: AliExpressConfig & { requirementsCache?: RequirementsCache }): AliExpressAdapter {
  return build(config);
}

function build(config: AliExpressConfig & { requirementsCache?: RequirementsCache }) {
  // Category requirements (product schema, attribute ids) are cached here; not a config field (the schema strips it).
  const requirementsCache = (config as { requirementsCache?: RequirementsCache } | null)?.requirementsCache ?? new MemoryRequirementsCache();
  if (typeof config?.appSecret === 'string') registerSecret(config.appSecret);
  const cfg = parseInput(AliExpressConfigSchema, config, 'config');
  const clock = cfg.clock ?? systemClock;
  const key = tokenKey(cfg.appKey, cfg.sellerId);
  const client = new AliExpressClient({
    appKey: cfg.appKey, appSecret: cfg.appSecret, sellerId: cfg.sellerId, baseUrl: cfg.endpoint ?? DEFAULTS.endpoint, clock,
    limiter: cfg.limiter ?? new Limiter(undefined, clock), journal: cfg.journal ?? new MemoryIntentJournal(),
    hooks: cfg.hooks, retry: cfg.retry, timeScale: cfg.timeScale, consistency: cfg.consistency, transport: cfg.transport, timeoutMs: cfg.timeoutMs,
  });
  const tokens = new TokenManager({
    store: tokenStoreOf(cfg, key, clock.now()), key, clock,
    refreshCall: async (refreshToken, signal) => (await client.call(client.app, systemOps.refreshToken, { body: { refresh_token: refreshToken } }, { signal })).data,
  });
  client.useTokens(tokens);
  const ctx: AdapterContext = { config: cfg, client, tokens, clock, account: cfg.sellerId, store: storeOf(cfg) };
  const inventory = new AliExpressInventory(ctx);
  const listings = new AliExpressListings(ctx, inventory);
  inventory.resolve = async (sku, o) => listings.productIds.get(sku) ?? (await listings.find(sku, o))?.productId;
  inventory.forget = (sku) => void listings.productIds.delete(sku);
  const stock = new AliExpressStockReader(ctx, inventory);
  const requirements = aliexpressRequirements(ctx, requirementsCache);
  const orders = new AliExpressOrders(ctx);
  const fulfilment = new AliExpressFulfilment(ctx, orders);
  // Raw writes that are not idempotent get the same verify steps as the services (journal replays resolve by re-reading).
  const verifiedOps: SellerOps = {
    ...sellerOps,
    productPost: { ...sellerOps.productPost, verify: (req, v) => listings.verifyPostBody(req.body.post_product_request, { signal: v.signal }) },
    fulfill: { ...sellerOps.fulfill, verify: (req, v) => fulfilment.verify(req.body.out_ref, req.body.logistics_no, v.signal) },
  };
  const adapter = {
    marketplace: 'aliexpress' as const,
    account: cfg.sellerId,
    stores: [ctx.store],
    capabilities,
    listings: {
      upsert: (l: ListingInput, o?: StoreOptions) => listings.upsert(l, o),
      validate: (l: ListingInput, o?: ValidateOptions) => (o?.offline === true ? requirements.validateOffline(l, o) : listings.validate(l, o)),
      /** A category's requirements: product schema fields and attribute ids (cached). */
      requirements: (q: RequirementsQuery) => requirements.requirements(q),
      /** aliexpress.solution.product.category.suggest: categories for a title, best first. */
      suggestCategories: (title: string, o?: CallOptions & { language?: string; imageUrl?: string }) => requirements.suggestCategories(title, o),
      get: (sku: string, o?: StoreOptions) => listings.get(sku, o),
      update: (sku: string, patch: { price?: Money; quantity?: number }, o?: StoreOptions) => listings.update(sku, patch, o),
      delete: (sku: string, _o?: StoreOptions) => listings.delete(sku),
      bulkUpsert: (ls: ListingInput[], o?: BulkUpsertOptions) => listings.bulkUpsert(ls, o),
    },
    orders: {
      list: (q: OrderListQuery, o?: CallOptions) => orders.list(q, o),
      get: (id: string, o?: CallOptions & { includePii?: boolean }) => orders.get(id, o),
      cancel: (id: string, req: CancelRequest, o?: CallOptions) => orders.cancel(id, req, o),
    },
    inventory: {
      set: (updates: AliExpressInventoryUpdate[], o?: CallOptions) => inventory.set(updates, o),
      /** Live stock (`ipm_sku_stock`) through product.info.get: one call per product (inventory-get.ts). */
      get: (refs: InventoryRef[], o?: CallOptions) => stock.get(refs, o),
    },
    fulfilment: { ship: (req: ShipRequest, o?: CallOptions) => fulfilment.ship(req, o) },
    returns: aliexpressReturnsService(),
    auth: new AliExpressAuth(client, tokens, cfg.appKey),
    raw: { system: client.raw(client.app, systemOps), seller: client.raw(client.seller, verifiedOps) } satisfies AliExpressRaw,
  };
  return adapter satisfies MarketplaceAdapter<AliExpressRaw>;
}

/** What `aliexpress()` returns: the unified services plus this marketplace's typed extras (named, so editors show `AliExpressAdapter`). */
export interface AliExpressAdapter extends ReturnType<typeof build> {}
