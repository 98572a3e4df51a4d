/**
 * In-memory doubles of the adapter contract for inventory tests and the inventory bench: a
 * marketplace that shows a quantity per (store, SKU), decrements it on its own sales (as real
 * marketplaces do), answers `inventory.set` after a latency and a per-account rate limit, and can
 * clamp to its own reserved stock (Shopee) or fail on demand.
 */
import type { Capabilities, InventoryLevel, InventoryRef, InventoryResult, InventoryUpdate, MarketplaceAdapter } from '../../../src/adapter.js';
import { NotSupportedError } from '../../../src/errors/classes.js';
import type { XborderError } from '../../../src/errors/xborder-error.js';
import type { Clock } from '../../../src/http/clock.js';
import { Limiter } from '../../../src/http/limiter.js';
import type { RatePlan } from '../../../src/http/rate-plan.js';
import type { Order } from '../../../src/model/order.js';
import type { Store } from '../../../src/model/store.js';

export interface DoubleOptions {
  marketplace: string;
  account?: string;
  stores: string[];
  quantity?: Partial<Capabilities['quantity']>;
  batchSize?: number;
  clock?: Clock;
  latencyMs?: number;
  /** Multiplier drawn per call (latency jitter). */
  jitter?: () => number;
  rate?: RatePlan;
  /** Return a result or throw to simulate failures; undefined = normal behaviour. */
  fault?(u: InventoryUpdate, call: number): InventoryResult | XborderError | undefined;
  /** Runs inside set() before it answers (e.g. an import landing while the call is in flight). */
  during?(updates: InventoryUpdate[], call: number): void;
  /** Offer `inventory.get` (live figures in set's terms); a function may throw to fail the read. */
  readable?: boolean | ((refs: InventoryRef[]) => void);
}

export interface MemoryMarketplace {
  adapter: MarketplaceAdapter;
  /** What buyers see, per `${store ?? '*'}|${sku}`. */
  shown: Map<string, number>;
  /** Marketplace-side reserved stock (Shopee unpaid orders), per `${store ?? '*'}|${sku}`. */
  reserved: Map<string, number>;
  calls: InventoryUpdate[][];
  /** Every `inventory.get` call (with `readable`). */
  reads: InventoryRef[][];
  show(store: string | undefined, sku: string): number;
  /** A buyer buys if the store shows enough; the marketplace decrements its own figure. */
  sell(store: string | undefined, sku: string, qty: number): boolean;
}

export function storeOf(marketplace: string, id: string): Store {
  return { id, marketplace, marketplaceId: `${marketplace}-${id}`, country: 'DE', currency: 'EUR', language: 'en', taxInclusivePricing: true };
}

