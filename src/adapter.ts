import type { CallOptions } from './http/call-options.js';
import type { Hooks } from './http/hooks.js';
import type { ListingInput, ListingResult, BulkItemResult } from './model/listing.js';
import type { Money } from './model/money.js';
import type { Order, OrderStatus } from './model/order.js';
import type { Shipment, ShipRequest } from './model/shipment.js';
import type { Store } from './model/store.js';
import type { Paginated, ResumeToken } from './paginate/paginated.js';
import type { Requirements, RequirementsQuery } from './requirements/types.js';
import type { ReturnsCapabilities, ReturnsService } from './returns/types.js';

/** What an adapter can do; callers branch on these instead of on the marketplace name. */
export interface Capabilities {
  /** Ship some lines of an order now and others later. */
  partialShipment: boolean;
  /** Several packages per order (each with its own tracking). */
  multiPackage: boolean;
  /** The marketplace issues tracking numbers itself (integrated logistics): ship() may return `pending`. */
  marketplaceIssuedTracking: boolean;
  /** Seller-initiated cancellation (whole order / per line). */
  cancellation: { order: boolean; lines: boolean };
  /** A bulk path for listings (e.g. Amazon JSON_LISTINGS_FEED) above this many SKUs; null = none. */
  bulkListingThreshold: number | null;
  /** How the marketplace counts sellable quantity (see inventory sync). */
  quantity: {
    /** Stock is one pool per account across its stores (Amazon MFN per region, eBay, AliExpress). */
    sharedAcrossStores: boolean;
    /** The figure the seller sets includes stock reserved by the marketplace's own unpaid orders (Shopee). */
    includesReserved: boolean;
    /** Marketplace-fulfilled stock (FBA) is read-only. */
    marketplaceFulfilledReadOnly: boolean;
  };
  /** Maximum updates per bulk inventory call. */
  inventoryBatchSize: number;
  /** Returns, refunds and buyer cancellation requests (absent: the adapter has no returns service). */
  returns?: ReturnsCapabilities;
  /**
   * How long before "now" the order feed may still be missing changes, as documented by the
   * marketplace (Amazon: 2 minutes); absent when no lag is documented (order sync then uses 0).
   */
  orderFeedLagMs?: number;
}

export interface StoreOptions extends CallOptions {
  /** Store id within the account; defaults to the account's first store. */
  store?: string;
}

export interface UpsertOptions extends StoreOptions {
  /** Replace the whole listing (PUT) instead of patching only changed attributes. */
  replace?: boolean;
}

export interface ValidateOptions extends StoreOptions {
  /**
   * Check against the marketplace's published requirements (cached) instead of asking the
   * marketplace; the result's issues are RequirementIssues. Adapters without requirements throw
   * NotSupportedError.
   */
  offline?: boolean;
}

export interface BulkUpsertOptions extends StoreOptions {
  onProgress?(e: { done: number; failed: number; total: number; sku?: string }): void;
}

export interface ListingsService {
  upsert(listing: ListingInput, opts?: UpsertOptions): Promise<ListingResult>;
  validate(listing: ListingInput, opts?: ValidateOptions): Promise<ListingResult>;
  /** Published requirements of a product type / category on a store (cached; see src/requirements). */
  requirements?(query: RequirementsQuery): Promise<Requirements>;
  get(sku: string, opts?: StoreOptions): Promise<ListingResult>;
  update(sku: string, patch: { price?: Money; quantity?: number }, opts?: StoreOptions): Promise<ListingResult>;
  delete(sku: string, opts?: StoreOptions): Promise<ListingResult>;
  /** Every SKU ends with exactly one result: succeeded, or failed with its cause. */
  bulkUpsert(listings: ListingInput[], opts?: BulkUpsertOptions): Promise<BulkItemResult[]>;
}

export interface OrderListQuery {
  createdSince?: Date | string;
  updatedSince?: Date | string;
  until?: Date | string;
  statuses?: OrderStatus[];
  /** Include buyer identity and shipping address (PII). Off by default. */
  includePii?: boolean;
  resumeFrom?: ResumeToken;
}

export interface CancelRequest {
  /** Lines to cancel; the whole order when omitted. */
  lines?: Array<{ lineId: string; quantity: number }>;
  /** Unified reason; adapters map it to the marketplace's codes. */
  reason: 'out_of_stock' | 'buyer_request' | 'address_problem' | 'pricing_error' | 'other';
}

export interface OrdersService {
  list(query: OrderListQuery, opts?: CallOptions): Paginated<Order>;
  get(orderId: string, opts?: CallOptions & { includePii?: boolean }): Promise<Order>;
  cancel(orderId: string, req: CancelRequest, opts?: CallOptions): Promise<{ orderId: string; outcome: 'accepted' | 'submitted' | 'unknown'; reference?: string }>;
}

export interface InventoryUpdate {
  sku: string;
  quantity?: number;
  price?: Money;
  /** Store for price updates (quantities are per account where the marketplace pools them). */
  store?: string;
}

export interface InventoryResult {
  sku: string;
  ok: boolean;
  /** Quantity the marketplace accepted (may differ: e.g. not below Shopee reserved stock). */
  appliedQuantity?: number;
  error?: import('./errors/xborder-error.js').XborderError;
  warning?: string;
}

/** A listing whose live quantity to read (`store` as in InventoryUpdate). */
export interface InventoryRef {
  sku: string;
  store?: string;
}

/** What a live listing offers now, in the terms `set` takes. */
export interface InventoryLevel {
  sku: string;
  store?: string;
  /**
   * The figure that, sent to `set`, would leave the listing as it is: read right after `set(q)`
   * with no sale in between it is q; each sale the marketplace has counted since lowers it.
   */
  quantity: number;
}

export interface InventoryService {
  /** Stock and price for many SKUs on the marketplace's cheapest bulk path; the latest value wins. */
  set(updates: InventoryUpdate[], opts?: CallOptions): Promise<InventoryResult[]>;
  /**
   * The quantity each listing shows now, batched on the marketplace's cheapest read. SKUs the
   * marketplace does not know are left out of the answer. Inventory sync reads before a push where
   * this exists, so a push never offers again units the store sold that are not imported yet.
   */
  get?(refs: InventoryRef[], opts?: CallOptions): Promise<InventoryLevel[]>;
}

export interface FulfilmentService {
  ship(req: ShipRequest, opts?: CallOptions): Promise<Shipment>;
  /** Completes a `pending` shipment (tracking issued later by the marketplace). */
  refresh?(shipment: Shipment, opts?: CallOptions): Promise<Shipment>;
}

/** One seller account on one marketplace; owns one or more stores. */
export interface MarketplaceAdapter<Raw = unknown> {
  readonly marketplace: string;
  /** Account key (seller id, shop/merchant id). */
  readonly account: string;
  readonly stores: readonly Store[];
  readonly capabilities: Capabilities;
  readonly listings: ListingsService;
  readonly orders: OrdersService;
  readonly inventory: InventoryService;
  readonly fulfilment: FulfilmentService;
  /** Returns, refunds and buyer cancellation requests (issue 23); see `capabilities.returns`. */
  readonly returns?: ReturnsService;
  /** Typed low-level client over the marketplace's operations. */
  readonly raw: Raw;
}

/** Options every adapter factory accepts besides its credentials. */
export interface CommonAdapterOptions {
  endpoint?: string;
  hooks?: Hooks;
  timeScale?: number;
}

export type { ReturnsCapabilities, ReturnsService, CancellationRequestsService, ReturnListQuery, CancellationListQuery, RefundRequest, OfferRequest, ApproveReturnRequest, RejectReturnRequest } from './returns/types.js';
