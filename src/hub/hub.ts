/**
 * The multi-store hub: several accounts (adapter instances) behind one object. Stores are
 * addressed as 'account:store' ('amazonEU:DE'); orders and shipping are per account.
 */
import type { MarketplaceAdapter } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import type { CallOptions } from '../http/call-options.js';
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
    bulkUpsert: (catalog: Catalog | ReadonlyArray<ListingInput | Listing>, opts: HubBulkOptions = {}): Promise<BulkReport> =>
      bulkUpsert({ accounts: this.accounts, hooks: this.hooks }, catalog, opts),
  };

  readonly orders = {
    /** Incremental order sync per account into `handle`, checkpointed (see OrderSyncOptions). */
    sync: (opts: OrderSyncOptions): Promise<SyncReport> => syncOrders(this.accounts, opts),
  };

  readonly inventory = {
    /** Stock across stores from one ledger: imported orders reserve, pushes never oversell. */
    sync: (opts: HubInventorySyncOptions): Promise<HubInventorySyncReport> => syncInventory(this.accounts, opts),
  };

  readonly fulfilment = {
    /** Ships through the account's adapter ('amazonEU' or 'amazonEU:DE'); validated, idempotent by content. */
    ship: (account: string, req: ShipRequest, opts?: CallOptions): Promise<Shipment> => ship(this.accounts, account, req, opts),
  };

  constructor(opts: HubOptions) {
    if (!opts || typeof opts.accounts !== 'object' || opts.accounts === null || Object.keys(opts.accounts).length === 0) {
      throw new ValidationError({ message: 'Hub needs { accounts: { key: adapter, ... } } with at least one account', path: 'accounts' });
    }
    for (const [key, adapter] of Object.entries(opts.accounts)) {
      if (!ACCOUNT_KEY.test(key)) throw new ValidationError({ message: `Account key "${key}" may only use letters, digits, _ . - (no ":")`, path: `accounts.${key}` });
      if (!isAdapter(adapter)) throw new ValidationError({ message: `accounts.${key} is not a marketplace adapter (create it with amazon(), shopee()...)`, path: `accounts.${key}` });
    }
    this.accounts = Object.freeze({ ...opts.accounts });
    this.hooks = opts.hooks;
  }

  /** The adapter of an account ('amazonEU', or the account part of 'amazonEU:DE'). */
  account(key: string): MarketplaceAdapter {
    const adapter = this.accounts[key.split(':')[0]!];
    if (!adapter) throw new ValidationError({ message: `Unknown account "${key}"`, path: 'account' });
    return adapter;
  }

  /** 'amazonEU:DE' → account, adapter and store (currency, country...). */
  store(ref: string): ResolvedStore {
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
