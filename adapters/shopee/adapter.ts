import type { Capabilities, InventoryRef, InventoryUpdate, MarketplaceAdapter, OrderListQuery, StoreOptions, ValidateOptions } from '../../src/adapter.js';
import { parseInput, registerSecret } from '../../src/errors/index.js';
import type { CallOptions } from '../../src/http/call-options.js';
import { systemClock } from '../../src/http/clock.js';
import { Limiter } from '../../src/http/limiter.js';
import type { RawClient } from '../../src/http/operation.js';
import type { ListingInput } from '../../src/model/listing.js';
import { currencyExponent } from '../../src/model/currencies.js';
import type { Money } from '../../src/model/money.js';
import type { Shipment } from '../../src/model/shipment.js';
import { MemoryIntentJournal } from '../../src/state/intent-journal.js';
import { MemoryRequirementsCache } from '../../src/requirements/cache.js';
import type { RequirementsCache, RequirementsQuery } from '../../src/requirements/types.js';
import { ShopeeAuth } from './auth.js';
import { bulkUpsert } from './bulk.js';
import { ShopeeClient } from './client.js';
import { ShopeeConfigSchema, type ResolvedConfig, type ShopeeConfig } from './config.js';
import { shopStore, type AdapterContext } from './context.js';
import { ShopeeFulfilment, type ShopeeShipRequest } from './fulfilment.js';
import { GlobalListings, type GlobalUpsertOptions } from './global-listings.js';
import { ImageUploader, MemoryImageCache, defaultFetchImage } from './images.js';
import { globalBackend, setInventory, shopBackend } from './inventory.js';
import { getInventory } from './inventory/read.js';
import { globalReader, shopReader } from './inventory/readers.js';
import { labelsFor, type ShippingDocumentType } from './labels.js';
import { ShopListings } from './listings.js';
import { shopeeRequirements } from './requirements/service.js';
import { globalOps, type GlobalOps } from './operations/global.js';
import { orderOps, type OrderOps } from './operations/order.js';
import { productOps, type ProductOps } from './operations/product.js';
import { publicOps, type PublicOps } from './operations/public.js';
import { ShopeeOrders } from './orders.js';
import { ShopeePush } from './push.js';
import { SHOPEE_RETURNS_CAPABILITIES, shopeeReturnsService } from './returns/service.js';
import { REGIONS, apiHost } from './regions.js';
import { tokenStoreOf } from './token-persistence.js';
import { TokenManager, type Identity } from './tokens.js';

export interface ShopeeRaw {
  public: RawClient<PublicOps>;
  /** Shop-signed product, order and logistics operations (first shop by default). */
  shop(shopId?: number): RawClient<ProductOps & OrderOps>;
  /** Merchant-signed global_product / merchant operations (merchant accounts only). */
  merchant?: RawClient<GlobalOps>;
}

export const capabilities: Capabilities = {
  partialShipment: true,
  multiPackage: true,
  marketplaceIssuedTracking: true,
  cancellation: { order: true, lines: true },
  bulkListingThreshold: null,
  quantity: { sharedAcrossStores: false, includesReserved: true, marketplaceFulfilledReadOnly: true },
  inventoryBatchSize: 50,
  returns: SHOPEE_RETURNS_CAPABILITIES,
};

/** The Shopee Open Platform v2 adapter: one shop account, or one CNSC merchant with its shops. */
export function shopee(config: ShopeeConfig & { requirementsCache?: RequirementsCache }): ShopeeAdapter {
  return build(config);
}

