/**
 * The multi-store hub: several accounts (adapter instances) behind one object. Stores are
 * addressed as 'account:store' ('amazonEU:DE'); orders and shipping are per account.
 */
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import { parseCallOptions, type CallOptions } from '../http/call-options.js';
import { instant } from '../paginate/time-windows.js';
import type { Listing, ListingInput } from '../model/listing.js';
import type { Shipment, ShipRequest } from '../model/shipment.js';
import type { StoreRef } from '../model/store.js';
import { bulkUpsert } from './bulk-upsert.js';
import type { BulkReport, HubBulkOptions } from './bulk-types.js';
import type { Catalog } from './catalog-types.js';
import { ship } from './fulfilment.js';
import type { HubHooks } from './hub-hooks.js';
import { syncInventory, type HubInventorySyncOptions, type HubInventorySyncReport } from './inventory-sync.js';
import { syncOrders } from './order-sync.js';
import { syncReturns, type ReturnSyncOptions } from './returns-sync.js';
import { watchOrders } from './order-watch.js';
import type { OrderWatchOptions, WatchReport } from './order-watch-types.js';
import { allStoreRefs, resolveStore, type ResolvedStore } from './store-ref.js';
import type { OrderSyncOptions, SyncReport } from './sync-types.js';

export interface HubOptions {
  /** Account key → adapter, e.g. { amazonEU: amazon({...}), shopeeSG: shopee({...}) }. */
  accounts: Record<string, MarketplaceAdapter>;
  /** The `hubHooks()` given to the adapter factories: rate waits and 429s then reach progress and reports. */
  hooks?: HubHooks;
}

const ACCOUNT_KEY = /^[A-Za-z0-9_.-]{1,64}$/;

export class Hub {
  readonly accounts: Readonly<Record<string, MarketplaceAdapter>>;
  private readonly hooks?: HubHooks;

  readonly listings = {
    /** Lists a catalog on many stores at once; resolves with one outcome per (store, SKU). */
    bulkUpsert: async (catalog: Catalog | ReadonlyArray<ListingInput | Listing>, opts: HubBulkOptions = {}): Promise<BulkReport> => {
      checkCatalog(catalog);
      checkObject(opts, 'opts');
      return bulkUpsert({ accounts: this.accounts, hooks: this.hooks }, catalog, opts);
    },
  };

  readonly orders = {
    /** Incremental order sync per account into `handle`, checkpointed (see OrderSyncOptions). */
    sync: async (opts: OrderSyncOptions): Promise<SyncReport> => {
      checkSyncOptions(opts, this.accounts, '');
      checkCheckpoints(opts.checkpoints, 'checkpoints');
      return syncOrders(this.accounts, opts);
    },
    /** Push + poll: notifications trigger targeted reads, polling is the safety net (see OrderWatchOptions). */
    watch: async (opts: OrderWatchOptions): Promise<WatchReport> => {
      checkObject(opts, 'opts');
      checkSyncOptions(opts.poll, this.accounts, 'poll.');
      checkCheckpoints(opts.poll.checkpoints, 'poll.checkpoints');
      return watchOrders(this.accounts, opts);
    },
  };

  readonly returns = {
    /** Incremental returns sync per account into `handle`, with the order sync's guarantees; optional ledger restock (see ReturnSyncOptions). */
    sync: async (opts: ReturnSyncOptions): Promise<SyncReport> => {
      checkCheckpoints(opts?.checkpoints, 'checkpoints');
      return syncReturns(this.accounts, opts);
    },
  };

  readonly inventory = {
    /** Stock across stores from one ledger: imported orders reserve, pushes never oversell. */
    sync: async (opts: HubInventorySyncOptions): Promise<HubInventorySyncReport> => {
      checkObject(opts, 'opts');
      if (opts.orders !== undefined) checkSyncOptions(opts.orders, this.accounts, 'orders.');
      if (opts.checkpoints !== undefined) checkCheckpoints(opts.checkpoints, 'checkpoints');
      return syncInventory(this.accounts, opts);
    },
  };

  readonly fulfilment = {
    /** Ships through the account's adapter ('amazonEU' or 'amazonEU:DE'); validated, idempotent by content. */
    ship: async (account: string, req: ShipRequest, opts?: CallOptions): Promise<Shipment> => {
      if (typeof account !== 'string') throw new ValidationError({ message: "account must be a string such as 'amazonEU'", path: 'account' });
      return ship(this.accounts, account, req, parseCallOptions(opts));
    },
  };

  constructor(opts: HubOptions) {
    if (!opts || typeof opts.accounts !== 'object' || opts.accounts === null || Object.keys(opts.accounts).length === 0) {
      throw new ValidationError({ message: 'Hub needs { accounts: { key: adapter, ... } } with at least one account', path: 'accounts' });
    }
    for (const [key, adapter] of Object.entries(opts.accounts)) {
      if (!ACCOUNT_KEY.test(key)) throw new ValidationError({ message: `Account key "${key}" may only use letters, digits, _ . - (no ":")`, path: `accounts.${key}` });
      if (!isAdapter(adapter)) throw new ValidationError({ message: `accounts.${key} is not a marketplace adapter (create it with amazon(), shopee()...)`, path: `accounts.${key}` });
    }
    // Null prototype: a caller's "constructor" or "__proto__" is never mistaken for an account.
    this.accounts = Object.freeze(Object.assign(Object.create(null) as Record<string, MarketplaceAdapter>, opts.accounts));
    this.hooks = opts.hooks;
  }

