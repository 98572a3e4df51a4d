/**
 * An in-memory MarketplaceAdapter for hub tests. It is deliberately unkind: order listings are
 * live offset pages (no snapshot), sorted by update time, so an order updated during a scan moves
 * and shifts the others; creates are not idempotent (a replayed create would duplicate a SKU).
 */
import type { Capabilities, MarketplaceAdapter, StoreOptions, BulkUpsertOptions, OrderListQuery } from '../../../../src/adapter.js';
import { AbortedError, MarketplaceError, NetworkError } from '../../../../src/errors/classes.js';
import type { CallOptions } from '../../../../src/http/call-options.js';
import type { Hooks } from '../../../../src/http/hooks.js';
import type { BulkItemResult, ListingInput, ListingResult } from '../../../../src/model/listing.js';
import type { Order } from '../../../../src/model/order.js';
import type { Shipment, ShipRequest } from '../../../../src/model/shipment.js';
import type { Store } from '../../../../src/model/store.js';
import { Paginated, type Page } from '../../../../src/paginate/paginated.js';

export function store(id: string, currency: string, country = id, extra: Partial<Store> = {}): Store {
  return { id, marketplace: 'fake', marketplaceId: `M-${id}`, country, currency, language: 'en', taxInclusivePricing: false, ...extra };
}

export interface FakeOptions {
  marketplace?: string;
  account?: string;
  stores?: Store[];
  bulkListingThreshold?: number | null;
  pageSize?: number;
  /** Simulated call latency (ms, real timers). */
  latencyMs?: number;
  hooks?: Hooks;
  orderFeedLagMs?: number;
}

interface Stored {
  listing: ListingInput;
  creates: number;
  writes: number;
}

export class FakeAdapter implements MarketplaceAdapter {
  readonly marketplace: string;
  readonly account: string;
  readonly stores: Store[];
  readonly capabilities: Capabilities & { orderFeedLagMs?: number };
  readonly raw = {};
  /** store → sku → what the marketplace holds. */
  readonly catalog = new Map<string, Map<string, Stored>>();
  readonly orderBook = new Map<string, Order>();
  /** Ids whose wire record is malformed: listed as quarantined, never as items. */
  readonly malformed = new Set<string>();
  readonly shipments = new Map<string, Shipment>();
  upsertCalls = 0;
  listCalls = 0;
  /** Runs before each upsert is applied; throw to fail it. `afterWrite` runs once it is applied. */
  beforeWrite?: (sku: string, store: string) => void | Promise<void>;
  afterWrite?: (sku: string, store: string) => void | Promise<void>;
  /** Runs before page `n` (0-based) of an order listing is read: move orders around here. */
  beforePage?: (n: number) => void | Promise<void>;
  /** SKUs the marketplace refuses with an error issue. */
  readonly rejectSkus = new Set<string>();
  now = Date.parse('2026-03-01T12:00:00Z');

  constructor(private readonly opts: FakeOptions = {}) {
    this.marketplace = opts.marketplace ?? 'fake';
    this.account = opts.account ?? 'SELLER1';
    this.stores = opts.stores ?? [store('US', 'USD')];
    this.capabilities = {
      partialShipment: true, multiPackage: true, marketplaceIssuedTracking: false, cancellation: { order: true, lines: false },
      bulkListingThreshold: opts.bulkListingThreshold ?? null,
      quantity: { sharedAcrossStores: false, includesReserved: false, marketplaceFulfilledReadOnly: false },
      inventoryBatchSize: 50,
      ...(opts.orderFeedLagMs !== undefined ? { orderFeedLagMs: opts.orderFeedLagMs } : {}),
    };
  }

  private async tick(signal?: AbortSignal) {
    if (signal?.aborted) throw new AbortedError({ marketplace: this.marketplace });
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    else await Promise.resolve();
  }

