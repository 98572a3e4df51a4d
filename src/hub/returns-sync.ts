/**
 * hub.returns.sync: incremental, checkpointed returns sync with the order sync's guarantees
 * (issue 23.4). It reuses the order-sync engine unchanged (order-sync.ts → sync-window.ts →
 * sync-slice.ts: frozen upper bound, snapshot slices, watermark checkpoints, bounded dedup) by
 * presenting each account's `returns.list` as the feed the engine reads; checkpoints live under
 * `returns:<account>` so one store can hold both feeds.
 */
import type { MarketplaceAdapter, OrderListQuery } from '../adapter.js';
import { ValidationError } from '../errors/classes.js';
import type { CallOptions } from '../http/call-options.js';
import type { Quarantined } from '../http/parse.js';
import type { Order } from '../model/order.js';
import type { Return } from '../model/return.js';
import { Paginated } from '../paginate/paginated.js';
import { restockReturn, type RestockOptions, type RestockResult } from '../returns/restock.js';
import type { CheckpointStore } from './checkpoints.js';
import { syncOrders } from './order-sync.js';
import type { OrderContext, OrderSyncOptions, SyncReport } from './sync-types.js';

/**
 * Options of returns.sync: the order sync's options, with a per-return handler and an optional restock.
 * @property onEvent - Progress observer (windows, pages, idle waits); an exception it throws is ignored.
 */
export interface ReturnSyncOptions extends Omit<OrderSyncOptions, 'handle' | 'includePii'> {
  /** Called once per new return version (at least once). */
  handle(ret: Return, ctx: OrderContext & { restock?: RestockResult }): Promise<void> | void;
  /** Restock received returns into a stock ledger by policy, once per return id. */
  restock?: RestockOptions;
}

/** `returns:<account>` inside the caller's store: the order feed's checkpoints stay untouched. */
function namespaced(store: CheckpointStore): CheckpointStore {
  return { get: (k) => store.get(`returns:${k}`), set: (k, v) => store.set(`returns:${k}`, v) };
}

/**
 * The account's returns listing in the shape the sync engine reads. Where the marketplace's
 * paging cannot shift (capabilities.returns.stablePaging) a slice's pages are read as one snapshot;
 * elsewhere pages pass through and the engine narrows slices exactly as for orders.
 */
function feedOf(adapter: MarketplaceAdapter): MarketplaceAdapter {
  const returns = adapter.returns!;
  const stable = adapter.capabilities.returns?.stablePaging === true;
  const list = (q: OrderListQuery, opts?: CallOptions) => {
    const listing = returns.list({ ...(q.updatedSince ? { updatedSince: q.updatedSince } : {}), ...(q.until ? { until: q.until } : {}) }, opts);
    const source = stable
      ? async function* () {
          const items: Return[] = [];
          const quarantined: Quarantined[] = [];
          for await (const page of listing.pages()) {
            items.push(...page.items);
            quarantined.push(...page.quarantined);
          }
          yield { items, quarantined, resume: undefined };
        }
      : () => listing.pages()[Symbol.asyncIterator]() as AsyncGenerator<{ items: Return[]; quarantined: Quarantined[] }>;
    // A Return carries what the engine reads of an order: id, store, updatedAt.
    return new Paginated(source as () => AsyncGenerator<never>) as unknown as Paginated<Order>;
  };
  // A view, not a copy: class-based adapters keep their prototype (capabilities getters and the like).
  const feed = Object.create(adapter) as MarketplaceAdapter;
  Object.defineProperty(feed, 'orders', { value: { list }, enumerable: true });
  return feed;
}

export async function syncReturns(accounts: Readonly<Record<string, MarketplaceAdapter>>, opts: ReturnSyncOptions): Promise<SyncReport> {
  if (!opts || typeof opts !== 'object') throw new ValidationError({ message: 'returns.sync needs options', path: 'opts' });
  if (typeof opts.handle !== 'function') throw new ValidationError({ message: 'returns.sync needs a handle(ret) function', path: 'handle' });
  if (opts.accounts !== undefined && (!Array.isArray(opts.accounts) || !opts.accounts.every((k) => typeof k === 'string'))) {
    throw new ValidationError({ message: 'accounts must be an array of account keys', path: 'accounts' });
  }
  const keys = opts.accounts ?? Object.keys(accounts).filter((k) => accounts[k]?.returns);
  const feeds: Record<string, MarketplaceAdapter> = Object.create(null);
  for (const [i, k] of keys.entries()) {
    const a = accounts[k];
    if (!a) throw new ValidationError({ message: `Unknown account "${k}"`, path: `accounts[${i}]` });
    if (!a.returns) throw new ValidationError({ message: `Account "${k}" (${a.marketplace}) has no returns service`, path: `accounts[${i}]` });
    feeds[k] = feedOf(a);
  }
  const { handle, restock, checkpoints, ...rest } = opts;
  return syncOrders(feeds, {
    ...rest,
    accounts: keys,
    checkpoints: checkpoints && typeof checkpoints.get === 'function' ? namespaced(checkpoints) : checkpoints,
    handle: async (item, ctx) => {
      const ret = item as unknown as Return;
      const restocked = restock ? await restockReturn(ctx.account, ret, restock) : undefined;
      await handle(ret, { ...ctx, ...(restocked ? { restock: restocked } : {}) });
    },
  });
}
