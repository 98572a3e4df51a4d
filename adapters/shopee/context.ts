import { ValidationError, isXborderError, type XborderError } from '../../src/errors/index.js';
import type { Clock } from '../../src/http/clock.js';
import type { Pipeline } from '../../src/http/pipeline.js';
import type { ListingIssue, ListingResult } from '../../src/model/listing.js';
import type { Store } from '../../src/model/store.js';
import type { ShopeeClient } from './client.js';
import type { ResolvedConfig } from './config.js';
import type { ImageUploader } from './images.js';
import type { PriceRule } from './mappers/listing.js';
import { REGIONS, type Region } from './regions.js';
import type { TokenManager } from './tokens.js';

/** One Shopee shop as a unified store. */
export interface ShopStore {
  store: Store;
  shopId: number;
  region: Region;
  rule: PriceRule;
  /** Warehouse the seller's stock is written to, for shops with several (config stockLocations). */
  locationId?: string;
}

/**
 * seller_stock for one model. A shop with several warehouses must name the location_id on every
 * entry ("Lack of location_id", "The merchant/shop has multi warehouse, please input location id":
 * v2.product.update_stock / add_item error_list); single-warehouse shops must not.
 */
export function sellerStock(shop: ShopStore | undefined, stock: number): Array<{ location_id?: string; stock: number }> {
  return [{ ...(shop?.locationId ? { location_id: shop.locationId } : {}), stock }];
}

/** What every service of one adapter instance shares. */
export interface AdapterContext {
  config: ResolvedConfig;
  client: ShopeeClient;
  tokens: TokenManager;
  clock: Clock;
  images: ImageUploader;
  account: string;
  shops: ShopStore[];
  merchant?: { id: number; pipeline: Pipeline; rule: PriceRule };
}

export function shopStore(shopId: number, region: Region): ShopStore {
  const r = REGIONS[region];
  return {
    shopId,
    region,
    rule: { currency: r.currency, decimals: r.priceDecimals },
    store: {
      id: String(shopId), marketplace: 'shopee', marketplaceId: String(shopId), country: region, currency: r.currency, language: r.language,
      taxInclusivePricing: true,
    },
  };
}

/** The store a call acts on: by id, or the account's first shop. */
export function storeFor(ctx: AdapterContext, id?: string): ShopStore {
  if (id === undefined) return ctx.shops[0]!;
  if (typeof id !== 'string') throw new ValidationError({ message: 'options.store must be a shop id string', path: 'store' });
  const s = ctx.shops.find((x) => x.store.id === id);
  if (!s) throw new ValidationError({ message: `Unknown store "${id}"; this account has ${ctx.shops.map((x) => x.store.id).join(', ')}`, path: 'store' });
  return s;
}

export function shopPipeline(ctx: AdapterContext, shopId: number): Pipeline {
  return ctx.client.for({ kind: 'shop', id: shopId });
}

/** A marketplace refusal of the content (not auth, throttling or outages): reported as listing issues. */
export function isRejection(e: unknown): e is XborderError {
  return isXborderError(e) && e.code === 'MARKETPLACE_REJECTED';
}

export function issuesOf(e: XborderError): ListingIssue[] {
  const entries = (e as XborderError & { errors?: Array<{ code: string; message: string }> }).errors ?? [];
  const list = entries.length ? entries : [{ code: e.code, message: e.message }];
  return list.map((x) => ({ code: x.code, message: x.message, severity: 'error' as const, attributes: [], categories: [] }));
}

export function invalidResult(sku: string, store: string, issues: ListingIssue[], action: ListingResult['action'] = 'validated'): ListingResult {
  return { sku, store, status: 'invalid', issues, action };
}