  private async write(listing: ListingInput, storeId: string): Promise<ListingResult> {
    await this.beforeWrite?.(listing.sku, storeId);
    const shelf = this.catalog.get(storeId) ?? new Map<string, Stored>();
    this.catalog.set(storeId, shelf);
    const prev = shelf.get(listing.sku);
    if (this.rejectSkus.has(listing.sku)) {
      return { sku: listing.sku, store: storeId, status: 'invalid', action: 'validated', issues: [{ code: 'E100', message: 'brand is required', severity: 'error', attributes: ['brand'], categories: [] }] };
    }
    shelf.set(listing.sku, { listing, creates: (prev?.creates ?? 0) + (prev ? 0 : 1), writes: (prev?.writes ?? 0) + 1 });
    await this.afterWrite?.(listing.sku, storeId);
    return { sku: listing.sku, store: storeId, status: 'accepted', action: prev ? 'updated' : 'created', marketplaceId: `ID-${listing.sku}`, issues: [] };
  }

  readonly listings = {
    upsert: async (listing: ListingInput, o: StoreOptions = {}): Promise<ListingResult> => {
      this.upsertCalls++;
      // What a real adapter's limiter and retry policy would report through its hooks.
      const ev = { marketplace: this.marketplace, account: this.account, operation: 'putListing' };
      this.opts.hooks?.onRateLimitWait?.({ ...ev, bucket: `${this.marketplace}:${this.account}:listings`, waitMs: 5 });
      if (this.upsertCalls % 4 === 0) this.opts.hooks?.onRetry?.({ ...ev, attempt: 1, delayMs: 10, reason: 'RATE_LIMITED' });
      await this.tick(o.signal);
      const r = await this.write(listing, o.store ?? this.stores[0]!.id);
      // The write happened; a caller that aborted meanwhile never learns it (a lost response).
      if (o.signal?.aborted) throw new AbortedError({ marketplace: this.marketplace });
      return r;
    },
    validate: async (listing: ListingInput, o: StoreOptions = {}): Promise<ListingResult> => ({ sku: listing.sku, store: o.store ?? 'US', status: 'accepted', issues: [] }),
    get: async (sku: string, o: StoreOptions = {}): Promise<ListingResult> => {
      const s = this.catalog.get(o.store ?? this.stores[0]!.id)?.get(sku);
      return { sku, store: o.store ?? 'US', status: s ? 'active' : 'not_found', issues: [], action: 'read' };
    },
    update: async (sku: string, _patch: unknown, o: StoreOptions = {}): Promise<ListingResult> => ({ sku, store: o.store ?? 'US', status: 'accepted', issues: [] }),
    delete: async (sku: string, o: StoreOptions = {}): Promise<ListingResult> => ({ sku, store: o.store ?? 'US', status: 'deleted', issues: [] }),
    bulkUpsert: async (listings: ListingInput[], o: BulkUpsertOptions = {}): Promise<BulkItemResult[]> => {
      await this.tick(o.signal);
      const out: BulkItemResult[] = [];
      for (const l of listings) {
        try {
          out.push({ sku: l.sku, ok: true, result: await this.write(l, o.store ?? this.stores[0]!.id) });
        } catch (e) {
          out.push({ sku: l.sku, ok: false, error: e as MarketplaceError });
        }
        o.onProgress?.({ done: out.filter((r) => r.ok).length, failed: out.filter((r) => !r.ok).length, total: listings.length, sku: l.sku });
      }
      return out;
    },
  };