  /** The adapter of an account ('amazonEU', or the account part of 'amazonEU:DE'). */
  account(key: string): MarketplaceAdapter {
    if (typeof key !== 'string') throw new ValidationError({ message: "account must be a string such as 'amazonEU'", path: 'account' });
    const adapter = this.accounts[key.split(':')[0]!];
    if (!adapter) throw new ValidationError({ message: `Unknown account "${key}"`, path: 'account' });
    return adapter;
  }

  /** 'amazonEU:DE' → account, adapter and store (currency, country...). */
  store(ref: string): ResolvedStore {
    if (typeof ref !== 'string') throw new ValidationError({ message: "store must be a string such as 'amazonEU:DE'", path: 'store' });
    return resolveStore(this.accounts, ref, 'store');
  }

  /** Every store of every account as 'account:store'. */
  get stores(): StoreRef[] {
    return allStoreRefs(this.accounts);
  }
}

function isAdapter(value: unknown): value is MarketplaceAdapter {
  const a = value as MarketplaceAdapter | undefined;
  return !!a && typeof a.marketplace === 'string' && Array.isArray(a.stores) && typeof a.listings?.upsert === 'function' && typeof a.orders?.list === 'function' && !!a.capabilities;
}

// ---- input validation of the public methods (issue 12.3): hostile input → ValidationError with a path ----

/** A year: longer lags, overlaps or intervals are mistakes (and 1e21 would break Date arithmetic). */
const MAX_MS = 366 * 86_400_000;

function checkObject(v: unknown, path: string): void {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ValidationError({ message: `${path} must be an options object`, path });
}

function checkCatalog(catalog: unknown): void {
  const c = catalog as Catalog;
  if (Array.isArray(catalog)) return;
  if (typeof c === 'object' && c !== null && Array.isArray(c.listings) && Array.isArray(c.errors)) return;
  throw new ValidationError({ message: 'catalog must be an array of listings or a loaded Catalog', path: 'catalog' });
}

function checkSyncOptions(o: unknown, accounts: Readonly<Record<string, MarketplaceAdapter>>, prefix: string): void {
  checkObject(o, prefix ? prefix.slice(0, -1) : 'opts');
  const opts = o as OrderSyncOptions;
  const fail = (name: string, message: string): never => {
    throw new ValidationError({ message: `${prefix}${name} ${message}`, path: `${prefix}${name}` });
  };
  for (const name of ['overlapMs', 'lagMs', 'intervalMs'] as const) {
    const v = opts[name];
    if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > MAX_MS)) fail(name, 'must be a number of milliseconds from 0 to one year');
  }
  if (opts.since !== undefined) {
    if (!(opts.since instanceof Date) && typeof opts.since !== 'string') fail('since', 'must be a Date or an ISO date string');
    instant(new Date(opts.since), `${prefix}since`);
  }
  if (opts.accounts !== undefined) {
    if (!Array.isArray(opts.accounts)) fail('accounts', 'must be an array of account keys');
    opts.accounts.forEach((k, i) => {
      if (typeof k !== 'string' || !Object.hasOwn(accounts, k)) fail(`accounts[${i}]`, `is not an account of this hub (${Object.keys(accounts).join(', ')})`);
    });
  }
  if (opts.maxPasses !== undefined && (!Number.isSafeInteger(opts.maxPasses) || opts.maxPasses < 1 || opts.maxPasses > 100)) fail('maxPasses', 'must be a whole number from 1 to 100');
  for (const name of ['includePii', 'follow'] as const) if (opts[name] !== undefined && typeof opts[name] !== 'boolean') fail(name, 'must be a boolean');
  for (const name of ['now', 'onEvent', 'handle'] as const) if (opts[name] !== undefined && typeof opts[name] !== 'function') fail(name, 'must be a function');
  if (opts.signal !== undefined && !(opts.signal instanceof AbortSignal)) fail('signal', 'must be an AbortSignal');
  if (opts.clock !== undefined && (typeof opts.clock !== 'object' || opts.clock === null)) fail('clock', 'must be a Clock');
}

/** A CheckpointStore (memoryCheckpoints(), fileCheckpoints(path) or alike): a Map is not one. */
function checkCheckpoints(c: unknown, path: string): void {
  const store = c as { get?: unknown; set?: unknown } | null;
  if (typeof store !== 'object' || store === null || store instanceof Map || typeof store.get !== 'function' || typeof store.set !== 'function') {
    throw new ValidationError({ message: 'checkpoints must be a CheckpointStore (memoryCheckpoints() or fileCheckpoints(path))', path });
  }
}