function build(config: ShopeeConfig & { requirementsCache?: RequirementsCache }) {
  if (typeof config?.partnerKey === 'string') registerSecret(config.partnerKey);
  // Category requirements are cached here; not a config field.
  const { requirementsCache = new MemoryRequirementsCache(), ...plain } = (config !== null && typeof config === 'object' ? config : { requirementsCache: undefined }) as ShopeeConfig & { requirementsCache?: RequirementsCache };
  const cfg = parseInput(ShopeeConfigSchema, config !== null && typeof config === 'object' ? plain : config, 'config');
  const clock = cfg.clock ?? systemClock;
  const merchantId = cfg.merchantId;
  const shops = merchantId !== undefined
    ? cfg.shopIds!.map((ref) => (typeof ref === 'number' ? shopStore(ref, cfg.region) : shopStore(ref.shopId, ref.region)))
    : [shopStore(cfg.shopId!, cfg.region)];
  for (const s of shops) {
    const loc = cfg.stockLocations?.[String(s.shopId)];
    if (loc) s.locationId = loc;
  }
  const identities: Identity[] = [...(merchantId !== undefined ? [{ kind: 'merchant' as const, id: merchantId }] : []), ...shops.map((s) => ({ kind: 'shop' as const, id: s.shopId }))];
  const baseUrl = cfg.endpoint ?? apiHost(cfg.host, cfg.sandbox);
  let client: ShopeeClient;
  const journal = cfg.journal ?? new MemoryIntentJournal();
  const tokens = new TokenManager({
    store: tokenStoreOf(cfg, identities, clock.now()),
    partnerId: cfg.partnerId,
    clock,
    refreshCall: async (who, refreshToken, signal) => {
      const body = { refresh_token: refreshToken, partner_id: cfg.partnerId, ...(who.kind === 'shop' ? { shop_id: who.id } : { merchant_id: who.id }) };
      return (await client.call(client.public, publicOps.refresh_access_token, { body }, { signal })).data;
    },
  });
  client = new ShopeeClient({
    partnerId: cfg.partnerId, partnerKey: cfg.partnerKey, baseUrl, clock, tokens,
    limiter: cfg.limiter ?? new Limiter(undefined, clock), journal,
    hooks: cfg.hooks, retry: cfg.retry, timeScale: cfg.timeScale, consistency: cfg.consistency, transport: cfg.transport, timeoutMs: cfg.timeoutMs,
  });
  const account = merchantId !== undefined ? `merchant:${merchantId}` : String(cfg.shopId);
  const ctx: AdapterContext = {
    config: cfg, client, tokens, clock, account, shops,
    images: new ImageUploader(client, cfg.fetchImage ?? defaultFetchImage(), cfg.imageCache ?? new MemoryImageCache()),
    merchant: merchantId !== undefined
      ? { id: merchantId, pipeline: client.for({ kind: 'merchant', id: merchantId }), rule: { currency: cfg.merchantCurrency, decimals: currencyExponent(cfg.merchantCurrency) } }
      : undefined,
  };
  const shopListings = new ShopListings(ctx);
  const globalListings = merchantId !== undefined ? new GlobalListings(ctx) : undefined;
  const listingImpl = globalListings ?? shopListings;
  const backend = globalListings ? globalBackend(ctx, globalListings) : shopBackend(ctx, shopListings);
  const reader = globalListings ? globalReader(globalListings, backend) : shopReader(shopListings, backend);
  const orders = new ShopeeOrders(ctx);
  const fulfilment = new ShopeeFulfilment(ctx, orders);
  const defaultIdentity = identities[0]!;
  const requirements = shopeeRequirements(ctx, requirementsCache);

  const listings = {
    // Shop listings send the neutral attributes a cached category tree names (requirements/attribute-list.ts); global products have their own tree.
    upsert: async (l: ListingInput, o?: GlobalUpsertOptions) => listingImpl.upsert(globalListings ? l : await requirements.withMappedAttributes(l, o), o),
    validate: (l: ListingInput, o?: ValidateOptions) => (o?.offline === true ? requirements.validateOffline(l, o) : listingImpl.validate(l, o)),
    /** A category's requirements on a shop: attribute tree, item limits, brand list, channel weight limits (cached). */
    requirements: (q: RequirementsQuery) => requirements.requirements(q),
    /** v2.product.category_recommend: category ids for an item name, best first. */
    suggestCategories: (itemName: string, o?: CallOptions & { store?: string }) => requirements.suggestCategories(itemName, o),
    get: (sku: string, o?: StoreOptions) => listingImpl.get(sku, o),
    update: (sku: string, patch: { price?: Money; quantity?: number }, o?: StoreOptions) => listingImpl.update(sku, patch, o),
    delete: (sku: string, o?: StoreOptions) => listingImpl.delete(sku, o),
    bulkUpsert: (ls: ListingInput[], o?: Parameters<typeof bulkUpsert>[2]) => bulkUpsert((l, x) => listings.upsert(l, x), ls, o),
  };

  const adapter = {
    marketplace: 'shopee' as const,
    account,
    stores: shops.map((s) => s.store),
    capabilities,
    /** Region rules of the account's default region (currency, price decimals). */
    region: { code: cfg.region, ...REGIONS[cfg.region] },
    listings,
    inventory: {
      set: (updates: InventoryUpdate[], o?: CallOptions) => setInventory(ctx, backend, updates, o),
      /** seller_stock as set writes it: get_item_base_info (≤50 items per call) or one get_model_list per item with models (inventory/read.ts). */
      get: (refs: InventoryRef[], o?: CallOptions) => getInventory(ctx, reader, refs, o),
    },
    orders: {
      list: (q: OrderListQuery, o?: CallOptions) => orders.list(q, o),
      get: (id: string, o?: CallOptions & { includePii?: boolean }) => orders.get(id, o),
      cancel: (id: string, req: Parameters<ShopeeOrders['cancel']>[1], o?: CallOptions) => orders.cancel(id, req, o),
      respondToCancellation: (id: string, decision: 'accept' | 'reject', o?: CallOptions) => orders.respondToCancellation(id, decision, o),
    },
    fulfilment: {
      ship: (req: ShopeeShipRequest, o?: CallOptions) => fulfilment.ship(req, o),
      refresh: (s: Shipment, o?: CallOptions) => fulfilment.refresh(s, o),
      labels: (s: Shipment, o?: CallOptions & { type?: ShippingDocumentType }) => labelsFor(ctx, orders, s, o),
    },
    returns: shopeeReturnsService(ctx, { journal, clock, orders }),
    auth: new ShopeeAuth(client, cfg, tokens, baseUrl, defaultIdentity),
    push: new ShopeePush(client, cfg.partnerKey, account),
    raw: {
      public: client.raw(client.public, publicOps),
      shop: (shopId?: number) => client.raw(client.for({ kind: 'shop', id: shopId ?? shops[0]!.shopId }), { ...productOps, ...orderOps }),
      merchant: ctx.merchant ? client.raw(ctx.merchant.pipeline, globalOps) : undefined,
    } satisfies ShopeeRaw,
  };
  return adapter satisfies MarketplaceAdapter<ShopeeRaw>;
}

/** What `shopee()` returns: the unified services plus this marketplace's typed extras (named, so editors show `ShopeeAdapter`). */
export interface ShopeeAdapter extends ReturnType<typeof build> {}