  /** Live offset pagination over orders updated in [since, until], oldest update first. */
  readonly orders = {
    list: (query: OrderListQuery, o: CallOptions = {}): Paginated<Order> => {
      this.listCalls++;
      const since = query.updatedSince ? new Date(query.updatedSince).getTime() : 0;
      // Inclusive upper bound frozen when the listing starts, as the real adapters do (the
      // marketplace's now when none is given): an order updated during the scan leaves it.
      const until = query.until ? new Date(query.until).getTime() : this.now;
      const size = this.opts.pageSize ?? 3;
      const self = this;
      return new Paginated<Order>(async function* (): AsyncGenerator<Page<Order>> {
        for (let offset = 0, n = 0; ; offset += size, n++) {
          await self.beforePage?.(n);
          await self.tick(o.signal);
          const all = [...self.orderBook.values()]
            .filter((x) => Date.parse(x.updatedAt.utc) >= since && Date.parse(x.updatedAt.utc) <= until)
            .sort((a, b) => Date.parse(a.updatedAt.utc) - Date.parse(b.updatedAt.utc) || a.id.localeCompare(b.id));
          const slice = all.slice(offset, offset + size);
          const items = slice.filter((x) => !self.malformed.has(x.id));
          const quarantined = slice.flatMap((x, index) => (self.malformed.has(x.id) ? [{ index, recordId: x.id, issues: [{ path: 'OrderTotal.Amount', message: 'expected a decimal string' }] }] : []));
          const more = offset + size < all.length;
          yield { items, quarantined, resume: more ? { v: 1, strategy: 'offset', query, cursor: offset + size } : undefined };
          if (!more) return;
        }
      });
    },
    get: async (id: string): Promise<Order> => {
      const o = this.orderBook.get(id);
      if (!o) throw new MarketplaceError({ message: 'no such order', status: 404 });
      return o;
    },
    cancel: async (orderId: string) => ({ orderId, outcome: 'accepted' as const }),
  };

  readonly inventory = { set: async (updates: Array<{ sku: string }>) => updates.map((u) => ({ sku: u.sku, ok: true })) };

  readonly fulfilment = {
    ship: async (req: ShipRequest, o: CallOptions = {}): Promise<Shipment> => {
      await this.tick(o.signal);
      const key = o.idempotencyKey ?? `${req.orderId}:${this.shipments.size}`;
      const prior = this.shipments.get(key);
      if (prior) return { ...prior, outcome: 'already_done' };
      const s: Shipment = {
        orderId: req.orderId, marketplace: this.marketplace, status: 'shipped', outcome: 'confirmed', warnings: [], shippedAt: req.shippedAt,
        packages: req.packages.map((p) => ({ lines: p.lines, trackingNumber: p.trackingNumber, ...(p.carrier ? { carrier: { code: p.carrier } } : {}) })),
      };
      this.shipments.set(key, s);
      return s;
    },
  };

  // ---- test controls ----
  /** Adds or updates an order (new updatedAt); returns the stored version. */
  putOrder(id: string, updatedAt: number, storeId = this.stores[0]!.id): Order {
    const o = makeOrder(id, updatedAt, storeId, this.marketplace);
    this.orderBook.set(id, o);
    return o;
  }

  createsOf(storeId: string, sku: string): number {
    return this.catalog.get(storeId)?.get(sku)?.creates ?? 0;
  }

  failNextList(): void {
    const prev = this.beforePage;
    this.beforePage = (n) => {
      this.beforePage = prev;
      throw new NetworkError({ marketplace: this.marketplace, message: `connection reset on page ${n}` });
    };
  }
}

export function makeOrder(id: string, updatedAt: number, storeId: string, marketplace = 'fake'): Order {
  const at = new Date(updatedAt).toISOString();
  return {
    id, marketplace, store: storeId, status: 'unshipped', marketplaceStatus: 'Unshipped', holds: [], shippable: true,
    createdAt: { utc: at, raw: at }, updatedAt: { utc: at, raw: at }, fulfilledBy: 'merchant',
    lines: [{ lineId: `${id}-1`, sku: 'SKU-1', variantIds: {}, quantity: 1, shippedQuantity: 0, cancelledQuantity: 0, returnedQuantity: 0, taxInclusive: false, discounts: [] }],
    taxes: [], totals: {}, extra: {},
  };
}