export function memoryMarketplace(o: DoubleOptions): MemoryMarketplace {
  const quantity = { sharedAcrossStores: false, includesReserved: false, marketplaceFulfilledReadOnly: true, ...o.quantity };
  const shown = new Map<string, number>();
  const reserved = new Map<string, number>();
  const calls: InventoryUpdate[][] = [];
  const reads: InventoryRef[][] = [];
  const limiter = o.rate ? new Limiter(undefined, o.clock) : undefined;
  const pool = (store: string | undefined) => (quantity.sharedAcrossStores ? '*' : (store ?? o.stores[0]!));
  const notSupported = () => {
    throw new NotSupportedError({ message: 'not part of the inventory double' });
  };
  const adapter = {
    marketplace: o.marketplace,
    account: o.account ?? `${o.marketplace}-seller`,
    stores: o.stores.map((s) => storeOf(o.marketplace, s)),
    capabilities: {
      partialShipment: true, multiPackage: true, marketplaceIssuedTracking: false, cancellation: { order: true, lines: false },
      bulkListingThreshold: null, quantity, inventoryBatchSize: o.batchSize ?? 50,
    },
    listings: new Proxy({}, { get: () => notSupported }),
    orders: new Proxy({}, { get: () => notSupported }),
    fulfilment: new Proxy({}, { get: () => notSupported }),
    raw: {},
    inventory: {
      async set(updates: InventoryUpdate[], opts: { signal?: AbortSignal } = {}): Promise<InventoryResult[]> {
        const n = calls.push(updates.map((u) => ({ ...u })));
        await null; // real adapters always do I/O before answering
        if (limiter && o.rate) await limiter.acquire(`${o.marketplace}:inventory`, o.rate, { signal: opts.signal });
        if (o.latencyMs && o.clock) await o.clock.sleep(o.latencyMs * (o.jitter?.() ?? 1), opts.signal);
        o.during?.(updates, n);
        return updates.map((u) => {
          const f = o.fault?.(u, n);
          if (f && 'code' in f) throw f;
          if (f) return f;
          const key = `${pool(u.store)}|${u.sku}`;
          const floor = reserved.get(key) ?? 0;
          const applied = quantity.includesReserved ? Math.max(u.quantity ?? 0, floor) : (u.quantity ?? 0);
          shown.set(key, applied);
          return { sku: u.sku, ok: true, appliedQuantity: applied, ...(applied !== u.quantity ? { warning: `not below reserved stock ${floor}` } : {}) };
        });
      },
      ...(o.readable ? { get } : {}),
    },
  };
  async function get(refs: InventoryRef[], opts: { signal?: AbortSignal } = {}): Promise<InventoryLevel[]> {
    reads.push(refs.map((r) => ({ ...r })));
    await null;
    if (o.latencyMs && o.clock) await o.clock.sleep(o.latencyMs * (o.jitter?.() ?? 1), opts.signal);
    if (typeof o.readable === 'function') o.readable(refs);
    // In set's terms: what was set, less the marketplace's own sales since.
    return refs.flatMap((r) => {
      const q = shown.get(`${pool(r.store)}|${r.sku}`);
      return q === undefined ? [] : [{ ...r, quantity: q }];
    });
  }
  const show = (store: string | undefined, sku: string) => {
    const key = `${pool(store)}|${sku}`;
    return (shown.get(key) ?? 0) - (quantity.includesReserved ? (reserved.get(key) ?? 0) : 0);
  };
  return {
    adapter: adapter as unknown as MarketplaceAdapter,
    shown,
    reserved,
    calls,
    reads,
    show,
    sell(store, sku, qty) {
      if (show(store, sku) < qty) return false;
      const key = `${pool(store)}|${sku}`;
      shown.set(key, (shown.get(key) ?? 0) - qty);
      return true;
    },
  };
}

export interface OrderSpec {
  id: string;
  store: string;
  status?: Order['status'];
  holds?: Order['holds'];
  fulfilledBy?: Order['fulfilledBy'];
  updatedAt?: number;
  lines: Array<{ lineId?: string; sku?: string; quantity: number; shipped?: number; cancelled?: number }>;
}

/** A unified Order as an adapter would return it. */
export function order(s: OrderSpec): Order {
  const at = new Date(s.updatedAt ?? Date.UTC(2026, 0, 1)).toISOString();
  return {
    id: s.id, marketplace: 'test', store: s.store, status: s.status ?? 'unshipped', marketplaceStatus: s.status ?? 'Unshipped',
    holds: s.holds ?? [], shippable: true, createdAt: { utc: at, raw: at }, updatedAt: { utc: at, raw: at }, fulfilledBy: s.fulfilledBy ?? 'merchant',
    lines: s.lines.map((l, i) => ({
      lineId: l.lineId ?? `L${i + 1}`, sku: l.sku, variantIds: {}, quantity: l.quantity, shippedQuantity: l.shipped ?? 0, cancelledQuantity: l.cancelled ?? 0,
      returnedQuantity: 0, taxInclusive: true, discounts: [],
    })),
    taxes: [], totals: {}, extra: {},
  };
}
